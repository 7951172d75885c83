/**
 * The worksheet scanner (templates/xlsx/sheet-scan.ts) and the cell builder (cells.ts `CellSink`) at
 * their edges, straight on sheet XML: each cell type, shared formulas, addresses, the cell and text
 * limits, the deadline, and each kind of malformed markup with its exact detail.
 */
import { describe, expect, it } from "vitest";
import type { SheetContext } from "../templates/xlsx/cells";
import { DEFAULT_XLSX_LIMITS, type XlsxLimits } from "../templates/xlsx/limits";
import { parseSheetScan } from "../templates/xlsx/sheet-scan";

const NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const G = "General";

function ctx(limits: Partial<XlsxLimits> = {}, deadline = Date.now() + 3_600_000): SheetContext {
  return { sharedStrings: ["甲", "", "乙"], xfFormats: ["General", "0.00", "@"], limits: { ...DEFAULT_XLSX_LIMITS, ...limits }, deadline, cellCount: 0 };
}
const ws = (data: string) => `<?xml version="1.0"?><worksheet xmlns="${NS}"><dimension ref="A1"/><sheetData>${data}</sheetData><mergeCells/></worksheet>`;
const scan = (data: string, c = ctx()) => parseSheetScan(ws(data), c);
const cellsOf = (data: string, c = ctx()) => {
  const r = scan(data, c);
  if ("fail" in r) throw new Error(`${r.fail} ${r.detail}`);
  return r.cells;
};

describe("cell values by type", () => {
  it.each<[string, string, object]>([
    ["a number", `<c r="A1"><v>1.5E3</v></c>`, { A1: { value: 1500, numFmt: G } }],
    ["a number that is not one stays text", `<c r="A1"><v>abc</v></c>`, { A1: { value: "abc", numFmt: G } }],
    ["Infinity stays text", `<c r="A1"><v>Infinity</v></c>`, { A1: { value: "Infinity", numFmt: G } }],
    ["an empty value: no cell", `<c r="A1"><v></v></c><c r="B1"/>`, {}],
    ["a shared string", `<c r="A1" t="s"><v>2</v></c>`, { A1: { value: "乙", numFmt: G } }],
    ["an empty shared string: no cell", `<c r="A1" t="s"><v>1</v></c>`, {}],
    ["a shared string without its index: no cell", `<c r="A1" t="s"><v></v></c><c r="B1" t="s"/>`, {}],
    ["an inline string", `<c r="A1" t="inlineStr"><is><t>a_x0041_</t></is></c>`, { A1: { value: "aA", numFmt: G } }],
    ["an inline string in <v>", `<c r="A1" t="inlineStr"><v>b_x0042_</v></c>`, { A1: { value: "bB", numFmt: G } }],
    ["an inline string with neither: no cell", `<c r="A1" t="inlineStr"/>`, {}],
    ["rich inline runs, the phonetic run left out", `<c r="A1" t="inlineStr"><is><r><t>发</t></r><r><t>明</t></r><rPh><t>ハツ</t></rPh><t/></is></c>`, { A1: { value: "发明", numFmt: G } }],
    ["a formula's text result", `<c r="A1" t="str"><f>B1</f><v>x_x000D_</v></c>`, { A1: { value: "x\r", numFmt: G, formula: "B1" } }],
    ["a formula's empty text result is kept", `<c r="A1" t="str"><v></v></c>`, { A1: { value: "", numFmt: G } }],
    ["a str cell without <v> is an empty text", `<c r="A1" t="str"/>`, { A1: { value: "", numFmt: G } }],
    ["booleans", `<c r="A1" t="b"><v>1</v></c><c r="B1" t="b"><v>0</v></c><c r="C1" t="b"><v>TRUE</v></c><c r="D1" t="b"><v>false</v></c><c r="E1" t="b"><v></v></c>`, {
      A1: { value: true, numFmt: G },
      B1: { value: false, numFmt: G },
      C1: { value: true, numFmt: G },
      D1: { value: false, numFmt: G },
    }],
    ["an error", `<c r="A1" t="e"><v>#DIV/0!</v></c><c r="B1" t="e"><v></v></c>`, { A1: { value: null, numFmt: G, error: "#DIV/0!" } }],
    ["dates", `<c r="A1" t="d"><v>2024-06-30T12:00:00Z</v></c><c r="B1" t="d"><v>2024-06-30T12:00:00</v></c><c r="C1" t="d"><v>2024-06-30T12:00:00+08:00</v></c><c r="D1" t="d"><v>2024-06-30T12:00:00-0130</v></c><c r="E1" t="d"><v>2024-06-30</v></c><c r="F1" t="d"><v>not a date</v></c><c r="G1" t="d"><v></v></c>`, {
      A1: { value: 45473.5, numFmt: G },
      B1: { value: 45473.5, numFmt: G },
      C1: { value: 45473.5 - 8 / 24, numFmt: G },
      D1: { value: 45473.5 + 1.5 / 24, numFmt: G },
      E1: { value: 45473, numFmt: G },
      F1: { value: "not a date", numFmt: G },
    }],
    ["a formula without a value", `<c r="A1"><f>1+1</f></c>`, { A1: { value: null, numFmt: G, formula: "1+1" } }],
    ["a boolean, an error and a date without <v>: no cells", `<c r="A1" t="b"/><c r="B1" t="e"/><c r="C1" t="d"/>`, {}],
    ["a mixed-case address is keyed in upper case", `<c r="Ab2"><v>1</v></c><c r="c3"><v>2</v></c>`, { AB2: { value: 1, numFmt: G }, C3: { value: 2, numFmt: G } }],
    ["an empty formula is none", `<c r="A1"><f></f><v>2</v></c>`, { A1: { value: 2, numFmt: G } }],
    ["styles: the cell's number format, General past the list", `<c r="A1" s="1"><v>1</v></c><c r="B1" s="2"><v>2</v></c><c r="C1" s="7"><v>3</v></c>`, {
      A1: { value: 1, numFmt: "0.00" },
      B1: { value: 2, numFmt: "@" },
      C1: { value: 3, numFmt: G },
    }],
  ])("%s", (_what, row, cells) => {
    expect(cellsOf(`<row r="1">${row}</row>`)).toEqual(cells);
  });
});

