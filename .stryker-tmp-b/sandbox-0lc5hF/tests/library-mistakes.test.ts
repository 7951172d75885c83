/**
 * A library with mistakes is refused with every problem listed, each at its
 * cell with a stable code and the Chinese message an administrator reads.
 * Each case edits the built-in library workbook (as written by `huizong
 * library`) with exceljs, the way Excel would save it, and reads it back.
 */
// @ts-nocheck

import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { BUILTIN } from "../templates/catalogue";
import { readLibraryXlsx } from "../templates/library/read";
import { writeLibraryXlsx } from "../templates/library/write";
import type { LibraryProblem } from "../templates/library/problems";
import { LIBRARY_MISTAKES as cases, p, type Edit } from "./support/library-cases";


let builtin: Uint8Array;
beforeAll(async () => {
  builtin = await writeLibraryXlsx();
});

async function edited(edits: Edit[], deleteRows: [sheet: string, row: number][] = []): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(builtin as unknown as ArrayBuffer);
  for (const [sheet, cell, value] of edits) wb.getWorksheet(sheet)!.getCell(cell).value = value;
  for (const [sheet, row] of deleteRows) wb.getWorksheet(sheet)!.spliceRows(row, 1);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

function problemsOf(bytes: Uint8Array, previous = false): LibraryProblem[] {
  const r = readLibraryXlsx(bytes, previous ? { previous: BUILTIN } : {});
  if (r.ok) throw new Error("library accepted");
  expect(r.code).toBe("LIBRARY_INVALID");
  return r.problems;
}

describe("a library with a mistake is refused with the problem at its cell", () => {
  it.each(cases)("$name", async ({ edits, previous, expected }) => {
    expect(problemsOf(await edited(edits), previous)).toEqual(expected);
  });

  it("the built-in library as written reads back equal to the built-in catalogue", () => {
    const r = readLibraryXlsx(builtin, { previous: BUILTIN });
    // Same version as the previous one: the only problem is that it is not newer.
    expect(r.ok ? [] : r.problems.map((x) => x.code)).toEqual(["LIB_VERSION_NOT_NEWER"]);
    const again = readLibraryXlsx(builtin);
    if (!again.ok) throw new Error(again.message);
    const { readableVersions: _r, ...rest } = BUILTIN;
    expect(JSON.parse(JSON.stringify(again.catalogue))).toEqual(JSON.parse(JSON.stringify(rest)));
  });

  it("every problem is listed at once, in the order found", async () => {
    const bytes = await edited([
      ["指标", "A51", "G04"],
      ["指标", "K4", null],
      ["指标", "E50", "册数"],
    ]);
    const r = readLibraryXlsx(bytes);
    if (r.ok) throw new Error("accepted");
    expect(r.problems.map((x) => [x.code, `${x.sheet}!${x.cell}`])).toEqual([
      ["LIB_UNKNOWN_KIND", "指标!E50"],
      ["LIB_DUPLICATE_CODE", "指标!A51"],
      ["LIB_RATIO_INCOMPLETE", "指标!K4"],
    ]);
    expect(r.message).toBe(
      "指标库有 3 处问题，未采用。请逐项修改后重新使用：\n" +
        "指标!E50 指标!E50：类型“册数”无效，请填写“数量”“金额”或“比重”。\n" +
        "指标!A51 指标!A51：代码“G04”与A50重复。每个指标的代码必须唯一；新增的指标请用一个新代码。\n" +
        "指标!K4 指标!K4：比重“财政科技拨款占财政支出比重”没有填分母。比重＝分子÷分母，请在“分母”列填写指标代码。",
    );
  });

  it("a missing sheet and a changed header are named", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(builtin as unknown as ArrayBuffer);
    wb.removeWorksheet(wb.getWorksheet("规则设置")!.id);
    expect(problemsOf(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer))).toEqual([
      p("LIB_SHEET_MISSING", "规则设置", "A1", "找不到工作表“规则设置”。请用“huizong library”写出的指标库修改，不要删除或改名工作表。"),
    ]);
    expect(problemsOf(await edited([["指标", "L1", "上限"]]))).toEqual([p("LIB_HEADER_CHANGED", "指标", "L1", "表头应为“乡镇上限”，实际为“上限”。请不要增删、移动或改名列。")]);
  });
});
