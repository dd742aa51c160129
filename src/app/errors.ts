import type { LocalizedText } from "../core";
import type { PortFailure } from "./port";

/** A host failure a use case cannot go on after, carrying its ja/en text (`messages`, as adapter errors do). */
export class PortError extends Error {
  override readonly name = "PortError";
  readonly messages: LocalizedText;
  constructor(readonly failure: PortFailure) {
    super(failure.message.en);
    this.messages = failure.message;
  }
}