describe("shared formulas", () => {
  it("children take the master's text moved; a child before its master or of another si has none", () => {
    const data =
      `<row r="1"><c r="B1"><f t="shared" si="0"/><v>0</v></c></row>` +
      `<row r="2"><c r="A2"><f t="shared" ref="A2:A4" si="0">B2*2</f><v>1</v></c><c r="C2"><f t="shared" si="5"/><v>9</v></c></row>` +
      `<row r="3"><c r="A3"><f t="shared" si="0"/><v>2</v></c><c r="B3"><f si="0"/><v>3</v></c></row>` +
      `<row r="4"><c r="B4"><f t="shared" si="0"/><v>4</v></c><c r="C4"><f t="shared"/><v>5</v></c></row>`;
    expect(cellsOf(data)).toEqual({
      B1: { value: 0, numFmt: G },
      A2: { value: 1, numFmt: G, formula: "B2*2" },
      C2: { value: 9, numFmt: G },
      A3: { value: 2, numFmt: G, formula: "B3*2" },
      B3: { value: 3, numFmt: G },
      B4: { value: 4, numFmt: G, formula: "C4*2" },
      C4: { value: 5, numFmt: G },
    });
  });

  it("a formula not shared does not become a master", () => {
    expect(cellsOf(`<row r="1"><c r="A1"><f si="0">B1</f></c></row><row r="2"><c r="A2"><f t="shared" si="0"/><v>1</v></c></row>`)).toEqual({
      A1: { value: null, numFmt: G, formula: "B1" },
      A2: { value: 1, numFmt: G },
    });
  });
});

