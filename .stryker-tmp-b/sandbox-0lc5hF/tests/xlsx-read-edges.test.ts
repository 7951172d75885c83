/**
 * readXlsxGrid (templates/xlsx/index.ts) on small packages written by hand, in-process: what is
 * refused before any XML is read (sizes, kinds, macros, other packages), how the workbook, its
 * relationships and styles are found and read, and every answer word for word. The cells and the
 * worksheet scanner at their edges are in tests/xlsx-read-cells.test.ts.
 */
// @ts-nocheck

import { describe, expect, it } from "vitest";
import { PartMemo, readXlsxGrid } from "../templates/xlsx";
import { strToU8 } from "fflate";
import { G, NS, ONE, PR, R, answer, failure, pkg, rel, sheet, wbRels, workbook, zip } from "./support/xlsx-packages";

describe("refused before the zip is opened", () => {
  it.each<[string, () => Uint8Array, ReturnType<typeof failure>]>([
    ["nothing", () => new Uint8Array(0), ["EMPTY_FILE", null]],
    ["a CFB container without encryption streams (an .xls)", () => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), ["NOT_XLSX_XLS", null]],
    ["a bare BIFF5 worksheet", () => new Uint8Array([0x09, 0x08, 16, 0, 0, 5, 0x10, 0, 0, 0]), ["NOT_XLSX_XLS", "Excel 2.x–5.0 工作表格式"]],
    ["CSV", () => strToU8("a,b\n1,2\n"), ["NOT_XLSX_CSV", null]],
    ["HTML", () => strToU8("<html><table></table></html>"), ["NOT_XLSX_HTML", null]],
    ["SpreadsheetML 2003", () => strToU8(`<?mso-application progid="Excel.Sheet"?>`), ["NOT_XLSX_XML2003", null]],
    ["flat ODS", () => strToU8(`<office:document mimetype="application/vnd.oasis.opendocument.spreadsheet">`), ["NOT_XLSX_ODS", null]],
    ["plain text", () => strToU8("hello"), ["NOT_XLSX_UNKNOWN", null]],
    ["binary", () => new Uint8Array([0, 1, 2, 3]), ["NOT_XLSX_UNKNOWN", null]],
  ])("%s", (_what, make, expected) => {
    expect(failure(make())).toEqual(expected);
  });

  it("a CFB container holding EncryptionInfo is an encrypted workbook", () => {
    const name = new Uint8Array([..."EncryptionInfo"].flatMap((c) => [c.charCodeAt(0), 0]));
    const bytes = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...name]);
    expect(failure(bytes)).toEqual(["ENCRYPTED", null]);
  });

  it("the file size: at the limit read, one byte above refused with both sizes in MB", () => {
    const bytes = zip(pkg());
    expect(failure(bytes, { limits: { maxFileBytes: bytes.length } })).toBe("read");
    expect(answer(bytes, { limits: { maxFileBytes: bytes.length - 1 } })).toMatchObject({ code: "FILE_TOO_LARGE", detail: "0.0 MB，上限 0.0 MB" });
    const big = new Uint8Array(3 * 1048576 + 300_000);
    big.set([0x50, 0x4b, 0x03, 0x04]);
    expect(failure(big, { limits: { maxFileBytes: 2.5 * 1048576 } })).toEqual(["FILE_TOO_LARGE", "3.3 MB，上限 2.5 MB"]);
  });

  it("a zip directory refused: its code and detail, and the message with the detail", () => {
    const r = answer(zip({ ...pkg(), "../x.xml": strToU8("x") }));
    expect(r).toMatchObject({ code: "UNSAFE_ZIP", detail: "不安全的路径：../x.xml" });
    expect((r as { message: string }).message).toMatch(/（不安全的路径：\.\.\/x\.xml）$/);
  });
});

