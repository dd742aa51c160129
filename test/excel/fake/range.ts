/** Range, RangeAreas and the range's protection format: reads as Excel returns them, writes as Excel takes them. */
import type { XFormatProtection, XRange, XRangeAreas, XRangeFormat } from "../../../src/excel/office";
import { FakeObject } from "./base";
import { FakeConditionalFormatCollection } from "./cf";
import { display, enter } from "./entry";
import { FakeRichApiError } from "./errors";
import {
  SHEET_BOUNDS,
  a1,
  contains,
  overlap,
  parseRect,
  quote,
  rectText,
  type Rect,
  type Scalar,
  type SheetModel,
  type WorkbookModel,
} from "./model";

/** Error values Excel's getSpecialCells(…, "Errors") finds. */
export const ERROR_TEXTS = new Set([
  "#N/A",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#NULL!",
  "#SPILL!",
  "#CALC!",
]);

export interface RangeTarget {
  sheet: SheetModel;
  rect: Rect;
}

export interface AreasTarget {
  sheet: SheetModel;
  rects: Rect[];
}

export class FakeFormatProtection extends FakeObject<RangeTarget> implements XFormatProtection {
  static override officeClass = "FormatProtection";
  static override members = ["locked"];
  get locked(): boolean {
    return this.prop<boolean>("locked");
  }
  protected read(t: RangeTarget, name: string): unknown {
    if (name !== "locked") throw new Error(`format.protection.${name} is not modelled`);
    // A range of mixed locks reads null: "A null value indicates that the entire range doesn't have a uniform
    // lock setting" ("Excel.FormatProtection", https://learn.microsoft.com/javascript/api/excel/excel.formatprotection).
    let seen: boolean | null = null;
    for (let r = t.rect.top; r <= t.rect.bottom; r++)
      for (let c = t.rect.left; c <= t.rect.right; c++) {
        const l = t.sheet.lockedAt(r, c);
        if (seen !== null && seen !== l) return null;
        seen = l;
      }
    return seen;
  }
}

export class FakeRangeFormat extends FakeObject<RangeTarget> implements XRangeFormat {
  static override officeClass = "RangeFormat";
  static override members = ["protection"];
  private protectionObj: FakeFormatProtection | null = null;
  get protection(): FakeFormatProtection {
    this.protectionObj ??= new FakeFormatProtection(this.ctx, this.resolver);
    return this.protectionObj;
  }
  protected override navigate(name: string): FakeObject<unknown> | null {
    return name === "protection" ? (this.protection as FakeObject<unknown>) : null;
  }
  protected read(): unknown {
    throw new Error("range format properties are not modelled");
  }
}

export class FakeRange extends FakeObject<RangeTarget> implements XRange {
  static override officeClass = "Range";
  static override members = [
    "address",
    "rowIndex",
    "columnIndex",
    "rowCount",
    "columnCount",
    "values",
    "formulas",
    "numberFormat",
    "text",
    "format",
    "conditionalFormats",
    "getIntersectionOrNullObject",
    "getSpecialCellsOrNullObject",
    "getMergedAreasOrNullObject",
    "getCell",
    "getResizedRange",
    "insert",
    "select",
  ];
  private cfObj: FakeConditionalFormatCollection | null = null;
  private formatObj: FakeRangeFormat | null = null;

  get address(): string {
    return this.prop<string>("address");
  }
  get rowIndex(): number {
    return this.prop<number>("rowIndex");
  }
  get columnIndex(): number {
    return this.prop<number>("columnIndex");
  }
  get rowCount(): number {
    return this.prop<number>("rowCount");
  }
  get columnCount(): number {
    return this.prop<number>("columnCount");
  }
  get values(): Scalar[][] {
    return this.prop<Scalar[][]>("values");
  }
  set values(v: (Scalar | null)[][]) {
    this.set("values", v, (t) => writeValues(this.ctx.model, t, v));
  }
  get formulas(): Scalar[][] {
    return this.prop<Scalar[][]>("formulas");
  }
  get text(): string[][] {
    return this.prop<string[][]>("text");
  }
  get numberFormat(): string[][] {
    return this.prop<string[][]>("numberFormat");
  }
  set numberFormat(v: string[][]) {
    this.set("numberFormat", v, (t) => {
      if (v.length !== t.rect.bottom - t.rect.top + 1)
        throw new FakeRichApiError("InvalidArgument", "numberFormat shape");
      // Protection forbids formatting cells unless the sheet allows it (kusei never asks it to).
      if (t.sheet.protected) throw new FakeRichApiError("AccessDenied", `sheet ${t.sheet.name} is protected`);
      v.forEach((row, r) =>
        row.forEach((f, c) => {
          const cell = t.sheet.cell(t.rect.top + r, t.rect.left + c);
          if (cell) cell.format = f;
          else t.sheet.emptyFormats.set(`${t.rect.top + r},${t.rect.left + c}`, f);
        }),
      );
    });
  }
  get format(): FakeRangeFormat {
    this.formatObj ??= new FakeRangeFormat(this.ctx, this.resolver);
    return this.formatObj;
  }
  protected override navigate(name: string): FakeObject<unknown> | null {
    if (name === "format") return this.format as FakeObject<unknown>;
    return null;
  }