describe("addresses and rows", () => {
  it("rows and cells without r follow the previous ones; the key is the written ref when upper case", () => {
    const r = scan(`<row><c><v>1</v></c><c><v>2</v></c></row><row r="5"><c r="c5"><v>3</v></c><c><v>4</v></c></row><row><c r="B6"><v>6</v></c></row>`);
    expect(r).toEqual({
      rowCount: 6,
      cells: {
        A1: { value: 1, numFmt: G },
        B1: { value: 2, numFmt: G },
        C5: { value: 3, numFmt: G },
        D5: { value: 4, numFmt: G },
        B6: { value: 6, numFmt: G },
      },
    });
  });

  it("an absolute reference is no cell address", () => {
    expect(scan(`<row r="1"><c r="$A$1"><v>1</v></c></row>`)).toEqual({ fail: "CORRUPT_ZIP", detail: "工作表 XML 格式错误：单元格地址 $A$1 无效" });
  });

  it("the row count is the highest row with a cell, in any order", () => {
    expect(scan(`<row r="9"><c r="A9"><v>1</v></c></row><row r="3"><c r="A3"><v>1</v></c></row><row r="12"/>`)).toMatchObject({ rowCount: 9 });
  });

  it.each<[string, string, string]>([
    ["row 0", `<row r="0"><c r="A0"><v>1</v></c></row>`, "单元格地址无效"],
    ["column XFE", `<row r="1"><c r="XFE1"><v>1</v></c></row>`, "单元格地址无效"],
    ["row 1048577", `<row r="1048577"><c r="A1048577"><v>1</v></c></row>`, "单元格地址无效"],
    ["a cell before any row", `<c><v>1</v></c>`, "单元格地址无效"],
  ])("%s: CORRUPT_ZIP %s", (_what, data, detail) => {
    expect(scan(data)).toEqual({ fail: "CORRUPT_ZIP", detail });
  });

  it("the last row and column are cells", () => {
    expect(cellsOf(`<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>`)).toEqual({ XFD1048576: { value: 1, numFmt: G } });
  });

  it("an address that does not parse, a row that is not a number: refused with it (cut to 20)", () => {
    expect(scan(`<row r="1"><c r="1A"><v>1</v></c></row>`)).toEqual({ fail: "CORRUPT_ZIP", detail: "工作表 XML 格式错误：单元格地址 1A 无效" });
    expect(scan(`<row r="${"1".repeat(10)}.5"/>`)).toEqual({ fail: "CORRUPT_ZIP", detail: `工作表 XML 格式错误：行号 ${"1".repeat(10)}.5 无效` });
    expect(scan(`<row r="${"x".repeat(30)}"/>`)).toEqual({ fail: "CORRUPT_ZIP", detail: `工作表 XML 格式错误：行号 ${"x".repeat(20)} 无效` });
    expect(scan(`<row r="1"><c r="${"Z".repeat(30)}"/></row>`)).toEqual({ fail: "CORRUPT_ZIP", detail: `工作表 XML 格式错误：单元格地址 ${"Z".repeat(20)} 无效` });
  });

  // Plain references are read in place (sheet-scan.ts); every other spelling goes through the checks.
  // Each case pins the cell's key, or the refusal naming the reference exactly as written.
  it.each<[string, string, Record<string, number> | string]>([
    ["a plain reference", `<row r="7"><c r="E7"><v>1</v></c></row>`, { E7: 1 }],
    ["in single quotes", `<row r='7'><c r='E7'><v>1</v></c></row>`, { E7: 1 }],
    ["a leading zero in the row: keyed without it", `<row r="07"><c r="E007"><v>1</v></c><c r="F7"><v>2</v></c></row>`, { E7: 1, F7: 2 }],
    ["three letters", `<row r="1"><c r="XFD1"><v>1</v></c></row>`, { XFD1: 1 }],
    ["seven digits", `<row r="1048576"><c r="A1048576"><v>1</v></c></row>`, { A1048576: 1 }],
    ["eight digits", `<row r="1"><c r="A00000012"><v>1</v></c></row>`, { A12: 1 }],
    ["a row of eight digits", `<row r="00000012"><c><v>1</v></c></row>`, { A12: 1 }],
    ["an entity in the reference", `<row r="1"><c r="&#69;7"><v>1</v></c></row>`, { E7: 1 }],
    ["lower case", `<row r="1"><c r="e7"><v>1</v></c></row>`, { E7: 1 }],
    ["past the interned block (column 65, row 2049): the same key", `<row r="2049"><c r="BM2049"><v>1</v></c><c r="BL2048"><v>2</v></c></row>`, { BM2049: 1, BL2048: 2 }],
    ["twenty digits: past the last row", `<row r="1"><c r="A${"9".repeat(20)}"><v>1</v></c></row>`, "单元格地址无效"],
    ["the column after the interned block, then the row below: two cells", `<row r="5"><c r="BL5"><v>1</v></c><c r="BM5"><v>2</v></c></row><row r="6"><c r="A6"><v>3</v></c></row><row r="5"><c r="BL5"><v>4</v></c><c r="BM5"><v>5</v></c></row>`, { BL5: 4, BM5: 5, A6: 3 }],
    ["a bracket after the letters", `<row r="1"><c r="E[7"><v>1</v></c></row>`, "单元格地址 E[7 无效"],
    ["a cell without a reference in row 0", `<row r="0"><c><v>1</v></c></row>`, "单元格地址无效"],
    ["four letters", `<row r="1"><c r="ABCD1"><v>1</v></c></row>`, "单元格地址 ABCD1 无效"],
    ["a cell's reference without letters", `<row r="1"><c r="7"><v>1</v></c></row>`, "单元格地址 7 无效"],
    ["a cell's reference without digits", `<row r="1"><c r="E"><v>1</v></c></row>`, "单元格地址 E 无效"],
    ["an empty cell reference", `<row r="1"><c r=""><v>1</v></c></row>`, "单元格地址  无效"],
    ["a space before it", `<row r="1"><c r=" E7"><v>1</v></c></row>`, "单元格地址  E7 无效"],
    ["a row's reference with letters", `<row r="E7"><c><v>1</v></c></row>`, "行号 E7 无效"],
    ["a row's number with a sign", `<row r="+7"><c><v>1</v></c></row>`, { A7: 1 }],
  ])("%s", (_what, data, want) => {
    const r = scan(data);
    if (want === "单元格地址无效") expect(r).toEqual({ fail: "CORRUPT_ZIP", detail: want });
    else if (typeof want === "string") expect(r).toEqual({ fail: "CORRUPT_ZIP", detail: `工作表 XML 格式错误：${want}` });
    else expect("fail" in r ? r : Object.fromEntries(Object.entries(r.cells).map(([k, c]) => [k, c.value]))).toEqual(want);
  });

  it("a repeated attribute: the last one counts, plain or not", () => {
    expect(cellsOf(`<row r="1"><c r="A1" s="1" s="2000"><v>1</v></c><c r="B1" s="2000" s="1"><v>2</v></c><c r="$C$1" r="C1"><v>3</v></c></row>`)).toEqual({
      A1: { value: 1, numFmt: G },
      B1: { value: 2, numFmt: "0.00" },
      C1: { value: 3, numFmt: G },
    });
  });

  it("a cell keeps the reference of its own tag, not one left from the row", () => {
    // The row's r is read in place; a following cell without r counts from the row, one with r uses its own.
    expect(cellsOf(`<row r="3"><c><v>1</v></c><c r="D3"><v>2</v></c><c><v>3</v></c></row><row><c><v>4</v></c></row>`)).toEqual({
      A3: { value: 1, numFmt: G },
      D3: { value: 2, numFmt: G },
      E3: { value: 3, numFmt: G },
      A4: { value: 4, numFmt: G },
    });
  });
});

