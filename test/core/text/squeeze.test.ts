import fc from "fast-check";
import { squeezeSpace } from "../../../src/core/text/squeeze";

// squeezeSpace is a fast path for t.replace(/[\s\u3000]+/g, ""): it must agree with the expression on
// every UTF-16 code unit and on any text.
const reference = (t: string): string => t.replace(/[\s\u3000]+/g, "");

describe("squeezeSpace", () => {
  test("agrees with the regular expression on every code unit", () => {
    const differing: number[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const t = `a${String.fromCharCode(c)}b`;
      if (squeezeSpace(t) !== reference(t)) differing.push(c);
    }
    expect(differing).toEqual([]);
  });

  test.each([
    ["区政 運営\u3000基本方針", "区政運営基本方針"],
    ["成果指標\nと目標値", "成果指標と目標値"],
    ["撤退基準", "撤退基準"],
    ["", ""],
  ])("%j → %j", (input, expected) => {
    expect(squeezeSpace(input)).toBe(expected);
  });

  test("agrees with the regular expression on any text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 60 }), (t) => squeezeSpace(t) === reference(t)),
    );
  });
});
