/** The fake Excel (test/excel/fake): kept as an entry point for the tests and scripts that import it here. */
export * from "./fake";
