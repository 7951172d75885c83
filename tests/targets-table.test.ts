/**
 * 目标任务分解表: the blank table from the roster (headers, the city's own row,
 * the units), read back with our own reader, and one case per validation
 * error — each at its cell, in Chinese, with its English code.
 */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { buildTargetWorkbook } from "../templates/targets/workbook";
import { readTargetWorkbook, type TargetProblem } from "../templates/targets/read";
import { TARGET_INDICATORS } from "../templates/targets/table";
import { readXlsxGrid } from "../templates/xlsx/index";
import { sheetByName } from "../templates/grid";
import { buildTemplate } from "../templates/build";
import { editWorkbook } from "./support/workbooks";

const CITY = { code: "330100000000", name: "示例市" };
const UNITS = [
  { code: "330102000000", name: "示例区" },
  { code: "330102001000", name: "青阳镇" },
  { code: "330102002000", name: "清河街道" },
];
const ROSTER = UNITS.map((u) => u.code);

async function filledTable(): Promise<Uint8Array> {
  return buildTargetWorkbook({
    year: 2026,
    own: { ...CITY, values: { D01: 700, D05: 340, A04: 1000 } },
    units: [
      { ...UNITS[0]!, values: { D01: 300 } },
      { ...UNITS[1]!, values: { D01: 120, D05: 50, E02: 2500.5 } },
      { ...UNITS[2]!, values: { D01: 60 } },
    ],
  });
}

describe("the blank table", () => {
  it("has the city's own row first, then the roster's units, and a column per target indicator headed 代码 名称（单位）", async () => {
    const bytes = await buildTargetWorkbook({ year: 2026, own: CITY, units: UNITS });
    const g = readXlsxGrid(bytes);
    if (!g.ok) throw new Error(g.message);
    const ws = sheetByName(g.grid, "目标任务分解")!;
    const v = (a: string) => ws.cells[a]?.value ?? null;
    expect([v("A1"), v("A2"), v("B2"), v("A4"), v("B4"), v("C4"), v("S4"), v("AK4")]).toEqual(["2026年度科技工作目标任务分解表", "年度", 2026, "区划代码", "单位名称", "A01 财政科技拨款（万元）", "D01 专利申请（件）", "G05 科技咨询（人次）"]);
    expect([v("A5"), v("B5"), v("A6"), v("B6"), v("A8"), v("B8"), v("A9")]).toEqual(["330100000000", "示例市（本级）", "330102000000", "示例区", "330102002000", "清河街道", null]);
    // 35 of the 47 summed indicators: no "其中" item, no ratio denominator (budget, GDP, industrial output).
    expect(TARGET_INDICATORS.map((i) => i.code).join(",")).toBe("A01,A04,A07,A10,B01,B02,B03,B04,B05,C01,C05,C06,C07,C08,C11,C12,D01,D05,D07,D08,E01,E02,E03,E04,E05,E06,F01,F02,F03,F04,G01,G02,G03,G04,G05");
    expect(readTargetWorkbook(bytes, { units: ROSTER, year: 2026 })).toEqual({
      ok: true,
      table: { year: 2026, own: { ...CITY, values: {} }, units: UNITS.map((u) => ({ ...u, values: {} })) },
    });
  });

  it("reads a filled table back: the city's own targets apart from the units'", async () => {
    const r = readTargetWorkbook(await filledTable(), { units: ROSTER, year: 2026 });
    expect(r).toEqual({
      ok: true,
      table: {
        year: 2026,
        own: { ...CITY, values: { A04: 1000, D01: 700, D05: 340 } },
        units: [
          { ...UNITS[0], values: { D01: 300 } },
          { ...UNITS[1], values: { D01: 120, D05: 50, E02: 2500.5 } },
          { ...UNITS[2], values: { D01: 60 } },
        ],
      },
    });
  });
});

