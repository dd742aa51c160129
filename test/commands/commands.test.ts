/**
 * @jest-environment jsdom
 */
import { CHANGE_LOG_SHEET } from "../../src/core/changelog";
import type { LocalizedText } from "../../src/core/model";
import { inThisThread } from "../../src/app";
import { COMMAND_LIMIT_MS, FUNCTION_IDS, makeCommands, type CommandDeps } from "../../src/commands/actions";
import { messageFromUrl, messageUrl, renderMessage } from "../../src/commands/dialog";
import { fixtureSnapshots } from "../helpers/fixtures";
import { asExcel, FakeContext, FakeRichApiError } from "../excel/fake-excel";
import { fakeHost, HOSTS } from "../excel/fake/host";
import type { ProfileName } from "../excel/fake/profiles";
import { modelFromSnapshots } from "../excel/workbooks";
import { eagerSettingsParser } from "../../src/excel/settings-parse";

interface Harness {
  deps: CommandDeps;
  ctx: FakeContext;
  notes: { message: LocalizedText; kind: string }[];
  shown: { count: number };
}

function harness(profile: ProfileName, over: Partial<CommandDeps> = {}, taskpane = true): Harness {
  const ctx = fakeHost(modelFromSnapshots(fixtureSnapshots("hirano-fy2016")), profile);
  const notes: Harness["notes"] = [];
  const shown = { count: 0 };
  const deps: CommandDeps = {
    run: (batch) => batch(asExcel(ctx)),
    supports: ctx.supports,
    settings: eagerSettingsParser,
    evaluator: inThisThread,
    lang: "ja",
    showTaskpane: async () => {
      shown.count++;
      return taskpane;
    },
    notify: async (message, kind) => {
      notes.push({ message, kind });
    },
    ...over,
  };
  return { deps, ctx, notes, shown };
}

function event(): { completed: jest.Mock } {
  return { completed: jest.fn() };
}

describe.each(HOSTS)("ribbon commands on %s", (profile) => {
  test("every dialog of a click must close by the click's time + COMMAND_LIMIT_MS (the runtime's 5 minutes)", async () => {
    const closeBys: Array<number | undefined> = [];
    const h = harness(profile, {
      now: () => 1_000_000,
      notify: async (_m, _k, closeBy) => {
        closeBys.push(closeBy);
      },
    });
    await makeCommands(h.deps).recalculate(event());
    await makeCommands({ ...h.deps, run: () => Promise.reject(new Error("boom")) }).validate(event());
    expect(closeBys).toEqual([1_000_000 + COMMAND_LIMIT_MS, 1_000_000 + COMMAND_LIMIT_MS]);
  });

  test("検証 highlights the findings and opens the task pane; event.completed() once", async () => {
    const h = harness(profile);
    const e = event();
    await makeCommands(h.deps).validate(e);
    expect(e.completed).toHaveBeenCalledTimes(1);
    expect(h.shown.count).toBe(1);
    expect(h.ctx.model.sheets.some((s) => s.cfs.length > 0)).toBe(true);
    expect(h.notes).toEqual([]);
  });

  test("検証 without a shared runtime (no showAsTaskpane) tells the user in a dialog instead", async () => {
    const h = harness(profile, {}, false);
    const e = event();
    await makeCommands(h.deps).validate(e);
    expect(e.completed).toHaveBeenCalledTimes(1);
    expect(h.notes).toHaveLength(1);
    expect(h.notes[0]?.message.ja).toMatch(/^検証しました: \d+ 件のエラー/);
    expect(h.notes[0]?.message.ja).toContain("作業ウィンドウ");
    expect(h.notes[0]?.message.en).toContain("task pane");
  });

  test("一括再計算 writes the marks and reports how many changed", async () => {
    const h = harness(profile);
    const e = event();
    await makeCommands(h.deps).recalculate(e);
    expect(e.completed).toHaveBeenCalledTimes(1);
    const written = h.ctx.model.changes.filter((c) => c.sheet !== CHANGE_LOG_SHEET).length;
    expect(written).toBeGreaterThan(0);
    expect(h.notes).toHaveLength(1);
    expect(h.notes[0]?.kind).toBe("info");
    expect(h.notes[0]?.message.ja).toContain(`${written} 件を書き込みました`);
  });

  test("an Excel error reaches the user in Japanese and English, and the command still completes", async () => {
    const h = harness(profile, {
      run: () => Promise.reject(new FakeRichApiError("InvalidOperationInCellEditMode", "busy")),
    });
    const e = event();
    await makeCommands(h.deps).recalculate(e);
    expect(e.completed).toHaveBeenCalledTimes(1);
    expect(h.notes[0]?.kind).toBe("error");
    expect(h.notes[0]?.message.ja).toContain("編集中");
  });

  test("edit mode during the write: the user is told, nothing is written", async () => {
    const h = harness(profile);
    h.ctx.model.editMode = true;
    const e = event();
    await makeCommands(h.deps).recalculate(e);
    expect(e.completed).toHaveBeenCalledTimes(1);
    expect(h.notes[0]?.kind).toBe("error");
    expect(h.notes[0]?.message.en).toContain("cell is being edited");
    expect(h.ctx.model.changes).toEqual([]);
  });

  test("if even the dialog fails, the error goes to the console and the command completes", async () => {
    const spy = jest.spyOn(console, "error").mockImplementation(() => undefined);
    const h = harness(profile, {
      run: () => Promise.reject(new Error("boom")),
      notify: () => Promise.reject(new Error("12007")),
    });
    const e = event();
    await makeCommands(h.deps).validate(e);
    expect(e.completed).toHaveBeenCalledTimes(1);
    expect(spy).toHaveBeenCalled();
    spy.mockRestore();
  });
});

describe("the message dialog (commands.html?message=…)", () => {
  test("round-trips a message through the URL and renders ja first, then en, with an OK button", () => {
    const url = messageUrl(
      "https://intranet.example/kusei/commands.html?x=1#y",
      { ja: "書き込みました", en: "Written" },
      "info",
    );
    expect(url.startsWith("https://intranet.example/kusei/commands.html?message=")).toBe(true);
    const m = messageFromUrl(url);
    expect(m).toEqual({ ja: "書き込みました", en: "Written", kind: "info" });
    const closed = jest.fn();
    if (m) renderMessage(document, m, closed);
    const ps = Array.from(document.querySelectorAll("p")).map((p) => p.textContent);
    expect(ps).toEqual(["書き込みました", "Written"]);
    document.querySelector("button")?.click();
    expect(closed).toHaveBeenCalledTimes(1);
    expect(messageFromUrl("https://x/commands.html")).toBeNull();
  });
});

describe("commands.ts registers the manifest's function ids with Office", () => {
  test("Office.actions.associate is called for every FUNCTION_ID once Office is ready", async () => {
    const associate = jest.fn();
    (globalThis as Record<string, unknown>).Office = {
      onReady: (cb: () => void) => {
        cb();
        return Promise.resolve({ host: "Excel" });
      },
      actions: { associate },
      context: { displayLanguage: "ja-JP", requirements: { isSetSupported: () => false } },
    };
    jest.isolateModules(() => {
      require("../../src/commands/commands");
    });
    await Promise.resolve();
    expect(associate.mock.calls.map((c) => c[0]).sort()).toEqual(Object.values(FUNCTION_IDS).sort());
    for (const call of associate.mock.calls) expect(typeof call[1]).toBe("function");
    delete (globalThis as Record<string, unknown>).Office;
  });
});
