/**
 * The direct xlsx writer (templates/xlsx/writer): the exact XML it writes,
 * escaping, shared strings, style interning, the sheet's bounds, and the
 * workbook read back by exceljs and by our own reader. LibreOffice's
 * recalculation of what it writes is xlsx-writer-libreoffice.test.ts (kept
 * apart so the mutation run, which leaves LibreOffice out, runs this file).
 */
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { perMutant } from "./support/per-mutant";
import { readXlsxGrid } from "../templates/xlsx/index";
import { esc, escText } from "../templates/xlsx/writer/escape";
import { Workbook } from "../templates/xlsx/writer/workbook";
import type { Style } from "../templates/xlsx/writer/types";
import { nativeZip } from "../functions/service/native-deflate";

const parts = (bytes: Uint8Array) => Object.fromEntries(Object.entries(unzipSync(bytes)).map(([k, v]) => [k, strFromU8(v)]));
const BORDER: Partial<Style> = { border: { top: { style: "thin", color: { argb: "FF8EA9DB" } } } };

/** A small workbook with one of everything the city workbook uses. */
async function sample(options?: ConstructorParameters<typeof Workbook>[0]): Promise<Uint8Array> {
  const wb = new Workbook(options);
  const ws = wb.addWorksheet("汇总", {
    views: [{ state: "frozen", xSplit: 2, ySplit: 3, showGridLines: false }],
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true, firstPageNumber: 1, printTitlesRow: "1:3", printTitlesColumn: "A:B" },
    headerFooter: { oddFooter: "&L&A&C第&P页 共&N页" },
  });
  ws.columns = [{ width: 6 }, { width: 30 }, { width: 15 }];
  ws.mergeCells("A1:C1");
  ws.getCell("A1").value = "标题";
  ws.getCell("A1").style = { font: { name: "宋体", size: 16, bold: true }, alignment: { horizontal: "center", vertical: "middle" } };
  ws.getRow(1).height = 30;
  ws.getCell("A4").value = 12.5;
  ws.getCell("B4").value = 7;
  ws.getCell("C4").value = { formula: 'IF(A4>B4,"大","小")', result: "大" };
  ws.getCell("C5").value = { formula: "SUM(A4:B4)", result: 19.5 };
  ws.getCell("C6").value = { formula: "A4/B4", result: 12.5 / 7 };
  ws.getCell("C6").numFmt = "0.0%";
  ws.getCell("A7").value = new Date(Date.UTC(2025, 11, 20));
  ws.getCell("A7").numFmt = "yyyy-mm-dd";
  ws.getCell("B7").value = "标题";
  ws.getCell("B8").style = BORDER;
  ws.getCell("C8").style = { ...BORDER };
  ws.getRow(8).addPageBreak();
  ws.addConditionalFormatting({ ref: "C4:C6", rules: [{ type: "cellIs", operator: "lessThan", formulae: ["0"], style: { font: { color: { argb: "FFC00000" } } }, priority: 1 }] });
  ws.commit();
  const hidden = wb.addWorksheet("模板信息");
  hidden.state = "veryHidden";
  hidden.getCell("A1").value = "huizong";
  const input = hidden.getCell("B2");
  input.protection = { locked: false };
  input.dataValidation = { type: "whole", operator: "between", formulae: [2000, 2100], allowBlank: true, showErrorMessage: true, errorTitle: "统计年度", error: "请填写4位年份" };
  await hidden.protect("", { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true });
  wb.definedNames.add("'模板信息'!$A$1", "HZ_ID");
  return wb.finish();
}

