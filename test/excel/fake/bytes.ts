// jsdom (the commands tests) has no TextEncoder; Node and the browser stand-in have one or Buffer.
const g = globalThis as { TextEncoder?: typeof TextEncoder; Buffer?: { byteLength(s: string): number } };
const encoder = g.TextEncoder ? new g.TextEncoder() : null;

/**
 * UTF-8 bytes of the JSON of a value: what a request or response would carry for it. Excel on the web counts
 * payloads in bytes ("Excel on the web limits requests and responses to 5 MB", "Excel JavaScript API
 * performance optimization", https://learn.microsoft.com/office/dev/add-ins/excel/performance); the wire
 * format itself is not documented, so this is an estimate (kana and kanji as 3 bytes; escaped they would be 6).
 */
export function bytesOf(v: unknown): number {
  const json = JSON.stringify(v ?? null);
  if (encoder) return encoder.encode(json).length;
  if (g.Buffer) return g.Buffer.byteLength(json);
  throw new Error("no UTF-8 encoder in this environment");
}