describe("limits and the deadline", () => {
  const many = (n: number) => `<row r="1">${Array.from({ length: n }, (_, i) => `<c><v>${i}</v></c>`).join("")}</row>`;

  it("cells: at the limit read, one more refused (counted over all sheets)", () => {
    expect(Object.keys(cellsOf(many(5), ctx({ maxCells: 5 })))).toHaveLength(5);
    expect(scan(many(6), ctx({ maxCells: 5 }))).toEqual({ fail: "TOO_MANY_CELLS", detail: "超过 5 个单元格" });
    const shared = ctx({ maxCells: 5 });
    shared.cellCount = 3;
    expect(scan(many(3), shared)).toEqual({ fail: "TOO_MANY_CELLS", detail: "超过 5 个单元格" });
  });

  it("empty cells count too", () => {
    expect(scan(`<row r="1"><c r="A1"/><c r="B1"/><c r="C1"/></row>`, ctx({ maxCells: 2 }))).toEqual({ fail: "TOO_MANY_CELLS", detail: "超过 2 个单元格" });
  });

  it("the deadline is looked at every 1,024th cell", () => {
    const past = Date.now() - 1;
    expect(Object.keys(cellsOf(many(1023), ctx({}, past)))).toHaveLength(1023);
    expect(scan(many(1024), ctx({}, past))).toEqual({ fail: "READ_TIMEOUT", detail: "已读 1024 个单元格" });
  });

  it("a text of maxCellChars characters is read, one more refused with its address", () => {
    const t = (n: number) => `<row r="3"><c r="B3" t="inlineStr"><is><t>${"字".repeat(n)}</t></is></c></row>`;
    expect(cellsOf(t(10), ctx({ maxCellChars: 10 }))["B3"]).toEqual({ value: "字".repeat(10), numFmt: G });
    expect(scan(t(11), ctx({ maxCellChars: 10 }))).toEqual({ fail: "TOO_MANY_CELLS", detail: "单元格 B3 超过 10 个字符" });
    expect(scan(`<row r="3"><c r="B3" t="s"><v>0</v></c></row>`, { ...ctx({ maxCellChars: 0 }) })).toEqual({ fail: "TOO_MANY_CELLS", detail: "单元格 B3 超过 0 个字符" });
  });

  it("a shared-string index that does not exist", () => {
    expect(scan(`<row r="1"><c r="A1" t="s"><v>3</v></c></row>`)).toEqual({ fail: "CORRUPT_ZIP", detail: "共享字符串 3 不存在" });
    expect(scan(`<row r="1"><c r="A1" t="s"><v>x</v></c></row>`)).toEqual({ fail: "CORRUPT_ZIP", detail: "共享字符串 x 不存在" });
  });
});

