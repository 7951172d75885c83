/**
 * Files from other programs: a filled template written back by SheetJS,
 * LibreOffice (re-saved, via .ods, via .xls) and openpyxl reads with the same
 * figures; other writers' byte habits (XML encodings, backslash names,
 * `_xHHHH_` escapes, a macro content type without macros) read; and every
 * spreadsheet format that is not .xlsx gets a refusal naming the real format
 * and saying how to save as .xlsx in Excel and in WPS.
 */
// @ts-nocheck

import { strFromU8, unzipSync, zipSync } from "fflate";
import type * as XLSX from "xlsx";
import { beforeAll, describe, expect, it } from "vitest";
import { readErrorMessage, type ReadErrorCode } from "../templates/errors";
import type { Inspection } from "../templates/inspect";
import { readXlsxGrid } from "../templates/xlsx";
import { makeMacroContentTypeOnly, packageSheets, smallXlsx } from "./fixtures/bad-files";
import { addParts, backslashNames, editPart, libreOffice, openpyxl, reencodeXmlParts, sheetjs, type XmlEncoding } from "./fixtures/foreign-files";
import { goodFill, goodWorkbook, inspectFail, inspectOk, setCells, tuples, valueEdit } from "./support/workbooks";

/** What must survive any writer: every typed figure, the cover, the narrative, and the findings. */
function figures(i: Inspection) {
  return { findings: tuples(i), unit: i.record?.unit, period: i.record?.period, values: i.record?.values, narrative: i.record?.narrative };
}

let original: Uint8Array;
let expected: ReturnType<typeof figures>;
beforeAll(async () => {
  original = await goodWorkbook();
  expected = figures(inspectOk(original));
});

describe("a filled template written back by another program reads with the same figures", () => {
  it("the expectation itself is the fill: 47 typed figures, no findings", () => {
    const fill = goodFill();
    expect(expected.findings).toEqual([]);
    expect(Object.keys(expected.values ?? {})).toHaveLength(47);
    for (const [code, v] of Object.entries(fill.values!)) expect(expected.values![code], code).toMatchObject({ current: v.current, prior: v.prior });
  });

  it("SheetJS (declares the macro-enabled bin type without any macro)", () => {
    const bytes = sheetjs(original, "xlsx");
    const types = strFromU8(unzipSync(bytes)["[Content_Types].xml"]!);
    expect(types).toMatch(/macroEnabled/);
    expect(Object.keys(unzipSync(bytes)).filter((n) => /vbaProject|macrosheets|activeX/i.test(n))).toEqual([]);
    expect(figures(inspectOk(bytes))).toEqual(expected);
  });

  it("SheetJS, with findings: the same rules at the same cells", async () => {
    const edited = await setCells(original, [valueEdit("D07", "current", 300), valueEdit("D07", "prior", 60), valueEdit("B01", "current", "约20")]);
    const a = inspectOk(edited);
    expect(tuples(a)).toEqual([
      ["NUMBER_APPROXIMATE", "error", "指标!E18"],
      ["GROWTH_IMPLAUSIBLE", "warning", "指标!E43"],
    ]);
    expect(tuples(inspectOk(sheetjs(edited, "xlsx")))).toEqual(tuples(a));
  });

  it("openpyxl (load, save)", () => {
    expect(figures(inspectOk(openpyxl(original)))).toEqual(expected);
  }, 60_000);

  it.each(["xlsx", "ods", "xls"] as const)("LibreOffice via %s", async (via) => {
    expect(figures(inspectOk(await libreOffice(original, via)))).toEqual(expected);
  }, 240_000);
});

describe("other writers' byte habits", () => {
  it.each<XmlEncoding>(["utf-16be", "utf-16be-bom", "utf-16le", "utf-16le-bom", "utf-8-bom", "gb18030", "windows-1252"])(
    "every XML part in %s reads with the same figures",
    (enc) => {
      const bytes = reencodeXmlParts(original, enc);
      expect(figures(inspectOk(bytes))).toEqual(expected);
    },
  );

  it("an XML part in an encoding nobody knows is refused, naming the part", () => {
    const bytes = editPart(original, "xl/workbook.xml", (x) => x.replace(/^<\?xml[^?]*\?>/, '<?xml version="1.0" encoding="x-unknown-99"?>'));
    const f = inspectFail(bytes);
    expect(f.code).toBe("CORRUPT_ZIP");
    expect(f.detail).toBe("xl/workbook.xml 声明了无法识别的字符编码");
  });

  it("backslash entry names (docProps\\app.xml, xl\\worksheets\\…) are read as folders", () => {
    const bytes = backslashNames(original, (n) => n.startsWith("docProps/") || n.startsWith("xl/worksheets/"));
    expect(Object.keys(unzipSync(bytes)).filter((n) => n.includes("\\")).length).toBeGreaterThan(4);
    expect(figures(inspectOk(bytes))).toEqual(expected);
  });

  it("a macro-enabled content type with no macro part reads", async () => {
    const r = readXlsxGrid(await makeMacroContentTypeOnly());
    expect(r.ok && r.grid.sheets.map((s) => s.name)).toEqual(["科技投入", "元数据"]);
  });

  it("_xHHHH_ escapes are decoded in the cached text of formula cells and in inline strings", () => {
    const sheet =
      `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">` +
      `<c r="A1" t="str"><f>B1&amp;C1</f><v>第一行_x000D__x000A_第二行</v></c>` +
      `<c r="B1" t="str"><v>_x005F_x0041_ 保持原样</v></c>` +
      `<c r="C1" t="inlineStr"><is><t>甲_x0009_乙</t></is></c>` +
      `</row></sheetData></worksheet>`;
    const r = readXlsxGrid(zipSync(packageSheets([{ name: "数据", xml: sheet }])));
    if (!r.ok) throw new Error(r.message);
    const cells = r.grid.sheets[0]!.cells;
    expect([cells["A1"]?.value, cells["B1"]?.value, cells["C1"]?.value]).toEqual(["第一行\r\n第二行", "_x0041_ 保持原样", "甲\t乙"]);
  });
});

