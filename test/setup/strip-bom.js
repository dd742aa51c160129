// office-addin-mock → office-addin-manifest → @microsoft/app-manifest requires strip-bom, which is ESM-only;
// jest on Node 20 cannot require ESM, so tests get this CommonJS equivalent (toolchain.md).
function stripBom(text) {
  if (typeof text !== "string") throw new TypeError(`Expected a string, got ${typeof text}`);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
module.exports = stripBom;
module.exports.default = stripBom;
