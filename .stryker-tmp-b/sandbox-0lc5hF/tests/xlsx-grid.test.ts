// @ts-nocheck
import { nativeUnzip } from "../functions/service/native-deflate";
import { describe, it, expect, beforeAll, vi } from "vitest";
import ExcelJS from "exceljs";
import { strToU8, zipSync } from "fflate";
import { readXlsxGrid, sniffFileKind } from "../templates/xlsx";
import { shiftFormula } from "../templates/xlsx/formula";
import type { Grid, GridSheet } from "../templates/grid";
import {
  BAD_FILES,
  libreOfficeConvert,
  makeCsv,
  makeEncrypted,
  makeHtmlAsXls,
  makeLegacyXls,
  makeRandomBytes,
  packageSheets,
  smallXlsx,
  zeroBombDeflate,
} from "./fixtures/bad-files";
import { inflateSync } from "fflate";

/**
 * The worksheet parser readXlsxGrid uses in this file: the scanner, or (for the
 * differential tests) the saxes oracle in tests/support, swapped in for it.
 */
const sheetParser = vi.hoisted(() => ({ use: "scan" as "scan" | "saxes" }));
vi.mock("../templates/xlsx/sheet-scan", async (importOriginal) => {
  const real = await importOriginal<typeof import("../templates/xlsx/sheet-scan")>();
  const { parseSheetSaxes } = await import("./support/sheet-saxes");
  return { parseSheetScan: (...args: Parameters<typeof real.parseSheetScan>) => (sheetParser.use === "saxes" ? parseSheetSaxes : real.parseSheetScan)(...args) };
});

function withParser<T>(parser: "scan" | "saxes", read: () => T): T {
  sheetParser.use = parser;
  try {
    return read();
  } finally {
    sheetParser.use = "scan";
  }
}

