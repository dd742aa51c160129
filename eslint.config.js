// ESLint in the Office add-in style (eslint-plugin-office-addins: Office.js load/sync hygiene, prettier),
// type-aware where it finds real bugs (typescript-eslint: a promise nobody awaits), and the layers of the
// architecture as import rules: hosts → app → adapters/core, adapters → core, core → nothing (zod aside);
// outside src/core the core is entered only through src/core/index.ts.
const officeAddins = require("eslint-plugin-office-addins");
const tseslint = require("typescript-eslint");

// The office-addins config brings an older copy of the typescript-eslint plugin (8.8) whose type-aware
// rules break on TypeScript 6; every config object uses the project's own typescript-eslint instead.
const officeConfigs = officeAddins.configs.react.map((c) =>
  c.plugins?.["@typescript-eslint"] ? { ...c, plugins: { ...c.plugins, "@typescript-eslint": tseslint.plugin } } : c,
);

/** Outside src/core, the core's modules are reached only through its barrel (src/core/index.ts). */
const CORE_DOOR = {
  group: ["**/core/*", "**/core/*/**"],
  message: "Import the core through src/core (its index.ts), not its modules.",
};
const HOSTS = {
  group: ["**/cli", "**/cli/**", "**/taskpane", "**/taskpane/**", "**/commands", "**/commands/**"],
  message: "A host is a composition root: nothing imports it.",
};
const APP = { group: ["**/app", "**/app/**"], message: "Only hosts use src/app." };
const REPORT = { group: ["**/report", "**/report/**"], message: "Only hosts use src/report." };
const ADAPTERS = {
  group: ["**/xlsx", "**/xlsx/**", "**/excel", "**/excel/**"],
  message: "Only src/app (the ports) and hosts use an adapter.",
};
/** What a host must leave to the use cases: reading, evaluating, planning, applying, logging. */
const PIPELINE_CORE = {
  group: ["**/core"],
  importNames: [
    "evaluateWorkbook",
    "writesFromPlan",
    "buildPlan",
    "planRevert",
    "nextApplyId",
    "entriesForApply",
    "readChangeLog",
    "changeLogOf",
  ],
  message: "A host calls the use cases (src/app) instead of wiring the core's pipeline itself.",
};
const PIPELINE_ADAPTERS = {
  group: ["**/xlsx", "**/excel"],
  importNames: ["readWorkbook", "writeWorkbook", "applyWrites", "appendChangeLog", "readSnapshots", "showHighlights"],
  message: "A host calls the use cases (src/app) over a port instead of driving an adapter itself.",
};
const layer = (files, patterns) => ({
  files,
  rules: { "no-restricted-imports": ["error", { patterns }] },
});

module.exports = [
  { ignores: ["node_modules/**", "dist/**", "lib/**", "out/**", "coverage/**", "test-results/**", "**/*.js"] },
  ...officeConfigs,
  {
    files: ["**/*.{ts,tsx,mts}"],
    plugins: { "@typescript-eslint": tseslint.plugin },
    languageOptions: {
      parser: tseslint.parser,
      ecmaVersion: 2022,
      sourceType: "module",
      parserOptions: { projectService: true, tsconfigRootDir: __dirname },
    },
    rules: {
      "no-undef": "off",
      "react/react-in-jsx-scope": "off",
      "@typescript-eslint/no-floating-promises": "error",
    },
  },
  {
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(?!\\.|zod$).*",
              message: "src/core is pure: import only from src/core itself (and zod).",
            },
            {
              group: ["**/excel/**", "**/xlsx/**", "**/taskpane/**", "**/commands/**", "**/cli/**", "**/app/**", "**/report/**"],
              message: "src/core must not depend on anything outside it.",
            },
          ],
        },
      ],
    },
  },
  layer(["src/xlsx/**/*.ts", "src/excel/**/*.ts"], [CORE_DOOR, HOSTS, APP, REPORT]),
  layer(["src/report/**/*.ts"], [CORE_DOOR, HOSTS, APP, ADAPTERS]),
  layer(["src/app/**/*.ts"], [CORE_DOOR, HOSTS, REPORT]),
  layer(["src/cli/**/*.ts"], [CORE_DOOR, PIPELINE_CORE, PIPELINE_ADAPTERS, { ...HOSTS, group: HOSTS.group.filter((g) => !g.includes("cli")) }]),
  layer(["src/taskpane/**/*.{ts,tsx,mts}"], [CORE_DOOR, PIPELINE_CORE, PIPELINE_ADAPTERS, { ...HOSTS, group: HOSTS.group.filter((g) => !g.includes("taskpane")) }]),
  layer(["src/commands/**/*.ts"], [CORE_DOOR, PIPELINE_CORE, PIPELINE_ADAPTERS, { ...HOSTS, group: HOSTS.group.filter((g) => !g.includes("commands")) }]),
];
