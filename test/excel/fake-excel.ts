/**
 * A strict in-memory Excel for adapter tests and the Excel benchmark.
 *
 * It behaves like Office.js where the adapter depends on it: proxy objects queue work, nothing happens until
 * `context.sync()`, and reading a property that was not `load`ed (and synced) THROWS PropertyNotLoaded —
 * office-addin-mock returns a string there instead, which would let a missing load pass a test. Every sync
 * is counted with the bytes it would send and receive, and every cell change is recorded, so tests can
 * assert "no write outside the plan" and "constant syncs".
 *
 * Assumptions (documented Office.js behaviour, or the conservative reading of it):
 * - a batch runs in order and is not atomic: operations before a failing one stay applied;
 * - a method called on a null object (from an *OrNullObject call) yields a null object;
 * - `values` returns "" for empty cells and the error text ("#N/A") for error cells;
 * - `null` in a written `values` array leaves that cell unchanged; "" clears it; a string starting with "="
 *   becomes a formula.
 */

export type Scalar = string | number | boolean;

export class PropertyNotLoadedError extends Error {
  readonly code = "PropertyNotLoaded";
  constructor(what: string) {
    super(`PropertyNotLoaded: ${what} was read without load() and sync()`);
  }
}

/** Shaped like OfficeExtension.Error (code + message). */
export class FakeRichApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface CellModel {
  value: Scalar;
  formula: string | null;
}

export interface CfModel {
  id: string;
  rects: Rect[];
  type: string;
  formula: string;
  fill: string | null;
}

const ERROR_TEXTS = new Set([
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

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function colLetters(col: number): string {
  let n = col + 1;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function a1(row: number, col: number): string {
  return `${colLetters(col)}${row + 1}`;
}

function rectText(r: Rect): string {
  const a = a1(r.top, r.left);
  const b = a1(r.bottom, r.right);
  return a === b ? a : `${a}:${b}`;
}

function quote(name: string): string {
  return /^[\p{L}\p{N}_.]+$/u.test(name) && !/^\d/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Parses "A1", "A1:B2", "3:5", "B:C" with an optional sheet prefix; throws InvalidArgument otherwise. */
export function parseRect(text: string): Rect {
  const local = text.includes("!") ? text.slice(text.lastIndexOf("!") + 1) : text;
  const parts = local.replace(/\$/g, "").trim().split(":");
  const refs = parts.map((p) => /^([A-Za-z]{0,3})(\d{0,7})$/.exec(p));
  if (parts.length > 2 || refs.some((m) => !m || (m[1] === "" && m[2] === ""))) {
    throw new FakeRichApiError("InvalidArgument", `bad address ${text}`);
  }
  const [m1, m2 = m1] = refs as RegExpExecArray[];
  if (!m1 || !m2) throw new FakeRichApiError("InvalidArgument", `bad address ${text}`);
  const r1 = m1[2] ? Number(m1[2]) - 1 : null;
  const r2 = m2[2] ? Number(m2[2]) - 1 : null;
  const c1 = m1[1] ? colIndex(m1[1]) : null;
  const c2 = m2[1] ? colIndex(m2[1]) : null;
  return {
    top: Math.min(r1 ?? 0, r2 ?? 0),
    bottom: r1 === null ? 1048575 : Math.max(r1, r2 ?? 0),
    left: Math.min(c1 ?? 0, c2 ?? 0),
    right: c1 === null ? 16383 : Math.max(c1, c2 ?? 0),
  };
}

function overlap(a: Rect, b: Rect): Rect | null {
  const r = {
    top: Math.max(a.top, b.top),
    left: Math.max(a.left, b.left),
    bottom: Math.min(a.bottom, b.bottom),
    right: Math.min(a.right, b.right),
  };
  return r.top <= r.bottom && r.left <= r.right ? r : null;
}

export class SheetModel {
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";
  protected = false;
  readonly cells = new Map<string, CellModel>();
  merges: Rect[] = [];
  cfs: CfModel[] = [];
  /** cells that carry only formatting (borders, fills): part of the used range unless valuesOnly */
  formatted: Rect | null = null;

  constructor(public name: string) {}

  /** Sets cells from a 2-D array at (top, left): strings starting with "=" are formulas (value = `results`). */
  put(top: number, left: number, rows: ReadonlyArray<ReadonlyArray<Scalar | null>>): this {
    rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null || v === "") this.cells.delete(`${top + r},${left + c}`);
        else this.cells.set(`${top + r},${left + c}`, { value: v, formula: null });
      }),
    );
    return this;
  }

  /** A formula cell with its cached result. */
  formula(address: string, formula: string, result: Scalar): this {
    const r = parseRect(address);
    this.cells.set(`${r.top},${r.left}`, { value: result, formula });
    return this;
  }

  merge(address: string): this {
    this.merges.push(parseRect(address));
    return this;
  }

  cell(row: number, col: number): CellModel | undefined {
    return this.cells.get(`${row},${col}`);
  }

  /** The value as Office.js returns it ("" for empty). */
  valueAt(row: number, col: number): Scalar {
    return this.cell(row, col)?.value ?? "";
  }

  /** The used range: non-empty cells, plus formatted ones unless valuesOnly. */
  usedRange(valuesOnly: boolean): Rect | null {
    const v = this.usedRect();
    const f = valuesOnly ? null : this.formatted;
    if (!v || !f) return v ?? f;
    return {
      top: Math.min(v.top, f.top),
      left: Math.min(v.left, f.left),
      bottom: Math.max(v.bottom, f.bottom),
      right: Math.max(v.right, f.right),
    };
  }

  /** The bounding box of non-empty cells (the values-only used range). */
  usedRect(): Rect | null {
    let box: Rect | null = null;
    for (const key of this.cells.keys()) {
      const [r, c] = key.split(",").map(Number) as [number, number];
      box = box
        ? {
            top: Math.min(box.top, r),
            left: Math.min(box.left, c),
            bottom: Math.max(box.bottom, r),
            right: Math.max(box.right, c),
          }
        : { top: r, left: c, bottom: r, right: c };
    }
    return box;
  }
}

