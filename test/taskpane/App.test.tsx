/** @jest-environment jsdom */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import type { OpenFile, TaskpaneHost } from "../../src/taskpane/host";
import { App } from "../../src/taskpane/components/App";
import { eagerParts } from "./parts";
import { translator, type Lang } from "../../src/taskpane/i18n/strings";
import type { Evaluation } from "../../src/core/model";
import { finding, initiative, sampleEvaluation } from "./evaluation";
import { fakeHost, type FakeHost } from "./fakeHost";

function renderApp(host: TaskpaneHost | null, lang: Lang = "ja", openFile?: OpenFile) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <App
        t={translator(lang)}
        lang={lang}
        host={host}
        parts={eagerParts}
        {...(openFile ? { openFile } : {})}
      />
    </FluentProvider>,
  );
}

async function validated(host: FakeHost) {
  renderApp(host);
  fireEvent.click(screen.getByRole("button", { name: "検証する" }));
  await screen.findByText("指摘 4 件 / 全 4 件");
}

/** The button, once the pane lets it be pressed (it is busy until a new result is on screen). */
async function enabled(name: string): Promise<HTMLElement> {
  const button = screen.getByRole("button", { name });
  await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(false));
  return button;
}

function tab(name: string) {
  fireEvent.click(screen.getByRole("tab", { name }));
}

describe("検証タブ", () => {
  test("検証すると指摘がシートと重要度ごとに並び、セルの内容が文字として出る", async () => {
    const host = fakeHost({ evaluation: sampleEvaluation });
    await validated(host);
    expect(host.calls.check).toEqual([{}]);
    expect(screen.getAllByTestId("finding")).toHaveLength(4);
    // Errors first, then warnings, then information; inside each, by sheet.
    expect(screen.getAllByRole("heading", { level: 3 }).map((h) => h.textContent)).toEqual([
      "エラー (1)",
      "警告 (2)",
      "情報 (1)",
    ]);
    expect(screen.getAllByRole("heading", { level: 4, name: "戦略 (1)" })).toHaveLength(2);
    expect(screen.getByText("有効性の欄に「A」とあります。ア/イのどちらかを入れてください。")).toBeTruthy();
    expect(screen.getByText("セルの内容: A")).toBeTruthy();
    // Cell text stays text: the script tag is shown, not parsed.
    expect(screen.getByText("セルの内容: <script>alert(1)</script>")).toBeTruthy();
    expect(document.querySelector("script")).toBeNull();
  });

  test.each([
    ["severity", "error", ["vocabulary.not-a-mark"]],
    ["severity", "warning", ["narrative.missing-issue", "derive.withdrawal-fired"]],
    ["シートで絞り込む", "具体的取組", ["structure.weak-header", "derive.withdrawal-fired"]],
  ])("%s = %s", async (label, value, codes) => {
    await validated(fakeHost({ evaluation: sampleEvaluation }));
    // Severity: the count chips are toggle buttons; the sheet: a select.
    if (label === "severity") fireEvent.click(screen.getByTestId(`severity-${value}`));
    else fireEvent.change(screen.getByLabelText(label), { target: { value } });
    const shown = screen.getAllByTestId("finding").map((el) => el.getAttribute("data-code"));
    expect(shown.sort()).toEqual([...codes].sort());
    expect(screen.getByText(`指摘 ${codes.length} 件 / 全 4 件`)).toBeTruthy();
  });

  test.each([
    ["ア/イ", ["vocabulary.not-a-mark"]],
    ["m9", ["narrative.missing-issue"]],
    ["<script>", ["derive.withdrawal-fired"]],
    ["weak-header", ["structure.weak-header"]],
    ["該当なし", []],
  ])("文字で絞り込む「%s」", async (text, codes) => {
    await validated(fakeHost({ evaluation: sampleEvaluation }));
    fireEvent.change(screen.getByLabelText("文字で絞り込む"), { target: { value: text } });
    const shown = screen.queryAllByTestId("finding").map((el) => el.getAttribute("data-code"));
    expect(shown).toEqual(codes);
  });

  test("指摘を押すと Excel でそのセルを選ぶ", async () => {
    const host = fakeHost({ evaluation: sampleEvaluation });
    await validated(host);
    fireEvent.click(screen.getByText("有効性の欄に「A」とあります。ア/イのどちらかを入れてください。"));
    await screen.findByText("戦略!H8 を選択しました。");
    expect(host.calls.select).toEqual([["戦略", "H8"]]);
  });

  test("Excel では検証で付けた色付けを消せる", async () => {
    const host = fakeHost({ evaluation: sampleEvaluation });
    await validated(host);
    fireEvent.click(screen.getByRole("button", { name: "セルの色付けを消す" }));
    await screen.findByText("検証で付けたセルの色とメモを消しました。");
    expect(host.calls.clear).toBe(1);
  });

  test("English when the language is not Japanese", async () => {
    const host = fakeHost({ evaluation: sampleEvaluation });
    renderApp(host, "en");
    fireEvent.click(screen.getByRole("button", { name: "Validate" }));
    await screen.findByText("4 of 4 findings");
    expect(screen.getByText("Effectiveness holds “A”; expected ア/イ.")).toBeTruthy();
  });
});