describe("the XML it writes", () => {
  // Built in each test (shared while one mutant runs): a build in a hook would run before any mutant is on.
  const written = perMutant(async () => parts(await sample()));

  it("has the package parts, [Content_Types].xml first", async () => {
    const xml = await written();
    expect(Object.keys(xml)).toEqual(["[Content_Types].xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/sharedStrings.xml", "xl/styles.xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "_rels/.rels", "docProps/app.xml", "docProps/core.xml"]);
  });

  it.each([
    ["frozen pane", `<sheetView workbookViewId="0" tabSelected="1" showGridLines="0"><pane xSplit="2" ySplit="3" topLeftCell="C4" activePane="bottomRight" state="frozen"/>`],
    ["fit to page", `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>`],
    ["column widths", `<cols><col min="1" max="1" width="6" customWidth="1"/><col min="2" max="2" width="30" customWidth="1"/><col min="3" max="3" width="15" customWidth="1"/></cols>`],
    ["row height", `<row r="1" ht="30" customHeight="1"><c r="A1" s="1" t="s"><v>0</v></c></row>`],
    ["numbers", `<c r="A4"><v>12.5</v></c><c r="B4"><v>7</v></c>`],
    ["a formula with a cached text (quotes and > left plain in element text)", `<c r="C4" t="str"><f>IF(A4>B4,"大","小")</f><v>大</v></c>`],
    ["a formula with a cached number", `<c r="C5"><f>SUM(A4:B4)</f><v>19.5</v></c>`],
    ["a date as its serial day", `<c r="A7" s="3"><v>46011</v></c>`],
    ["a shared string used twice", `<c r="B7" t="s"><v>0</v></c>`],
    ["merges", `<mergeCells count="1"><mergeCell ref="A1:C1"/></mergeCells>`],
    ["conditional format", `<conditionalFormatting sqref="C4:C6"><cfRule type="cellIs" dxfId="0" priority="1" operator="lessThan"><formula>0</formula></cfRule></conditionalFormatting>`],
    ["print options and margins", `<printOptions horizontalCentered="1"/><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`],
    ["page setup", `<pageSetup paperSize="9" firstPageNumber="1" fitToWidth="1" fitToHeight="0" orientation="landscape" useFirstPageNumber="1"/>`],
    ["footer (& is escaped)", `<headerFooter><oddFooter>&amp;L&amp;A&amp;C第&amp;P页 共&amp;N页</oddFooter></headerFooter>`],
    ["page break", `<rowBreaks count="1" manualBreakCount="1"><brk id="8" max="16383" man="1"/></rowBreaks>`],
  ])("sheet1: %s", async (_what, piece) => {
    const xml = await written();
    expect(xml["xl/worksheets/sheet1.xml"]).toContain(piece);
  });

  it.each([
    ["protection: selecting and formatting columns allowed", `<sheetProtection sheet="1" objects="1" scenarios="1" formatColumns="0"/>`],
    ["validation", `<dataValidations count="1"><dataValidation type="whole" operator="between" allowBlank="1" showErrorMessage="1" errorTitle="统计年度" error="请填写4位年份" sqref="B2"><formula1>2000</formula1><formula2>2100</formula2></dataValidation></dataValidations>`],
    ["an unlocked cell", `<c r="B2" s="5"/>`],
  ])("sheet2: %s", async (_what, piece) => {
    const xml = await written();
    expect(xml["xl/worksheets/sheet2.xml"]).toContain(piece);
  });

  it("workbook: very hidden sheet, defined names, print titles of the sheet", async () => {
    const xml = await written();
    expect(xml["xl/workbook.xml"]).toContain(`<sheets><sheet name="汇总" sheetId="1" r:id="rId1"/><sheet name="模板信息" sheetId="2" state="veryHidden" r:id="rId2"/></sheets>`);
    expect(xml["xl/workbook.xml"]).toContain(`<definedNames><definedName name="HZ_ID">'模板信息'!$A$1</definedName><definedName name="_xlnm.Print_Titles" localSheetId="0">'汇总'!$A:$B,'汇总'!$1:$3</definedName></definedNames>`);
  });

  it("shared strings: one entry per distinct text, in first-use order", async () => {
    const xml = await written();
    expect(xml["xl/sharedStrings.xml"]).toContain(`count="2" uniqueCount="2"><si><t>标题</t></si><si><t>huizong</t></si></sst>`);
  });

  it("styles: equal style objects share one xf; custom formats from 164, built-ins by id", async () => {
    const xml = await written();
    const styles = xml["xl/styles.xml"]!;
    // B8 and C8 have equal (not identical) styles: one xf, index 4.
    expect(xml["xl/worksheets/sheet1.xml"]).toContain(`<c r="B8" s="4"/><c r="C8" s="4"/>`);
    expect(styles).toContain(`<numFmts count="2"><numFmt numFmtId="164" formatCode="0.0%"/><numFmt numFmtId="165" formatCode="yyyy-mm-dd"/></numFmts>`);
    expect(styles).toContain(`<cellXfs count="6">`);
    expect(styles).toContain(`<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyProtection="1"><protection locked="0"/></xf>`);
    expect(styles).toContain(`<border><left/><right/><top style="thin"><color rgb="FF8EA9DB"/></top><bottom/><diagonal/></border>`);
    expect(styles).toContain(`<dxfs count="1"><dxf><font><color rgb="FFC00000"/></font></dxf></dxfs>`);
  });
});

describe("escaping", () => {
  it.each([
    ["markup in text", `a<b>&"c"`, `a&lt;b>&amp;"c"`, `a&lt;b&gt;&amp;&quot;c&quot;`],
    ["tab, LF and CR are kept", "a\tb\nc\rd", "a\tb\nc\rd", "a\tb\nc\rd"],
    ["C0 controls as _xHHHH_", "a\u0001b\u001Fc\u000B", "a_x0001_b_x001F_c_x000B_", "a_x0001_b_x001F_c_x000B_"],
    ["U+FFFE and U+FFFF", "\uFFFE\uFFFF", "_xFFFE__xFFFF_", "_xFFFE__xFFFF_"],
    ["an escape look-alike keeps its underscore", "_x0041_", "_x005F_x0041_", "_x005F_x0041_"],
    ["an astral character is kept, a lone surrogate is replaced", "𠀀\uD800x", "𠀀\uFFFDx", "𠀀\uFFFDx"],
    ["a lone low surrogate at the top of the range", "\uDFFF", "\uFFFD", "\uFFFD"],
    ["plain text is returned as it is", "青阳镇 2025", "青阳镇 2025", "青阳镇 2025"],
  ])("%s", (_what, input, text, attr) => {
    expect(escText(input)).toBe(text);
    expect(esc(input)).toBe(attr);
  });
});

describe("bounds of a sheet", () => {
  it("the last cell XFD1048576 is written; one past either edge is refused", () => {
    const wb = new Workbook();
    const ws = wb.addWorksheet("s");
    ws.getCell("XFD1048576").value = 1;
    expect(() => ws.getCell("XFE1")).toThrow(RangeError);
    expect(() => ws.getCell("A1048577")).toThrow(RangeError);
    expect(() => ws.getRow(0)).toThrow(RangeError);
    expect(() => ws.getRow(2).getCell(16_385)).toThrow(RangeError);
    expect(() => ws.mergeCells("A1:XFE2")).toThrow(RangeError);
    const xml = parts(wb.finish())["xl/worksheets/sheet1.xml"]!;
    expect(xml).toContain(`<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>`);
  });

  it("row.values takes an array as exceljs does (element 0 is column A; a sparse array is indexed by column)", () => {
    const wb = new Workbook();
    const ws = wb.addWorksheet("s");
    ws.getRow(1).values = ["青阳镇", "330102001000", null, 7, undefined, "F"];
    const sparse: (string | number)[] = [];
    sparse[2] = "B";
    ws.getRow(2).values = sparse;
    const xml = parts(wb.finish())["xl/worksheets/sheet1.xml"]!;
    expect(xml).toContain(`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1"/><c r="D1"><v>7</v></c><c r="F1" t="s"><v>2</v></c></row><row r="2"><c r="B2" t="s"><v>3</v></c></row>`);
  });

  it("a committed row cannot be written again", () => {
    const wb = new Workbook();
    const ws = wb.addWorksheet("s");
    ws.getRow(3).commit();
    expect(() => ws.getRow(2)).toThrow("s: row 2 is already written");
    expect(() => ws.getRow(3)).toThrow("s: row 3 is already written");
    expect(ws.getRow(4).number).toBe(4);
  });

  it("rows made out of order are written in order, each once; committing again writes nothing more; a password is refused", async () => {
    const wb = new Workbook();
    const ws = wb.addWorksheet("s");
    ws.getCell("A5").value = 5;
    ws.getCell("A4").value = 4;
    ws.getCell("A3").value = 3;
    ws.getRow(5).commit();
    ws.getCell("A7").value = 7;
    ws.getCell("A6").value = 6;
    ws.commit();
    ws.commit();
    await expect(ws.protect("secret", {})).rejects.toThrow("password hashing is not supported: protect with an empty password");
    expect(parts(wb.finish())["xl/worksheets/sheet1.xml"]).toContain(`<sheetData><row r="3"><c r="A3"><v>3</v></c></row><row r="4"><c r="A4"><v>4</v></c></row><row r="5"><c r="A5"><v>5</v></c></row><row r="6"><c r="A6"><v>6</v></c></row><row r="7"><c r="A7"><v>7</v></c></row></sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`);
  });

  it("a cell's style parts set one by one, as exceljs takes them, and read back", () => {
    const wb = new Workbook();
    const c = wb.addWorksheet("s").getCell("A1");
    c.font = { bold: true };
    c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };
    c.border = { top: { style: "thin" } };
    c.alignment = { wrapText: true };
    c.numFmt = "0.0%";
    c.protection = { locked: false };
    expect([c.font, c.fill, c.border, c.alignment, c.numFmt, c.protection]).toEqual([{ bold: true }, { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } }, { top: { style: "thin" } }, { wrapText: true }, "0.0%", { locked: false }]);
    expect(c.style).toEqual({ font: { bold: true }, fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } }, border: { top: { style: "thin" } }, alignment: { wrapText: true }, numFmt: "0.0%", protection: { locked: false } });
    expect(() => wb.addWorksheet("t").getRow(1).getCell(0)).toThrow("column 0 is outside 1…16384");
    expect(() => wb.addWorksheet("u").getRow(1.5)).toThrow("row 1.5 is outside 1…1048576");
  });

  it("page setup assigned later refines what the sheet was created with", () => {
    const wb = new Workbook();
    const ws = wb.addWorksheet("s", { pageSetup: { paperSize: 9, orientation: "landscape" } });
    ws.pageSetup = { fitToPage: true };
    expect(ws.pageSetup).toEqual({ paperSize: 9, orientation: "landscape", fitToPage: true });
  });
});