export interface CellChange {
  sheet: string;
  cell: string;
  before: Scalar | null;
  after: Scalar | null;
}

export class WorkbookModel {
  readonly sheets: SheetModel[] = [];
  readonly settings = new Map<string, unknown>();
  /** note content by "Sheet!A1" */
  readonly notes = new Map<string, string>();
  /** the user is typing in a cell: writes fail with InvalidOperationInCellEditMode */
  editMode = false;
  /** every cell change, in order */
  readonly changes: CellChange[] = [];
  /** structure changes (sheet added, CF added/removed, selection, calculation suspended …) */
  readonly events: string[] = [];
  selected: { sheet: string; address: string } | null = null;
  private nextId = 1;

  addSheet(name: string): SheetModel {
    const s = new SheetModel(name);
    this.sheets.push(s);
    return s;
  }

  sheet(name: string): SheetModel | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  newId(): string {
    return `{cf-${this.nextId++}}`;
  }

  /** A user (or co-author) edit that bypasses the add-in. */
  userEdit(sheet: string, cell: string, value: Scalar | null): void {
    const s = this.sheet(sheet);
    if (!s) throw new Error(`no sheet ${sheet}`);
    const r = parseRect(cell);
    if (value === null || value === "") s.cells.delete(`${r.top},${r.left}`);
    else s.cells.set(`${r.top},${r.left}`, { value, formula: null });
  }
}

export interface SyncStats {
  requestBytes: number;
  responseBytes: number;
  operations: number;
}

interface Op {
  readonly bytes: number;
  /** writes fail in cell edit mode */
  readonly mutates: boolean;
  run(): void;
}

type Resolver<T> = () => T | null;

function bytesOf(v: unknown): number {
  return Buffer.byteLength(JSON.stringify(v ?? null), "utf8");
}

/** Requirement sets the fake host claims, e.g. ["1.4", "1.9", "1.13"]; "all" claims every set. */
export type FakeApiLevel = "all" | ReadonlyArray<string>;

export class FakeContext {
  readonly workbook: FakeWorkbook;
  readonly application: FakeApplication;
  readonly stats: SyncStats[] = [];
  private queue: Op[] = [];
  private pending: FakeObject<unknown>[] = [];
  private responseBytes = 0;
  /** fails the next sync whose batch writes, after applying `afterOps` operations (a dropped connection) */
  failNextWriteAfter: number | null = null;
  /** a host where a method called on a null object fails the sync instead of giving a null object */
  strictNullChains = false;

  constructor(
    readonly model: WorkbookModel,
    readonly apiLevel: FakeApiLevel = "all",
  ) {
    this.workbook = new FakeWorkbook(this);
    this.application = new FakeApplication(this);
  }