/** The workbook every "real file" test reads: what the template looks like, in miniature. */
async function buildWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const cover = wb.addWorksheet("封面");
  cover.getCell("A1").value = "科技工作情况统计报表";
  cover.getCell("A2").value = "单位名称";
  cover.getCell("B2").value = "青阳镇";
  cover.getCell("A3").value = "区划代码";
  cover.getCell("B3").value = "320281102000";
  cover.getCell("A4").value = "填报日期";
  cover.getCell("B4").value = new Date(Date.UTC(2024, 11, 31));
  cover.getCell("B4").numFmt = "yyyy-mm-dd";
  const ws = wb.addWorksheet("科技投入");
  ws.getCell("A1").value = "指标";
  ws.getCell("B1").value = "本期";
  ws.getCell("C1").value = "上年同期";
  ws.getCell("D1").value = "增长";
  ws.getCell("A2").value = { richText: [{ text: "财政" }, { font: { bold: true }, text: "科技" }, { text: "拨款 & <万元>" }] };
  ws.getCell("B2").value = 2500;
  ws.getCell("B2").numFmt = "#,##0";
  ws.getCell("C2").value = 1672.25;
  ws.getCell("C2").numFmt = "0.00";
  ws.getCell("D2").value = { formula: "(B2-C2)/C2", result: 0.495 };
  ws.getCell("D2").numFmt = "0.0%";
  ws.getCell("E2").value = 0.38;
  ws.getCell("E2").numFmt = "0%";
  ws.getCell("A3").value = "专利申请（件）";
  ws.getCell("B3").value = 170;
  ws.getCell("C3").value = 0;
  ws.getCell("D3").value = { formula: "(B3-C3)/C3", result: { error: "#DIV/0!" } };
  ws.getCell("A4").value = "是否完成";
  ws.getCell("B4").value = true;
  ws.getCell("B5").value = { formula: "SUM(B2:B3)", result: 2670 };
  ws.getCell("C5").value = { sharedFormula: "B5", result: 1672.25 };
  const meta = wb.addWorksheet("元数据", { state: "hidden" });
  meta.getCell("A1").value = "模板版本";
  meta.getCell("B1").value = "2024.1";
  const chk = wb.addWorksheet("校验", { state: "veryHidden" });
  chk.getCell("A1").value = { formula: "COUNTA('科技投入'!B2:B3)", result: 2 };
  wb.definedNames.add("'元数据'!$B$1", "模板版本");
  wb.definedNames.add("'科技投入'!$B$2:$C$3", "投入数据");
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const G = "General";
const EXPECTED_COVER: GridSheet = {
  name: "封面",
  state: "visible",
  rowCount: 4,
  cells: {
    A1: { value: "科技工作情况统计报表", numFmt: G },
    A2: { value: "单位名称", numFmt: G },
    B2: { value: "青阳镇", numFmt: G },
    A3: { value: "区划代码", numFmt: G },
    B3: { value: "320281102000", numFmt: G },
    A4: { value: "填报日期", numFmt: G },
    B4: { value: 45657, numFmt: "yyyy-mm-dd" },
  },
};
const EXPECTED_INPUT: GridSheet = {
  name: "科技投入",
  state: "visible",
  rowCount: 5,
  cells: {
    A1: { value: "指标", numFmt: G },
    B1: { value: "本期", numFmt: G },
    C1: { value: "上年同期", numFmt: G },
    D1: { value: "增长", numFmt: G },
    A2: { value: "财政科技拨款 & <万元>", numFmt: G },
    B2: { value: 2500, numFmt: "#,##0" },
    C2: { value: 1672.25, numFmt: "0.00" },
    D2: { value: 0.495, numFmt: "0.0%", formula: "(B2-C2)/C2" },
    E2: { value: 0.38, numFmt: "0%" },
    A3: { value: "专利申请（件）", numFmt: G },
    B3: { value: 170, numFmt: G },
    C3: { value: 0, numFmt: G },
    D3: { value: null, numFmt: G, formula: "(B3-C3)/C3", error: "#DIV/0!" },
    A4: { value: "是否完成", numFmt: G },
    B4: { value: true, numFmt: G },
    B5: { value: 2670, numFmt: G, formula: "SUM(B2:B3)" },
    C5: { value: 1672.25, numFmt: G, formula: "SUM(C2:C3)" },
  },
};

function ok(bytes: Uint8Array, opts?: Parameters<typeof readXlsxGrid>[1]): Grid {
  const r = readXlsxGrid(bytes, opts);
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  return r.grid;
}