describe("the worksheet scanner's markup", () => {
  const bad = (what: string) => ({ fail: "CORRUPT_ZIP", detail: `工作表 XML 格式错误：${what}` });
  it.each<[string, string, object]>([
    ["a comment not closed", `<row r="1"><!-- x</row>`, bad("注释未结束")],
    ["CDATA not closed", `<row r="1"><c r="A1" t="str"><v><![CDATA[x</v></c></row>`, bad("CDATA 未结束")],
    ["a processing instruction not closed", `<row r="1"><?pi x</row>`, bad("处理指令未结束")],
    ["a tag inside a value", `<row r="1"><c r="A1"><v>1<b/></v></c></row>`, bad("文本中出现意外的标签")],
    ["a value closed by </f>", `<row r="1"><c r="A1"><v>1</f></c></row>`, bad("标签 f 不匹配")],
    ["a formula closed by </v>", `<row r="1"><c r="A1"><f>1</v></c></row>`, bad("标签 v 不匹配")],
    ["inline text closed by </v>", `<row r="1"><c r="A1" t="inlineStr"><is><t>x</v></is></c></row>`, bad("标签 v 不匹配")],
    ["an unknown entity in a value", `<row r="1"><c r="A1"><v>&nbsp;</v></c></row>`, bad("无效的实体引用")],
    ["an unknown entity beside CDATA", `<row r="1"><c r="A1" t="str"><v><![CDATA[a]]>&nbsp;</v></c></row>`, bad("无效的实体引用")],
    ["a DOCTYPE inside", `<row r="1"><!DOCTYPE x></row>`, { fail: "UNSAFE_XML", detail: "工作表含有 DOCTYPE/ENTITY 声明" }],
    ["a tag without a name", `<row r="1">< c/></row>`, bad("标签格式错误")],
    ["a tag cut at the end of the part", `<row r="1"><c r="A1"`, bad("标签格式错误")],
    ["a slash not closing the tag", `<row r="1"><c r="A1"/ ></row>`, bad("标签格式错误")],
    ["an unquoted attribute", `<row r="1"><c r=A1/></row>`, bad("标签格式错误")],
    ["an attribute's quote not closed", `<row r="1"><c r="A1/></row>`, bad("标签格式错误")],
    ["an attribute without a value", `<row r="1"><c r/></row>`, bad("标签格式错误")],
    ["an attribute without a name", `<row r="1"><c ="A1"/></row>`, bad("标签格式错误")],
    ["attributes not separated", `<row r="1"><c r="A1"t="s"/></row>`, bad("标签格式错误")],
    ["a quote in an attribute's name", `<row r="1"><c a"b="1"/></row>`, bad("标签格式错误")],
    ["a < in an attribute's name", `<row r="1"><c a<b="1"/></row>`, bad("标签格式错误")],
    ["a < in a read attribute", `<row r="1"><c r="A<1"/></row>`, bad("标签格式错误")],
    ["an unknown entity in a read attribute", `<row r="1"><c r="A&x;"/></row>`, bad("标签格式错误")],
    ["a row that is not a tag", `<row r="1"><c r="A1"><v>1</v></c></row><row`, bad("标签格式错误")],
    ["a > in an attribute's name", `<row r="1"><c a>b="1"/></row>`, bad("标签格式错误")],
    ["a / in an attribute's name", `<row r="1"><c a/b="1"/></row>`, bad("标签格式错误")],
    ["a ' in an attribute's name", `<row r="1"><c a'b="1"/></row>`, bad("标签格式错误")],
    ["an empty tag", `<row r="1"><></row>`, bad("标签格式错误")],
    ["an unquoted attribute before a quoted one", `<row r="1"><c r=A1 t='s'/></row>`, bad("标签格式错误")],
    ["a < at the start of a read attribute", `<row r="1"><c r="<1"/></row>`, bad("标签格式错误")],
    ["a value closed by </t>", `<row r="1"><c r="A1"><v>1</t></c></row>`, bad("标签 t 不匹配")],
  ])("%s", (_what, data, expected) => {
    expect(scan(data)).toEqual(expected);
  });

  it("sheetData not closed at the end of the part", () => {
    expect(parseSheetScan(`<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row>`, ctx())).toEqual(bad("sheetData 未结束"));
    expect(parseSheetScan(`<worksheet><sheetData><row r="1"></row`, ctx())).toEqual(bad("结束标签未结束"));
    expect(parseSheetScan(`<worksheet><sheetData><row r="1"></row>tail`, ctx())).toEqual(bad("sheetData 未结束"));
  });

  it.each<[string, string, object]>([
    ["prefixed elements and end tags", `<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1"><x:f>A1</x:f><x:v>2</x:v></x:c></x:row>`, {
      A1: { value: "甲", numFmt: G },
      B1: { value: 2, numFmt: G, formula: "A1" },
    }],
    ["end tags with white space", `<row r="1"><c r="A1"><v>3</v ></c ></row >`, { A1: { value: 3, numFmt: G } }],
    ["single quotes, white space around =, tabs and new lines", `<row\tr = '1'\n><c\n r\t=\t'B1'  t = 'b' ><v>1</v></c></row>`, { B1: { value: true, numFmt: G } }],
    ["references in read attributes", `<row r="&#49;"><c r="A&#49;" t="&#115;"><v>2</v></c></row>`, { A1: { value: "乙", numFmt: G } }],
    ["other attributes (two letters too) are not read", `<row r="1" spans="1:2"><c r="A1" sx="2" ab="s" x="s"><v>4</v></c></row>`, { A1: { value: 4, numFmt: G } }],
    ["a cell's attributes do not carry to the next cell", `<row r="1"><c r="A1" t="b" s="1"><v>1</v></c><c><v>1</v></c></row>`, {
      A1: { value: true, numFmt: "0.00" },
      B1: { value: 1, numFmt: G },
    }],
    ["comments, processing instructions and CDATA in values", `<row r="1"><!-- c --><?pi x?><c r="A1" t="str"><v>a<![CDATA[&amp;<]]>&amp;<!--x-->b</v></c></row>`, {
      A1: { value: "a&amp;<&b", numFmt: G },
    }],
    ["CDATA outside a value is no text", `<row r="1"><![CDATA[9]]><c r="A1"><v>1</v></c></row>`, { A1: { value: 1, numFmt: G } }],
    ["self-closing value, formula and inline string", `<row r="1"><c r="A1"><v/></c><c r="B1"><f/><v>2</v></c><c r="C1" t="inlineStr"><is/></c></row>`, {
      B1: { value: 2, numFmt: G },
    }],
    ["a self-closing phonetic run does not hide the text after it", `<row r="1"><c r="A1" t="inlineStr"><is><rPh/><t>字</t></is></c></row>`, { A1: { value: "字", numFmt: G } }],
    ["text in a <t> outside <is> is not the cell's", `<row r="1"><c r="A1" t="inlineStr"><t>no</t><is><t>yes</t></is></c></row>`, { A1: { value: "yes", numFmt: G } }],
    ["<t> after </is> is not the cell's", `<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is><t>b</t></c></row>`, { A1: { value: "a", numFmt: G } }],
    ["values and formulas outside a cell are nobody's", `<row r="1"><v>1</v><f>x</f><is><t>t</t></is></row><row r="2"><c r="A2"><v>2</v></c></c></row>`, {
      A2: { value: 2, numFmt: G },
    }],
    ["unknown one-letter end tags", `<row r="1"><c r="A1"><v>5</v><x></x></c></row>`, { A1: { value: 5, numFmt: G } }],
    ["a nested phonetic run", `<row r="1"><c r="A1" t="inlineStr"><is><t>a</t><rPh><rPh><t>x</t></rPh><t>y</t></rPh><t>b</t></is></c></row>`, { A1: { value: "ab", numFmt: G } }],
    ["comments, CDATA sections and processing instructions side by side in a value", `<row r="1"><c r="A1" t="str"><v>1<!--a--><!--b-->2<![CDATA[3]]><![CDATA[4]]><?p x?><?q?>5</v></c></row>`, {
      A1: { value: "12345", numFmt: G },
    }],
    ["a <t> in an inline-string cell with no <is> is not the cell's", `<row r="1"><c r="A1" t="inlineStr"><t>no</t></c></row>`, {}],
    ["three- and two-letter attributes that start like si, s or r are not read as them", `<row r="1"><c r="A1"><f t="shared" si="0" ref="A1:A3">B1*2</f><v>1</v></c><c r="A2"><f t="shared" sid="0"/></c><c r="A3"><f t="shared" ab="0"/></c><c r="B1" si="1" rx="C9"><v>7</v></c></row>`, {
      A1: { value: 1, numFmt: G, formula: "B1*2" },
      B1: { value: 7, numFmt: G },
    }],
  ])("%s", (_what, data, cells) => {
    expect(cellsOf(data)).toEqual(cells);
  });

  it("before sheetData nothing is read, not even malformed attributes; after it, nothing either", () => {
    const xml = `<?xml version="1.0"?><!-- c --><worksheet a='1' b="2"><cols><col min="1"/></cols></x><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData><c r="Z9"><v>9</v></c><bad`;
    expect(parseSheetScan(xml, ctx())).toEqual({ cells: { A1: { value: 1, numFmt: G } }, rowCount: 1 });
  });

  it("a self-closing or missing sheetData: no cells", () => {
    expect(parseSheetScan(`<worksheet><sheetData/><c r="A1"><v>1</v></c></worksheet>`, ctx())).toEqual({ cells: {}, rowCount: 0 });
    expect(parseSheetScan(`<worksheet><dimension ref="A1"/></worksheet>`, ctx())).toEqual({ cells: {}, rowCount: 0 });
  });
});

