// office-addin-manifest pulls an ESM-only uuid that jest on Node 20 cannot require; tests get Node's own.
const { randomUUID } = require("node:crypto");
module.exports = { v4: () => randomUUID() };