describe("read back", () => {
  const TRICKY = `a<b>&"c" \u0001 _x0041_ 𠀀`;
  const bytes = perMutant(sample);

  it("exceljs reads cells, cached formula values, formats, views, print setup, states and validations", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await bytes()) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("汇总")!;
    expect(ws.getCell("A1").value).toBe("标题");
    expect(ws.getCell("A1").font).toMatchObject({ name: "宋体", size: 16, bold: true });
    expect(ws.getCell("C4").value).toEqual({ formula: 'IF(A4>B4,"大","小")', result: "大" });
    expect(ws.getCell("C5").value).toEqual({ formula: "SUM(A4:B4)", result: 19.5 });
    expect(ws.getCell("C6").numFmt).toBe("0.0%");
    expect(ws.getCell("A7").value).toEqual(new Date(Date.UTC(2025, 11, 20)));
    expect(ws.views[0]).toMatchObject({ state: "frozen", xSplit: 2, ySplit: 3, showGridLines: false });
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToPage: true, printTitlesRow: "1:3", printTitlesColumn: "A:B" });
    expect(ws.headerFooter.oddFooter).toBe("&L&A&C第&P页 共&N页");
    expect(ws.getColumn(2).width).toBe(30);
    expect(ws.getRow(1).height).toBe(30);
    const info = wb.getWorksheet("模板信息")!;
    expect(info.state).toBe("veryHidden");
    expect(info.getCell("B2").protection).toMatchObject({ locked: false });
    expect(info.getCell("B2").dataValidation).toMatchObject({ type: "whole", operator: "between", formulae: [2000, 2100], errorTitle: "统计年度" });
  });

  it("text with markup, controls and escape look-alikes comes back as written (exceljs and our reader)", async () => {
    const wb = new Workbook();
    const ws = wb.addWorksheet("s");
    ws.getCell("A1").value = TRICKY;
    ws.getCell("A2").value = { formula: "A1", result: TRICKY };
    const out = wb.finish();
    const ej = new ExcelJS.Workbook();
    await ej.xlsx.load(out as unknown as ArrayBuffer);
    expect(ej.getWorksheet("s")!.getCell("A1").value).toBe(TRICKY);
    const g = readXlsxGrid(out);
    if (!g.ok) throw new Error(g.message);
    expect(g.grid.sheets[0]!.cells.A1!.value).toBe(TRICKY);
    expect(g.grid.sheets[0]!.cells.A2).toMatchObject({ value: TRICKY, formula: "A1" });
  });

  it("native zlib (server, command line) writes the same parts as fflate", async () => {
    const a = parts(await sample());
    const b = parts(await sample(nativeZip));
    expect(b).toEqual(a);
  });
});

