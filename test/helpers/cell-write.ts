import { fromA1 } from "../../src/core";

/**
 * A CellWrite's place from its A1 text, as the core's plan gives it (1-based row and column beside the A1
 * text). Text that is no cell address gets row 0, column 0, which every host refuses as invalid-address.
 */
export function at(cell: string): { readonly cell: string; readonly row: number; readonly col: number } {
  const pos = fromA1(cell);
  return pos === null || pos.col < 0
    ? { cell, row: 0, col: 0 }
    : { cell, row: pos.row + 1, col: pos.col + 1 };
}