describe("other packages and workbooks with code", () => {
  it.each<[string, Record<string, string | null>, ReturnType<typeof failure>]>([
    ["a VBA project", { "xl/vbaProject.bin": "x" }, ["XLSM_MACROS", "VBA"]],
    ["a VBA project anywhere", { "other/VBAPROJECT.BIN": "x" }, ["XLSM_MACROS", "VBA"]],
    ["an Excel 4.0 macro sheet", { "xl/macrosheets/sheet1.xml": "<x/>" }, ["XLSM_MACROS", "Excel 4.0 宏表"]],
    ["an ActiveX control", { "xl/activeX/activeX1.xml": "<x/>" }, ["XLSM_MACROS", "ActiveX 控件"]],
    ["an ActiveX control listed before a VBA project: the first named", { "xl/activeX/a.xml": "<x/>", "xl/vbaProject.bin": "x" }, ["XLSM_MACROS", "ActiveX 控件"]],
    ["a macro sheet listed before an ActiveX control", { "xl/macrosheets/a.xml": "<x/>", "xl/activeX/a.xml": "<x/>" }, ["XLSM_MACROS", "Excel 4.0 宏表"]],
    ["a binary workbook", { "xl/workbook.bin": "x" }, ["NOT_XLSX_XLSB", null]],
    ["an .xlsb with a macro: the format first", { "xl/vbaProject.bin": "x", "xl/workbook.bin": "x" }, ["NOT_XLSX_XLSB", null]],
    ["a part named like a folder of macros elsewhere", { "docs/xl/macrosheets/a.xml": "<x/>", "xl/activex.xml": "<x/>" }, "read"],
  ])("%s", (_what, extra, expected) => {
    expect(failure(zip(pkg(extra)))).toEqual(expected);
  });

  it.each<[string, Record<string, string | null>, ReturnType<typeof failure>]>([
    ["an ODS package", { "[Content_Types].xml": null, mimetype: "application/vnd.oasis.opendocument.spreadsheet" }, ["NOT_XLSX_ODS", null]],
    ["an ODS template, the mimetype with white space around", { "[Content_Types].xml": null, mimetype: "\n application/vnd.oasis.opendocument.spreadsheet-template " }, ["NOT_XLSX_ODS", null]],
    ["an ODT package", { "[Content_Types].xml": null, mimetype: "application/vnd.oasis.opendocument.text" }, ["NOT_OOXML", "缺少 [Content_Types].xml"]],
    ["a mimetype beside [Content_Types].xml is not read", { mimetype: "application/vnd.oasis.opendocument.spreadsheet" }, "read"],
    ["no [Content_Types].xml", { "[Content_Types].xml": null }, ["NOT_OOXML", "缺少 [Content_Types].xml"]],
  ])("%s", (_what, extra, expected) => {
    expect(failure(zip(pkg(extra)))).toEqual(expected);
  });

  it.each<[string, string, ReturnType<typeof failure>]>([
    ["a mimetype whose stored bytes do not match its CRC", "mimetype", ["CORRUPT_ZIP", "mimetype 校验失败"]],
    ["package relationships whose stored bytes do not match their CRC", "_rels/.rels", ["CORRUPT_ZIP", "_rels/.rels 校验失败"]],
  ])("%s", (_what, part, expected) => {
    const files = pkg({ "[Content_Types].xml": null, "xl/workbook.xml": null });
    const text = part === "mimetype" ? "application/vnd.oasis.opendocument.spreadsheet" : wbRels(rel("rId1", "officeDocument", "book/main.xml"));
    if (part !== "mimetype") files["[Content_Types].xml"] = strToU8("<Types/>");
    files[part] = [strToU8(text), { level: 0 }];
    const bytes = zip(files);
    // One byte of the stored text changed, the headers kept.
    const at = new TextDecoder("latin1").decode(bytes).indexOf(text);
    bytes[at + 20] = bytes[at + 20]! ^ 0x01;
    expect(failure(bytes)).toEqual(expected);
  });
});