describe("readXlsxGrid on real workbooks", () => {
  let excel: Uint8Array;
  let libre: Uint8Array;
  beforeAll(async () => {
    excel = await buildWorkbook();
    libre = await libreOfficeConvert(excel, "报表.xlsx", "xlsx");
  }, 120_000);

  it("reads an exceljs workbook exactly: values, formulas, numFmts, rich text, states, names", () => {
    const grid = ok(excel);
    expect(grid).toEqual({
      sheets: [
        EXPECTED_COVER,
        EXPECTED_INPUT,
        { name: "元数据", state: "hidden", rowCount: 1, cells: { A1: { value: "模板版本", numFmt: G }, B1: { value: "2024.1", numFmt: G } } },
        { name: "校验", state: "veryHidden", rowCount: 1, cells: { A1: { value: 2, numFmt: G, formula: "COUNTA('科技投入'!B2:B3)" } } },
      ],
      definedNames: { 模板版本: "'元数据'!$B$1", 投入数据: "'科技投入'!$B$2:$C$3" },
    });
  });

  it("reads the same workbook re-saved by LibreOffice to the same values", () => {
    const grid = ok(libre);
    expect(grid.sheets.map((s) => s.name)).toEqual(["封面", "科技投入", "元数据", "校验"]);
    // LibreOffice has no veryHidden: it writes "hidden".
    expect(grid.sheets.map((s) => s.state)).toEqual(["visible", "visible", "hidden", "hidden"]);
    const values = (g: Grid) => g.sheets.map((s) => Object.fromEntries(Object.entries(s.cells).map(([k, c]) => [k, [c.value, c.error ?? null]])));
    expect(values(grid)).toEqual(values(ok(excel)));
    expect(grid.sheets.map((s) => s.rowCount)).toEqual([4, 5, 1, 1]);
    const input = grid.sheets[1]!.cells;
    expect(input["D2"]).toEqual({ value: 0.495, numFmt: "0.0%", formula: "(B2-C2)/C2" });
    expect(input["C5"]).toEqual({ value: 1672.25, numFmt: G, formula: "SUM(C2:C3)" });
    expect(input["B2"]!.numFmt).toBe("#,##0");
    expect(input["C2"]!.numFmt).toBe("0.00");
    // LibreOffice escapes the dash, writes a TRUE() formula for booleans and drops needless quotes.
    expect(grid.sheets[0]!.cells["B4"]).toEqual({ value: 45657, numFmt: "yyyy\\-mm\\-dd" });
    expect(input["B4"]).toEqual({ value: true, numFmt: G, formula: "TRUE()" });
    expect(grid.sheets[3]!.cells["A1"]).toEqual({ value: 2, numFmt: G, formula: "COUNTA(科技投入!B2:B3)" });
    expect(grid.definedNames).toEqual({ 模板版本: "元数据!$B$1", 投入数据: "科技投入!$B$2:$C$3" });
  });

  it("gives the same grid with the saxes reference parser (exceljs and LibreOffice files)", () => {
    expect(withParser("saxes", () => ok(excel))).toEqual(ok(excel));
    expect(withParser("saxes", () => ok(libre))).toEqual(ok(libre));
  });

  it("parses only the requested sheets but still lists all of them", () => {
    const grid = ok(excel, { sheets: ["科技投入"] });
    expect(grid.sheets.map((s) => [s.name, s.state, Object.keys(s.cells).length, s.rowCount])).toEqual([
      ["封面", "visible", 0, 0],
      ["科技投入", "visible", 17, 5],
      ["元数据", "hidden", 0, 0],
      ["校验", "veryHidden", 0, 0],
    ]);
    expect(grid.sheets[1]).toEqual(EXPECTED_INPUT);
  });
});

