/**
 * The library workbook as an administrator opens it (templates/library/write.ts), read
 * with exceljs inside the test: frozen header rows, column widths, the pick-lists on 类型 and
 * 重点指标 down to row 500, number formats of the two limit columns, a group without an
 * English name, the rules' 是/否 flags.
 */
// @ts-nocheck

import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { BUILTIN, type Catalogue } from "../templates/catalogue";
import { INDICATOR_COLUMNS } from "../templates/library/format";
import { writeLibraryXlsx } from "../templates/library/write";

async function open(cat?: Catalogue): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await writeLibraryXlsx(cat)) as unknown as ArrayBuffer);
  return wb;
}

describe("the library workbook", () => {
  it("sheets, frozen headers, widths, pick-lists and formats", async () => {
    const wb = await open();
    expect(wb.worksheets.map((w) => w.name)).toEqual(["指标", "分组", "规则设置", "报表信息"]);
    const ind = wb.getWorksheet("指标")!;
    for (const name of ["指标", "分组", "规则设置"]) expect(wb.getWorksheet(name)!.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    // exceljs reads a width equal to its default (9) back as none.
    expect(INDICATOR_COLUMNS.map((_c, i) => ind.getColumn(i + 1).width ?? 9)).toEqual(INDICATOR_COLUMNS.map((c) => c.width));
    expect(ind.getCell("A1").font).toMatchObject({ bold: true });
    expect(ind.getCell("B2").font).toMatchObject({ size: 10 });
    expect(ind.getCell("A1").value).toBe("代码");
    for (const r of [2, 51, 500]) {
      expect(ind.getCell(`E${r}`).dataValidation).toMatchObject({ type: "list", formulae: ['"数量,金额,比重"'], showErrorMessage: true, errorTitle: "类型", error: "请选择：数量、金额或比重。" });
      expect(ind.getCell(`N${r}`).dataValidation).toMatchObject({ type: "list", formulae: ['"是,否"'] });
    }
    expect(ind.getCell("E501").dataValidation).toBeUndefined();
    // Only the two limit columns have a number format (one shared style object once made every cell "0%":
    // a 乡镇上限 of 100000 showed as 10000000%, and 1000 typed into 单位错填倍数 would have been stored as 10).
    expect(["L2", "M4", "B2", "A4", "L4"].map((a) => ind.getCell(a).numFmt)).toEqual(["#,##0", "0%", undefined, undefined, "#,##0"]);
    expect(["C2", "C4"].map((a) => wb.getWorksheet("规则设置")!.getCell(a).numFmt)).toEqual([undefined, undefined]);
    expect(wb.getWorksheet("报表信息")!.getCell("B2").numFmt).toBeUndefined();
    expect([ind.getCell("M4").value, ind.getCell("M2").value]).toEqual([0.3, null]);
    expect([ind.getCell("G17").value, ind.getCell("H30").value, ind.getCell("I2").value, ind.getCell("N2").value, ind.getCell("N3").value]).toEqual(["C02、C03、C04", "D01", "A02", "是", ""]);
    expect(wb.getWorksheet("分组")!.getColumn(3).width).toBe(36);
    expect(wb.getWorksheet("报表信息")!.getCell("A1").font).toMatchObject({ bold: true });
    expect(wb.creator).toBe("huizong");
  });

  it("pick-lists reach 200 rows past a long library; a group without an English name; a warning that needs no note", async () => {
    const many = Array.from({ length: 400 }, (_, i) => ({ ...BUILTIN.indicators[0]!, code: `Z${i}`, partOf: undefined, headline: false }));
    const wb = await open({
      ...BUILTIN,
      groups: [{ code: "A", name: "投入" }],
      indicators: many,
      rules: { ...BUILTIN.rules, explain: BUILTIN.rules.explain.filter((r) => r !== "UNIT_SLIP") },
    });
    const ind = wb.getWorksheet("指标")!;
    expect(ind.getCell("E600").dataValidation).toMatchObject({ type: "list" });
    expect(ind.getCell("E601").dataValidation).toBeUndefined();
    expect(wb.getWorksheet("分组")!.getRow(2).values).toEqual([undefined, "A", "投入", ""]);
    const rules = wb.getWorksheet("规则设置")!;
    expect([rules.getCell("B8").value, rules.getCell("C8").value, rules.getCell("C7").value]).toEqual(["EXPLAIN:UNIT_SLIP", "否", "是"]);
  });
});