describe("finding and reading the workbook", () => {
  const moved = (rootRels: string | null, extra: Record<string, string | null> = {}) => {
    const files = pkg({ "xl/workbook.xml": null, "xl/_rels/workbook.xml.rels": null, ...extra });
    files["book/main.xml"] = strToU8(workbook(`<sheets><sheet name="甲" sheetId="1" r:id="rId1"/></sheets>`));
    files["book/_rels/main.xml.rels"] = strToU8(wbRels(rel("rId1", "worksheet", "../xl/worksheets/sheet1.xml")));
    if (rootRels === null) delete files["_rels/.rels"];
    else files["_rels/.rels"] = strToU8(rootRels);
    return zip(files);
  };

  it("a workbook elsewhere, found through the package relationships (officeDocument), sheets resolved from its folder", () => {
    const bytes = moved(wbRels(rel("rId9", "extended-properties", "docProps/app.xml") + rel("rId1", "officeDocument", "book/main.xml")));
    expect(answer(bytes)).toEqual({ sheets: [{ name: "甲", state: "visible", rowCount: 1, cells: { A1: { value: 1, numFmt: G } } }] });
  });

  it.each<[string, string | null, ReturnType<typeof failure>]>([
    ["no package relationships", null, ["NOT_OOXML", "缺少 xl/workbook.xml"]],
    ["no officeDocument relationship", wbRels(rel("rId1", "extended-properties", "book/main.xml")), ["NOT_OOXML", "缺少 xl/workbook.xml"]],
    ["an officeDocument relationship to a missing part", wbRels(rel("rId1", "officeDocument", "book/other.xml")), ["NOT_OOXML", "缺少 xl/workbook.xml"]],
    ["package relationships that are not well formed", `<Relationships xmlns="${PR}">`, ["CORRUPT_ZIP", "_rels/.rels 格式错误：Unclosed element Relationships."]],
  ])("%s", (_what, rootRels, expected) => {
    expect(failure(moved(rootRels))).toEqual(expected);
  });

  it("the package's relationships resolve from the root: /book/main.xml and book/./main.xml", () => {
    for (const target of ["/book/main.xml", "book/./main.xml", "x/../book/main.xml", "book%2Fmain.xml"]) {
      const r = answer(moved(wbRels(rel("rId1", "officeDocument", target))));
      expect(r, target).toMatchObject({ sheets: [{ name: "甲" }] });
    }
  });

  it.each<[string, string, ReturnType<typeof failure>]>([
    ["a workbook that is not well formed", `<workbook xmlns="${NS}"><sheets></workbook>`, ["CORRUPT_ZIP", "workbook.xml 格式错误：End tag workbook does not match sheets."]],
    ["a workbook with a DOCTYPE", `<!DOCTYPE w><workbook/>`, ["UNSAFE_XML", "xl/workbook.xml"]],
    ["a workbook in an encoding no decoder knows", `<?xml version="1.0" encoding="x-none"?><workbook/>`, ["CORRUPT_ZIP", "xl/workbook.xml 声明了无法识别的字符编码"]],
  ])("%s", (_what, xml, expected) => {
    expect(failure(zip(pkg({ "xl/workbook.xml": xml })))).toEqual(expected);
  });

  it("a long parse error is cut to 80 characters", () => {
    const name = "n".repeat(100);
    const r = failure(zip(pkg({ "xl/workbook.xml": `<${name}></x>` })));
    expect(r).toEqual(["CORRUPT_ZIP", `workbook.xml 格式错误：${`End tag x does not match ${"n".repeat(40)}.`.slice(0, 80)}`]);
  });

  it("sheets: their state, names and order; at most maxSheets", () => {
    const inner =
      `<sheets><sheet name="一" sheetId="1" r:id="rId1"/><sheet name="二" state="hidden" sheetId="2" r:id="rId2"/>` +
      `<sheet name="三" state="veryHidden" sheetId="3" r:id="rId3"/><sheet name="四" state="odd" sheetId="4" r:id="rId4"/></sheets>`;
    const rels = wbRels([1, 2, 3, 4].map((i) => rel(`rId${i}`, "worksheet", `worksheets/sheet${i}.xml`)).join(""));
    const sheets = [1, 2, 3, 4].map((i) => ({ name: `s${i}`, xml: sheet(`<c r="B2"><v>${i}</v></c>`) }));
    const bytes = zip(pkg({ "xl/workbook.xml": workbook(inner), "xl/_rels/workbook.xml.rels": rels }, sheets));
    const grid = answer(bytes, { limits: { maxSheets: 4 } });
    expect(grid).toEqual({
      sheets: [
        { name: "一", state: "visible", rowCount: 2, cells: { B2: { value: 1, numFmt: G } } },
        { name: "二", state: "hidden", rowCount: 2, cells: { B2: { value: 2, numFmt: G } } },
        { name: "三", state: "veryHidden", rowCount: 2, cells: { B2: { value: 3, numFmt: G } } },
        { name: "四", state: "visible", rowCount: 2, cells: { B2: { value: 4, numFmt: G } } },
      ],
    });
    expect(failure(bytes, { limits: { maxSheets: 3 } })).toEqual(["TOO_MANY_SHEETS", "4 个工作表"]);
    expect(answer(bytes, { sheets: ["二", "四"] })).toEqual({
      sheets: [
        { name: "一", state: "visible", rowCount: 0, cells: {} },
        { name: "二", state: "hidden", rowCount: 2, cells: { B2: { value: 2, numFmt: G } } },
        { name: "三", state: "veryHidden", rowCount: 0, cells: {} },
        { name: "四", state: "visible", rowCount: 2, cells: { B2: { value: 4, numFmt: G } } },
      ],
    });
  });

  it("with no sheet asked for, styles and shared strings are not read (a damaged one is no refusal)", () => {
    const bytes = zip(pkg({ "xl/styles.xml": "<bad", "xl/sharedStrings.xml": "<bad" }));
    expect(answer(bytes, { sheets: ["none"] })).toEqual({ sheets: [{ name: "表", state: "visible", rowCount: 0, cells: {} }] });
    expect(failure(bytes)).toEqual(["CORRUPT_ZIP", "styles.xml 格式错误：Malformed start tag."]);
  });

  it.each<[string, string, string | null, ReturnType<typeof failure>]>([
    ["a sheet without a relationship", `<sheets><sheet name="甲" sheetId="1" r:id="rId7"/></sheets>`, null, ["CORRUPT_ZIP", "工作表“甲”缺少关联"]],
    ["a sheet without r:id", `<sheets><sheet name="甲" sheetId="1"/></sheets>`, null, ["CORRUPT_ZIP", "工作表“甲”缺少关联"]],
    ["a sheet without a name", `<sheets><sheet sheetId="1" r:id="rId7"/></sheets>`, null, ["CORRUPT_ZIP", "工作表“”缺少关联"]],
    ["a sheet whose part is missing", `<sheets><sheet name="甲" sheetId="1" r:id="rId1"/></sheets>`, wbRels(rel("rId1", "worksheet", "worksheets/none.xml")), ["CORRUPT_ZIP", "工作表“甲”缺失（xl/worksheets/none.xml）"]],
    ["an external relationship is no relationship", `<sheets><sheet name="甲" sheetId="1" r:id="rId1"/></sheets>`, wbRels(rel("rId1", "worksheet", "worksheets/sheet1.xml", ` TargetMode="External"`)), ["CORRUPT_ZIP", "工作表“甲”缺少关联"]],
    ["a relationship without a target", `<sheets><sheet name="甲" sheetId="1" r:id="rId1"/></sheets>`, wbRels(`<Relationship Id="rId1" Type="${R}/worksheet"/>`), ["CORRUPT_ZIP", "工作表“甲”缺少关联"]],
    ["no workbook relationships at all", `<sheets><sheet name="甲" sheetId="1" r:id="rId1"/></sheets>`, "", ["CORRUPT_ZIP", "工作表“甲”缺少关联"]],
    ["relationships not well formed", `<sheets/>`, "<Relationships>", ["CORRUPT_ZIP", "workbook.xml.rels 格式错误：Unclosed element Relationships."]],
  ])("%s", (_what, inner, rels, expected) => {
    const extra: Record<string, string | null> = { "xl/workbook.xml": workbook(inner) };
    if (rels !== null) extra["xl/_rels/workbook.xml.rels"] = rels === "" ? null : rels;
    expect(failure(zip(pkg(extra)))).toEqual(expected);
  });

  it("a chart sheet is listed with no cells; a relationship's type decides, and targets resolve (.., ., %-escapes)", () => {
    const inner = `<sheets><sheet name="图" sheetId="1" r:id="rId1"/><sheet name="数" sheetId="2" r:id="rId2"/></sheets>`;
    const rels = wbRels(rel("rId1", "chartsheet", "chartsheets/sheet1.xml") + rel("rId2", "worksheet", "./x/../worksheets/%E8%A1%A8.xml"));
    const files = pkg({ "xl/workbook.xml": workbook(inner), "xl/_rels/workbook.xml.rels": rels, "xl/chartsheets/sheet1.xml": "<chartsheet/>" });
    files["xl/worksheets/表.xml"] = strToU8(sheet(`<c r="C1"><v>5</v></c>`));
    expect(answer(zip(files))).toEqual({
      sheets: [
        { name: "图", state: "visible", rowCount: 0, cells: {} },
        { name: "数", state: "visible", rowCount: 1, cells: { C1: { value: 5, numFmt: G } } },
      ],
    });
  });

  it("a target with a malformed %-escape is kept as written", () => {
    const rels = wbRels(rel("rId1", "worksheet", "worksheets/100%.xml"));
    const files = pkg({ "xl/_rels/workbook.xml.rels": rels });
    files["xl/worksheets/100%.xml"] = strToU8(ONE);
    expect(answer(zip(files))).toMatchObject({ sheets: [{ cells: { A1: { value: 1 } } }] });
  });

  it("defined names: workbook-level ones with their text; sheet-scoped and empty ones left out; none → no key", () => {
    const names =
      `<definedNames><definedName name="单位">表!$A$1</definedName><definedName name="_xlnm.Print_Area" localSheetId="0">表!$A$1:$B$2</definedName>` +
      `<definedName name="空"/><definedName name="两段">表!$A$1,<![CDATA[表!$B$1]]></definedName><definedName>无名</definedName></definedNames>`;
    const bytes = zip(pkg({ "xl/workbook.xml": workbook(`<sheets><sheet name="表" sheetId="1" r:id="rId1"/></sheets>${names}`) }));
    expect((answer(bytes) as { definedNames?: unknown }).definedNames).toEqual({ 单位: "表!$A$1", 两段: "表!$A$1,表!$B$1" });
    expect(answer(zip(pkg()))).not.toHaveProperty("definedNames");
  });
});

