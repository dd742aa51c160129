/**
 * Workbook settings (ExcelApi 1.4; "Excel.SettingCollection",
 * https://learn.microsoft.com/javascript/api/excel/excel.settingcollection: "The scope is limited to per
 * file and add-in … combination") and notes (ExcelApi 1.18, "Excel.NoteCollection"). Notes exist here
 * only on a context whose served office.js defines `Workbook.notes` — the 1.1.110 package does not.
 */
import type { XNote, XNoteCollection, XSetting, XSettingCollection } from "../../../src/excel/office";
import { FakeObject } from "./base";
import type { FakeContext } from "./context";
import { FakeRichApiError } from "./errors";

export class FakeSettingCollection extends FakeObject<Map<string, unknown>> implements XSettingCollection {
  static override officeClass = "SettingCollection";
  static override members = ["getItemOrNullObject", "add"];
  constructor(ctx: FakeContext) {
    super(ctx, () => ctx.model.settings);
  }
  getItemOrNullObject(key: string): FakeSetting {
    return new FakeSetting(this.ctx, () => (this.ctx.model.settings.has(key) ? { key } : null));
  }
  add(key: string, value: unknown): FakeSetting {
    this.call("add", { key, value }, false, (m) => m.set(key, JSON.parse(JSON.stringify(value)) as unknown));
    return new FakeSetting(this.ctx, () => ({ key }));
  }
  protected read(): unknown {
    throw new Error("settings collection properties are not modelled");
  }
}

export class FakeSetting extends FakeObject<{ key: string }> implements XSetting {
  static override officeClass = "Setting";
  static override members = ["value", "delete"];
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

export class FakeNoteCollection extends FakeObject<Map<string, string>> implements XNoteCollection {
  static override officeClass = "NoteCollection";
  static override members = ["add", "getItemOrNullObject"];
  constructor(ctx: FakeContext) {
    super(ctx, () => ctx.model.notes);
  }
  add(cellAddress: string, content: string): FakeNote {
    const key = normaliseCellKey(cellAddress);
    this.call("add", { cellAddress, content }, true, (m) => {
      if (m.has(key)) throw new FakeRichApiError("InvalidArgument", `${key} already has a note`);
      m.set(key, content);
    });
    return new FakeNote(this.ctx, () => ({ key }));
  }
  getItemOrNullObject(cellAddress: string): FakeNote {
    const key = normaliseCellKey(cellAddress);
    return new FakeNote(this.ctx, () => (this.ctx.model.notes.has(key) ? { key } : null));
  }
  protected read(): unknown {
    throw new Error("note collection properties are not modelled");
  }
}

export class FakeNote extends FakeObject<{ key: string }> implements XNote {
  static override officeClass = "Note";
  static override members = ["content", "delete"];
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
