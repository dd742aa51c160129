// Every code unit that /[\s\u3000]/ matches (\s already holds U+3000): tab to carriage return, space,
// no-break space, the Ogham space, U+2000–U+200A, the line and paragraph separators, narrow no-break,
// medium mathematical space, the ideographic space and the byte-order mark.
function isSpaceUnit(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

const SPACE_RUNS = /[\s\u3000]+/g;

/**
 * The text without any whitespace (`t.replace(/[\s\u3000]+/g, "")`); a text holding none, as most cells,
 * is returned as it is, without running the expression or building a new string.
 */
export function squeezeSpace(t: string): string {
  for (let i = 0; i < t.length; i++) {
    if (isSpaceUnit(t.charCodeAt(i))) return t.replace(SPACE_RUNS, "");
  }
  return t;
}
