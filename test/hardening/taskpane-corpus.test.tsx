/** @jest-environment jsdom */
/**
 * The hostile corpus in the task pane: an unreadable file ends in an error MessageBar with the xlsx adapter's
 * Japanese reason, never a crash; cell text with markup is shown as text. The host is the real standalone
 * host over the engine the page runs where no worker starts (the use cases over the real xlsx port).
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, fireEvent, render, screen } from "@testing-library/react";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { App } from "../../src/taskpane/components/App";
import { eagerParts } from "../taskpane/parts";
import type { TaskpaneHost } from "../../src/taskpane/host";
import { createLocalEngine } from "../../src/taskpane/engine/local";
import { openStandaloneFile } from "../../src/taskpane/hosts/standalone";
import { translator } from "../../src/taskpane/i18n/strings";
import { readWorkbook } from "../../src/xlsx";
import { HOSTILE_DIR, SCRIPT_TEXTS } from "../fixtures/hostile/build-hostile";

/** Opens a file with the standalone host (which may refuse it). */
function openFile(file: File): Promise<TaskpaneHost> {
  return openStandaloneFile(file, createLocalEngine());
}

function fileOf(name: string): File {
  const bytes = readFileSync(join(HOSTILE_DIR, name));
  const file = new File([bytes], name, {
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  });
  // jsdom's File may lack arrayBuffer(); the standalone host calls it
  if (typeof (file as { arrayBuffer?: unknown }).arrayBuffer !== "function") {
    Object.defineProperty(file, "arrayBuffer", {
      value: () => Promise.resolve(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)),
    });
  }
  return file;
}

async function open(name: string): Promise<void> {
  render(
    <FluentProvider theme={webLightTheme}>
      <App t={translator("ja")} lang="ja" host={null} parts={eagerParts} openFile={openFile} />
    </FluentProvider>,
  );
  await act(async () => {
    fireEvent.change(screen.getByTestId("file-input"), { target: { files: [fileOf(name)] } });
  });
}

describe("task pane (standalone) over the hostile corpus", () => {
  test.each([
    "encrypted.xlsx",
    "csv-renamed.xlsx",
    "random-bytes.xlsx",
    "truncated.xlsx",
    "zip-not-workbook.xlsx",
    "zip-bomb.xlsx",
  ])("%s → an error MessageBar with the adapter's reason", async (name) => {
    const expected = await readWorkbook(new Uint8Array(readFileSync(join(HOSTILE_DIR, name)))).then(
      () => "",
      (e: { messages: { ja: string } }) => e.messages.ja,
    );
    expect(expected).not.toBe("");
    await open(name);
    const alert = await screen.findByRole("alert");
    expect(screen.getByTestId("error-detail").textContent).toBe(expected);
    expect(alert.textContent).not.toMatch(/\bat .+:\d+:\d+/);
  });

  test("script-text.xlsx: validated, every hostile text shown as text, no element made from it", async () => {
    await open("script-text.xlsx");
    // opening a file validates it
    await screen.findAllByText(/指摘 \d+ 件/, undefined, { timeout: 10_000 });
    expect(screen.queryByRole("alert")).toBeNull();
    // findings that follow from one cause are folded under it: open every group so all of them show
    for (const b of screen.queryAllByRole("button", { name: /^この原因による指摘 \d+ 件を表示$/ })) {
      await act(async () => {
        fireEvent.click(b);
      });
    }
    const body = document.body;
    expect(body.querySelectorAll("script, img, iframe, object, embed")).toHaveLength(0);
    for (const el of Array.from(body.querySelectorAll("*"))) {
      for (const attr of Array.from(el.attributes)) expect(/^on/i.test(attr.name)).toBe(false);
    }
    for (const text of [
      SCRIPT_TEXTS.sheetName,
      SCRIPT_TEXTS.result,
      SCRIPT_TEXTS.hyperlink,
      SCRIPT_TEXTS.dde,
      SCRIPT_TEXTS.mark,
    ]) {
      expect(body.textContent).toContain(text);
    }
  });
});
