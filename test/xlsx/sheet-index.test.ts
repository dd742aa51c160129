import fc from "fast-check";
import { indexSheet, type AreaSpan } from "../../src/xlsx/patch/sheet-index";
import { toA1 } from "../../src/core";

/** A worksheet part with these merged areas (they may overlap: the index must still answer as a scan would). */
function sheetWith(areas: ReadonlyArray<AreaSpan>): string {
  const refs = areas
    .map((a) => `<mergeCell ref="${toA1(a.top, a.left)}:${toA1(a.bottom, a.right)}"/>`)
    .join("");
  return (
    `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/>` +
    `<mergeCells count="${areas.length}">${refs}</mergeCells></worksheet>`
  );
}

const area = fc
  .record({
    top: fc.nat(40),
    left: fc.nat(8),
    h: fc.oneof(fc.nat(4), fc.integer({ min: 250, max: 600 })),
    w: fc.nat(3),
  })
  .map(({ top, left, h, w }) => ({ top, left, bottom: top + h, right: left + w }));

describe("SheetIndex.mergeAt", () => {
  it("finds the same area as a scan of every area, tall ones included", () => {
    fc.assert(
      fc.property(fc.array(area, { maxLength: 30 }), fc.nat(700), fc.nat(12), (areas, row, col) => {
        const index = indexSheet(sheetWith(areas));
        const scan = index.merges.find(
          (m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right,
        );
        expect(index.mergeAt(row, col)).toEqual(scan);
      }),
    );
  });

  it("finds rows by number as the first row of that number", () => {
    const xml =
      `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` +
      `<row r="2"><c r="A2"><v>1</v></c></row><row><c r="A3"><v>2</v></c></row><row r="9"/></sheetData></worksheet>`;
    const index = indexSheet(xml);
    expect([...index.rowAt.keys()]).toEqual([2, 3, 9]);
    expect(index.rowAt.get(3)).toBe(index.rows[1]);
    expect(index.rowAt.get(4)).toBeUndefined();
  });
});