describe("styles and shared strings", () => {
  const cells = `<c r="A1" s="0"><v>1</v></c><c r="B1" s="1"><v>2</v></c><c r="C1" s="2"><v>3</v></c><c r="D1" s="3"><v>4</v></c><c r="E1" s="4"><v>5</v></c><c r="F1" s="9"><v>6</v></c>`;
  const styles =
    `<styleSheet xmlns="${NS}"><numFmts><numFmt numFmtId="164" formatCode="0.0&quot;万&quot;"/><numFmt numFmtId="x" formatCode="bad"/><numFmt numFmtId="165"/><numFmt numFmtId="9" formatCode="0.0%"/></numFmts>` +
    `<cellStyleXfs><xf numFmtId="164"/></cellStyleXfs>` +
    `<cellXfs><xf numFmtId="164"/><xf/><xf numFmtId="9"/><xf numFmtId="165"/><xf numFmtId="14"/></cellXfs><cellStyles><xf numFmtId="164"/></cellStyles></styleSheet>`;

  it("number formats: custom by id (a custom id overrides a built-in), built-in, General; only cellXfs count", () => {
    const grid = answer(zip(pkg({ "xl/styles.xml": styles }, [{ name: "表", xml: sheet(cells) }])));
    expect(grid).toMatchObject({
      sheets: [{ cells: { A1: { numFmt: '0.0"万"' }, B1: { numFmt: G }, C1: { numFmt: "0.0%" }, D1: { numFmt: G }, E1: { numFmt: "mm-dd-yy" }, F1: { numFmt: G } } }],
    });
  });

  it("styles and shared strings found through the workbook's relationships, under other names", () => {
    const rels = wbRels(rel("rId1", "worksheet", "worksheets/sheet1.xml") + rel("rId2", "styles", "look.xml") + rel("rId3", "sharedStrings", "words.xml"));
    const files = pkg({ "xl/_rels/workbook.xml.rels": rels, "xl/look.xml": styles, "xl/words.xml": `<sst xmlns="${NS}"><si><t>词</t></si></sst>` }, [
      { name: "表", xml: sheet(`<c r="A1" s="0" t="s"><v>0</v></c>`) },
    ]);
    files["xl/styles.xml"] = strToU8("<bad");
    files["xl/sharedStrings.xml"] = strToU8("<bad");
    expect(answer(zip(files))).toMatchObject({ sheets: [{ cells: { A1: { value: "词", numFmt: '0.0"万"' } } }] });
  });

  it.each<[string, string, ReturnType<typeof failure>]>([
    ["styles not well formed", "xl/styles.xml", ["CORRUPT_ZIP", "styles.xml 格式错误：Unclosed element styleSheet."]],
    ["shared strings not well formed", "xl/sharedStrings.xml", ["CORRUPT_ZIP", "sharedStrings.xml 格式错误：Unclosed element sst."]],
  ])("%s", (_what, part, expected) => {
    const root = part.includes("styles") ? "styleSheet" : "sst";
    expect(failure(zip(pkg({ [part]: `<${root} xmlns="${NS}">` })))).toEqual(expected);
  });

  it("a sheet's failure names the sheet, with the scanner's detail or without one", () => {
    expect(failure(zip(pkg({}, [{ name: "甲", xml: sheet(`<c r="A1" t="s"><v>3</v></c>`) }])))).toEqual(["CORRUPT_ZIP", "工作表“甲”：共享字符串 3 不存在"]);
    expect(failure(zip(pkg({}, [{ name: "甲", xml: `<!DOCTYPE x><worksheet/>` }])))).toEqual(["UNSAFE_XML", "xl/worksheets/sheet1.xml"]);
  });

  it("past the deadline after a sheet: READ_TIMEOUT", () => {
    expect(failure(zip(pkg()), { limits: { timeoutMs: -1 } })).toEqual(["READ_TIMEOUT", null]);
    expect(failure(zip(pkg()), { limits: { timeoutMs: 60_000 } })).toBe("read");
  });
});