  protected read(t: RangeTarget, name: string): unknown {
    const { rect, sheet } = t;
    const grid = <V>(f: (r: number, c: number) => V): V[][] | null => {
      // "a range is limited to five million cells for get operations"; past that `values` may be null.
      if ((rect.bottom - rect.top + 1) * (rect.right - rect.left + 1) > this.ctx.profile.cellLimit)
        return null;
      const rows: V[][] = [];
      for (let r = rect.top; r <= rect.bottom; r++) {
        const row: V[] = [];
        for (let c = rect.left; c <= rect.right; c++) row.push(f(r, c));
        rows.push(row);
      }
      return rows;
    };
    switch (name) {
      case "address":
        return `${quote(sheet.name)}!${rectText(rect)}`;
      case "rowIndex":
        return rect.top;
      case "columnIndex":
        return rect.left;
      case "rowCount":
        return rect.bottom - rect.top + 1;
      case "columnCount":
        return rect.right - rect.left + 1;
      case "values":
        return grid((r, c) => sheet.valueAt(r, c));
      case "formulas":
        return grid((r, c) => sheet.cell(r, c)?.formula ?? sheet.valueAt(r, c));
      case "text":
        return grid((r, c) => display(sheet.cell(r, c)));
      case "numberFormat":
        return grid((r, c) => sheet.formatAt(r, c));
      default:
        throw new Error(`range.${name} is not modelled`);
    }
  }

  getIntersectionOrNullObject(other: string | FakeRange): FakeRange {
    return new FakeRange(this.ctx, () => {
      const t = this.resolver();
      if (!t) return null;
      const o = typeof other === "string" ? parseRect(other) : other.resolver()?.rect;
      if (!o) return null;
      const rect = overlap(t.rect, o);
      return rect ? { sheet: t.sheet, rect } : null;
    });
  }

  getCell(row: number, col: number): FakeRange {
    return new FakeRange(this.ctx, () => {
      const t = this.resolver();
      if (!t) return null;
      const r = t.rect.top + row;
      const c = t.rect.left + col;
      return { sheet: t.sheet, rect: { top: r, left: c, bottom: r, right: c } };
    });
  }

  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    return new FakeRange(this.ctx, () => {
      const t = this.resolver();
      if (!t) return null;
      const rect = { ...t.rect, bottom: t.rect.bottom + deltaRows, right: t.rect.right + deltaColumns };
      if (rect.bottom < rect.top || rect.right < rect.left)
        throw new FakeRichApiError("InvalidArgument", "resize");
      return {
        sheet: t.sheet,
        rect: {
          ...rect,
          bottom: Math.min(rect.bottom, SHEET_BOUNDS.bottom),
          right: Math.min(rect.right, SHEET_BOUNDS.right),
        },
      };
    });
  }

  getSpecialCellsOrNullObject(cellType: "Formulas" | "Constants", valueType?: "Errors"): FakeRangeAreas {
    this.ctx.requireApi("1.9", "getSpecialCellsOrNullObject");
    return new FakeRangeAreas(this.ctx, () => {
      const t = this.resolver();
      if (!t) return null;
      const rects: Rect[] = [];
      for (const [key, cell] of t.sheet.cells) {
        const [r, c] = key.split(",").map(Number) as [number, number];
        if (r < t.rect.top || r > t.rect.bottom || c < t.rect.left || c > t.rect.right) continue;
        if ((cellType === "Formulas") !== (cell.formula !== null)) continue;
        if (valueType === "Errors" && !(typeof cell.value === "string" && ERROR_TEXTS.has(cell.value)))
          continue;
        rects.push({ top: r, left: c, bottom: r, right: c });
      }
      return rects.length ? { sheet: t.sheet, rects } : null;
    });
  }

  /**
   * Like Excel: only areas whose top-left cell lies inside the range are found (OfficeDev/office-js#3611),
   * and more than the host's limit (512) fails the request.
   */
  getMergedAreasOrNullObject(): FakeRangeAreas {
    this.ctx.requireApi("1.13", "getMergedAreasOrNullObject");
    return new FakeRangeAreas(this.ctx, () => {
      const t = this.resolver();
      if (!t) return null;
      const rects = t.sheet.merges.filter(
        (m) =>
          m.top >= t.rect.top && m.top <= t.rect.bottom && m.left >= t.rect.left && m.left <= t.rect.right,
      );
      const limit = this.ctx.profile.mergedAreaLimit;
      if (rects.length > limit)
        throw new FakeRichApiError("GeneralException", `${rects.length} merged areas: more than ${limit}`);
      return rects.length ? { sheet: t.sheet, rects } : null;
    });
  }

  get conditionalFormats(): FakeConditionalFormatCollection {
    this.ctx.requireApi("1.6", "conditionalFormats");
    this.cfObj ??= new FakeConditionalFormatCollection(this.ctx, () => {
      const t = this.resolver();
      return t ? { sheet: t.sheet, rects: [t.rect] } : null;
    });
    return this.cfObj;
  }

  /** Whole rows only ("5:7"), as the change log uses it. */
  insert(shift: "Down" | "Right"): FakeRange {
    this.call("insert", shift, true, (t) => {
      if (shift !== "Down" || t.rect.left !== 0 || t.rect.right !== SHEET_BOUNDS.right)
        throw new Error("the fake inserts whole rows only");
      if (t.sheet.protected) throw new FakeRichApiError("AccessDenied", `sheet ${t.sheet.name} is protected`);
      t.sheet.insertRows(t.rect.top, t.rect.bottom - t.rect.top + 1);
      this.ctx.model.events.push(`insertRows ${t.sheet.name} ${t.rect.top + 1}:${t.rect.bottom + 1}`);
    });
    return this;
  }

  select(): void {
    this.call("select", null, false, (t) => {
      this.ctx.model.selected = { sheet: t.sheet.name, address: rectText(t.rect) };
    });
  }
}

