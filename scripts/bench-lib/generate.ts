/**
 * Realistic benchmark workbooks: the fixture generator's Hirano FY2016 sheets (the seed's real rows and
 * layout), repeated with fresh item names, area numbers and strategy codes until a sheet has the rows asked.
 */
import { assemble } from "../../test/fixtures/assemble";
import {
  hiranoInitiative1,
  hiranoInitiative2,
  hiranoStrategy1,
  hiranoStrategy2,
} from "../../test/fixtures/seed";
import type { FieldValues, RowSpec, SheetSpec } from "../../test/fixtures/spec";
import { workbookBytes } from "../../test/fixtures/write-xlsx";

/** The 24 wards of Osaka City. */
export const WARDS = [
  "北区",
  "都島区",
  "福島区",
  "此花区",
  "中央区",
  "西区",
  "港区",
  "大正区",
  "天王寺区",
  "浪速区",
  "西淀川区",
  "淀川区",
  "東淀川区",
  "東成区",
  "生野区",
  "旭区",
  "城東区",
  "鶴見区",
  "阿倍野区",
  "住之江区",
  "住吉区",
  "東住吉区",
  "平野区",
  "西成区",
] as const;

function shiftCodes(text: string, offset: number): string {
  return text.replace(/\[(\d+)(?:-(\d+))?\]/g, (_m, a: string, b: string | undefined) =>
    b === undefined ? `[${Number(a) + offset}]` : `[${Number(a) + offset}-${b}]`,
  );
}

function shiftLine(line: FieldValues, offset: number): FieldValues {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(line)) out[k] = typeof v === "string" ? shiftCodes(v, offset) : v;
  return out as FieldValues;
}

/** Grid rows one spec row takes (items: one per line; headings one; pages a header block). */
function heightOf(row: RowSpec): number {
  return row.kind === "item" ? row.lines.length : row.kind === "page" ? 8 : 1;
}

/** A sheet spec repeated until it has at least `rows` body rows; every copy is a distinct area with its own codes. */
export function scaledSpec(base: SheetSpec, rows: number, ward: string): SheetSpec {
  const body = base.rows.filter((r) => r.kind !== "page");
  const perCopy = Math.max(
    1,
    body.reduce((n, r) => n + heightOf(r), 0),
  );
  const copies = Math.max(1, Math.ceil(rows / perCopy));
  const out: RowSpec[] = [];
  for (let k = 0; k < copies; k++) {
    const offset = k * 10;
    if (k > 0 && k % 4 === 0) out.push({ kind: "page" });
    for (const r of body) {
      if (r.kind === "area")
        out.push({ ...r, number: String(Number(r.number) + k * 2 || k + 1), title: `${r.title}(${k + 1})` });
      else if (r.kind === "item")
        out.push({ ...r, name: `${r.name}(${k + 1})`, lines: r.lines.map((l) => shiftLine(l, offset)) });
      else out.push(r);
    }
  }
  return { ...base, ward, rows: out };
}

/** A ward's workbook: one strategy sheet and one initiative sheet of about `rows` rows each. */
export async function wardWorkbook(ward: string, rows: number, index: number): Promise<Buffer> {
  const strategy = index % 2 === 0 ? hiranoStrategy1 : hiranoStrategy2;
  const initiative = index % 2 === 0 ? hiranoInitiative1 : hiranoInitiative2;
  const built = assemble([
    { kind: "form", spec: scaledSpec(strategy("戦略"), rows, ward) },
    { kind: "form", spec: scaledSpec(initiative("取組"), rows, ward) },
  ]);
  return workbookBytes(built.workbook);
}

/** One workbook with a single sheet of about `rows` rows (initiative or strategy kind). */
export async function bigWorkbook(kind: "initiative" | "strategy", rows: number): Promise<Buffer> {
  const base = kind === "initiative" ? hiranoInitiative1("取組") : hiranoStrategy1("戦略");
  return workbookBytes(assemble([{ kind: "form", spec: scaledSpec(base, rows, "平野区") }]).workbook);
}