describe("記号タブ: 競合の上書きは選んだものだけ", () => {
  async function onMarks(host: FakeHost) {
    await validated(host);
    tab("記号");
    await screen.findByRole("button", { name: "1 件を書き込む" });
  }

  test("何も選ばなければ書き込みだけ、行ごとに選ぶと増え、全部を選ぶと競合すべて", async () => {
    const host = fakeHost({ evaluation: sampleEvaluation });
    await onMarks(host);
    // By default only what needs attention: the two conflicts first, then the write (the keep is hidden).
    expect(screen.getAllByTestId("mark-row").map((r) => r.getAttribute("data-action"))).toEqual([
      "conflict",
      "conflict",
      "write",
    ]);
    fireEvent.click(screen.getByLabelText("具体的取組!L12 の競合を上書きする"));
    expect(screen.getByRole("button", { name: "2 件を書き込む" })).toBeTruthy();
    fireEvent.click(screen.getByLabelText("具体的取組!L12 の競合を上書きする"));
    expect(screen.getByRole("button", { name: "1 件を書き込む" })).toBeTruthy();
    fireEvent.click(screen.getByLabelText("競合 2 件をすべて上書きする"));
    expect(screen.getByRole("button", { name: "3 件を書き込む" })).toBeTruthy();
    // Unticking one row leaves "all" mode but keeps the other conflict.
    fireEvent.click(screen.getByLabelText("具体的取組!L13 の競合を上書きする"));
    fireEvent.click(screen.getByRole("button", { name: "2 件を書き込む" }));
    await screen.findByText(
      "2 件を書き込みました。変更は変更履歴シートに記録されています。元に戻すには「直前の書き込みを元に戻す」を押してください。",
    );
    expect(host.calls.apply).toEqual([
      [
        {
          sheet: "具体的取組",
          row: 11,
          col: 12,
          cell: "L11",
          expected: null,
          value: "○",
          reason: "55.9% ≥ 30%以上 → ○",
        },
        {
          sheet: "具体的取組",
          row: 12,
          col: 12,
          cell: "L12",
          expected: "×",
          value: "○",
          reason: "55.9% ≥ 30%以上 → ○",
        },
      ],
    ]);
    // apply re-validates, then Revert is offered
    expect(host.calls.check).toHaveLength(2);
    // (the pane stays busy until the re-validated results are on screen)
    fireEvent.click(await enabled("直前の書き込みを元に戻す"));
    await screen.findByText("3 件を元の値に戻しました。");
    expect(host.calls.revert).toBe(1);
  });

  test("元に戻すは書き込み前は押せない", async () => {
    await onMarks(fakeHost({ evaluation: sampleEvaluation }));
    expect(
      (screen.getByRole("button", { name: "直前の書き込みを元に戻す" }) as HTMLButtonElement).disabled,
    ).toBe(true);
  });

  test("読み込み後に変わったセルは数えて知らせる", async () => {
    const host = fakeHost({ evaluation: sampleEvaluation, applyResult: { written: 0, changed: 1 } });
    await onMarks(host);
    fireEvent.click(screen.getByRole("button", { name: "1 件を書き込む" }));
    await screen.findByText(
      "0 件を書き込みました。1 件は読み込み後に内容が変わっていたため書き込みませんでした。",
    );
  });
});

