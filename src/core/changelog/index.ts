export * from "./changelog";
export * from "./sheet-name";
