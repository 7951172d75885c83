/**
 * Two small lists as workbooks for printing: the period's 报送情况 (grouped
 * by county, times in the bureau's zone) and the sign-in codes to hand out.
 * exceljs stays on the server side (the pane downloads the bytes).
 */
// @ts-nocheck

import ExcelJS from "exceljs";
import { COLORS, FONT, solid, THIN_BORDER } from "../../templates/style";
import { calendarDaysBetween, formatDateTime } from "../../templates/time";
import type { PeriodInfo } from "./periods";
import type { ReportState, StatusRow } from "./reports";
import type { Roster } from "./roster";

/** The states as a person reads them (the pane uses the same words). */
export const STATE_LABELS: Record<ReportState, string> = {
  missing: "未报送",
  submitted: "已报送",
  has_warnings: "有警告",
  returned: "已退回",
  accepted: "已通过",
};

async function table(title: string, subtitle: string, headers: string[], widths: number[], rows: Array<Array<string | number>>): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(title, { pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.columns = widths.map((width) => ({ width }));
  ws.mergeCells(1, 1, 1, headers.length);
  ws.getCell(1, 1).value = title;
  ws.getCell(1, 1).font = { name: FONT, size: 16, bold: true };
  ws.getCell(1, 1).alignment = { horizontal: "center" };
  ws.mergeCells(2, 1, 2, headers.length);
  ws.getCell(2, 1).value = subtitle;
  ws.getCell(2, 1).font = { name: FONT, size: 10 };
  const head = ws.getRow(3);
  headers.forEach((h, i) => {
    const c = head.getCell(i + 1);
    c.value = h;
    c.font = { name: FONT, bold: true };
    c.fill = solid(COLORS.header);
    c.border = THIN_BORDER;
    c.alignment = { horizontal: "center", vertical: "middle" };
  });
  rows.forEach((r, i) => {
    const row = ws.getRow(4 + i);
    r.forEach((v, j) => {
      const c = row.getCell(j + 1);
      c.value = v;
      c.font = { name: FONT };
      c.border = THIN_BORDER;
      c.alignment = { vertical: "middle", wrapText: true };
    });
  });
  ws.views = [{ state: "frozen", ySplit: 3 }];
  ws.pageSetup.printTitlesRow = "3:3";
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** 报送情况 as a workbook: one row per unit, grouped by county (roster order), with deadline days. */
export function statusWorkbook(period: PeriodInfo, rows: readonly StatusRow[], roster: Roster, now: Date, timeZone: string): Promise<Uint8Array> {
  const nameOf = (code: string | null) => roster.units.find((u) => u.code === code)?.name ?? "";
  const sorted = [...rows].sort((a, b) => (a.parent ?? "").localeCompare(b.parent ?? "") || a.code.localeCompare(b.code));
  const deadline = period.deadline
    ? `截止时间 ${formatDateTime(period.deadline, timeZone)}（${deadlineNote(period.deadline, now, timeZone)}）`
    : "未设截止时间";
  return table(
    `${period.label}报送情况`,
    `${deadline}　导出时间 ${formatDateTime(now, timeZone)}`,
    ["县（市、区）", "单位", "区划代码", "状态", "逾期", "迟报", "填报人", "报送时间", "版本", "退回原因"],
    [14, 14, 16, 10, 6, 6, 10, 20, 6, 30],
    sorted.map((r) => [
      nameOf(r.parent),
      r.name,
      r.code,
      STATE_LABELS[r.state],
      r.overdue ? "是" : "",
      r.late ? "是" : "",
      r.preparer ?? "",
      r.submittedAt ? formatDateTime(r.submittedAt, timeZone) : "",
      r.seq || "",
      r.returnReason ?? "",
    ]),
  );
}

/** "还剩3天" / "今天截止" / "已逾期2天" / "已截止". */
export function deadlineNote(deadline: string, now: Date, timeZone: string): string {
  const days = calendarDaysBetween(now, deadline, timeZone);
  if (now.getTime() > Date.parse(deadline)) return days < 0 ? `已逾期${-days}天` : "已截止";
  return days > 0 ? `还剩${days}天` : "今天截止";
}

/** The sign-in codes to print and hand out, one row per unit. */
export function codesWorkbook(codes: ReadonlyArray<{ unit: string; name: string; code: string }>, roster: Roster, now: Date, timeZone: string): Promise<Uint8Array> {
  const typeOf = (code: string) => roster.units.find((u) => u.code === code)?.type ?? "";
  return table(
    "报送系统登录码",
    `签发时间 ${formatDateTime(now, timeZone)}。每个单位一个登录码，请妥善保管；重新签发后旧登录码作废。`,
    ["单位", "区划代码", "类型", "登录码"],
    [20, 18, 14, 16],
    codes.map((c) => [c.name, c.unit, typeOf(c.unit), c.code]),
  );
}
