// ESLint in the Office add-in style (eslint-plugin-office-addins: Office.js load/sync hygiene, prettier),
// plus the dependency rule of the architecture: src/core imports nothing outside itself but zod.
const officeAddins = require("eslint-plugin-office-addins");
const tsParser = require("@typescript-eslint/parser");

module.exports = [
  { ignores: ["node_modules/**", "dist/**", "lib/**", "out/**", "coverage/**", "test-results/**", "**/*.js"] },
  ...officeAddins.configs.react,
  {
    files: ["**/*.{ts,tsx}"],
    languageOptions: { parser: tsParser, ecmaVersion: 2022, sourceType: "module" },
    rules: {
      "no-undef": "off",
      "react/react-in-jsx-scope": "off",
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
              group: ["**/excel/**", "**/xlsx/**", "**/taskpane/**", "**/commands/**", "**/cli/**"],
              message: "src/core must not depend on a host.",
            },
          ],
        },
      ],
    },
  },
];