describe("the cell builder's edges", () => {
  it("row 0 is no address", () => {
    expect(scan(`<row r="1"><c r="A0"><v>1</v></c></row>`)).toEqual({ fail: "CORRUPT_ZIP", detail: "单元格地址无效" });
  });

  it("a date without a zone is read as UTC whatever the machine's zone (a server in China reads what one in UTC reads)", () => {
    const before = process.env.TZ;
    process.env.TZ = "Asia/Shanghai";
    try {
      expect(cellsOf(`<c r="A1" t="d"><v>2024-06-30T12:00:00</v></c><c r="B1" t="d"><v>2024-06-30</v></c>`)).toEqual({
        A1: { value: 45473.5, numFmt: G },
        B1: { value: 45473, numFmt: G },
      });
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });

  it("a cell has a formula or an error key only when it has one", () => {
    const cells = cellsOf(`<c r="A1"><v>1</v></c><c r="B1"><f>A1</f><v>1</v></c><c r="C1" t="e"><v>#N/A</v></c>`);
    expect(Object.keys(cells.A1!)).toEqual(["value", "numFmt"]);
    expect(Object.keys(cells.B1!)).toEqual(["value", "numFmt", "formula"]);
    expect(Object.keys(cells.C1!)).toEqual(["value", "numFmt", "error"]);
  });
});
