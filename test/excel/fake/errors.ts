/**
 * Errors shaped like Office.js's: OfficeExtension.Error (RichApi.Error) with a code, and PropertyNotLoaded.
 * The codes are the documented ones ("Error handling with the application-specific JavaScript APIs",
 * https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling).
 */

export class PropertyNotLoadedError extends Error {
  readonly code = "PropertyNotLoaded";
  constructor(what: string) {
    super(`PropertyNotLoaded: ${what} was read without load() and sync()`);
  }
}

/** Shaped like OfficeExtension.Error (code + message). */
export class FakeRichApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}
