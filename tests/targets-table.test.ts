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
    expect(r.message).toBe(`目标任务分解表有 1 处问题，未采用：${problem.message}`);
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

describe("reading at the edges", () => {
  type Cell = string | number | boolean | null;
  /** The table with `edits`, read as uploaded for `year` (null: no year given). */
  const read = async (edits: Record<string, Cell>, year: number | null = 2026) => {
    const bytes = await editWorkbook(await filledTable(), (wb) => {
      const ws = wb.getWorksheet(S)!;
      for (const [cell, value] of Object.entries(edits)) ws.getCell(cell).value = value;
    });
    return readTargetWorkbook(bytes, { units: ROSTER, ...(year === null ? {} : { year }) });
  };
  const problems = (r: Awaited<ReturnType<typeof read>>) => (r.ok ? [] : r.problems.map((p) => `${p.code}@${p.cell}`));

  it.each([
    ["the year 2000", 2000, []],
    ["the year 2100", 2100, []],
    ["the year 1999", 1999, ["TARGET_YEAR_INVALID@B2"]],
    ["the year 2101", 2101, ["TARGET_YEAR_INVALID@B2"]],
    ["the year with a fraction", 2026.5, ["TARGET_YEAR_INVALID@B2"]],
    ["the year typed as text", "2026", []],
    ["the year typed as text with spaces", " 2026 ", []],
  ] as const)("%s", async (_what, value, found) => {
    const r = await read({ B2: value }, null);
    expect(problems(r)).toEqual(found);
    if (r.ok) expect(r.table.year).toBe(Number(value));
  });

  it("a blank year is said to be blank", async () => {
    const r = await read({ B2: null });
    expect(r.ok ? "" : r.problems[0]!.message).toBe("年度（目标任务分解!B2）为“空”，请填写4位年份，如 2026。");
  });

  it.each([
    ["a code typed as a number", { A7: 330102001000 }, []],
    ["a code with spaces inside", { A7: "330102 001000" }, []],
    ["a code with a fraction", { A7: 330102001000.5 }, ["TARGET_UNIT_CODE_FORMAT@A7"]],
    ["the city's own code left blank", { A5: null }, []],
    ["the city's own code of the wrong shape", { A5: "3301" }, ["TARGET_UNIT_CODE_FORMAT@A5"]],
    ["a unit's code left blank", { A7: null }, ["TARGET_UNIT_CODE_FORMAT@A7"]],
    ["a target of 0", { S7: 0 }, []],
    ["a target of white space only (left blank)", { S7: "  " }, []],
    ["a target of TRUE", { S7: true }, ["TARGET_NOT_NUMBER@S7"]],
    ["a header of the code alone", { S4: "D01" }, []],
    ["a header with an ideographic space after the code", { S4: "D01　专利申请（件）" }, []],
    ["a code with a letter before its 12 digits", { A7: "A330102001000" }, ["TARGET_UNIT_CODE_FORMAT@A7"]],
    ["a header with no space after the code", { S4: "D01专利申请（件）" }, ["TARGET_INDICATOR_UNKNOWN@S4"]],
    ["a header with something before the code", { S4: "xD01 专利申请（件）" }, ["TARGET_INDICATOR_UNKNOWN@S4"]],
  ] as const)("%s", async (_what, edits, found) => {
    expect(problems(await read(edits))).toEqual(found);
  });

  it("what is read when the edges pass: a numeric code as its digits, the city's blank code, a 0 target, a blank-text target left out", async () => {
    const r = await read({ A7: 330102001000, A5: null, S7: 0, S8: "  " });
    if (!r.ok) throw new Error(r.message);
    expect(r.table.own).toEqual({ code: "", name: "示例市", values: { A04: 1000, D01: 700, D05: 340 } });
    expect(r.table.units[1]).toEqual({ code: "330102001000", name: "青阳镇", values: { D01: 0, D05: 50, E02: 2500.5 } });
    expect(r.table.units[2]).toEqual({ code: "330102002000", name: "清河街道", values: {} });
  });

  it("a column whose header is cleared is not read, and its figures are not checked", async () => {
    const r = await read({ S4: null, S7: "约120" });
    if (!r.ok) throw new Error(r.message);
    expect(r.table.units[1]!.values).toEqual({ D05: 50, E02: 2500.5 });
  });

  it("blank rows are skipped, and a row with only a name, or only a figure, is a row to correct (named by its row when it has no name)", async () => {
    const r = await read({ B10: "新设镇", S12: 5 });
    expect(r.ok ? [] : r.problems.map((p) => p.message)).toEqual(["目标任务分解!A10“新设镇”的区划代码“空”应为12位数字，请核对。", "目标任务分解!A12“第12行”的区划代码“空”应为12位数字，请核对。"]);
  });

  it("the city's row entirely blank: an own row with no code, no name and no targets", async () => {
    const r = await read(Object.fromEntries(["A5", "B5", "D5", "S5", "T5"].map((c) => [c, null])));
    if (!r.ok) throw new Error(r.message);
    expect(r.table.own).toEqual({ code: "", name: "", values: {} });
  });

  it("three problems are listed whole; a fourth is counted and the list ends in ……", async () => {
    const three = await read({ S6: "a", S7: "b", S8: "c" });
    const four = await read({ S6: "a", S7: "b", S8: "c", T6: "d" });
    const say = (cell: string, who: string, what: string, item = "专利申请", unit = "件") => `目标任务分解!${cell}（${who}“${item}”）填的是“${what}”，目标只能填数字（单位：${unit}），不要带单位或文字；没有目标的留空。`;
    // Each cell once: the message names it (it was listed as "目标任务分解!S6 目标任务分解!S6（…）").
    expect(three.ok ? "" : three.message).toBe(`目标任务分解表有 3 处问题，未采用：${say("S6", "示例区", "a")}${say("S7", "青阳镇", "b")}${say("S8", "清河街道", "c")}`);
    expect(four.ok ? "" : four.message).toBe(`目标任务分解表有 4 处问题，未采用：${say("S6", "示例区", "a")}${say("T6", "示例区", "d", "专利授权")}${say("S7", "青阳镇", "b")}……`);
  });

  it("a file that cannot be read at all, and a sheet of the right name without the 区划代码 header", async () => {
    expect(readTargetWorkbook(new TextEncoder().encode("不是表格"))).toEqual({ ok: false, code: "TARGETS_UNREADABLE", message: expect.stringMatching(/^目标任务分解表无法读取：.+/), problems: [] });
    const noHeader = await editWorkbook(await filledTable(), (wb) => {
      wb.getWorksheet(S)!.getCell("A4").value = null;
    });
    expect(readTargetWorkbook(noHeader).ok ? "" : (readTargetWorkbook(noHeader) as { code: string }).code).toBe("TARGETS_NOT_TABLE");
  });
});