  /** Office.context.requirements.isSetSupported("ExcelApi", v) for this fake host. */
  supports = (version: string): boolean => {
    if (this.apiLevel === "all") return true;
    const want = version.split(".").map(Number);
    return this.apiLevel.some((have) => {
      const h = have.split(".").map(Number);
      return (
        (h[0] ?? 0) > (want[0] ?? 0) || ((h[0] ?? 0) === (want[0] ?? 0) && (h[1] ?? 0) >= (want[1] ?? 0))
      );
    });
  };

  get syncCount(): number {
    return this.stats.length;
  }

  /** @internal */
  enqueue(op: Op): void {
    this.queue.push(op);
  }

  /** @internal */
  track(obj: FakeObject<unknown>): void {
    this.pending.push(obj);
  }

  /** @internal */
  countResponse(v: unknown): void {
    this.responseBytes += bytesOf(v);
  }

  /** @internal */
  requireApi(version: string, what: string): void {
    if (!this.supports(version))
      throw new Error(`${what} needs ExcelApi ${version}, which this fake host lacks`);
  }

  async sync(): Promise<void> {
    const ops = this.queue;
    const objs = this.pending;
    this.queue = [];
    this.pending = [];
    this.responseBytes = 0;
    const requestBytes = ops.reduce((n, op) => n + op.bytes, 0);
    let failure: unknown = null;
    const writes = ops.some((op) => op.mutates);
    const failAt = writes ? this.failNextWriteAfter : null;
    if (writes) this.failNextWriteAfter = null;
    let done = 0;
    for (const op of ops) {
      if (failAt !== null && done >= failAt) {
        failure = new FakeRichApiError("GeneralException", "The connection was lost.");
        break;
      }
      if (op.mutates && this.model.editMode) {
        failure = new FakeRichApiError("InvalidOperationInCellEditMode", "Excel is in cell-editing mode.");
        break;
      }
      try {
        op.run();
      } catch (e) {
        failure = e;
        break;
      }
      done++;
    }
    for (const o of objs) o.settle();
    this.stats.push({ requestBytes, responseBytes: this.responseBytes, operations: ops.length });
    await Promise.resolve();
    if (failure) throw failure;
  }

  /** The largest request or response of any sync so far, in bytes. */
  maxPayloadBytes(): number {
    return this.stats.reduce((m, s) => Math.max(m, s.requestBytes, s.responseBytes), 0);
  }
}

/** Base of every proxy: queued loads, strict property access, null-object propagation. */
export abstract class FakeObject<T> {
  private readonly loadedProps = new Map<string, unknown>();
  private nullState: boolean | null = null;

  constructor(
    protected readonly ctx: FakeContext,
    protected readonly resolver: Resolver<T>,
  ) {
    ctx.track(this as FakeObject<unknown>);
  }

  get context(): FakeContext {
    return this.ctx;
  }

  get isNullObject(): boolean {
    if (this.nullState === null)
      throw new PropertyNotLoadedError(`${this.constructor.name}.isNullObject (no sync yet)`);
    return this.nullState;
  }

  /** @internal called at the end of the sync the object was created in */
  settle(): void {
    try {
      this.nullState = this.resolver() === null;
    } catch {
      this.nullState = true;
    }
  }

  load(spec?: string | string[]): this {
    if (spec === undefined)
      throw new Error("load() without property names loads everything: name the properties");
    const paths = (Array.isArray(spec) ? spec : spec.split(",")).map((p) => p.trim()).filter((p) => p !== "");
    this.ctx.enqueue({
      bytes: bytesOf(paths),
      mutates: false,
      run: () => paths.forEach((p) => this.loadPath(p.split("/"))),
    });
    return this;
  }

  /** @internal */
  loadPath(path: string[]): void {
    const target = this.resolver();
    this.nullState = target === null;
    if (target === null) return;
    const [head, ...rest] = path;
    if (head === undefined) return;
    if (rest.length > 0) {
      const child = this.navigate(head);
      if (head === "items") return;
      if (!child) throw new Error(`${this.constructor.name} has no navigation ${head}`);
      child.loadPath(rest);
      return;
    }
    const v = this.read(target, head);
    this.loadedProps.set(head, v);
    this.ctx.countResponse(v);
  }

  /** @internal used by collections to hand loaded items over */
  setLoaded(name: string, v: unknown): void {
    this.loadedProps.set(name, v);
  }

