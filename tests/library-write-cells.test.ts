/**
 * The library workbook's cells that tests/library-workbook.test.ts leaves unread
 * (templates/library/write.ts): the widths of 分组, 规则设置 and 报表信息, blank cells that
 * still carry the body style (borders on an empty 乡镇上限), pick-lists that allow a blank, the
 * 说明 of each note flag, the styles of every 报表信息 row, an indicator's 说明, a 其中 without
 * its total, and a ratio limit on what is not a ratio (never written). Read with exceljs.
 */
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { BUILTIN, type Catalogue, type Indicator } from "../templates/catalogue";
import { EXPLAIN_ROWS, INFO_ROWS } from "../templates/library/format";
import { writeLibraryXlsx } from "../templates/library/write";

async function open(cat?: Catalogue): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await writeLibraryXlsx(cat)) as unknown as ArrayBuffer);
  return wb;
}

const THIN = { style: "thin" };

let builtin: ExcelJS.Workbook;
beforeAll(async () => {
  builtin = await open();
}, 60_000);

describe("widths of the other three sheets", () => {
  it.each<[string, number[]]>([
    ["分组", [8, 20, 36]],
    ["规则设置", [28, 30, 10, 64]],
    ["报表信息", [14, 40]],
  ])("%s", (sheet, widths) => {
    const ws = builtin.getWorksheet(sheet)!;
    expect(widths.map((_w, i) => ws.getColumn(i + 1).width)).toEqual(widths);
  });
});

describe("body cells", () => {
  it.each<[string, string, unknown]>([
    ["an empty 乡镇上限 (A03 has none)", "L4", null],
    ["an empty 比重上限 (A01 is no ratio)", "M2", null],
    ["an empty 重点指标", "N3", ""],
    ["an empty 说明", "O2", ""],
    ["a filled 代码", "A2", "A01"],
  ])("%s keeps the body style", (_name, addr, value) => {
    const c = builtin.getWorksheet("指标")!.getCell(addr);
    expect(c.value).toEqual(value);
    expect(c.font).toMatchObject({ size: 10 });
    expect(c.border).toMatchObject({ top: THIN, left: THIN, bottom: THIN, right: THIN });
  });

  it("the pick-lists of 类型 and 重点指标 allow a blank", () => {
    const ind = builtin.getWorksheet("指标")!;
    for (const r of [2, 300, 500]) {
      expect(ind.getCell(`E${r}`).dataValidation).toMatchObject({ allowBlank: true });
      expect(ind.getCell(`N${r}`).dataValidation).toMatchObject({ allowBlank: true });
    }
  });

  it("each note flag of 规则设置 says what 否 means", () => {
    const rules = builtin.getWorksheet("规则设置")!;
    const rows = EXPLAIN_ROWS.map((_r, i) => rules.getRow(6 + i).values);
    expect(rows).toEqual(EXPLAIN_ROWS.map((r) => [undefined, r.label, `EXPLAIN:${r.rule}`, "是", "填“否”则该提示不要求在备注中说明"]));
  });

  it("every row of 报表信息: a bold label in A, the value in B, both with borders", () => {
    const info = builtin.getWorksheet("报表信息")!;
    const values = [BUILTIN.id, BUILTIN.version, BUILTIN.title, BUILTIN.formHeader.formNumber, BUILTIN.formHeader.issuer, BUILTIN.formHeader.approval, BUILTIN.formHeader.validUntil];
    INFO_ROWS.forEach((row, i) => {
      const a = info.getCell(`A${i + 1}`);
      const b = info.getCell(`B${i + 1}`);
      expect([a.value, b.value]).toEqual([row.label, values[i]]);
      expect(a.font).toMatchObject({ bold: true });
      expect(a.border).toMatchObject({ top: THIN, bottom: THIN });
      expect(b.font).toMatchObject({ size: 10 });
      expect(b.border).toMatchObject({ top: THIN, left: THIN, bottom: THIN, right: THIN });
    });
    expect(info.rowCount).toBe(INFO_ROWS.length);
  });
});

describe("indicator fields that the built-in library does not use", () => {
  const ind = (i: Partial<Indicator> & { code: string }): Indicator => ({ name: `指标${i.code}`, nameEn: "", unit: "项", kind: "count", group: "A", aggregate: "sum", ...i });
  let ws: ExcelJS.Worksheet;
  beforeAll(async () => {
    const wb = await open({
      ...BUILTIN,
      groups: [{ code: "A", name: "测试" }],
      indicators: [
        ind({ code: "T01", notes: "含线上活动，按场次计。" }),
        ind({ code: "T02", ofWhich: true }),
        ind({ code: "T03", plausibleMaxRatio: 0.4 }),
        ind({ code: "T04", kind: "ratio", numerator: "T01", denominator: "T03", unit: "%" }),
        ind({ code: "T05", partOf: "T01" }),
      ],
    });
    ws = wb.getWorksheet("指标")!;
  }, 60_000);

  it.each<[string, string, unknown]>([
    ["an indicator's 说明", "O2", "含线上活动，按场次计。"],
    ["a 其中 without the total it belongs to: 其中属于 left empty", "H3", ""],
    ["...and 不超过 empty too", "I3", ""],
    ["a ratio limit on a count is not written", "M4", null],
    ["a ratio without its own limit: 比重上限 empty", "M5", null],
    ["a bound that is not 其中: 不超过", "I6", "T01"],
    ["...and 其中属于 empty", "H6", ""],
  ])("%s", (_name, addr, value) => {
    expect(ws.getCell(addr).value).toEqual(value);
  });
});