describe("never throws", () => {
  it("an inflater that throws (an adapter's bug) comes back as CORRUPT_ZIP 无法读取：its message, cut to 100", () => {
    const files = pkg();
    const bytes = zip(files);
    const throwing = (e: unknown) => ({ inflateRaw: () => { throw e; }, crc32: () => 0 });
    expect(failure(bytes, { codec: throwing(new Error("坏".repeat(150))) })).toEqual(["CORRUPT_ZIP", `无法读取：${"坏".repeat(100)}`]);
    expect(failure(bytes, { codec: throwing("not an Error") })).toEqual(["CORRUPT_ZIP", "无法读取：未知错误"]);
  });
});

describe("the part memo inside a read", () => {
  const styles = `<styleSheet xmlns="${NS}"><cellXfs><xf numFmtId="10"/></cellXfs></styleSheet>`;
  const files = () => pkg({ "xl/styles.xml": styles }, [{ name: "表", xml: sheet(`<c r="A1" s="0"><v>0.5</v></c>`) }]);

  it("a second file with the same workbook, relationships and styles is answered from the memo, the same grid, a copy of its names", () => {
    const f = files();
    f["xl/workbook.xml"] = strToU8(workbook(`<sheets><sheet name="表" sheetId="1" r:id="rId1"/></sheets><definedNames><definedName name="甲">表!$A$1</definedName></definedNames>`));
    const bytes = zip(f);
    const memo = new PartMemo();
    const first = answer(bytes, { memo });
    expect(memo.hits).toBe(0);
    const second = answer(bytes, { memo });
    expect(memo.hits).toBe(3);
    expect(second).toEqual(first);
    expect(first).toEqual({ sheets: [{ name: "表", state: "visible", rowCount: 1, cells: { A1: { value: 0.5, numFmt: "0.00%" } } }], definedNames: { 甲: "表!$A$1" } });
    (first as { definedNames: Record<string, string> }).definedNames["乙"] = "x";
    expect(answer(bytes, { memo })).toEqual(second);
  });

  it("a part that fails to parse is not remembered", () => {
    const bad = zip(pkg({ "xl/styles.xml": "<styleSheet>" }));
    const memo = new PartMemo();
    expect(failure(bad, { memo })).toEqual(["CORRUPT_ZIP", "styles.xml 格式错误：Unclosed element styleSheet."]);
    expect(failure(bad, { memo })).toEqual(["CORRUPT_ZIP", "styles.xml 格式错误：Unclosed element styleSheet."]);
    // The workbook and its relationships were remembered, the styles not.
    expect(memo.hits).toBe(2);
  });
});