  protected prop<V>(name: string): V {
    if (!this.loadedProps.has(name)) throw new PropertyNotLoadedError(`${this.constructor.name}.${name}`);
    return this.loadedProps.get(name) as V;
  }

  protected set(name: string, value: unknown, apply: (target: T) => void, mutates = true): void {
    this.ctx.enqueue({
      bytes: bytesOf({ [name]: value }),
      mutates,
      run: () => {
        const t = this.resolver();
        if (t === null) throw new FakeRichApiError("ItemNotFound", `${name} set on a null object`);
        apply(t);
      },
    });
  }

  protected call(name: string, args: unknown, mutates: boolean, apply: (target: T) => void): void {
    this.ctx.enqueue({
      bytes: bytesOf({ [name]: args }),
      mutates,
      run: () => {
        const t = this.resolver();
        if (t === null) throw new FakeRichApiError("ItemNotFound", `${name} called on a null object`);
        apply(t);
      },
    });
  }

  protected navigate(name: string): FakeObject<unknown> | null {
    void name;
    return null;
  }

  protected abstract read(target: T, name: string): unknown;
}

// ---------------------------------------------------------------------------------------------------------

export class FakeApplication extends FakeObject<WorkbookModel> {
  constructor(ctx: FakeContext) {
    super(ctx, () => ctx.model);
  }
  suspendApiCalculationUntilNextSync(): void {
    this.ctx.requireApi("1.6", "suspendApiCalculationUntilNextSync");
    this.call("suspendApiCalculationUntilNextSync", null, false, (m) => m.events.push("suspendCalculation"));
  }
  protected read(): unknown {
    throw new Error("application has no properties here");
  }
}

export class FakeWorkbook extends FakeObject<WorkbookModel> {
  readonly worksheets: FakeWorksheetCollection;
  constructor(ctx: FakeContext) {
    super(ctx, () => ctx.model);
    this.worksheets = new FakeWorksheetCollection(ctx);
  }
  get settings(): FakeSettingCollection {
    this.ctx.requireApi("1.4", "workbook.settings");
    return new FakeSettingCollection(this.ctx);
  }
  get notes(): FakeNoteCollection {
    this.ctx.requireApi("1.18", "workbook.notes");
    return new FakeNoteCollection(this.ctx);
  }
  protected read(): unknown {
    throw new Error("workbook properties are not modelled");
  }
}

export class FakeWorksheetCollection extends FakeObject<SheetModel[]> {
  constructor(ctx: FakeContext) {
    super(ctx, () => ctx.model.sheets);
  }
  get items(): FakeWorksheet[] {
    return this.prop<FakeWorksheet[]>("items");
  }
  override loadPath(path: string[]): void {
    if (path[0] !== "items") return super.loadPath(path);
    const sheets = this.ctx.model.sheets;
    let items: FakeWorksheet[];
    try {
      items = this.prop<FakeWorksheet[]>("items");
    } catch {
      items = [];
    }
    if (items.length !== sheets.length) {
      items = sheets.map((s) => new FakeWorksheet(this.ctx, () => s));
      items.forEach((i) => i.settle());
      this.setLoaded("items", items);
    }
    const rest = path.slice(1);
    if (rest.length > 0) items.forEach((i) => i.loadPath(rest));
  }
  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => {
      const s = this.ctx.model.sheet(name);
      if (!s) throw new FakeRichApiError("ItemNotFound", `no sheet ${name}`);
      return s;
    });
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.model.sheet(name) ?? null);
  }
  add(name: string): FakeWorksheet {
    this.call("add", name, true, (m) => {
      if (m.some((s) => s.name === name)) throw new FakeRichApiError("ItemAlreadyExists", name);
      this.ctx.model.addSheet(name);
      this.ctx.model.events.push(`addSheet ${name}`);
    });
    return this.getItem(name);
  }
  protected read(): unknown {
    throw new Error("load items/… on a worksheet collection");
  }
}

export class FakeProtection extends FakeObject<SheetModel> {
  get protected(): boolean {
    return this.prop<boolean>("protected");
  }
  protected read(t: SheetModel, name: string): unknown {
    if (name === "protected") return t.protected;
    throw new Error(`protection.${name} is not modelled`);
  }
}

