/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "<rootDir>/tsconfig.json" }],
  },
  moduleFileExtensions: ["ts", "tsx", "js", "json"],
  moduleNameMapper: {
    "^strip-bom$": "<rootDir>/test/setup/strip-bom.js",
    "^uuid$": "<rootDir>/test/setup/uuid.js",
  },
  setupFilesAfterEnv: ["<rootDir>/test/setup/dom.ts"],
  reporters: ["default", "<rootDir>/test/setup/summary-reporter.js"],
  testTimeout: 30000,
};
