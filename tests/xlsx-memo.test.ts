/**
 * The part memo (templates/xlsx/memo.ts): a batch of reads parses the template's unchanging parts
 * (workbook, relationships, styles) once, answers exactly as reads without it, and never lends a
 * parse to a file whose stored bytes differ, whatever its headers claim.
 */
import { strFromU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { buildTemplate } from "../templates/build";
import { inspectWorkbook } from "../templates/inspect";
import { demoUnits, sampleFill } from "../templates/samples";
import { DEFAULT_XLSX_LIMITS, PartMemo, readXlsxGrid } from "../templates/xlsx";
import { LONG_TEXT } from "../templates/xlsx/memo";
import { readZipDirectory, storedBytes } from "../templates/xlsx/zip";
import { nativeUnzip } from "../functions/service/native-deflate";
import { patchCentral, patchZip } from "./fixtures/bad-files";

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

async function towns(n: number): Promise<Uint8Array[]> {
  const units = demoUnits(n);
  return Promise.all(units.map((u, i) => buildTemplate({ fill: sampleFill(u, "2025-Y", i + 1, 1 + i / 4) })));
}

/** The file with one byte of a part's stored (compressed) data changed; its headers, CRC and sizes untouched. */
function flipStoredByte(bytes: Uint8Array, part: string): Uint8Array {
  const dir = readZipDirectory(bytes, DEFAULT_XLSX_LIMITS);
  if ("fail" in dir) throw new Error(dir.fail);
  const stored = storedBytes(bytes, dir, dir.entries.get(part)!);
  if ("fail" in stored) throw new Error(stored.fail);
  const out = bytes.slice();
  const at = stored.byteOffset - bytes.byteOffset + Math.floor(stored.length / 2);
  out[at] = out[at]! ^ 0x55;
  return out;
}

describe("the part memo", () => {
  it("answers three towns exactly as reads without it, parsing the workbook, relationships and styles once", async () => {
    const files = await towns(3);
    const memo = new PartMemo();
    const hits: number[][] = [];
    for (const f of files) {
      const withMemo = readXlsxGrid(f, { memo, codec: nativeUnzip });
      hits.push([memo.hits, memo.textHits]);
      expect(withMemo).toEqual(readXlsxGrid(f));
    }
    // Parts; the third town also replays the three worksheets the second one repeated (封面, 文字材料,
    // 填表说明). Texts: each town's shared-string items equal to the town before's at the same index
    // (all but its name, code, contact and narrative) are lent, not decoded (PartMemo.byteItems).
    const items = files.map((f) => strFromU8(unzipSync(f, { filter: (e) => e.name === "xl/sharedStrings.xml" })["xl/sharedStrings.xml"]!).match(/<si>.*?<\/si>/gs)!);
    const lent = (i: number) => items[i]!.filter((x, k) => x === items[i - 1]![k]).length;
    expect([items[0]!.length, lent(1), lent(2)]).toEqual([212, 202, 202]);
    expect(hits).toEqual([[0, 0], [3, 202], [9, 404]]);
  });

  it("a worksheet is kept once met again, in up to four shapes: towns of two kinds in turn inflate only their own parts from the fourth on", async () => {
    // 乡镇, 街道, 乡镇, 街道, 乡镇, 街道: the 模板信息 sheet has one shape per kind (one shared-string index differs).
    const files = await towns(6);
    const inflated: string[][] = [];
    const counting: typeof nativeUnzip = {
      ...nativeUnzip,
      inflateRaw: (data, max) => {
        const out = nativeUnzip.inflateRaw(data, max);
        // A part by its root element, a worksheet by its used range.
        const head = out instanceof Uint8Array ? new TextDecoder().decode(out.subarray(0, 700)) : "";
        if (out instanceof Uint8Array) inflated.at(-1)!.push(/<dimension ref="([^"]+)"/.exec(head)?.[1] ?? /<([A-Za-z:]+)[\s>/]/.exec(head)?.[1] ?? "?");
        return out;
      },
    };
    const memo = new PartMemo();
    for (const f of files) {
      inflated.push([]);
      expect(inspectWorkbook(f, { memo, codec: counting })).toEqual(inspectWorkbook(f));
    }
    // 封面 A1:D15, 指标 A1:H62, 文字材料 A1:A8, 模板信息 A1:E18.
    expect(inflated).toEqual([
      ["workbook", "Relationships", "styleSheet", "sst", "A1:D15", "A1:H62", "A1:A8", "A1:E18", "Relationships", "Relationships"],
      ["sst", "A1:D15", "A1:H62", "A1:A8", "A1:E18"],
      // The 乡镇 shape of 模板信息, met again; then the 街道 one.
      ["sst", "A1:H62", "A1:E18"],
      ["sst", "A1:H62", "A1:E18"],
      ["sst", "A1:H62"],
      ["sst", "A1:H62"],
    ]);
  });

  /** A 填表说明 sheet (sheet4) of every cell kind the scanner hands its sink: shared formulas, inline text, booleans, errors, dates. */
  const KINDS_SHEET =
    '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
    '<row r="1"><c r="A1"><v>2</v></c><c r="B1"><f t="shared" ref="B1:B3" si="0">A1*10</f><v>20</v></c><c r="C1" t="inlineStr"><is><t>青阳 &amp; 清河</t></is></c></row>' +
    '<row r="2"><c r="A2"><v>3</v></c><c r="B2"><f t="shared" si="0"/><v>30</v></c><c r="C2" t="b"><v>1</v></c><c r="D2" t="e"><v>#DIV/0!</v></c></row>' +
    '<row r="3"><c r="A3" t="s"><v>0</v></c><c r="B3"><f t="shared" si="0"/></c><c r="C3" t="d"><v>2025-06-30</v></c><c r="D3" t="str"><f>"a"&amp;"b"</f><v>ab</v></c></row>' +
    "</sheetData></worksheet>";

  it("a replayed worksheet of every cell kind gives what a scan gives: shared formulas shifted, inline text, booleans, errors, dates", async () => {
    const files = (await towns(3)).map((f) => patchZip(f, { "xl/worksheets/sheet4.xml": KINDS_SHEET }));
    const memo = new PartMemo();
    const grids = files.map((f) => readXlsxGrid(f, { memo, codec: nativeUnzip }));
    expect(grids).toEqual(files.map((f) => readXlsxGrid(f)));
    const third = grids[2]!;
    if (!third.ok) throw new Error(third.message);
    const cells = third.grid.sheets[3]!.cells;
    expect([cells["B2"]?.formula, cells["B3"]?.formula, cells["C1"]?.value, cells["C2"]?.value, cells["D2"]?.error, cells["C3"]?.value, cells["D3"]?.value]).toEqual([
      "A2*10",
      "A3*10",
      "青阳 & 清河",
      true,
      "#DIV/0!",
      45838,
      "ab",
    ]);
    // Each town's own first shared string, through the replayed reference.
    expect(grids.map((g) => (g.ok ? g.grid.sheets[3]!.cells["A3"]?.value : null))).toEqual(grids.map((g) => (g.ok ? g.grid.sheets[0]!.cells["A1"]?.value : null)));
  });

  // (cell bound of the third read -> the sheet it stops in, or null; parts answered from the memo). The
  // template's cells as written, empty ones too: 封面 1–36, 指标 37–518, 文字材料 519–526, 填表说明 527–536,
  // 模板信息 537–566; a bound of m stops at cell m + 1. The third town replays 封面, 文字材料 and 填表说明 and
  // scans the other two.
  it.each([
    [1, "封面", 4],
    [35, "封面", 4],
    [36, "指标", 4],
    [517, "指标", 4],
    [518, "文字材料", 5],
    [525, "文字材料", 5],
    [526, "填表说明", 6],
    [535, "填表说明", 6],
    [536, "模板信息", 6],
    [565, "模板信息", 6],
    [566, null, 6],
  ])("at most %i cells: the third read stops in %s as without the memo", async (maxCells, sheet, hits) => {
    const files = await towns(3);
    const memo = new PartMemo();
    for (const f of files.slice(0, 2)) expect(readXlsxGrid(f, { memo, codec: nativeUnzip }).ok).toBe(true);
    const alone = readXlsxGrid(files[2]!, { codec: nativeUnzip, limits: { maxCells } });
    const hitsBefore = memo.hits;
    const withMemo = readXlsxGrid(files[2]!, { memo, codec: nativeUnzip, limits: { maxCells } });
    expect(withMemo).toEqual(alone);
    expect(alone.ok ? null : [alone.code, alone.detail]).toEqual(sheet === null ? null : ["TOO_MANY_CELLS", `工作表“${sheet}”：超过 ${maxCells} 个单元格`]);
    expect(memo.hits - hitsBefore).toBe(hits);
  });

  // (bytes of budget beside what the read inflates -> its answer). Four more sheets name 封面's part: each
  // read of it spends its size again, replayed or inflated, so a part named many times cannot read past the budget.
  it.each([
    [-1, "xl/worksheets/sheet1.xml 解压后过大"],
    [0, null],
  ])("a worksheet named five times spends the inflate budget five times, replayed as inflated: %i bytes to spare", async (spare, refused) => {
    const copies = [1, 2, 3, 4].map((k) => `<sheet sheetId="${10 + k}" name="封面${k}" state="visible" r:id="rId4"/>`).join("");
    const files = (await towns(3)).map((f) => {
      const wb = new TextDecoder().decode(unzipSync(f)["xl/workbook.xml"]!);
      return patchZip(f, { "xl/workbook.xml": wb.replace("</sheets>", `${copies}</sheets>`) });
    });
    // What a read without the memo inflates, in all.
    let spent = 0;
    expect(readXlsxGrid(files[2]!, { codec: { ...nativeUnzip, inflateRaw: (d, max) => ((spent += max - 1), nativeUnzip.inflateRaw(d, max)) } }).ok).toBe(true);
    const limits = { maxUncompressedBytes: spent + spare };
    const alone = readXlsxGrid(files[2]!, { codec: nativeUnzip, limits });
    expect(alone.ok ? null : [alone.code, alone.detail]).toEqual(refused === null ? null : ["ZIP_BOMB", refused]);
    const memo = new PartMemo();
    for (const f of files.slice(0, 2)) expect(readXlsxGrid(f, { memo, codec: nativeUnzip }).ok).toBe(true);
    const hits = memo.hits;
    expect(readXlsxGrid(files[2]!, { memo, codec: nativeUnzip, limits })).toEqual(alone);
    // The workbook, relationships and styles; 封面 and its four names (the last refused unread), 文字材料, 填表说明.
    expect(memo.hits - hits).toBe(refused === null ? 10 : 9);
  });

  it("a repeated worksheet whose scan fails is never replayed: three towns with the same broken 填表说明 are each refused", async () => {
    const files = await towns(3);
    const sheet = new TextDecoder().decode(unzipSync(files[0]!)["xl/worksheets/sheet4.xml"]!);
    // Cut inside its last row: the cells before the cut reach the sink, then the scan fails.
    const broken = sheet.slice(0, sheet.lastIndexOf("</row>"));
    const memo = new PartMemo();
    const answers = files.map((f) => readXlsxGrid(patchZip(f, { "xl/worksheets/sheet4.xml": broken }), { memo, codec: nativeUnzip }));
    expect(answers.map((a) => (a.ok ? null : a.code))).toEqual(["CORRUPT_ZIP", "CORRUPT_ZIP", "CORRUPT_ZIP"]);
    expect(answers[2]).toEqual(answers[0]);
  });

  it("a scan stopped by a bound is not kept: a later read without the bound gets every cell", async () => {
    const files = await towns(3);
    const memo = new PartMemo();
    for (const f of files.slice(0, 2)) {
      const r = readXlsxGrid(f, { memo, codec: nativeUnzip, limits: { maxCells: 10 } });
      expect(r.ok ? null : [r.code, r.detail]).toEqual(["TOO_MANY_CELLS", "工作表“封面”：超过 10 个单元格"]);
    }
    expect(readXlsxGrid(files[2]!, { memo, codec: nativeUnzip })).toEqual(readXlsxGrid(files[2]!));
  });

  it("keeps its own copy of what it compared: a file read into the buffer the last one was read into (the command line's way) borrows nothing", async () => {
    const [good] = await towns(1);
    const bad = flipStoredByte(good!, "xl/styles.xml");
    const alone = readXlsxGrid(bad, { codec: nativeUnzip });
    expect(alone.ok ? null : alone.code).toBe("CORRUPT_ZIP");
    const scratch = good!.slice();
    const memo = new PartMemo();
    expect(readXlsxGrid(scratch, { memo, codec: nativeUnzip }).ok).toBe(true);
    scratch.set(bad);
    expect(readXlsxGrid(scratch, { memo, codec: nativeUnzip })).toEqual(alone);
  });

  it("a repeated worksheet's stored bytes changed under the same headers are refused as without the memo", async () => {
    const files = await towns(3);
    const memo = new PartMemo();
    for (const f of files.slice(0, 2)) expect(readXlsxGrid(f, { memo, codec: nativeUnzip }).ok).toBe(true);
    const bad = flipStoredByte(files[2]!, "xl/worksheets/sheet1.xml");
    const alone = readXlsxGrid(bad, { codec: nativeUnzip });
    expect(alone.ok ? null : alone.code).toBe("CORRUPT_ZIP");
    expect(readXlsxGrid(bad, { memo, codec: nativeUnzip })).toEqual(alone);
  });

  it("inspects as without it, and answers the relationships' external-link check from it too", async () => {
    const files = await towns(2);
    const memo = new PartMemo();
    const first = inspectWorkbook(files[0]!, { memo });
    expect(memo.hits).toBe(0);
    const second = inspectWorkbook(files[1]!, { memo });
    // workbook, workbook relationships, styles; then the package and workbook relationships judged free of external links
    expect(memo.hits).toBe(5);
    expect(first).toEqual(inspectWorkbook(files[0]!));
    expect(second).toEqual(inspectWorkbook(files[1]!));
  });

  it("the second town's inspection inflates only its own parts: the sheets and shared strings", async () => {
    const files = await towns(2);
    let inflated: string[] = [];
    const counting: typeof nativeUnzip = {
      inflateRaw: (data, max) => {
        const out = nativeUnzip.inflateRaw(data, max);
        // Each part by its root element.
        if (out instanceof Uint8Array) inflated.push(/<([A-Za-z:]+)[\s>/]/.exec(new TextDecoder().decode(out.subarray(0, 300)))?.[1] ?? "?");
        return out;
      },
      crc32: nativeUnzip.crc32,
    };
    const memo = new PartMemo();
    expect(inspectWorkbook(files[0]!, { memo, codec: counting }).ok).toBe(true);
    // workbook, its relationships, styles, shared strings, four sheets; the package's and the workbook's relationships again for the link check
    expect(inflated.length).toBe(10);
    inflated = [];
    expect(inspectWorkbook(files[1]!, { memo, codec: counting }).ok).toBe(true);
    expect(inflated).toEqual(["sst", "worksheet", "worksheet", "worksheet", "worksheet"]);
  });

  it("never lends a parse to stored bytes that differ: a changed byte in styles.xml is refused as it is without the memo", async () => {
    const [good] = await towns(1);
    const bad = flipStoredByte(good!, "xl/styles.xml");
    const alone = readXlsxGrid(bad, { codec: nativeUnzip });
    expect(alone.ok).toBe(false);
    const memo = new PartMemo();
    expect(readXlsxGrid(good!, { memo, codec: nativeUnzip }).ok).toBe(true);
    expect(readXlsxGrid(bad, { memo, codec: nativeUnzip })).toEqual(alone);
    if (alone.ok) throw new Error("read");
    expect(alone.code).toBe("CORRUPT_ZIP");
  });

  // (what the headers of styles.xml say, over the first file's very bytes) -> the refusal, with the memo as without it
  const HEADER_CASES: [string, "method" | "crc" | "size", (e: { crc: number; size: number }) => number, string, string][] = [
    ["another CRC", "crc", (e) => e.crc ^ 1, "CORRUPT_ZIP", "xl/styles.xml 校验失败"],
    ["a size one byte larger", "size", (e) => e.size + 1, "CORRUPT_ZIP", "xl/styles.xml 大小不符"],
    ["a size one byte smaller", "size", (e) => e.size - 1, "ZIP_BOMB", "xl/styles.xml 实际解压大小超过声明"],
    ["stored, not deflated", "method", () => 0, "CORRUPT_ZIP", "xl/styles.xml 大小不符"],
  ];
  it.each(HEADER_CASES)("the same stored bytes under %s are refused as they are without the memo", async (_what, field, value, code, detail) => {
    const [good] = await towns(1);
    const dir = readZipDirectory(good!, DEFAULT_XLSX_LIMITS);
    if ("fail" in dir) throw new Error(dir.fail);
    const bad = patchCentral(good!, "xl/styles.xml", field, value(dir.entries.get("xl/styles.xml")!));
    const alone = readXlsxGrid(bad, { codec: nativeUnzip });
    expect(alone.ok ? null : [alone.code, alone.detail]).toEqual([code, detail]);
    const memo = new PartMemo();
    expect(readXlsxGrid(good!, { memo, codec: nativeUnzip }).ok).toBe(true);
    expect(readXlsxGrid(bad, { memo, codec: nativeUnzip })).toEqual(alone);
  });

  it("a file with an external link in its workbook relationships is refused after a clean file primed the memo", async () => {
    const [good] = await towns(1);
    const rels = new TextDecoder().decode(unzipSync(good!)["xl/_rels/workbook.xml.rels"]!);
    const linked = patchZip(good!, {
      "xl/_rels/workbook.xml.rels": rels.replace("</Relationships>", `<Relationship Id="rId99" Type="${REL}/hyperlink" Target="\\\\198.51.100.7\\share\\x.xlsx" TargetMode="External"/></Relationships>`),
    });
    const memo = new PartMemo();
    expect(inspectWorkbook(good!, { memo }).ok).toBe(true);
    const r = inspectWorkbook(linked, { memo });
    expect(r.ok ? null : [r.code, r.detail]).toEqual(["EXTERNAL_LINKS", "外部链接：\\\\198.51.100.7\\share\\x.xlsx"]);
  });

  it("remembers no failure: a malformed workbook.xml is read (and refused) afresh each time", async () => {
    const [good] = await towns(1);
    const broken = patchZip(good!, { "xl/workbook.xml": new TextDecoder().decode(unzipSync(good!)["xl/workbook.xml"]!).slice(0, -3) });
    const memo = new PartMemo();
    const first = readXlsxGrid(broken, { memo });
    const second = readXlsxGrid(broken, { memo });
    expect(first.ok ? null : [first.code, first.detail]).toEqual(["CORRUPT_ZIP", "workbook.xml 格式错误：Unclosed end tag."]);
    expect(second).toEqual(first);
    expect(memo.hits).toBe(0);
  });

  it("each read gets its own defined names: changing one grid's does not reach the next read", async () => {
    const [good] = await towns(1);
    const memo = new PartMemo();
    const a = readXlsxGrid(good!, { memo });
    if (!a.ok) throw new Error(a.message);
    a.grid.definedNames!["HZ_TEMPLATE_ID"] = "changed";
    const b = readXlsxGrid(good!, { memo });
    if (!b.ok) throw new Error(b.message);
    expect(memo.hits).toBe(3);
    expect(b.grid.definedNames!["HZ_TEMPLATE_ID"]).toBe("'模板信息'!$B$1");
  });

  it("a part stored under the same name but deflated differently (other bytes, same text) is parsed again, with the same answer", async () => {
    const [good] = await towns(1);
    const files = unzipSync(good!);
    const restored = zipSync({ ...files, "xl/styles.xml": [files["xl/styles.xml"]!, { level: 9 }], "xl/workbook.xml": [files["xl/workbook.xml"]!, { level: 0 }] });
    const memo = new PartMemo();
    const a = readXlsxGrid(good!, { memo });
    const b = readXlsxGrid(restored, { memo });
    expect(b).toEqual(a);
    expect(memo.hits).toBe(0);
    expect(readXlsxGrid(restored, { memo })).toEqual(a);
    // The three parts; and the five worksheets, whose text (CRC, size) the second read met again and kept.
    expect(memo.hits).toBe(8);
    // Both shapes are kept: the first file again is answered whole from the memo too.
    expect(readXlsxGrid(good!, { memo })).toEqual(a);
    expect(memo.hits).toBe(11);
  });
});