/** The package parts of a two-sheet workbook, as Excel and LibreOffice open them. */
const PACKAGE_PARTS: [string, string][] = [
  [
    "[Content_Types].xml",
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/><Override PartName=\"/xl/worksheets/sheet2.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/><Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/><Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/><Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/><Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/></Types>"
  ],
  [
    "xl/workbook.xml",
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><workbookPr defaultThemeVersion=\"164011\"/><bookViews><workbookView xWindow=\"0\" yWindow=\"0\" windowWidth=\"12000\" windowHeight=\"24000\" activeTab=\"0\"/></bookViews><sheets><sheet name=\"汇总\" sheetId=\"1\" r:id=\"rId1\"/><sheet name=\"模板信息\" sheetId=\"2\" state=\"veryHidden\" r:id=\"rId2\"/></sheets><definedNames><definedName name=\"HZ_ID\">'模板信息'!$A$1</definedName></definedNames><calcPr calcId=\"171027\"/></workbook>"
  ],
  [
    "xl/_rels/workbook.xml.rels",
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet2.xml\"/><Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/><Relationship Id=\"rId4\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>"
  ],
  [
    "_rels/.rels",
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/><Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/><Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" Target=\"docProps/app.xml\"/></Relationships>"
  ],
  [
    "docProps/app.xml",
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\"><Application>Microsoft Excel</Application></Properties>"
  ],
  [
    "docProps/core.xml",
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:creator>huizong</dc:creator><dcterms:created xsi:type=\"dcterms:W3CDTF\">2026-01-01T00:00:00Z</dcterms:created><dcterms:modified xsi:type=\"dcterms:W3CDTF\">2026-01-01T00:00:00Z</dcterms:modified></cp:coreProperties>"
  ]
];

describe("the package parts, exactly", () => {
  /** Two sheets, the second very hidden, one defined name: every part Excel needs to open it. */
  const written = perMutant(async () => {
    const wb = new Workbook();
    wb.addWorksheet("汇总").getCell("A1").value = "标题";
    const h = wb.addWorksheet("模板信息");
    h.state = "veryHidden";
    h.getCell("A1").value = "x";
    wb.definedNames.add("'模板信息'!$A$1", "HZ_ID");
    return parts(wb.finish());
  });
  it.each(PACKAGE_PARTS)("%s", async (name, xml) => {
    expect((await written())[name]).toBe(xml);
  });

  it("the active tab is the first visible sheet (a very hidden first sheet is skipped; none visible: the first)", () => {
    const active = (states: ("visible" | "hidden" | "veryHidden")[]) => {
      const wb = new Workbook();
      states.forEach((state, i) => (wb.addWorksheet(`s${i}`).state = state));
      return /activeTab="(\d+)"/.exec(parts(wb.finish())["xl/workbook.xml"]!)![1];
    };
    expect([active(["visible", "visible"]), active(["veryHidden", "hidden", "visible"]), active(["hidden", "veryHidden"])]).toEqual(["0", "2", "0"]);
  });

  it("shared strings keep leading and trailing spaces and line breaks (xml:space), not inner spaces", () => {
    const wb = new Workbook();
    const ws = wb.addWorksheet("s");
    [" 前", "后 ", "上\n下", "中 间", "\t制表"].forEach((t, i) => (ws.getCell(i + 1, 1).value = t));
    expect(parts(wb.finish())["xl/sharedStrings.xml"]).toContain(
      `<si><t xml:space="preserve"> 前</t></si><si><t xml:space="preserve">后 </t></si><si><t xml:space="preserve">上\n下</t></si><si><t>中 间</t></si><si><t xml:space="preserve">\t制表</t></si>`,
    );
  });

  it("a sheet name used twice is refused", () => {
    const wb = new Workbook();
    wb.addWorksheet("汇总");
    expect(() => wb.addWorksheet("汇总")).toThrow("duplicate sheet name 汇总");
    expect(wb.getWorksheet("汇总")?.name).toBe("汇总");
    expect(wb.getWorksheet("排名")).toBeUndefined();
  });
});