export class FakeWorksheet extends FakeObject<SheetModel> {
  private protectionObj: FakeProtection | null = null;
  get name(): string {
    return this.prop<string>("name");
  }
  get visibility(): string {
    return this.prop<string>("visibility");
  }
  get protection(): FakeProtection {
    this.protectionObj ??= new FakeProtection(this.ctx, this.resolver);
    return this.protectionObj;
  }
  protected override navigate(name: string): FakeObject<unknown> | null {
    return name === "protection" ? (this.protection as FakeObject<unknown>) : null;
  }
  protected read(t: SheetModel, name: string): unknown {
    if (name === "name") return t.name;
    if (name === "visibility") return t.visibility;
    throw new Error(`worksheet.${name} is not modelled`);
  }
  getRange(address?: string): FakeRange {
    return new FakeRange(this.ctx, () => {
      const s = this.resolver();
      return s
        ? {
            sheet: s,
            rect:
              address === undefined ? { top: 0, left: 0, bottom: 1048575, right: 16383 } : parseRect(address),
          }
        : null;
    });
  }
  getRanges(address: string): FakeRangeAreas {
    this.ctx.requireApi("1.9", "getRanges");
    return new FakeRangeAreas(this.ctx, () => {
      const s = this.resolver();
      return s ? { sheet: s, rects: address.split(",").map((a) => parseRect(a.trim())) } : null;
    });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.ctx, () => {
      const s = this.resolver();
      if (!s && this.ctx.strictNullChains)
        throw new FakeRichApiError("InvalidArgument", "method called on a null object");
      const rect = s?.usedRange(valuesOnly === true) ?? null;
      return s && rect ? { sheet: s, rect } : null;
    });
  }
  activate(): void {
    this.call("activate", null, false, (s) => this.ctx.model.events.push(`activate ${s.name}`));
  }
}

interface RangeTarget {
  sheet: SheetModel;
  rect: Rect;
}

export class FakeRange extends FakeObject<RangeTarget> {
  private cfObj: FakeConditionalFormatCollection | null = null;

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
  /** number formats are not modelled beyond their shape; the write is counted like any other */
  set numberFormat(v: string[][]) {
    this.set("numberFormat", v, (t) => {
      if (v.length !== t.rect.bottom - t.rect.top + 1)
        throw new FakeRichApiError("InvalidArgument", "numberFormat shape");
      if (t.sheet.protected) throw new FakeRichApiError("AccessDenied", `sheet ${t.sheet.name} is protected`);
    });
  }

