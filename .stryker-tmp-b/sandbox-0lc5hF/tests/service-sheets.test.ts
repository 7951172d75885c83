/**
 * The two small workbooks a clerk prints (functions/service/sheets.ts), in process (the mutation run
 * uses it): 报送情况 grouped by county with every state in words, overdue and late, times in the
 * bureau's zone and the deadline's note at each edge; and the sign-in codes to hand out. Read back
 * cell by cell with our own reader.
 */
// @ts-nocheck

import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { readXlsxGrid } from "../templates/xlsx/index";
import type { GridSheet } from "../templates/grid";
import type { PeriodInfo } from "../functions/service/periods";
import type { StatusRow } from "../functions/service/reports";
import type { Roster } from "../functions/service/roster";
import { STATE_LABELS, codesWorkbook, deadlineNote, statusWorkbook } from "../functions/service/sheets";

const TZ = "Asia/Shanghai";
const ROSTER: Roster = {
  units: [
    { code: "330100000000", name: "示例市", type: "市", parent: null },
    { code: "330102000000", name: "示例区", type: "县（市、区）", parent: "330100000000" },
    { code: "330103000000", name: "邻区", type: "县（市、区）", parent: "330100000000" },
    { code: "330102001000", name: "青阳镇", type: "乡镇", parent: "330102000000" },
    { code: "330102002000", name: "清河街道", type: "街道", parent: "330102000000" },
    { code: "330103001000", name: "南山镇", type: "乡镇", parent: "330103000000" },
  ],
};
const row = (code: string, extra: Partial<StatusRow>): StatusRow => {
  const u = ROSTER.units.find((x) => x.code === code)!;
  return { code, name: u.name, type: u.type, parent: u.parent, state: "missing", version: null, seq: 0, preparer: null, submittedAt: null, submittedBy: null, warnings: 0, returnReason: null, review: null, late: false, overdue: false, ...extra };
};
const sheetOf = (bytes: Uint8Array): GridSheet => {
  const g = readXlsxGrid(bytes);
  if (!g.ok) throw new Error(g.message);
  return g.grid.sheets[0]!;
};
const rowValues = (ws: GridSheet, r: number, cols = "ABCDEFGHIJ") => [...cols].map((c) => ws.cells[`${c}${r}`]?.value ?? null);
const PERIOD: PeriodInfo = { id: "2025-Y", label: "2025年全年", open: true, openedAt: "2025-12-01T00:00:00.000Z", openedBy: "市科技局", deadline: "2025-12-31T09:00:00.000Z" };

describe("报送情况", () => {
  it("one row per unit grouped by county then code, every state in words, times in the bureau's zone", async () => {
    const rows = [
      row("330103001000", { state: "returned", seq: 2, preparer: "周强", submittedAt: "2025-12-30T16:30:00.000Z", returnReason: "专利数据有误", overdue: true }),
      row("330102002000", { state: "has_warnings", seq: 1, preparer: "李华", submittedAt: "2025-12-31T10:00:00.000Z", late: true }),
      row("330102001000", { state: "accepted", seq: 3, preparer: "王晓燕", submittedAt: "2025-12-20T02:05:00.000Z" }),
    ];
    const ws = sheetOf(await statusWorkbook(PERIOD, rows, ROSTER, new Date("2026-01-02T01:00:00Z"), TZ));
    expect(ws.name).toBe("2025年全年报送情况");
    expect(ws.cells.A1?.value).toBe("2025年全年报送情况");
    expect(ws.cells.A2?.value).toBe("截止时间 2025年12月31日 17:00（已逾期2天）　导出时间 2026年1月2日 09:00");
    expect(rowValues(ws, 3)).toEqual(["县（市、区）", "单位", "区划代码", "状态", "逾期", "迟报", "填报人", "报送时间", "版本", "退回原因"]);
    expect(rowValues(ws, 4)).toEqual(["示例区", "青阳镇", "330102001000", "已通过", null, null, "王晓燕", "2025年12月20日 10:05", 3, null]);
    expect(rowValues(ws, 5)).toEqual(["示例区", "清河街道", "330102002000", "有警告", null, "是", "李华", "2025年12月31日 18:00", 1, null]);
    expect(rowValues(ws, 6)).toEqual(["邻区", "南山镇", "330103001000", "已退回", "是", null, "周强", "2025年12月31日 00:30", 2, "专利数据有误"]);
    expect(ws.rowCount).toBe(6);
  });

  it("a unit that never reported: 未报送, no time, no version; without a deadline the subtitle says so", async () => {
    const { deadline: _none, ...open } = PERIOD;
    const ws = sheetOf(await statusWorkbook(open, [row("330102001000", {})], ROSTER, new Date("2025-12-20T00:00:00Z"), TZ));
    expect(ws.cells.A2?.value).toBe("未设截止时间　导出时间 2025年12月20日 08:00");
    expect(rowValues(ws, 4)).toEqual(["示例区", "青阳镇", "330102001000", "未报送", null, null, null, null, null, null]);
  });

  it("a unit whose county is not on the roster: its county column is left blank", async () => {
    const ws = sheetOf(await statusWorkbook(PERIOD, [{ ...row("330102001000", {}), parent: "330199000000" }], ROSTER, new Date("2025-12-20T00:00:00Z"), TZ));
    expect(rowValues(ws, 4).slice(0, 2)).toEqual([null, "青阳镇"]);
  });

  it("every state has its words", () => {
    expect(STATE_LABELS).toEqual({ missing: "未报送", submitted: "已报送", has_warnings: "有警告", returned: "已退回", accepted: "已通过" });
  });

  it.each([
    ["three calendar days before", "2025-12-28T02:00:00Z", "还剩3天"],
    ["23:59 the day before", "2025-12-30T15:59:00Z", "还剩1天"],
    ["the morning of the day", "2025-12-31T00:00:00Z", "今天截止"],
    ["the deadline's millisecond", "2025-12-31T09:00:00.000Z", "今天截止"],
    ["a millisecond past", "2025-12-31T09:00:00.001Z", "已截止"],
    ["the next day", "2025-12-31T16:00:00Z", "已逾期1天"],
    ["a week past", "2026-01-07T10:00:00Z", "已逾期7天"],
  ])("the deadline's note %s: %s", (_what, now, note) => {
    expect(deadlineNote("2025-12-31T09:00:00.000Z", new Date(now), TZ)).toBe(note);
  });
});