describe("styles, exactly", () => {
  /** Every kind of style the writer knows: fonts, fills, borders, alignment, protection, built-in and custom formats, differential styles. */
  const written = perMutant(async () => {
  const wb = new Workbook();
    const ws = wb.addWorksheet("s");
    const cells: [string, object][] = [
      ["A1", { font: { name: "宋体", size: 16, bold: true, italic: true, underline: true, color: { argb: "FFC00000" } } }],
      ["A2", { font: { bold: true } }],
      ["A3", { fill: { type: "pattern", pattern: "none" } }],
      ["A4", { fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } } }],
      ["A5", { border: { left: { style: "thin", color: { argb: "FF8EA9DB" } }, right: { style: "medium" }, top: {}, bottom: { style: "thin" } } }],
      ["A6", { alignment: { horizontal: "center", vertical: "middle", wrapText: true, shrinkToFit: true, indent: 2 } }],
      ["A7", { alignment: { vertical: "top" } }],
      ["A8", { alignment: {} }],
      ["A9", { protection: { locked: false, hidden: true } }],
      ["A10", { protection: { locked: true } }],
      ["A11", { numFmt: "0.00%" }],
      ["A12", { numFmt: "#,##0.00" }],
      ["A13", { numFmt: "0.0000" }],
      ["A14", { numFmt: "0.0000" }],
    ];
    for (const [a, style] of cells) { ws.getCell(a).value = 1; ws.getCell(a).style = style as never; }
    ws.addConditionalFormatting({ ref: "A1:A3", rules: [
      { type: "cellIs", operator: "lessThan", formulae: ["0"], style: { font: { color: { argb: "FFC00000" } } }, priority: 1 },
      { type: "cellIs", operator: "greaterThan", formulae: ["100"], style: { font: { bold: true, italic: true, size: 12, name: "宋体" }, fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } } }, priority: 2 },
      { type: "cellIs", operator: "equal", formulae: ["5"], style: { font: { color: { argb: "FFC00000" } } }, priority: 3 },
    ] } as never);
    const p = parts(wb.finish());
    return { styles: p["xl/styles.xml"]!, sheet: p["xl/worksheets/sheet1.xml"]! };
  });

  it("styles.xml: each distinct font, fill, border and format once, in first-use order; defaults take no new entry", async () => {
    expect((await written()).styles).toBe(STYLES_XML);
  });

  it("each cell points at its style; an empty alignment, a locked protection and a none fill are the default style", async () => {
    expect((await written()).sheet).toContain(SHEET_DATA);
  });

  it("a differential style repeated is one dxf", async () => {
    expect((await written()).sheet).toContain(CONDITIONAL);
  });
});