  protected read(t: RangeTarget, name: string): unknown {
    const { rect, sheet } = t;
    const grid = <V>(f: (r: number, c: number) => V): V[][] => {
      if ((rect.bottom - rect.top + 1) * (rect.right - rect.left + 1) > 5_000_000)
        return null as unknown as V[][];
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
      return t
        ? {
            sheet: t.sheet,
            rect: {
              top: t.rect.top + row,
              left: t.rect.left + col,
              bottom: t.rect.top + row,
              right: t.rect.left + col,
            },
          }
        : null;
    });
  }

  getSpecialCellsOrNullObject(cellType: string, valueType?: string): FakeRangeAreas {
    this.ctx.requireApi("1.9", "getSpecialCellsOrNullObject");
    return new FakeRangeAreas(this.ctx, () => {
      const t = this.resolver();
      if (!t) return null;
      const rects: Rect[] = [];
      for (const [key, cell] of t.sheet.cells) {
        const [r, c] = key.split(",").map(Number) as [number, number];
        if (r < t.rect.top || r > t.rect.bottom || c < t.rect.left || c > t.rect.right) continue;
        const isFormula = cell.formula !== null;
        if ((cellType === "Formulas") !== isFormula) continue;
        if (cellType !== "Formulas" && cellType !== "Constants")
          throw new Error(`special cells ${cellType} not modelled`);
        if (valueType === "Errors" && !(typeof cell.value === "string" && ERROR_TEXTS.has(cell.value)))
          continue;
        if (valueType !== undefined && valueType !== "Errors")
          throw new Error(`special value type ${valueType} not modelled`);
        rects.push({ top: r, left: c, bottom: r, right: c });
      }
      return rects.length ? { sheet: t.sheet, rects } : null;
    });
  }

  getMergedAreasOrNullObject(): FakeRangeAreas {
    this.ctx.requireApi("1.13", "getMergedAreasOrNullObject");
    return new FakeRangeAreas(this.ctx, () => {
      const t = this.resolver();
      if (!t) return null;
      // Like Excel: only areas whose top-left cell lies inside the range are found.
      const rects = t.sheet.merges.filter(
        (m) =>
          m.top >= t.rect.top && m.top <= t.rect.bottom && m.left >= t.rect.left && m.left <= t.rect.right,
      );
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

  select(): void {
    this.call("select", null, false, (t) => {
      this.ctx.model.selected = { sheet: t.sheet.name, address: rectText(t.rect) };
    });
  }
}

function writeValues(model: WorkbookModel, t: RangeTarget, v: (Scalar | null)[][]): void {
  const rows = t.rect.bottom - t.rect.top + 1;
  const cols = t.rect.right - t.rect.left + 1;
  if (v.length !== rows || v.some((r) => r.length !== cols)) {
    throw new FakeRichApiError(
      "InvalidArgument",
      `values are ${v.length}×${v[0]?.length ?? 0}, range is ${rows}×${cols}`,
    );
  }
  if (t.sheet.protected) throw new FakeRichApiError("AccessDenied", `sheet ${t.sheet.name} is protected`);
  v.forEach((row, r) =>
    row.forEach((value, c) => {
      if (value === null) return;
      const rr = t.rect.top + r;
      const cc = t.rect.left + c;
      const inMerge = t.sheet.merges.find(
        (m) => rr >= m.top && rr <= m.bottom && cc >= m.left && cc <= m.right,
      );
      if (inMerge && (inMerge.top !== rr || inMerge.left !== cc)) {
        throw new FakeRichApiError("MergedRangeConflict", `${a1(rr, cc)} is inside a merged area`);
      }
      const before = t.sheet.cell(rr, cc);
      if (value === "") t.sheet.cells.delete(`${rr},${cc}`);
      else if (typeof value === "string" && value.startsWith("="))
        throw new Error("the fake does not evaluate formulas");
      else t.sheet.cells.set(`${rr},${cc}`, { value, formula: null });
      model.changes.push({
        sheet: t.sheet.name,
        cell: a1(rr, cc),
        before: before ? (before.formula ?? before.value) : null,
        after: value === "" ? null : value,
      });
    }),
  );
}

interface AreasTarget {
  sheet: SheetModel;
  rects: Rect[];
}

export class FakeRangeAreas extends FakeObject<AreasTarget> {
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

export class FakeConditionalFormatCollection extends FakeObject<AreasTarget> {
  get items(): FakeConditionalFormat[] {
    return this.prop<FakeConditionalFormat[]>("items");
  }
  override loadPath(path: string[]): void {
    if (path[0] !== "items") return super.loadPath(path);
    const t = this.resolver();
    // Like Excel: the collection of a range holds the formats that intersect it.
    const cfs = t ? t.sheet.cfs.filter((cf) => cf.rects.some((r) => t.rects.some((q) => overlap(r, q)))) : [];
    const items = cfs.map(
      (cf) => new FakeConditionalFormat(this.ctx, () => (t ? { sheet: t.sheet, cf } : null)),
    );
    items.forEach((i) => i.settle());
    this.setLoaded("items", items);
    const rest = path.slice(1);
    if (rest.length > 0) items.forEach((i) => i.loadPath(rest));
  }
  add(type: string): FakeConditionalFormat {
    if (type !== "Custom") throw new Error(`conditional format ${type} not modelled`);
    let created: CfModel | null = null;
    this.call("add", type, true, (t) => {
      if (t.sheet.protected) throw new FakeRichApiError("AccessDenied", `sheet ${t.sheet.name} is protected`);
      created = {
        id: this.ctx.model.newId(),
        rects: t.rects.map((r) => ({ ...r })),
        type,
        formula: "",
        fill: null,
      };
      t.sheet.cfs.push(created);
      this.ctx.model.events.push(`addCF ${t.sheet.name}`);
    });
    return new FakeConditionalFormat(this.ctx, () => {
      const t = this.resolver();
      return created && t ? { sheet: t.sheet, cf: created } : null;
    });
  }
  getItemOrNullObject(id: string): FakeConditionalFormat {
    this.ctx.requireApi("1.14", "conditionalFormats.getItemOrNullObject");
    return new FakeConditionalFormat(this.ctx, () => {
      const t = this.resolver();
      const cf = t?.sheet.cfs.find((c) => c.id === id);
      return t && cf ? { sheet: t.sheet, cf } : null;
    });
  }
  getItem(id: string): FakeConditionalFormat {
    return new FakeConditionalFormat(this.ctx, () => {
      const t = this.resolver();
      const cf = t?.sheet.cfs.find((c) => c.id === id);
      if (!t || !cf) throw new FakeRichApiError("ItemNotFound", `no conditional format ${id}`);
      return { sheet: t.sheet, cf };
    });
  }
  protected read(): unknown {
    throw new Error("conditional format collection properties are not modelled");
  }
}

interface CfTarget {
  sheet: SheetModel;
  cf: CfModel;
}

export class FakeConditionalFormat extends FakeObject<CfTarget> {
  get id(): string {
    return this.prop<string>("id");
  }
  get custom(): { rule: { formula: string }; format: { fill: { color: string } } } {
    const set = (name: string, apply: (t: CfTarget) => void): void => this.set(name, "…", apply);
    return {
      rule: {
        set formula(f: string) {
          set("formula", (t) => (t.cf.formula = f));
        },
        get formula(): string {
          throw new PropertyNotLoadedError("custom.rule.formula");
        },
      },
      format: {
        fill: {
          set color(c: string) {
            set("color", (t) => (t.cf.fill = c));
          },
          get color(): string {
            throw new PropertyNotLoadedError("custom.format.fill.color");
          },
        },
      },
    };
  }
  delete(): void {
    this.call("delete", null, true, (t) => {
      t.sheet.cfs = t.sheet.cfs.filter((c) => c !== t.cf);
      this.ctx.model.events.push(`deleteCF ${t.sheet.name}`);
    });
  }
  protected read(t: CfTarget, name: string): unknown {
    if (name === "id") return t.cf.id;
    throw new Error(`conditionalFormat.${name} is not modelled`);
  }
}

export class FakeSettingCollection extends FakeObject<Map<string, unknown>> {
  constructor(ctx: FakeContext) {
    super(ctx, () => ctx.model.settings);
  }
  getItemOrNullObject(key: string): FakeSetting {
    return new FakeSetting(this.ctx, () => (this.ctx.model.settings.has(key) ? { key } : null));
  }
  add(key: string, value: unknown): void {
    this.call("add", { key, value }, false, (m) => m.set(key, JSON.parse(JSON.stringify(value))));
  }
  protected read(): unknown {
    throw new Error("settings collection properties are not modelled");
  }
}

export class FakeSetting extends FakeObject<{ key: string }> {
  get value(): unknown {
    return this.prop<unknown>("value");
  }
  delete(): void {
    this.call("delete", null, false, (t) => this.ctx.model.settings.delete(t.key));
  }
  protected read(t: { key: string }, name: string): unknown {
    if (name === "value") return this.ctx.model.settings.get(t.key);
    if (name === "key") return t.key;
    throw new Error(`setting.${name} is not modelled`);
  }
}

export class FakeNoteCollection extends FakeObject<Map<string, string>> {
  constructor(ctx: FakeContext) {
    super(ctx, () => ctx.model.notes);
  }
  add(cellAddress: string, content: string): void {
    this.call("add", { cellAddress, content }, true, (m) => {
      const key = normaliseCellKey(cellAddress);
      if (m.has(key)) throw new FakeRichApiError("InvalidArgument", `${key} already has a note`);
      m.set(key, content);
    });
  }
  getItemOrNullObject(cellAddress: string): FakeNote {
    const key = normaliseCellKey(cellAddress);
    return new FakeNote(this.ctx, () => (this.ctx.model.notes.has(key) ? { key } : null));
  }
  protected read(): unknown {
    throw new Error("note collection properties are not modelled");
  }
}

function normaliseCellKey(address: string): string {
  const bang = address.lastIndexOf("!");
  const sheet = address
    .slice(0, bang)
    .replace(/^'(.*)'$/, "$1")
    .replace(/''/g, "'");
  return `${sheet}!${address
    .slice(bang + 1)
    .replace(/\$/g, "")
    .toUpperCase()}`;
}

export class FakeNote extends FakeObject<{ key: string }> {
  get content(): string {
    return this.prop<string>("content");
  }
  delete(): void {
    this.call("delete", null, true, (t) => this.ctx.model.notes.delete(t.key));
  }
  protected read(t: { key: string }, name: string): unknown {
    if (name === "content") return this.ctx.model.notes.get(t.key);
    throw new Error(`note.${name} is not modelled`);
  }
}

/** The fake as the adapter sees it. */
export function asExcel(ctx: FakeContext): Excel.RequestContext {
  return ctx as unknown as Excel.RequestContext;
}
