/** Workbook, application, worksheets and sheet protection. */
import type {
  XApplication,
  XFunctionResult,
  XFunctions,
  XWorkbook,
  XWorksheet,
  XWorksheetCollection,
  XWorksheetProtection,
} from "../../../src/excel/office";
import { FakeObject } from "./base";
import type { FakeContext } from "./context";
import { FakeRichApiError } from "./errors";
import { SHEET_BOUNDS, parseRect, type SheetModel, type WorkbookModel } from "./model";
import { FakeRange, FakeRangeAreas } from "./range";
import { FakeNoteCollection, FakeSettingCollection } from "./settings";

export class FakeApplication extends FakeObject<WorkbookModel> implements XApplication {
  static override officeClass = "Application";
  static override members = ["suspendApiCalculationUntilNextSync", "calculate"];
  constructor(ctx: FakeContext) {
    super(ctx, () => ctx.model);
  }
  /**
   * "Excel.Application" (https://learn.microsoft.com/javascript/api/excel/excel.application): "Once set, it
   * is the developer's responsibility to re-calc the workbook": formulas stay stale until calculate().
   */
  suspendApiCalculationUntilNextSync(): void {
    this.ctx.requireApi("1.6", "suspendApiCalculationUntilNextSync");
    this.call("suspendApiCalculationUntilNextSync", null, false, (m) => {
      m.events.push("suspendCalculation");
      m.calculationPending = true;
    });
  }
  calculate(calculationType: "Recalculate" | "Full" | "FullRebuild"): void {
    this.call("calculate", calculationType, false, (m) => {
      m.events.push(`calculate ${calculationType}`);
      m.calculationPending = false;
    });
  }
  protected read(): unknown {
    throw new Error("application properties are not modelled");
  }
}

/**
 * A worksheet function's result ("Excel.FunctionResult", https://learn.microsoft.com/javascript/api/excel/excel.functionresult):
 * Excel computes it when the batch runs; `value` and `error` are loaded like any property.
 */
export class FakeFunctionResult
  extends FakeObject<{ value: number; error: string | null }>
  implements XFunctionResult
{
  static override officeClass = "FunctionResult";
  get value(): number {
    return this.prop<number>("value");
  }
  get error(): string {
    return this.prop<string>("error");
  }
  protected read(t: { value: number; error: string | null }, name: string): unknown {
    if (name === "value") return t.value;
    if (name === "error") return t.error;
    throw new Error(`FunctionResult.${name} is not modelled`);
  }
}

/**
 * Worksheet functions, of which kusei uses DATE ("Excel.Functions", https://learn.microsoft.com/javascript/api/excel/excel.functions:
 * year "Is a number from 1900 or 1904 (depending on the workbook's date system)"): the serial in the
 * workbook's own date system, which is how the adapter learns that system.
 */
export class FakeFunctions extends FakeObject<WorkbookModel> implements XFunctions {
  static override officeClass = "Functions";
  static override members = ["date"];
  constructor(ctx: FakeContext) {
    super(ctx, () => ctx.model);
  }
  date(year: number, month: number, day: number): FakeFunctionResult {
    this.ctx.requireApi("1.2", "functions.date");
    const model = this.ctx.model;
    return new FakeFunctionResult(this.ctx, () => {
      const days = (Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000;
      // the 1900 system counts the non-existent 1900-02-29 (serials below 61 are one less); 1904 starts 1,462 later
      const serial = model.date1904 ? days - 1462 : days < 61 ? days - 1 : days;
      return { value: serial, error: null };
    });
  }
  protected read(): unknown {
    throw new Error("functions have no properties");
  }
}

export class FakeWorkbook extends FakeObject<WorkbookModel> implements XWorkbook {
  static override officeClass = "Workbook";
  static override members = ["worksheets", "settings", "notes", "application", "functions"];
  private functionsObj: FakeFunctions | null = null;
  private sheetsObj: FakeWorksheetCollection | null = null;
  private appObj: FakeApplication | null = null;
  constructor(ctx: FakeContext) {
    super(ctx, () => ctx.model);
  }
  get worksheets(): FakeWorksheetCollection {
    this.sheetsObj ??= new FakeWorksheetCollection(this.ctx);
    return this.sheetsObj;
  }
  get application(): FakeApplication {
    this.appObj ??= new FakeApplication(this.ctx);
    return this.appObj;
  }
  get functions(): FakeFunctions {
    this.functionsObj ??= new FakeFunctions(this.ctx);
    return this.functionsObj;
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

export class FakeWorksheetCollection extends FakeObject<SheetModel[]> implements XWorksheetCollection {
  static override officeClass = "WorksheetCollection";
  static override members = ["getItem", "getItemOrNullObject", "add"];
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
  add(name?: string): FakeWorksheet {
    const sheetName = name ?? `Sheet${this.ctx.model.sheets.length + 1}`;
    this.call("add", sheetName, true, (m) => {
      if (m.some((s) => s.name === sheetName)) throw new FakeRichApiError("ItemAlreadyExists", sheetName);
      this.ctx.model.addSheet(sheetName);
      this.ctx.model.events.push(`addSheet ${sheetName}`);
    });
    return this.getItem(sheetName);
  }
  protected read(): unknown {
    throw new Error("load items/… on a worksheet collection");
  }
}

export class FakeProtection extends FakeObject<SheetModel> implements XWorksheetProtection {
  static override officeClass = "WorksheetProtection";
  static override members = ["protected"];
  get protected(): boolean {
    return this.prop<boolean>("protected");
  }
  protected read(t: SheetModel, name: string): unknown {
    if (name === "protected") return t.protected;
    throw new Error(`protection.${name} is not modelled`);
  }
}

export class FakeWorksheet extends FakeObject<SheetModel> implements XWorksheet {
  static override officeClass = "Worksheet";
  static override members = [
    "name",
    "visibility",
    "protection",
    "getRange",
    "getRanges",
    "getUsedRangeOrNullObject",
    "activate",
  ];
  private protectionObj: FakeProtection | null = null;
  get name(): string {
    return this.prop<string>("name");
  }
  get visibility(): "Visible" | "Hidden" | "VeryHidden" {
    return this.prop<"Visible" | "Hidden" | "VeryHidden">("visibility");
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
      return s ? { sheet: s, rect: address === undefined ? { ...SHEET_BOUNDS } : parseRect(address) } : null;
    });
  }
  getRanges(address?: string): FakeRangeAreas {
    this.ctx.requireApi("1.9", "getRanges");
    return new FakeRangeAreas(this.ctx, () => {
      const s = this.resolver();
      return s ? { sheet: s, rects: (address ?? "").split(",").map((a) => parseRect(a.trim())) } : null;
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