const STYLES_XML = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"0.0000\"/></numFmts><fonts count=\"3\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font><font><b/><i/><u/><sz val=\"16\"/><color rgb=\"FFC00000\"/><name val=\"宋体\"/></font><font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts><fills count=\"3\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill><fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFD9E1F2\"/><bgColor indexed=\"64\"/></patternFill></fill></fills><borders count=\"2\"><border><left/><right/><top/><bottom/><diagonal/></border><border><left style=\"thin\"><color rgb=\"FF8EA9DB\"/></left><right style=\"medium\"></right><top/><bottom style=\"thin\"></bottom><diagonal/></border></borders><cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs><cellXfs count=\"11\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/><xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/><xf numFmtId=\"0\" fontId=\"2\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/><xf numFmtId=\"0\" fontId=\"0\" fillId=\"2\" borderId=\"0\" xfId=\"0\" applyFill=\"1\"/><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"1\" xfId=\"0\" applyBorder=\"1\"/><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyAlignment=\"1\"><alignment horizontal=\"center\" vertical=\"center\" wrapText=\"1\" shrinkToFit=\"1\" indent=\"2\"/></xf><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyAlignment=\"1\"><alignment vertical=\"top\"/></xf><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyProtection=\"1\"><protection locked=\"0\" hidden=\"1\"/></xf><xf numFmtId=\"10\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/><xf numFmtId=\"4\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/><xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/></cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles><dxfs count=\"2\"><dxf><font><color rgb=\"FFC00000\"/></font></dxf><dxf><font><b/><i/><sz val=\"12\"/><name val=\"宋体\"/></font><fill><patternFill patternType=\"solid\"><bgColor rgb=\"FFFFF2CC\"/></patternFill></fill></dxf></dxfs><tableStyles count=\"0\" defaultTableStyle=\"TableStyleMedium2\" defaultPivotStyle=\"PivotStyleLight16\"/></styleSheet>";
const SHEET_DATA = "<sheetData><row r=\"1\"><c r=\"A1\" s=\"1\"><v>1</v></c></row><row r=\"2\"><c r=\"A2\" s=\"2\"><v>1</v></c></row><row r=\"3\"><c r=\"A3\"><v>1</v></c></row><row r=\"4\"><c r=\"A4\" s=\"3\"><v>1</v></c></row><row r=\"5\"><c r=\"A5\" s=\"4\"><v>1</v></c></row><row r=\"6\"><c r=\"A6\" s=\"5\"><v>1</v></c></row><row r=\"7\"><c r=\"A7\" s=\"6\"><v>1</v></c></row><row r=\"8\"><c r=\"A8\"><v>1</v></c></row><row r=\"9\"><c r=\"A9\" s=\"7\"><v>1</v></c></row><row r=\"10\"><c r=\"A10\"><v>1</v></c></row><row r=\"11\"><c r=\"A11\" s=\"8\"><v>1</v></c></row><row r=\"12\"><c r=\"A12\" s=\"9\"><v>1</v></c></row><row r=\"13\"><c r=\"A13\" s=\"10\"><v>1</v></c></row><row r=\"14\"><c r=\"A14\" s=\"10\"><v>1</v></c></row></sheetData>";
const CONDITIONAL = "<conditionalFormatting sqref=\"A1:A3\"><cfRule type=\"cellIs\" dxfId=\"0\" priority=\"1\" operator=\"lessThan\"><formula>0</formula></cfRule><cfRule type=\"cellIs\" dxfId=\"1\" priority=\"2\" operator=\"greaterThan\"><formula>100</formula></cfRule><cfRule type=\"cellIs\" dxfId=\"0\" priority=\"3\" operator=\"equal\"><formula>5</formula></cfRule></conditionalFormatting>";

describe("whole sheets, exactly", () => {
  /** Seven sheets, each showing what the writer does with one set of options (and what it leaves out). */
  const written = perMutant(async () => {
  const wb = new Workbook();
    // 1: a bare sheet, one empty styled-less cell and a number.
    const bare = wb.addWorksheet("bare");
    bare.getCell("B2").value = 3;
    // 2: every value type, as values and as formula results.
    const values = wb.addWorksheet("values");
    const row = values.getRow(1);
    const vs: unknown[] = [null, Number.NaN, Number.POSITIVE_INFINITY, true, false, new Date(Date.UTC(2025, 11, 31, 12)), "文字",
      { formula: "A1", result: null }, { formula: "A1", result: undefined }, { formula: "1/0", result: Number.NaN }, { formula: "TRUE()", result: true }, { formula: "FALSE()", result: false },
      { formula: "TODAY()", result: new Date(Date.UTC(2025, 0, 1)) }, { formula: "\"a<b\"", result: "a<b" }, { formula: "1+1", result: 2 }];
    vs.forEach((v, i) => (row.getCell(i + 1).value = v as never));
    // 3: frozen columns only; grid lines shown; a gap in the column widths; vertical centring only; a partial page setup.
    const x = wb.addWorksheet("x", { views: [{ state: "frozen", xSplit: 1, showGridLines: true }], pageSetup: { verticalCentered: true, scale: 80, fitToPage: true } });
    x.columns = [{ width: 10 }, {}, { width: 12 }];
    x.getCell("A1").value = 1;
    // 4: frozen rows only; a view that is not frozen on another sheet; margins; a header only.
    const y = wb.addWorksheet("y", { views: [{ state: "frozen", ySplit: 2 }], headerFooter: { oddHeader: "&C页眉" }, pageSetup: { margins: { left: 0.5, right: 0.5, top: 1, bottom: 1, header: 0.2, footer: 0.2 }, orientation: "portrait" } });
    y.getCell("A1").value = 1;
    const n = wb.addWorksheet("n", { views: [{ state: "normal", xSplit: 2, ySplit: 2 } as never] });
    n.getCell("A1").value = 1;
    // 5: protection with every option allowed and none; a list validation; data bar and colour scale.
    const p = wb.addWorksheet("p");
    p.getCell("A1").value = 1;
    p.getCell("A1").dataValidation = { type: "list", operator: "between", formulae: ['"甲,乙"'], allowBlank: false, showErrorMessage: false };
    p.getCell("B1").value = 2;
    p.getCell("B1").dataValidation = { type: "date", operator: "greaterThan", formulae: [new Date(Date.UTC(2025, 0, 1))], allowBlank: true, showErrorMessage: true, errorTitle: "日期", error: "请填 2025 年以后的日期" };
    p.addConditionalFormatting({ ref: "A1:A9", rules: [{ type: "dataBar", priority: 1, cfvo: [{ type: "min" }, { type: "max" }], color: { argb: "FF5B9BD5" }, gradient: true }, { type: "colorScale", priority: 2, cfvo: [{ type: "min" }, { type: "num", value: 0 }, { type: "max" }], color: [{ argb: "FFF8696B" }, { argb: "FFFFFFFF" }, { argb: "FF63BE7B" }] }] } as never);
    void p.protect("", { selectLockedCells: false, selectUnlockedCells: false, formatCells: true, formatColumns: true, formatRows: true, insertColumns: true, insertRows: true, deleteColumns: true, deleteRows: true, sort: true, autoFilter: true });
    const q = wb.addWorksheet("q");
    q.getCell("A1").value = 1;
    void q.protect("", {});
    return parts(wb.finish());
  });
  it.each(WHOLE_SHEETS)("%s", async (_what, name, xml) => {
    expect((await written())[`xl/worksheets/${name}.xml`]).toBe(xml);
  });
});