const S = "目标任务分解";
/** One edit → exactly one problem. */
const CASES: Array<[string, Record<string, string | number>, TargetProblem]> = [
  [
    "a unit code not on the roster",
    { A7: "330102099000" },
    { code: "TARGET_UNIT_UNKNOWN", sheet: S, cell: "A7", message: "目标任务分解!A7的区划代码 330102099000（青阳镇）不在报送单位名单中。请核对代码，或先把该单位加入名单后再上传。" },
  ],
  [
    "a unit code of the wrong shape",
    { A8: "33010200200" },
    { code: "TARGET_UNIT_CODE_FORMAT", sheet: S, cell: "A8", message: "目标任务分解!A8“清河街道”的区划代码“33010200200”应为12位数字，请核对。" },
  ],
  [
    "a unit listed twice",
    { A8: "330102001000" },
    { code: "TARGET_UNIT_DUPLICATE", sheet: S, cell: "A8", message: "目标任务分解!A8的区划代码 330102001000（清河街道）与目标任务分解!A7重复，每个单位只能有一行。请合并后删除多余的行。" },
  ],
  [
    "an unknown indicator code in a header",
    { AL4: "Z99 其他目标（项）" },
    { code: "TARGET_INDICATOR_UNKNOWN", sheet: S, cell: "AL4", message: "表头目标任务分解!AL4“Z99 其他目标（项）”不是指标库中的指标代码。请删除该列，或改回空白表的表头（如“D01 专利申请（件）”）。" },
  ],
  [
    "a header naming an indicator no target is set for (a ratio)",
    { AL4: "A03 财政科技拨款占财政支出比重（%）" },
    { code: "TARGET_INDICATOR_UNKNOWN", sheet: S, cell: "AL4", message: "表头目标任务分解!AL4“A03 财政科技拨款占财政支出比重（%）”：“财政科技拨款占财政支出比重”不是可下达目标的指标（比重、“其中”项和分母类指标不下达目标）。请删除该列，或改回空白表的表头（如“D01 专利申请（件）”）。" },
  ],
  [
    "text in a target cell",
    { S7: "约120" },
    { code: "TARGET_NOT_NUMBER", sheet: S, cell: "S7", message: "目标任务分解!S7（青阳镇“专利申请”）填的是“约120”，目标只能填数字（单位：件），不要带单位或文字；没有目标的留空。" },
  ],
  [
    "a negative target",
    { T5: -5 },
    { code: "TARGET_NEGATIVE", sheet: S, cell: "T5", message: "目标任务分解!T5（示例市（本级）“专利授权”）为负数 -5，目标应不小于0。请改正。" },
  ],
  [
    "a year that is not a year",
    { B2: "明年" },
    { code: "TARGET_YEAR_INVALID", sheet: S, cell: "B2", message: "年度（目标任务分解!B2）为“明年”，请填写4位年份，如 2026。" },
  ],
  [
    "a table of another year",
    { B2: 2025 },
    { code: "TARGET_YEAR_MISMATCH", sheet: S, cell: "B2", message: "本表的年度（目标任务分解!B2）为 2025，但上传到了 2026 年。请核对年度，或上传到 2025 年。" },
  ],
];