describe("エラーは MessageBar に、することと一緒に出る", () => {
  test("検証の失敗", async () => {
    const host = fakeHost({
      evaluation: sampleEvaluation,
      checkError: new Error("RichApi.Error: InvalidOperation"),
    });
    renderApp(host);
    fireEvent.click(screen.getByRole("button", { name: "検証する" }));
    const alert = await screen.findByRole("alert");
    expect(within(alert).getByText("処理できませんでした")).toBeTruthy();
    expect(alert.textContent).toContain("もう一度「検証する」を押してください");
    expect(within(alert).getByTestId("error-detail").textContent).toBe("RichApi.Error: InvalidOperation");
    fireEvent.click(within(alert).getByRole("button", { name: "閉じる" }));
    expect(screen.queryByRole("alert")).toBeNull();
  });

  test("アダプターの日本語メッセージを使う", async () => {
    const err = Object.assign(new Error("The file is empty."), {
      messages: { ja: "ファイルが空です。", en: "The file is empty." },
    });
    const openFile = jest.fn<Promise<TaskpaneHost>, [File]>().mockRejectedValue(err);
    renderApp(null, "ja", openFile);
    const input = screen.getByTestId("file-input");
    await act(async () => {
      fireEvent.change(input, { target: { files: [new File([""], "空.xlsx")] } });
    });
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain(".xlsx 形式(Excel ブック)か");
    expect(within(alert).getByTestId("error-detail").textContent).toBe("ファイルが空です。");
  });

  test(".xlsx でないファイルは開かずに知らせる", async () => {
    const openFile = jest.fn<Promise<TaskpaneHost>, [File]>();
    renderApp(null, "ja", openFile);
    fireEvent.change(screen.getByTestId("file-input"), { target: { files: [new File(["x"], "memo.txt")] } });
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("memo.txt は .xlsx ファイルではありません。");
    expect(openFile).not.toHaveBeenCalled();
  });
});

describe("知らせ", () => {
  test("検証は続けられたが知らせることがあれば警告の MessageBar に出す", async () => {
    const notices = [
      { ja: "このバージョンの Excel ではメモを付けられません。", en: "Notes need ExcelApi 1.18." },
    ];
    await validated(fakeHost({ evaluation: sampleEvaluation, notices }));
    expect(screen.getByTestId("check-notices").textContent).toContain(
      "このバージョンの Excel ではメモを付けられません。",
    );
  });

  test("元に戻せなかったセルがあれば数を言う", async () => {
    const host = fakeHost({ evaluation: sampleEvaluation, revertSkipped: 2 });
    await validated(host);
    tab("記号");
    fireEvent.click(await screen.findByRole("button", { name: "1 件を書き込む" }));
    await screen.findByText(/^1 件を書き込みました。変更は変更履歴シートに記録されています。/);
    // (the pane stays busy until the re-validated results are on screen)
    fireEvent.click(await enabled("直前の書き込みを元に戻す"));
    await screen.findByText(/^3 件を元の値に戻しました。2 件は書き込み後に変更されていたため/);
  });
});

describe("単体モード", () => {
  test("ファイルを開くと検証し、指摘を押すとセルの内容を出す", async () => {
    const host = fakeHost({ mode: "standalone", evaluation: sampleEvaluation });
    renderApp(null, "ja", async () => host);
    expect(screen.getByRole("region", { name: ".xlsx ファイルをここにドロップ" })).toBeTruthy();
    await act(async () => {
      fireEvent.change(screen.getByTestId("file-input"), {
        target: { files: [new File(["x"], "hirano.xlsx")] },
      });
    });
    await screen.findByText("指摘 4 件 / 全 4 件");
    expect(screen.getByTestId("file-name").textContent).toBe("開いているファイル: hirano.xlsx");
    fireEvent.click(screen.getByText("有効性の欄に「A」とあります。ア/イのどちらかを入れてください。"));
    // Outside Excel the row opens in place (this hand-made evaluation has no records: it says so).
    const row = await screen.findByTestId("row-view");
    expect(row.textContent).toBe("この指摘に対応する行はありません。");
    expect(host.calls.select).toEqual([]);
  });
});

describe("列の対応タブ", () => {
  test("列を変えて保存すると、変えた分だけ上書き設定になり再検証する", async () => {
    const host = fakeHost({ evaluation: sampleEvaluation });
    await validated(host);
    tab("列の対応");
    const input = screen.getByLabelText(
      "具体的取組 の「業績目標の達成状況」の列(空欄で対応なし)",
    ) as HTMLInputElement;
    expect(input.value).toBe("L");
    fireEvent.change(input, { target: { value: "m" } });
    fireEvent.change(screen.getByLabelText("具体的取組 の「撤退基準」の列(空欄で対応なし)"), {
      target: { value: "" },
    });
    fireEvent.change(screen.getByLabelText("戦略 のシートの種類"), { target: { value: "other" } });
    fireEvent.click(screen.getByRole("button", { name: "保存して再検証" }));
    await screen.findByText("列の対応をブックに保存しました。");
    expect(host.calls.saveMapping).toEqual([
      { 具体的取組: { columns: { achievement: 12, withdrawalCriterion: null } }, 戦略: { kind: "other" } },
    ]);
    expect(host.calls.check[host.calls.check.length - 1]).toEqual(host.calls.saveMapping[0]);
  });

  test("列でない文字は保存できない", async () => {
    await validated(fakeHost({ evaluation: sampleEvaluation }));
    tab("列の対応");
    fireEvent.change(screen.getByLabelText("具体的取組 の「取組内容」の列(空欄で対応なし)"), {
      target: { value: "1A" },
    });
    expect((screen.getByRole("button", { name: "保存して再検証" }) as HTMLButtonElement).disabled).toBe(true);
  });
});