const WHOLE_SHEETS: [string, string, string][] = [
 [
  "a bare sheet: the first is the selected tab; no sheetPr, no cols, default margins, no page setup",
  "sheet1",
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheetViews><sheetView workbookViewId=\"0\" tabSelected=\"1\"/></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/><sheetData><row r=\"2\"><c r=\"B2\"><v>3</v></c></row></sheetData><pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/></worksheet>"
 ],
 [
  "every value type, as a value and as a formula's cached result (blank, NaN and ∞ left empty; booleans t=\"b\"; dates as serial days; text t=\"s\" or t=\"str\")",
  "sheet2",
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheetViews><sheetView workbookViewId=\"0\"/></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/><sheetData><row r=\"1\"><c r=\"A1\"/><c r=\"B1\"/><c r=\"C1\"/><c r=\"D1\" t=\"b\"><v>1</v></c><c r=\"E1\" t=\"b\"><v>0</v></c><c r=\"F1\"><v>46022.5</v></c><c r=\"G1\" t=\"s\"><v>0</v></c><c r=\"H1\"><f>A1</f></c><c r=\"I1\"><f>A1</f></c><c r=\"J1\"><f>1/0</f></c><c r=\"K1\" t=\"b\"><f>TRUE()</f><v>1</v></c><c r=\"L1\" t=\"b\"><f>FALSE()</f><v>0</v></c><c r=\"M1\"><f>TODAY()</f><v>45658</v></c><c r=\"N1\" t=\"str\"><f>\"a&lt;b\"</f><v>a&lt;b</v></c><c r=\"O1\"><f>1+1</f><v>2</v></c></row></sheetData><pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/></worksheet>"
 ],
 [
  "frozen columns only (topRight), grid lines shown, a gap in the column widths, vertical centring only, scale and fit without a given width",
  "sheet3",
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr><sheetViews><sheetView workbookViewId=\"0\"><pane xSplit=\"1\" topLeftCell=\"B1\" activePane=\"topRight\" state=\"frozen\"/><selection pane=\"topRight\" activeCell=\"B1\" sqref=\"B1\"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/><cols><col min=\"1\" max=\"1\" width=\"10\" customWidth=\"1\"/><col min=\"3\" max=\"3\" width=\"12\" customWidth=\"1\"/></cols><sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c></row></sheetData><printOptions verticalCentered=\"1\"/><pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/><pageSetup scale=\"80\" fitToWidth=\"1\" fitToHeight=\"1\"/></worksheet>"
 ],
 [
  "frozen rows only (bottomLeft), margins of its own, portrait, a header without a footer",
  "sheet4",
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"2\" topLeftCell=\"A3\" activePane=\"bottomLeft\" state=\"frozen\"/><selection pane=\"bottomLeft\" activeCell=\"A3\" sqref=\"A3\"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/><sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c></row></sheetData><pageMargins left=\"0.5\" right=\"0.5\" top=\"1\" bottom=\"1\" header=\"0.2\" footer=\"0.2\"/><pageSetup orientation=\"portrait\"/><headerFooter><oddHeader>&amp;C页眉</oddHeader></headerFooter></worksheet>"
 ],
 [
  "a view that is not frozen writes no pane",
  "sheet5",
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheetViews><sheetView workbookViewId=\"0\"/></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/><sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c></row></sheetData><pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/></worksheet>"
 ],
 [
  "protection with every action allowed and selection refused; a list validation (no operator) and a dated one; a data bar and a colour scale",
  "sheet6",
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheetViews><sheetView workbookViewId=\"0\"/></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/><sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c><c r=\"B1\"><v>2</v></c></row></sheetData><sheetProtection sheet=\"1\" objects=\"1\" scenarios=\"1\" selectLockedCells=\"1\" selectUnlockedCells=\"1\" formatCells=\"0\" formatColumns=\"0\" formatRows=\"0\" insertColumns=\"0\" insertRows=\"0\" deleteColumns=\"0\" deleteRows=\"0\" sort=\"0\" autoFilter=\"0\"/><conditionalFormatting sqref=\"A1:A9\"><cfRule type=\"dataBar\" priority=\"1\"><dataBar><cfvo type=\"min\"/><cfvo type=\"max\"/><color rgb=\"FF5B9BD5\"/></dataBar></cfRule><cfRule type=\"colorScale\" priority=\"2\"><colorScale><cfvo type=\"min\"/><cfvo type=\"num\" val=\"0\"/><cfvo type=\"max\"/><color rgb=\"FFF8696B\"/><color rgb=\"FFFFFFFF\"/><color rgb=\"FF63BE7B\"/></colorScale></cfRule></conditionalFormatting><dataValidations count=\"2\"><dataValidation type=\"list\" sqref=\"A1\"><formula1>\"甲,乙\"</formula1></dataValidation><dataValidation type=\"date\" operator=\"greaterThan\" allowBlank=\"1\" showErrorMessage=\"1\" errorTitle=\"日期\" error=\"请填 2025 年以后的日期\" sqref=\"B1\"><formula1>45658</formula1></dataValidation></dataValidations><pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/></worksheet>"
 ],
 [
  "protection with the defaults: nothing but sheet, objects and scenarios",
  "sheet7",
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheetViews><sheetView workbookViewId=\"0\"/></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/><sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c></row></sheetData><sheetProtection sheet=\"1\" objects=\"1\" scenarios=\"1\"/><pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/></worksheet>"
 ]
];