describe("readXlsxGrid on hand-written OOXML (other writers' habits)", () => {
  const NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  const sheetXml =
    `<?xml version="1.0" encoding="UTF-8"?>\n<!-- written by a WPS-like tool -->\n` +
    `<x:worksheet xmlns:x="${NS}"><x:sheetData>` +
    `<x:row r="2"><x:c r="A2" t="inlineStr"><x:is><x:t xml:space="preserve"> 青阳镇 &amp; 科协 </x:t></x:is></x:c>` +
    `<x:c r="B2" t="inlineStr" s="1"><x:is><x:r><x:t>发明</x:t></x:r><x:r><x:rPr><x:b/></x:rPr><x:t>专利</x:t></x:r><x:rPh sb="0" eb="2"><x:t>ハツメイ</x:t></x:rPh></x:is></x:c>` +
    `<x:c r="C2" t="str"><x:f>A2&amp;"&#x4E0A;"</x:f><x:v>青阳镇上</x:v></x:c>` +
    `<x:c r="D2" t="b"><x:v>0</x:v></x:c><x:c r="E2" t="e"><x:v>#N/A</x:v></x:c>` +
    `<x:c r="F2" t="d" s="2"><x:v>2024-06-30T00:00:00Z</x:v></x:c><x:c r="G2" t="s"><x:v>0</x:v></x:c><x:c r="H2" s="3"><x:v>1.5E3</x:v></x:c>` +
    `<x:c r="I2" s="1"/></x:row>` +
    `<x:row r="3"><x:c r="A3"><x:f t="shared" ref="A3:C4" si="7">$D$1+B1*Sheet1!C1+LOG10(A1)</x:f><x:v>1</x:v></x:c><x:c r="B3"><x:f t="shared" si="7"/><x:v>2</x:v></x:c></x:row>` +
    `<x:row><x:c><x:v>10</x:v></x:c><x:c><x:f t="shared" si="7"/><x:v>3</x:v></x:c><x:c t="inlineStr"><x:is><x:t><![CDATA[a<b&c]]></x:t></x:is></x:c></x:row>` +
    `</x:sheetData></x:worksheet>`;
  const sst = `<?xml version="1.0"?><sst xmlns="${NS}" count="1" uniqueCount="1"><si><r><t>第一行_x000D_</t></r><r><t xml:space="preserve">
第二行</t></r><rPh sb="0" eb="1"><t>ダイ</t></rPh></si></sst>`;
  const styles =
    `<?xml version="1.0"?><styleSheet xmlns="${NS}"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0&quot;万元&quot;"/></numFmts>` +
    `<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="49"/><xf numFmtId="14"/><xf numFmtId="164"/></cellXfs></styleSheet>`;
  const files = packageSheets([{ name: "数据", xml: sheetXml }], { "xl/sharedStrings.xml": sst, "xl/styles.xml": styles });
  // Absolute relationship target, as some writers emit.
  files["xl/_rels/workbook.xml.rels"] = strToU8(
    `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/></Relationships>`,
  );
  const bytes = zipSync(files);

  for (const parser of ["scan", "saxes"] as const) {
    it(`reads prefixes, inline/rich/str/b/e/d cells, shared formulas, entities, CDATA (${parser})`, () => {
      const grid = withParser(parser, () => ok(bytes));
      expect(grid).toEqual({
        sheets: [
          {
            name: "数据",
            state: "visible",
            rowCount: 4,
            cells: {
              A2: { value: " 青阳镇 & 科协 ", numFmt: G },
              B2: { value: "发明专利", numFmt: "@" },
              C2: { value: "青阳镇上", numFmt: G, formula: 'A2&"上"' },
              D2: { value: false, numFmt: G },
              E2: { value: null, numFmt: G, error: "#N/A" },
              F2: { value: 45473, numFmt: "mm-dd-yy" },
              G2: { value: "第一行\r\n第二行", numFmt: G },
              H2: { value: 1500, numFmt: '0.0"万元"' },
              A3: { value: 1, numFmt: G, formula: "$D$1+B1*Sheet1!C1+LOG10(A1)" },
              B3: { value: 2, numFmt: G, formula: "$D$1+C1*Sheet1!D1+LOG10(B1)" },
              A4: { value: 10, numFmt: G },
              B4: { value: 3, numFmt: G, formula: "$D$1+C2*Sheet1!D2+LOG10(B2)" },
              C4: { value: "a<b&c", numFmt: G },
            },
          },
        ],
      });
    });
  }
});

describe("shiftFormula", () => {
  it.each([
    ["A1+B2", 1, 0, "A2+B3"],
    ["$A1+A$1+$A$1", 2, 3, "$A3+D$1+$A$1"],
    ['"A1"&A1', 1, 1, '"A1"&B2'],
    ["'B2 表'!B2*LOG10(C3)", 0, 1, "'B2 表'!C2*LOG10(D3)"],
    ["SUM(A1:A9)", 1, 0, "SUM(A2:A10)"],
    ["A1", -1, 0, "#REF!"],
  ])("%s moved by (%i,%i) → %s", (f, dr, dc, out) => {
    expect(shiftFormula(f, dr, dc)).toBe(out);
  });
});

