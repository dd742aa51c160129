export type * from "./snapshot";
export type * from "./records";
export type * from "./values";
export type * from "./findings";
export type * from "./plan";
export type * from "./evaluation";
export type * from "./reasons";
