/**
 * Conditional formats, with `id` as Excel documents it: "The priority of the conditional format in the
 * current ConditionalFormatCollection" ("Excel.ConditionalFormat",
 * https://learn.microsoft.com/javascript/api/excel/excel.conditionalformat). A collection holds the sheet's
 * formats that intersect its range, in priority order; `add` puts the new format "at the first/top priority"
 * (ConditionalFormatCollection.add), so every id after it shifts, and so does every id after a deleted one.
 * An item handed out by a loaded collection, or by getItem(id), names its format by that id: when an
 * earlier operation of the same batch shifted the priorities, it reaches whatever format now holds the id —
 * as an id-keyed Office.js proxy would. (Whether real Excel re-resolves by id or keeps the object is not
 * documented; this is the reading under which keeping ids is unsafe, which is what kusei must survive.)
 */
import type {
  XConditionalFormat,
  XConditionalFormatCollection,
  XConditionalRangeFill,
  XCustomConditionalFormat,
} from "../../../src/excel/office";
import { FakeObject } from "./base";
import type { FakeContext } from "./context";
import { FakeRichApiError, PropertyNotLoadedError } from "./errors";
import { overlap, type CfModel, type SheetModel } from "./model";
import type { AreasTarget } from "./range";

interface CfTarget {
  sheet: SheetModel;
  cf: CfModel;
}

function inCollection(t: AreasTarget): CfModel[] {
  return t.sheet.cfs.filter((cf) => cf.rects.some((r) => t.rects.some((q) => overlap(r, q))));
}

export class FakeConditionalFormatCollection
  extends FakeObject<AreasTarget>
  implements XConditionalFormatCollection
{
  static override officeClass = "ConditionalFormatCollection";
  static override members = ["add", "getItem", "getItemOrNullObject"];
  get items(): FakeConditionalFormat[] {
    return this.prop<FakeConditionalFormat[]>("items");
  }
  override loadPath(path: string[]): void {
    if (path[0] !== "items") return super.loadPath(path);
    const t = this.resolver();
    const count = t ? inCollection(t).length : 0;
    let items: FakeConditionalFormat[] | null;
    try {
      items = this.prop<FakeConditionalFormat[]>("items"); // another path of the same load
    } catch {
      items = null;
    }
    if (items?.length !== count) {
      items = Array.from({ length: count }, (_, i) => this.byId(String(i)));
      items.forEach((i) => i.settle());
      this.setLoaded("items", items);
    }
    const rest = path.slice(1);
    if (rest.length > 0) for (const i of items) i.loadPath(rest);
  }
  private byId(id: string): FakeConditionalFormat {
    return new FakeConditionalFormat(this.ctx, () => {
      const t = this.resolver();
      const cf = t ? inCollection(t)[Number(id)] : undefined;
      return t && cf ? { sheet: t.sheet, cf } : null;
    });
  }
  add(type: "Custom"): FakeConditionalFormat {
    let created: CfModel | null = null;
    this.call("add", type, true, (t) => {
      if (t.sheet.protected) throw new FakeRichApiError("AccessDenied", `sheet ${t.sheet.name} is protected`);
      created = { rects: t.rects.map((r) => ({ ...r })), type, formula: "", fill: null };
      t.sheet.cfs.unshift(created);
      this.ctx.model.events.push(`addCF ${t.sheet.name}`);
    });
    // The new format itself (Office.js hands back the object the add created).
    return new FakeConditionalFormat(this.ctx, () => {
      const t = this.resolver();
      return created && t ? { sheet: t.sheet, cf: created } : null;
    });
  }
  getItemOrNullObject(id: string): FakeConditionalFormat {
    this.ctx.requireApi("1.14", "conditionalFormats.getItemOrNullObject");
    return this.byId(id);
  }
  getItem(id: string): FakeConditionalFormat {
    return new FakeConditionalFormat(this.ctx, () => {
      const t = this.resolver();
      const cf = t ? inCollection(t)[Number(id)] : undefined;
      if (!t || !cf) throw new FakeRichApiError("ItemNotFound", `no conditional format ${id}`);
      return { sheet: t.sheet, cf };
    });
  }
  protected read(): unknown {
    throw new Error("conditional format collection properties are not modelled");
  }
}

