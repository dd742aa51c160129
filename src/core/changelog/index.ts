export * from "./changelog";