/** The instructions every "not an .xlsx" refusal ends with. */
const SAVE_IN_EXCEL = "请用 Excel 打开，点“文件 → 另存为”，保存类型选“Excel 工作簿（*.xlsx）”";
const SAVE_IN_WPS = "用 WPS 表格打开，点“文件 → 另存为”，文件类型选“Microsoft Excel 文件（*.xlsx）”";

const REFUSALS: { name: string; make: () => Promise<Uint8Array>; code: ReadErrorCode; names: string; detail?: string }[] = [
  { name: "SheetJS .xlsb", make: async () => sheetjs(await goodWorkbook(), "xlsb"), code: "NOT_XLSX_XLSB", names: "Excel 二进制工作簿（.xlsb）" },
  { name: "SheetJS .ods", make: async () => sheetjs(await goodWorkbook(), "ods"), code: "NOT_XLSX_ODS", names: "OpenDocument 电子表格（.ods" },
  { name: "LibreOffice .ods", make: async () => (await import("./fixtures/bad-files")).libreOfficeConvert(await smallXlsx(), "a.xlsx", "ods"), code: "NOT_XLSX_ODS", names: "OpenDocument 电子表格（.ods" },
  { name: "SheetJS flat .fods", make: async () => sheetjs(await goodWorkbook(), "fods"), code: "NOT_XLSX_ODS", names: "OpenDocument 电子表格（.ods" },
  { name: "SheetJS Excel 2003 XML", make: async () => sheetjs(await goodWorkbook(), "xlml"), code: "NOT_XLSX_XML2003", names: "Excel 2003 XML 电子表格" },
  { name: "SheetJS BIFF2 .xls", make: async () => sheetjs(await smallXlsx(), "biff2"), code: "NOT_XLSX_XLS", names: "旧版 Excel 文件（.xls", detail: "Excel 2.x–5.0 工作表格式" },
  { name: "SheetJS BIFF3 .xls", make: async () => sheetjs(await smallXlsx(), "biff3" as XLSX.BookType), code: "NOT_XLSX_XLS", names: "旧版 Excel 文件（.xls", detail: "Excel 2.x–5.0 工作表格式" },
  { name: "SheetJS BIFF4 .xls", make: async () => sheetjs(await smallXlsx(), "biff4" as XLSX.BookType), code: "NOT_XLSX_XLS", names: "旧版 Excel 文件（.xls", detail: "Excel 2.x–5.0 工作表格式" },
  { name: "SheetJS BIFF8 .xls", make: async () => sheetjs(await smallXlsx(), "biff8"), code: "NOT_XLSX_XLS", names: "旧版 Excel 文件（.xls" },
  {
    name: "Excel 4.0 macro sheet",
    make: async () => addParts(await smallXlsx(), { "xl/macrosheets/sheet1.xml": "<xm:macrosheet xmlns:xm=\"http://schemas.microsoft.com/office/excel/2006/main\"/>" }),
    code: "XLSM_MACROS",
    names: "宏",
    detail: "Excel 4.0 宏表",
  },
  { name: "ActiveX control", make: async () => addParts(await smallXlsx(), { "xl/activeX/activeX1.xml": "<ax:ocx xmlns:ax=\"http://schemas.microsoft.com/office/2006/activeX\"/>" }), code: "XLSM_MACROS", names: "宏", detail: "ActiveX 控件" },
];

describe("every spreadsheet that is not an .xlsx is named and told how to save as .xlsx", () => {
  it.each(REFUSALS)("$name → $code", async ({ make, code, names, detail }) => {
    const f = inspectFail(await make());
    expect(f.code).toBe(code);
    expect(f.detail).toBe(detail);
    expect(f.message).toContain(names);
    expect(f.message).toContain(SAVE_IN_EXCEL);
    expect(f.message).toContain(SAVE_IN_WPS);
  }, 120_000);

  it.each<ReadErrorCode>(["NOT_XLSX_XLS", "NOT_XLSX_XLSB", "NOT_XLSX_ODS", "NOT_XLSX_XML2003", "NOT_XLSX_HTML", "NOT_XLSX_CSV", "NOT_XLSX_UNKNOWN", "NOT_OOXML", "XLSM_MACROS"])(
    "%s says how in Excel and in WPS",
    (code) => {
      expect(readErrorMessage(code)).toContain(SAVE_IN_EXCEL);
      expect(readErrorMessage(code)).toContain(SAVE_IN_WPS);
    },
  );
});
