// The core reads number cells as a person sees them (SheetSnapshot.displays): a percent cell holding 0.873
// with format 0.0% reads 87.3%, a date serial reads as the date its format shows, 12400 with #,##0 reads
// 12,400. The snapshots here list displays as an adapter would (the adapters' own rendering is tested in
// their contract suite).
import type { CellDisplay, SheetSnapshot } from "../../../src/core/model/snapshot";
import { Grid } from "../../../src/core/layout/grid";
import { evaluateWorkbook } from "../../../src/core";
import { initiativeSample, strategySample } from "./samples";

function withCell(
  snap: SheetSnapshot,
  find: (text: string) => boolean,
  value: number,
  display: Omit<CellDisplay, "row" | "col"> | null,
): { snapshot: SheetSnapshot; row: number; col: number } {
  for (let row = 0; row < snap.values.length; row++) {
    const cells = snap.values[row] ?? [];
    for (let col = 0; col < cells.length; col++) {
      const v = cells[col];
      if (typeof v !== "string" || !find(v)) continue;
      const values = snap.values.map((r, i) => (i === row ? r.map((c, j) => (j === col ? value : c)) : r));
      const displays =
        display === null ? snap.displays : [...(snap.displays ?? []), { row, col, ...display }];
      return { snapshot: { ...snap, values, ...(displays === undefined ? {} : { displays }) }, row, col };
    }
  }
  throw new Error("cell not found");
}

describe("Grid reads number cells through displays", () => {
  const base: SheetSnapshot = {
    name: "s",
    origin: { row: 0, col: 0 },
    values: [[0.873, 42736, 12400, "87.3%", 5]],
    formulas: [],
    errors: [],
    merges: [],
    displays: [
      { row: 0, col: 0, text: "87.3%", format: "0.0%" },
      { row: 0, col: 1, text: "平成29年1月1日", format: '[$-ja-JP-x-gannen]ggge"年"m"月"d"日"' },
      { row: 0, col: 2, text: "12,400", format: "#,##0" },
      // a display for a string cell is ignored: strings read as themselves
      { row: 0, col: 3, text: "wrong", format: "@" },
    ],
    visibility: "visible",
    protected: false,
  };

  test("text and fieldCell.text are the displayed text; raw keeps the number", () => {
    const g = new Grid(base);
    expect(g.text(0, 0)).toBe("87.3%");
    expect(g.text(0, 1)).toBe("平成29年1月1日");
    expect(g.text(0, 2)).toBe("12,400");
    expect(g.text(0, 3)).toBe("87.3%");
    expect(g.text(0, 4)).toBe("5");
    const f = g.fieldCell(0, 0);
    expect(f.raw).toBe(0.873);
    expect(f.text).toBe("87.3%");
  });

  test("malformed display entries are ignored, never thrown on", () => {
    const bad = {
      ...base,
      displays: [null, { row: 0, col: 0 }, { row: 9, col: 9, text: "x" }, { row: 0, col: 4, text: 7 }],
    } as unknown as SheetSnapshot;
    const g = new Grid(bad);
    expect(g.text(0, 0)).toBe("0.873");
    expect(g.text(0, 4)).toBe("5");
  });

  test("without displays a number reads as itself", () => {
    const plain: SheetSnapshot = { ...base };
    delete (plain as { displays?: unknown }).displays;
    expect(new Grid(plain).text(0, 0)).toBe("0.873");
  });
});

describe("evaluation over formatted cells", () => {
  test("a percent cell 0.95 shown as 95% is compared as 95%, not as the bare number 0.95", () => {
    const snap = initiativeSample("取組").build();
    const { snapshot } = withCell(snap, (t) => t === "窓口サービス満足度:95%", 0.95, {
      text: "95%",
      format: "0%",
    });
    const ev = evaluateWorkbook([snapshot]);
    const d = ev.initiatives.find((i) => i.record.initiativeCode === "5-1");
    expect(d?.achievement).toBe("achieved");
    expect(d?.reason.ja).toContain("95% ≥ 70%以上");
    // the same cell without its display: the bare 0.95 is not silently compared with 70%
    const { snapshot: bare } = withCell(snap, (t) => t === "窓口サービス満足度:95%", 0.95, null);
    const b = evaluateWorkbook([bare]).initiatives.find((i) => i.record.initiativeCode === "5-1");
    expect(b?.achievement).toBeNull();
    expect(ev2Codes(bare)).toContain("parse.unit-mismatch");
  });

  test("a strategy's percent result 0.933 with 0.0% reads 93.3%", () => {
    const snap = strategySample("戦略").build();
    const { snapshot } = withCell(snap, (t) => t === "93%", 0.933, { text: "93.3%", format: "0.0%" });
    const ev = evaluateWorkbook([snapshot]);
    const s = ev.strategies.find((x) => x.outcomes.some((o) => o.results.some((r) => r.value === 93.3)));
    expect(s?.outcomes[0]?.mark).toBe("A");
    expect(s?.outcomes[0]?.explanation.ja).toBe("93.3% ≥ 70%以上");
  });

  test("a number with separators reads as the number", () => {
    const snap = initiativeSample("取組").build();
    const { snapshot } = withCell(snap, (t) => t === "4回", 12400, { text: "12,400", format: "#,##0" });
    const ev = evaluateWorkbook([snapshot]);
    const d = ev.initiatives.find((i) => i.record.initiativeCode === "5-2");
    const r = d?.targets.flatMap((t) => t.results).find((x) => x.value === 12400);
    expect(r?.raw).toBe("12,400");
  });

  test("a date cell reads as the date its format shows, never as a serial quantity", () => {
    const snap = initiativeSample("取組").build();
    const { snapshot } = withCell(snap, (t) => t === "4回", 42736, {
      text: "平成29年1月1日",
      format: '[$-ja-JP-x-gannen]ggge"年"m"月"d"日"',
    });
    const ev = evaluateWorkbook([snapshot]);
    const d = ev.initiatives.find((i) => i.record.initiativeCode === "5-2");
    expect(d?.targets.flatMap((t) => t.results).some((x) => x.value === 42736)).toBe(false);
  });
});

function ev2Codes(snapshot: SheetSnapshot): string[] {
  return evaluateWorkbook([snapshot]).findings.map((f) => f.code);
}
