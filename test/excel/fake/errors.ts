/** Errors shaped like Office.js's: OfficeExtension.Error (RichApi.Error) with a code, and PropertyNotLoaded. */

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