describe("validation: one problem per case, at its cell", () => {
  it.each(CASES)("%s", async (_name, edits, problem) => {
    const bytes = await editWorkbook(await filledTable(), (wb) => {
      const ws = wb.getWorksheet(S)!;
      for (const [cell, value] of Object.entries(edits)) ws.getCell(cell).value = value;
    });
    const r = readTargetWorkbook(bytes, { units: ROSTER, year: 2026 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect([r.code, r.problems]).toEqual(["TARGETS_INVALID", [problem]]);
    expect(r.message).toBe(`目标任务分解表有 1 处问题，未采用：${problem.sheet}!${problem.cell} ${problem.message}`);
  });

  it("every problem of a table is listed, not only the first", async () => {
    const bytes = await editWorkbook(await filledTable(), (wb) => {
      const ws = wb.getWorksheet(S)!;
      ws.getCell("S7").value = "约120";
      ws.getCell("T5").value = -5;
      ws.getCell("A7").value = "330102099000";
    });
    const r = readTargetWorkbook(bytes, { units: ROSTER });
    expect(r.ok ? [] : r.problems.map((p) => `${p.code}@${p.cell}`)).toEqual(["TARGET_NEGATIVE@T5", "TARGET_UNIT_UNKNOWN@A7", "TARGET_NOT_NUMBER@S7"]);
  });

  it("a workbook that is not a target table (a report template) is refused as such", async () => {
    const r = readTargetWorkbook(await buildTemplate());
    expect(r).toEqual({
      ok: false,
      code: "TARGETS_NOT_TABLE",
      message: "文件中找不到“目标任务分解”工作表（第4行表头应为“区划代码、单位名称、各指标”）。请用 huizong targets 或系统下载的空白目标任务分解表填写后上传。",
      problems: [],
    });
  });
});

describe("the table as the city's clerk opens and prints it", () => {
  const BORDER = "FF8EA9DB";
  const open = async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await filledTable()) as unknown as ArrayBuffer);
    return { wb, ws: wb.getWorksheet("目标任务分解")! };
  };

  it("frozen at the units' codes and names, landscape A4 one page wide with the headers on every page, columns sized", async () => {
    const { wb, ws } = await open();
    expect(wb.creator).toBe("huizong");
    expect(ws.views[0]).toMatchObject({ state: "frozen", xSplit: 2, ySplit: 4, showGridLines: false });
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:4" });
    expect([ws.getColumn(1).width, ws.getColumn(2).width, ws.getColumn(3).width, ws.getColumn(37).width]).toEqual([15, 22, 14, 14]);
    expect(ws.columnCount).toBe(37);
  });

  it("the title over every column, bold and centred; the hint beside the year, small, grey, wrapped", async () => {
    const { ws } = await open();
    expect((ws as unknown as { _merges: Record<string, { model: { top: number; left: number; bottom: number; right: number } }> })._merges.A1!.model).toEqual({ top: 1, left: 1, bottom: 1, right: 37 });
    expect(ws.getCell("A1").font).toMatchObject({ name: "宋体", size: 16, bold: true });
    expect(ws.getCell("A1").alignment).toMatchObject({ horizontal: "center" });
    expect([ws.getCell("A2").value, ws.getCell("B2").value, ws.getCell("B2").fill]).toEqual(["年度", 2026, { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } }]);
    expect(ws.getCell("AK3").master.address).toBe("C2");
    expect(String(ws.getCell("C2").value)).toMatch(/^说明：第5行为本级目标/);
    expect(ws.getCell("C2").font).toMatchObject({ name: "宋体", size: 9, color: { argb: "FF595959" } });
    expect(ws.getCell("C2").alignment).toMatchObject({ wrapText: true, vertical: "top" });
  });

  it("headers bold, shaded, bordered, centred and wrapped in a tall row", async () => {
    const { ws } = await open();
    expect(ws.getRow(4).height).toBe(42);
    for (const a of ["A4", "B4", "S4", "AK4"]) {
      const c = ws.getCell(a);
      expect(c.font).toMatchObject({ name: "宋体", size: 10, bold: true });
      expect(c.fill).toEqual({ type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } });
      expect(c.border).toMatchObject({ top: { style: "thin", color: { argb: BORDER } }, bottom: { style: "thin", color: { argb: BORDER } } });
      expect(c.alignment).toMatchObject({ horizontal: "center", vertical: "middle", wrapText: true });
    }
  });

  it("the city's own row bold on grey, the units' rows plain on the input colour; codes kept as text; counts without decimals, amounts with two", async () => {
    const { ws } = await open();
    for (const [row, bold, fill] of [[5, true, "FFEDEDED"], [6, false, "FFFFF2CC"], [8, false, "FFFFF2CC"]] as const) {
      // exceljs reads a font that is not bold as bold undefined.
      expect([ws.getCell(`A${row}`).numFmt, Boolean(ws.getCell(`A${row}`).font.bold), Boolean(ws.getCell(`B${row}`).font.bold)]).toEqual(["@", bold, bold]);
      expect(ws.getCell(`B${row}`).border).toMatchObject({ left: { style: "thin", color: { argb: BORDER } } });
      for (const col of ["C", "S", "AK"]) {
        const c = ws.getCell(`${col}${row}`);
        expect([Boolean(c.font.bold), c.font.size, c.fill]).toEqual([bold, 10, { type: "pattern", pattern: "solid", fgColor: { argb: fill } }]);
        expect(c.border).toMatchObject({ right: { style: "thin", color: { argb: BORDER } } });
      }
    }
    // C is A01 (万元), S is D01 (件).
    expect([ws.getCell("C6").numFmt, ws.getCell("S6").numFmt]).toEqual(["#,##0.00", "#,##0"]);
    expect([ws.getCell("S5").value, ws.getCell("S7").value, ws.getCell("C7").value]).toEqual([700, 120, null]);
  });
});