describe("the writer's remaining edges", () => {
  it("a row longer than a chunk (16,384 numbers, over 1 MiB of XML) is written whole", () => {
    const wb = new Workbook(nativeZip);
    const ws = wb.addWorksheet("wide");
    const row = ws.getRow(1);
    for (let c = 1; c <= 16_384; c++) row.getCell(c).value = 1_000_000 + c;
    const g = readXlsxGrid(wb.finish(), { limits: { maxCells: 20_000 } });
    if (!g.ok) throw new Error(g.message);
    const cells = g.grid.sheets[0]!.cells;
    expect([Object.keys(cells).length, cells.A1?.value, cells.XFD1?.value]).toEqual([16_384, 1_000_001, 1_016_384]);
  });

  it("a runtime's deflate without its own CRC-32 still writes a zip every reader opens", () => {
    const wb = new Workbook({ deflate: nativeZip.deflate });
    wb.addWorksheet("s").getCell("A1").value = "青阳镇";
    const g = readXlsxGrid(wb.finish());
    expect(g.ok && g.grid.sheets[0]!.cells.A1?.value).toBe("青阳镇");
  });

  it("a deflate that fails makes finish() throw its error, never a half-written file", () => {
    const wb = new Workbook({ deflate: () => { throw new Error("deflate failed"); }, crc32: nativeZip.crc32 });
    wb.addWorksheet("s").getCell("A1").value = 1;
    expect(() => wb.finish()).toThrow("deflate failed");
  });

  it("a column given by letters; a frozen view without a split has no pane", () => {
    const wb = new Workbook();
    const ws = wb.addWorksheet("s", { views: [{ state: "frozen" }] });
    expect(ws.getRow(1).getCell("C").col).toBe(3);
    ws.getRow(1).getCell("C").value = 1;
    expect(parts(wb.finish())["xl/worksheets/sheet1.xml"]).toContain(`<sheetView workbookViewId="0" tabSelected="1"/>`);
  });

  it("two merges, two page breaks, a between rule with two formulae; print titles of a sheet whose name has a quote", () => {
    const wb = new Workbook();
    const ws = wb.addWorksheet("县'市", { pageSetup: { printTitlesRow: "1:2" } });
    ws.mergeCells("A1:B1");
    ws.mergeCells("A2:B2");
    ws.getRow(3).addPageBreak();
    ws.getRow(5).addPageBreak();
    ws.getCell("A9").value = 1;
    ws.addConditionalFormatting({ ref: "A1:A9", rules: [{ type: "cellIs", operator: "between", formulae: ["1", "5"], style: { font: { bold: true } }, priority: 1 }] });
    const p = parts(wb.finish());
    const xml = p["xl/worksheets/sheet1.xml"]!;
    expect(xml).toContain(`<mergeCells count="2"><mergeCell ref="A1:B1"/><mergeCell ref="A2:B2"/></mergeCells>`);
    expect(xml).toContain(`<rowBreaks count="2" manualBreakCount="2"><brk id="3" max="16383" man="1"/><brk id="5" max="16383" man="1"/></rowBreaks>`);
    expect(xml).toContain(`<cfRule type="cellIs" dxfId="0" priority="1" operator="between"><formula>1</formula><formula>5</formula></cfRule>`);
    expect(p["xl/workbook.xml"]).toContain(`<definedNames><definedName name="_xlnm.Print_Titles" localSheetId="0">'县''市'!$1:$2</definedName></definedNames>`);
  });

  it("a workbook with no defined names and no custom formats writes neither element", () => {
    const wb = new Workbook();
    wb.addWorksheet("s").getCell("A1").value = 1;
    const p = parts(wb.finish());
    expect(p["xl/workbook.xml"]).toContain(`</sheets><calcPr calcId="171027"/></workbook>`);
    expect(p["xl/styles.xml"]).toContain(`<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1">`);
  });
});