describe("登录码", () => {
  it("one row per unit: name, code, type from the roster (blank when not on it), the code; issued at the bureau's time", async () => {
    const ws = sheetOf(
      await codesWorkbook(
        [
          { unit: "330102001000", name: "青阳镇", code: "K7QM-4TXB" },
          { unit: "330199001000", name: "新设镇", code: "P9RS-2WXY" },
        ],
        ROSTER,
        new Date("2025-12-01T01:30:00Z"),
        TZ,
      ),
    );
    expect(ws.name).toBe("报送系统登录码");
    expect(ws.cells.A2?.value).toBe("签发时间 2025年12月1日 09:30。每个单位一个登录码，请妥善保管；重新签发后旧登录码作废。");
    expect(rowValues(ws, 3, "ABCD")).toEqual(["单位", "区划代码", "类型", "登录码"]);
    expect(rowValues(ws, 4, "ABCD")).toEqual(["青阳镇", "330102001000", "乡镇", "K7QM-4TXB"]);
    expect(rowValues(ws, 5, "ABCD")).toEqual(["新设镇", "330199001000", null, "P9RS-2WXY"]);
  });
});

describe("as printed", () => {
  const open = async (bytes: Uint8Array) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    return wb.worksheets[0]!;
  };

  it("报送情况: landscape A4 one page wide, headers repeated and frozen, title bold and centred, the subtitle small, cells bordered and wrapped; widths per column", async () => {
    const ws = await open(await statusWorkbook(PERIOD, [row("330102001000", { state: "submitted", seq: 1 })], ROSTER, new Date("2026-01-02T01:00:00Z"), TZ));
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "3:3" });
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 3 });
    expect(ws.columns.map((c) => c.width)).toEqual([14, 14, 16, 10, 6, 6, 10, 20, 6, 30]);
    expect([ws.getCell("A1").font, ws.getCell("A1").alignment]).toMatchObject([{ name: "宋体", size: 16, bold: true }, { horizontal: "center" }]);
    expect(ws.getCell("A2").font).toMatchObject({ name: "宋体", size: 10 });
    expect(ws.getCell("J1").master.address).toBe("A1");
    const head = ws.getCell("D3");
    expect([head.font, head.fill, head.alignment]).toMatchObject([{ name: "宋体", bold: true }, { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } }, { horizontal: "center", vertical: "middle" }]);
    expect(head.border).toMatchObject({ top: { style: "thin" }, left: { style: "thin" } });
    const cell = ws.getCell("B4");
    expect([cell.font, cell.alignment]).toMatchObject([{ name: "宋体" }, { vertical: "middle", wrapText: true }]);
    expect(Boolean(cell.font.bold)).toBe(false);
    expect(cell.border).toMatchObject({ bottom: { style: "thin" } });
  });

  it("登录码: its own column widths", async () => {
    const ws = await open(await codesWorkbook([{ unit: "330102001000", name: "青阳镇", code: "K7QM-4TXB" }], ROSTER, new Date("2025-12-01T01:30:00Z"), TZ));
    expect(ws.columns.map((c) => c.width)).toEqual([20, 18, 14, 16]);
  });

  it("a unit with no county (the city's own departments) comes first, then by county and code", async () => {
    const rows = [row("330103001000", {}), { ...row("330102002000", {}), parent: null }, row("330102001000", {})];
    const ws = sheetOf(await statusWorkbook(PERIOD, rows, ROSTER, new Date("2025-12-20T00:00:00Z"), TZ));
    expect([4, 5, 6].map((r) => ws.cells[`C${r}`]?.value)).toEqual(["330102002000", "330102001000", "330103001000"]);
  });
});