describe("long texts", () => {
  /** A decoder that counts its calls and answers null for a text holding "&bad;". */
  const counted = () => {
    const calls: number[] = [];
    const decode = (raw: string): string | null => {
      calls.push(raw.length);
      return raw.includes("&bad;") ? null : raw.replaceAll("&quot;", '"');
    };
    return { calls, decode };
  };
  /** A raw text of exactly n characters, mostly &quot; entities, ending in `last`; and what it decodes to. */
  const k = (n: number) => Math.floor((n - 1) / 6);
  const long = (n: number, last = "x") => "&quot;".repeat(k(n)) + "y".repeat(n - 1 - 6 * k(n)) + last;
  const decoded = (n: number, last = "x") => '"'.repeat(k(n)) + "y".repeat(n - 1 - 6 * k(n)) + last;

  it("a text of LONG_TEXT characters is decoded once and then answered from the memo; one of LONG_TEXT - 1 is decoded every time", () => {
    const memo = new PartMemo();
    const { calls, decode } = counted();
    const atBound = long(LONG_TEXT);
    const below = long(LONG_TEXT - 1);
    expect(atBound.length).toBe(LONG_TEXT);
    expect(below.length).toBe(LONG_TEXT - 1);
    const first = memo.text(atBound, decode);
    expect(first).toBe(decoded(LONG_TEXT));
    expect(memo.text(atBound, decode)).toBe(first);
    expect(memo.text(below, decode)).toBe(decoded(LONG_TEXT - 1));
    expect(memo.text(below, decode)).toBe(decoded(LONG_TEXT - 1));
    expect(calls).toEqual([LONG_TEXT, LONG_TEXT - 1, LONG_TEXT - 1]);
    expect(memo.textHits).toBe(1);
  });

  it("a long text that differs in its last character is decoded afresh, and becomes the one remembered", () => {
    const memo = new PartMemo();
    const { calls, decode } = counted();
    const a = long(LONG_TEXT + 7, "a");
    const b = long(LONG_TEXT + 7, "b");
    expect(memo.text(a, decode)).toBe(decoded(LONG_TEXT + 7, "a"));
    expect(memo.text(b, decode)).toBe(decoded(LONG_TEXT + 7, "b"));
    expect(memo.text(b, decode)).toBe(decoded(LONG_TEXT + 7, "b"));
    expect(memo.text(a, decode)).toBe(decoded(LONG_TEXT + 7, "a"));
    expect(calls.length).toBe(3);
    expect(memo.textHits).toBe(1);
  });

  it("a failed decoding is not remembered: the same text is decoded, and fails, again", () => {
    const memo = new PartMemo();
    const { calls, decode } = counted();
    const bad = long(LONG_TEXT) + "&bad;";
    expect(memo.text(bad, decode)).toBeNull();
    expect(memo.text(bad, decode)).toBeNull();
    expect(calls.length).toBe(2);
    expect(memo.textHits).toBe(0);
  });

  it("a town whose library text differs from the one remembered reads its own: the grids equal reads without the memo", async () => {
    const [a, b] = await towns(2);
    const parts = unzipSync(b!);
    const sst = new TextDecoder().decode(parts["xl/sharedStrings.xml"]!);
    // The library's JSON text, its first &quot; made &#34; (the same character, other raw text).
    const changed = sst.replace("&quot;", "&#34;");
    expect(changed).not.toBe(sst);
    const other = zipSync({ ...parts, "xl/sharedStrings.xml": new TextEncoder().encode(changed) });
    const memo = new PartMemo();
    readXlsxGrid(a!, { memo });
    const withMemo = readXlsxGrid(other, { memo });
    expect(memo.textHits).toBe(0);
    expect(withMemo).toEqual(readXlsxGrid(other));
    expect(readXlsxGrid(other, { memo })).toEqual(withMemo);
    expect(memo.textHits).toBe(1);
  });
});