/**
 * A values write: the shape must match; `null` leaves a cell as it is and "" clears it ("Blank and null
 * values in Excel add-ins", https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-blank-null-values);
 * a string is read as typed (entry.ts). On a protected sheet only unlocked cells take a value (the error
 * code Excel gives for a locked one is not documented; AccessDenied is the documented protection error).
 * A write that covers part of a merged area — anything but the whole area or its top-left cell alone —
 * fails: Excel's UI refuses to change part of a merged cell and Microsoft's guidance is to write the
 * top-left cell; what Office.js does is undocumented, so the fake takes the strict reading.
 */
function writeValues(model: WorkbookModel, t: RangeTarget, v: (Scalar | null)[][]): void {
  const rows = t.rect.bottom - t.rect.top + 1;
  const cols = t.rect.right - t.rect.left + 1;
  if (v.length !== rows || v.some((r) => r.length !== cols)) {
    throw new FakeRichApiError(
      "InvalidArgument",
      `values are ${v.length}×${v[0]?.length ?? 0}, range is ${rows}×${cols}`,
    );
  }
  const single = rows === 1 && cols === 1;
  for (const m of t.sheet.merges) {
    if (!overlap(m, t.rect) || contains(t.rect, m)) continue;
    if (single && m.top === t.rect.top && m.left === t.rect.left) continue;
    throw new FakeRichApiError(
      "MergedRangeConflict",
      `${rectText(t.rect)} covers part of the merged area ${rectText(m)}`,
    );
  }
  v.forEach((row, r) =>
    row.forEach((value, c) => {
      if (value === null) return;
      const rr = t.rect.top + r;
      const cc = t.rect.left + c;
      if (t.sheet.protected && t.sheet.lockedAt(rr, cc))
        throw new FakeRichApiError(
          "AccessDenied",
          `${a1(rr, cc)} is locked on the protected sheet ${t.sheet.name}`,
        );
      const inMerge = t.sheet.merges.find(
        (m) => rr >= m.top && rr <= m.bottom && cc >= m.left && cc <= m.right,
      );
      if (inMerge && (inMerge.top !== rr || inMerge.left !== cc) && value !== "")
        throw new FakeRichApiError("MergedRangeConflict", `${a1(rr, cc)} is inside a merged area`);
      const before = t.sheet.cell(rr, cc);
      const keep = { ...(before?.locked === false ? { locked: false } : {}) };
      const format = t.sheet.formatAt(rr, cc);
      if (value === "") {
        if (before?.format && before.format !== "General")
          t.sheet.emptyFormats.set(`${rr},${cc}`, before.format);
        t.sheet.cells.delete(`${rr},${cc}`);
        if (before?.locked === false) t.sheet.unlockedEmpty.add(`${rr},${cc}`);
      } else {
        const entered = enter(value, format);
        t.sheet.cells.set(`${rr},${cc}`, {
          value: entered.value,
          formula: entered.formula,
          ...(entered.format && entered.format !== "General" ? { format: entered.format } : {}),
          ...keep,
        });
      }
      const after = t.sheet.cell(rr, cc);
      model.changes.push({
        sheet: t.sheet.name,
        cell: a1(rr, cc),
        before: before ? (before.formula ?? before.value) : null,
        after: after ? (after.formula ?? after.value) : null,
      });
    }),
  );
}

export class FakeRangeAreas extends FakeObject<AreasTarget> implements XRangeAreas {
  static override officeClass = "RangeAreas";
  static override members = ["address", "areaCount", "conditionalFormats"];
  private cfObj: FakeConditionalFormatCollection | null = null;
  get address(): string {
    return this.prop<string>("address");
  }
  get areaCount(): number {
    return this.prop<number>("areaCount");
  }
  protected read(t: AreasTarget, name: string): unknown {
    if (name === "address") return t.rects.map((r) => `${quote(t.sheet.name)}!${rectText(r)}`).join(",");
    if (name === "areaCount") return t.rects.length;
    throw new Error(`rangeAreas.${name} is not modelled`);
  }
  get conditionalFormats(): FakeConditionalFormatCollection {
    this.cfObj ??= new FakeConditionalFormatCollection(this.ctx, this.resolver);
    return this.cfObj;
  }
}