class FakeRule {
  constructor(private readonly owner: FakeCustom) {}
  set formula(f: string) {
    this.owner.queueSet("formula", (cf) => (cf.formula = f));
  }
  get formula(): string {
    return this.owner.loaded("rule/formula");
  }
}

class FakeFill implements XConditionalRangeFill {
  constructor(private readonly owner: FakeCustom) {}
  set color(c: string) {
    this.owner.queueSet("color", (cf) => (cf.fill = c));
  }
  get color(): string {
    return this.owner.loaded("format/fill/color");
  }
}

/** CustomConditionalFormat: rule.formula and format.fill.color, set and loaded through its format. */
export class FakeCustom extends FakeObject<CfTarget> implements XCustomConditionalFormat {
  static override officeClass = "CustomConditionalFormat";
  static override members = ["rule", "format"];
  private readonly values = new Map<string, string>();
  readonly ruleObj = new FakeRule(this);
  readonly fillObj = new FakeFill(this);
  constructor(ctx: FakeContext, resolver: () => CfTarget | null) {
    super(ctx, resolver);
  }
  get rule(): { formula: string } {
    return this.ruleObj;
  }
  get format(): { readonly fill: XConditionalRangeFill } {
    return { fill: this.fillObj };
  }
  /** @internal */
  queueSet(name: string, apply: (cf: CfModel) => void): void {
    this.set(name, "…", (t) => apply(t.cf));
  }
  /** @internal */
  loaded(path: string): string {
    const v = this.values.get(path);
    if (v === undefined) throw new PropertyNotLoadedError(`custom.${path}`);
    return v;
  }
  override loadPath(path: string[]): void {
    this.settle();
    const t = this.resolver();
    if (!t) return super.loadPath(path);
    const key = path.join("/");
    const v = key === "rule/formula" ? t.cf.formula : key === "format/fill/color" ? (t.cf.fill ?? "") : null;
    if (v === null) throw new Error(`custom.${key} is not modelled`);
    this.values.set(key, v);
    this.ctx.countResponse(this as FakeObject<unknown>, v);
  }
  protected read(): unknown {
    throw new Error("load custom/rule/formula or custom/format/fill/color");
  }
}

export class FakeConditionalFormat extends FakeObject<CfTarget> implements XConditionalFormat {
  static override officeClass = "ConditionalFormat";
  static override members = ["id", "type", "custom", "customOrNullObject", "delete"];
  private customObj: FakeCustom | null = null;
  private customOrNull: FakeCustom | null = null;
  get id(): string {
    return this.prop<string>("id");
  }
  get type(): string {
    return this.prop<string>("type");
  }
  get custom(): FakeCustom {
    this.customObj ??= new FakeCustom(this.ctx, () => {
      const t = this.resolver();
      if (t && t.cf.type !== "Custom") throw new FakeRichApiError("InvalidOperation", "not a custom format");
      return t;
    });
    return this.customObj;
  }
  get customOrNullObject(): FakeCustom {
    this.customOrNull ??= new FakeCustom(this.ctx, () => {
      const t = this.resolver();
      return t && t.cf.type === "Custom" ? t : null;
    });
    return this.customOrNull;
  }
  protected override navigate(name: string): FakeObject<unknown> | null {
    if (name === "custom") return this.custom as FakeObject<unknown>;
    if (name === "customOrNullObject") return this.customOrNullObject as FakeObject<unknown>;
    return null;
  }
  delete(): void {
    this.call("delete", null, true, (t) => {
      if (t.sheet.protected) throw new FakeRichApiError("AccessDenied", `sheet ${t.sheet.name} is protected`);
      t.sheet.cfs = t.sheet.cfs.filter((c) => c !== t.cf);
      this.ctx.model.events.push(`deleteCF ${t.sheet.name}`);
    });
  }
  protected read(t: CfTarget, name: string): unknown {
    if (name === "id") return String(t.sheet.cfs.filter((c) => c.rects.length > 0).indexOf(t.cf));
    if (name === "type") return t.cf.type;
    throw new Error(`conditionalFormat.${name} is not modelled`);
  }
}
