// jsdom (the commands tests) has no TextEncoder; Node and the browser stand-in have one or Buffer.
const g = globalThis as { TextEncoder?: typeof TextEncoder; Buffer?: { byteLength(s: string): number } };
const encoder = g.TextEncoder ? new g.TextEncoder() : null;

/** UTF-8 bytes of the JSON of a value: what a request or response would carry for it. */
export function bytesOf(v: unknown): number {
  const json = JSON.stringify(v ?? null);
  if (encoder) return encoder.encode(json).length;
  if (g.Buffer) return g.Buffer.byteLength(json);
  throw new Error("no UTF-8 encoder in this environment");
}