describe("sniffFileKind", () => {
  it.each([
    ["empty", new Uint8Array(0), "empty"],
    ["zip", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]), "zip"],
    ["cfb", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]), "cfb"],
    ["doctype html", strToU8("  <!DOCTYPE html><html><body></body></html>"), "html"],
    ["meta first", strToU8("\ufeff<meta charset=utf-8><table><tr><td>1</td></tr></table>"), "html"],
    ["tab text", strToU8("指标\t本期\n专利\t1\n"), "csv"],
    ["plain text", strToU8("这不是表格，只是一段说明文字。\n"), "text"],
    ["xml other", strToU8('<?xml version="1.0"?><note>1</note>'), "text"],
  ] as const)("%s", (_n, bytes, kind) => {
    expect(sniffFileKind(bytes)).toBe(kind);
  });

  it("recognises generated files", async () => {
    expect(sniffFileKind(await makeCsv())).toBe("csv");
    expect(sniffFileKind(await makeHtmlAsXls())).toBe("html");
    expect(sniffFileKind(await makeRandomBytes())).toBe("unknown");
    expect(sniffFileKind(await smallXlsx())).toBe("zip");
    expect(sniffFileKind(await makeEncrypted())).toBe("cfb");
    expect(sniffFileKind(await makeLegacyXls())).toBe("cfb");
  }, 60_000);
});

describe("hand-built zero bomb stream", () => {
  it("inflates to exactly 1 + 258 × n zero bytes", () => {
    const out = inflateSync(zeroBombDeflate(1000));
    expect(out.length).toBe(258_001);
    expect(out.every((b) => b === 0)).toBe(true);
  });
});

describe("bad files", () => {
  // Through fflate (browser, Office webview); the files about inflating also through Node's zlib (CLI, server).
  const INFLATING: string[] = ["CORRUPT_ZIP", "ZIP_BOMB"];
  it.each(
    BAD_FILES.flatMap((b) => [
      [b.kind, "fflate", b, undefined] as const,
      ...(INFLATING.includes(b.expected) ? [[b.kind, "zlib", b, nativeUnzip] as const] : []),
    ]),
  )(
    "%s (%s)",
    async (_kind, _codecName, bad, codec) => {
      // readXlsxGrid never throws (it turns exceptions into CORRUPT_ZIP "无法读取：…"), so the answer itself is
      // checked: the expected code, its Chinese message, and no catch-all detail. Time is in npm run bench;
      // the wall-clock bound is set out of reach here so the answer is the bound each file is about, not the
      // machine's load (READ_TIMEOUT has its own case below, with timeoutMs -1).
      const result = readXlsxGrid(await bad.make(), { limits: { timeoutMs: 120_000 }, codec });
      if (result.ok) throw new Error(`${bad.kind}: read as a workbook`);
      expect(result.code).toBe(bad.expected);
      expect(result.message).toMatch(/[\u4e00-\u9fff]{4}/);
      expect(result.detail ?? "").not.toMatch(/^无法读取/);
    },
    60_000,
  );

  it("honours smaller limits: cells, sheets, file size, timeout", async () => {
    const x = await smallXlsx();
    const code = (r: ReturnType<typeof readXlsxGrid>) => (r.ok ? "ok" : r.code);
    expect(code(readXlsxGrid(x, { limits: { maxCells: 2 } }))).toBe("TOO_MANY_CELLS");
    expect(code(readXlsxGrid(x, { limits: { maxSheets: 1 } }))).toBe("TOO_MANY_SHEETS");
    expect(code(readXlsxGrid(x, { limits: { maxFileBytes: 100 } }))).toBe("FILE_TOO_LARGE");
    expect(code(readXlsxGrid(x, { limits: { maxUncompressedBytes: 1000 } }))).toBe("ZIP_BOMB");
    expect(code(readXlsxGrid(x, { limits: { maxEntries: 3 } }))).toBe("ZIP_BOMB");
    expect(code(readXlsxGrid(x, { limits: { timeoutMs: -1 } }))).toBe("READ_TIMEOUT");
    expect(code(readXlsxGrid(x))).toBe("ok");
  });

  it("reads a good file to the same grid through fflate and through Node's zlib", async () => {
    const x = await smallXlsx();
    const a = readXlsxGrid(x);
    const b = readXlsxGrid(x, { codec: nativeUnzip });
    if (!a.ok || !b.ok) throw new Error("not read");
    expect(b.grid).toEqual(a.grid);
    expect(Object.keys(a.grid.sheets[0]!.cells).length).toBeGreaterThan(0);
  });
});