describe("集計タブ", () => {
  test("経営課題・戦略ごとの件数と撤退基準の行", async () => {
    await validated(fakeHost({ evaluation: sampleEvaluation }));
    tab("集計");
    const rows = screen.getAllByTestId("summary-row").map((r) =>
      within(r)
        .getAllByRole("cell")
        .map((c) => c.textContent),
    );
    expect(rows).toEqual([
      ["[1]", "1", "1", "0", "0", "—"],
      ["[3]", "0", "0", "1", "0", "—"],
    ]);
    expect(screen.getAllByTestId("summary-area").map((r) => r.textContent)).toEqual([
      "経営課題: 1 経営課題1",
      "経営課題: 2 経営課題2",
    ]);
    const w = screen.getByTestId("withdrawal-row");
    expect(w.textContent).toContain("左記目標が30%未満であれば、事業を再構築する。");
    expect(w.textContent).toContain("事業を再構築");
    expect(
      screen.getByRole("img", { name: /^経営課題ごとの達成状況。1 経営課題1: 目標達成 1 件/ }),
    ).toBeTruthy();
  });
});

test("検証前はどのタブも検証を促す", async () => {
  renderApp(fakeHost({ evaluation: sampleEvaluation }));
  await waitFor(() =>
    expect(screen.getByText("まだ検証していません。「検証する」を押してください。")).toBeTruthy(),
  );
  tab("集計");
  expect(screen.getByText("集計する取組がありません。まず「検証」で検証してください。")).toBeTruthy();
});

describe("大きなブックでも状況がわかる", () => {
  test("検証のあいだ、いまの段階(読み込み中… / 判定中…)を role=status の中に出す", async () => {
    let release: () => void = () => undefined;
    const waits: Array<() => void> = [];
    const gate = () => new Promise<void>((resolve) => waits.push(resolve));
    const host = fakeHost({ evaluation: sampleEvaluation, phases: ["reading", "evaluating"], gate });
    renderApp(host);
    fireEvent.click(screen.getByRole("button", { name: "検証する" }));
    const status = screen.getByTestId("busy-status");
    expect(status.getAttribute("role")).toBe("status");
    expect(status.getAttribute("aria-live")).toBe("polite");
    await waitFor(() => expect(status.textContent).toBe("読み込み中…"));
    release = waits.shift() ?? release;
    await act(async () => release());
    await waitFor(() => expect(status.textContent).toBe("判定中…"));
    await act(async () => (waits.shift() ?? release)());
    await screen.findByText("指摘 4 件 / 全 4 件");
    await waitFor(() => expect(status.textContent).toBe(""));
    // the live region stays in the page between runs (one added with its text is not read out)
    expect(screen.getByTestId("busy-status")).toBe(status);
  });
});

