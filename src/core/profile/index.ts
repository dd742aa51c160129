export { DEFAULT_PROFILE } from "./profile";
export type { Profile } from "./profile";
export { profileOverrideSchema } from "./schema";
export type { ProfileOverride } from "./schema";
export { parseProfile, parseProfileJson, applyProfileOverride } from "./load";
export type { ProfileError, ProfileParseResult } from "./load";
