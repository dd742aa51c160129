import JSZip from "jszip";
import {
  applyWrites,
  readWorkbook,
  WorkbookReadError,
  writeWorkbook,
  type WorkbookReadErrorCode,
} from "../../src/xlsx";
import { sampleWorkbookBytes } from "./build";
import { at } from "../helpers/cell-write";

async function zipOf(files: Record<string, string>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, text] of Object.entries(files)) zip.file(name, text);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

async function codeOf(
  bytes: Uint8Array,
  maxUncompressedBytes?: number,
): Promise<WorkbookReadErrorCode | "ok"> {
  try {
    await readWorkbook(bytes, maxUncompressedBytes === undefined ? {} : { maxUncompressedBytes });
    return "ok";
  } catch (e) {
    if (e instanceof WorkbookReadError) {
      expect(e.messages.ja.length).toBeGreaterThan(0);
      expect(e.messages.en.length).toBeGreaterThan(0);
      return e.code;
    }
    throw e;
  }
}

describe("readWorkbook は壊れた入力を型付きの誤りで拒む", () => {
  test.each<[string, () => Promise<Uint8Array>, WorkbookReadErrorCode | "ok", number | undefined]>([
    ["正常なブック", sampleWorkbookBytes, "ok", undefined],
    ["空のファイル", async () => new Uint8Array(0), "empty", undefined],
    [
      "暗号化 / .xls (CFB)",
      async () => Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]),
      "encrypted",
      undefined,
    ],
    ["テキストファイル", async () => new TextEncoder().encode("氏名,点数\n平野,3\n"), "not-zip", undefined],
    [
      "PK で始まるだけ",
      async () => new TextEncoder().encode("PKzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"),
      "not-zip",
      undefined,
    ],
    ["途中で切れた zip", async () => (await sampleWorkbookBytes()).slice(0, 3000), "truncated", undefined],
    [
      "末尾を少し欠いた zip",
      async () => {
        const b = await sampleWorkbookBytes();
        return b.slice(0, b.length - 10);
      },
      "truncated",
      undefined,
    ],
    [
      "ブックでない zip (docx)",
      () => zipOf({ "[Content_Types].xml": "<Types/>", "word/document.xml": "<w/>" }),
      "not-workbook",
      undefined,
    ],
    ["空の zip", () => zipOf({}), "not-workbook", undefined],
    ["上限を超える大きさ", sampleWorkbookBytes, "too-large", 1000],
    [
      "中身が壊れたブック",
      () =>
        zipOf({
          "[Content_Types].xml": "<Types",
          "xl/workbook.xml": "<<<not xml",
          "xl/_rels/workbook.xml.rels": "??",
        }),
      "corrupt",
      undefined,
    ],
  ])("%s → %s", async (_label, make, want, limit) => {
    expect(await codeOf(await make(), limit)).toBe(want);
  });

  test("上限は引き上げられる", async () => {
    expect(await codeOf(await sampleWorkbookBytes(), 10 * 1024 * 1024)).toBe("ok");
  });

  test("ArrayBuffer も受け付ける", async () => {
    const b = await sampleWorkbookBytes();
    const ab = b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
    const { snapshots } = await readWorkbook(ab);
    expect(snapshots.length).toBe(4);
  });
});

describe("結合範囲の読み込み (fast merge check)", () => {
  async function withMerges(refs: string[]): Promise<Uint8Array> {
    const zip = await JSZip.loadAsync(await sampleWorkbookBytes());
    const path = "xl/worksheets/sheet1.xml";
    const xml = await zip.file(path)!.async("string");
    const merges = `<mergeCells count="${refs.length}">${refs.map((r) => `<mergeCell ref="${r}"/>`).join("")}</mergeCells>`;
    zip.file(path, xml.replace(/<mergeCells[^>]*>.*?<\/mergeCells>/s, merges));
    return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
  }

  test("重なる結合範囲は壊れたブックとして拒む", async () => {
    expect(await codeOf(await withMerges(["A1:C1", "D4:E5", "E5:F6"]), undefined)).toBe("corrupt");
    expect(await codeOf(await withMerges(["A1:C1", "A1:A1"]), undefined)).toBe("corrupt");
  });

  test("重ならない結合範囲はそのまま読む", async () => {
    const { snapshots } = await readWorkbook(await withMerges(["A1:C1", "D4:E5", "A8:B9"]));
    const s = snapshots[0]!;
    expect(
      s.merges
        .map((m) => [
          m.top + s.origin.row,
          m.left + s.origin.col,
          m.bottom + s.origin.row,
          m.right + s.origin.col,
        ])
        .sort(),
    ).toEqual([
      [0, 0, 0, 2],
      [3, 3, 4, 4],
      [7, 0, 8, 1],
    ]);
  });
});

describe("保存で失われる部分 (what a surgical save cannot keep)", () => {
  async function withParts(parts: Record<string, string>): Promise<Uint8Array> {
    const zip = await JSZip.loadAsync(await sampleWorkbookBytes());
    for (const [name, text] of Object.entries(parts)) zip.file(name, text);
    return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
  }
  const write = { sheet: "評価", ...at("A10"), expected: null, value: "○", reason: "t" };

  test("マクロやグラフは読めて、そのまま保存される (macros and charts are kept as stored)", async () => {
    const input = await withParts({ "xl/vbaProject.bin": "vba", "xl/charts/chart1.xml": "<c/>" });
    const { snapshots, workbook } = await readWorkbook(input);
    expect(snapshots.length).toBe(4);
    expect(workbook.lossyParts).toEqual([]);
    expect(applyWrites(workbook, [write]).applied).toHaveLength(1);
    const out = await JSZip.loadAsync(await writeWorkbook(workbook));
    expect(await out.file("xl/vbaProject.bin")?.async("string")).toBe("vba");
    expect(await out.file("xl/charts/chart1.xml")?.async("string")).toBe("<c/>");
  });

  test("デジタル署名のあるブックは保存しない (a signed workbook is refused: the save would break the signature)", async () => {
    const input = await withParts({ "_xmlsignatures/sig1.xml": "<Signature/>" });
    const { workbook } = await readWorkbook(input);
    expect(workbook.lossyParts.join()).toMatch(/デジタル署名/);
    // nothing to change: the bytes as read
    expect(Buffer.from(await writeWorkbook(workbook)).equals(Buffer.from(input))).toBe(true);
    applyWrites(workbook, [write]);
    const error = await writeWorkbook(workbook).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "signed" });
    expect((error as { messages: { ja: string; en: string } }).messages).toEqual({
      ja: expect.stringMatching(/デジタル署名.*無効/),
      en: expect.stringMatching(/digitally signed.*break the signature/),
    });
  });

  test("普通のブックには何もない", async () => {
    const { workbook } = await readWorkbook(await sampleWorkbookBytes());
    expect(workbook.lossyParts).toEqual([]);
  });
});