describe("保存できないブック", () => {
  const readOnly = {
    ja: "デジタル署名があり、ここで保存すると無効になります。",
    en: "It is digitally signed.",
  };

  test("書き込みは押せず、理由がボタンのそばに出る。記号入りのダウンロードも選べない", async () => {
    const host = fakeHost({ mode: "standalone", evaluation: sampleEvaluation, readOnly });
    renderApp(null, "ja", async () => host);
    await act(async () => {
      fireEvent.change(screen.getByTestId("file-input"), {
        target: { files: [new File(["x"], "hirano.xlsx")] },
      });
    });
    await screen.findByText("指摘 4 件 / 全 4 件");
    tab("記号");
    const apply = await screen.findByRole("button", { name: "1 件を書き込む" });
    await waitFor(() => expect(screen.getByTestId("apply-blocked").textContent).toContain(readOnly.ja));
    expect((apply as HTMLButtonElement).disabled).toBe(true);
    expect(apply.getAttribute("aria-describedby")).toBe("kusei-apply-blocked");
    expect(document.getElementById("kusei-apply-blocked")?.textContent).toContain(readOnly.ja);
    fireEvent.click(await enabled("ダウンロード"));
    const item = await screen.findByRole("menuitem", { name: /記号を入れたブックをダウンロード/ });
    expect(item.getAttribute("aria-disabled")).toBe("true");
    expect(item.textContent).toContain("ここでは保存できません");
    expect(
      screen.getByRole("menuitem", { name: "HTML レポートをダウンロード" }).getAttribute("aria-disabled"),
    ).not.toBe("true");
    fireEvent.click(item);
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(host.calls.apply).toEqual([]);
  });

  test("書き込めるブックでは理由は出ず、書き込める", async () => {
    const host = fakeHost({ evaluation: sampleEvaluation });
    await validated(host);
    tab("記号");
    const apply = await screen.findByRole("button", { name: "1 件を書き込む" });
    expect(screen.queryByTestId("apply-blocked")).toBeNull();
    expect((apply as HTMLButtonElement).disabled).toBe(false);
  });
});

describe("ファイルとして開いたページ", () => {
  test("エラーではなく案内として、このまま使えることと HTTP で開く方法を言う", () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <App
          t={translator("ja")}
          lang="ja"
          host={null}
          parts={eagerParts}
          openFile={async () => fakeHost({ evaluation: sampleEvaluation })}
          startupNotice="startFromFile"
        />
      </FluentProvider>,
    );
    const notice = screen.getByTestId("startup-notice");
    expect(notice.textContent).toContain("ファイルとして直接開いています");
    expect(notice.textContent).toContain("npm run serve");
    expect(notice.textContent).not.toContain("作業ウィンドウ");
    expect(screen.queryByRole("alert")).toBeNull();
  });
});

describe("原因のカードが多くても", () => {
  /** A workbook with `n` withdrawals, each with its own two findings: n cause cards. */
  function manyCauses(n: number): Evaluation {
    const base = sampleEvaluation();
    const initiatives = Array.from({ length: n }, (_, i) =>
      initiative(`具体的取組!${20 + i}`, "1", `1-${i}`, "withdrawal", {
        raw: "左記目標が30%未満であれば、事業を再構築する。",
        action: "restructure",
      }),
    );
    const findings = initiatives.flatMap((_d, i) => [
      finding({
        code: "derive.withdrawal-fired",
        severity: "warning",
        sheet: "具体的取組",
        row: 20 + i,
        field: "withdrawal",
        cell: `L${20 + i}`,
      }),
      finding({
        code: "narrative.missing-issue",
        severity: "warning",
        sheet: "具体的取組",
        row: 20 + i,
        cell: `M${20 + i}`,
      }),
    ]);
    return { ...base, initiatives, records: initiatives.map((d) => d.record), findings };
  }

  // jsdom lays nothing out: give every row of a virtual list the height a card has in the pane (the
  // virtualizer measures a row by its offsetHeight).
  const offsetHeight = Object.getOwnPropertyDescriptor(HTMLElement.prototype, "offsetHeight");
  const scrollTo = window.scrollTo;
  beforeEach(() => {
    window.scrollTo = () => undefined;
    Object.defineProperty(HTMLElement.prototype, "offsetHeight", {
      configurable: true,
      get() {
        return (this as HTMLElement).hasAttribute("data-index") ? 96 : 0;
      },
    });
  });
  afterEach(() => {
    window.scrollTo = scrollTo;
    if (offsetHeight) Object.defineProperty(HTMLElement.prototype, "offsetHeight", offsetHeight);
  });

  test("画面の近くのカードだけを描く (a big workbook has thousands)", async () => {
    const evaluation = manyCauses(400);
    renderApp(fakeHost({ evaluation: () => evaluation }));
    fireEvent.click(screen.getByRole("button", { name: "検証する" }));
    await screen.findByText("指摘 800 件 / 全 800 件");
    const cards = screen.getAllByTestId("cause-group");
    expect(cards.length).toBeGreaterThan(0);
    expect(cards.length).toBeLessThan(50);
    const rows = screen.getAllByTestId("cause-row").map((r) => Number(r.getAttribute("data-index")));
    expect(rows[0]).toBe(0);
    // a card opened stays open when it is drawn again (its state is kept above the virtual list)
    const first = within(cards[0] as HTMLElement);
    fireEvent.click(first.getByRole("button", { name: "この原因による指摘 2 件を表示" }));
    expect(first.getAllByTestId("finding")).toHaveLength(2);
  });
});
