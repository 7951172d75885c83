/** 报送情况: who reported, which report counted and why, what was left out, who reported on another version of the library. */
// @ts-nocheck

import type * as Xlsx from "../../xlsx/writer/types";
import { rowHeightFor } from "../../style";
import { formatDateTime } from "../../time";
import { baseName, type Rejection } from "../merge";
import { versionNoteText } from "../json";
import { FOOTER, PRINT, REPORT_SHEETS, S, headerCells, putCells, statusStyle, titleRows, type Ctx } from "./shared";

/** Column widths (characters); landscape A4 fits them when scaled to the page width. */
const WIDTHS = [5, 12, 13, 13, 16, 6, 8, 13, 10, 11, 6, 16, 16, 22];

export async function writeStatus(wb: Xlsx.Workbook, ctx: Ctx, extra: readonly Rejection[]): Promise<void> {
  const { c } = ctx;
  const ws = wb.addWorksheet(REPORT_SHEETS.status, {
    views: [{ state: "frozen", xSplit: 2, ySplit: 3, showGridLines: false }],
    pageSetup: { ...PRINT, printTitlesRow: "3:3" },
    headerFooter: FOOTER,
  });
  ws.columns = WIDTHS.map((width) => ({ width }));
  titleRows(ws, ctx, "N", `${ctx.title}——报送情况`, WIDTHS.reduce((a, b) => a + b, 0));
  ws.getRow(1).commit();
  ws.getRow(2).commit();
  const h = ws.getRow(3);
  headerCells(h, ["序号", "单位名称", "区划代码", "上级代码", "报送状态", "警告数", "填报人", "联系电话", "填报日期", "报送时间", "版本", "来源文件", "采用理由", "此前报送（已被替代）"]);
  h.height = 30;
  h.commit();
  let r = 4;
  ctx.units.forEach((u, i) => {
    const row = ws.getRow(r++);
    const rep = u.report;
    const status =
      u.status === "missing"
        ? "未报送"
        : `${u.unlisted ? "名单外（已计入汇总）" : "已报送"}${rep?.late ? "，逾期" : ""}${u.warnings ? `，有${u.warnings}条警告` : ""}${u.reportedCode ? `，报表代码为${u.reportedCode}` : ""}`;
    const when = (at: string | undefined) => (at ? formatDateTime(at, ctx.timeZone) : null);
    const earlier = u.superseded.length ? u.superseded.map((s) => `第${s.version}版：${s.source ? baseName(s.source) : s.record.unit.name}（填报日期${s.record.meta.date ?? "未填"}${s.submittedAt ? `，${formatDateTime(s.submittedAt, ctx.timeZone)}上传` : ""}）`).join("；") : null;
    putCells(row, [
      [i + 1, S.center],
      [u.name, S.text],
      [u.code, S.codeText],
      [u.parent || null, S.codeText],
      [status, statusStyle(u)],
      [rep ? u.warnings : null, S.center],
      [rep?.record.meta.preparer ?? null, S.text],
      [rep?.record.meta.phone ?? null, S.text],
      [rep?.record.meta.date ?? null, S.text],
      [when(rep?.submittedAt), S.textWrap],
      [rep ? `第${rep.version}版` : null, S.center],
      [rep?.source ? baseName(rep.source) : null, S.textWrap],
      [u.chosen ?? null, S.textWrap],
      [earlier, S.textWrap],
    ]);
    row.height = Math.max(15, ...[[status, 4], [rep?.source ? baseName(rep.source) : "", 11], [u.chosen ?? "", 12], [earlier ?? "", 13]].map(([t, col]) => rowHeightFor(String(t), WIDTHS[Number(col)]!, 10)));
    row.commit();
  });
  const rejected = [...extra, ...c.rejected];
  r++;
  const head2 = ws.getRow(r++);
  head2.getCell(1).value = rejected.length ? `未汇总的文件（${rejected.length}个）` : "未汇总的文件：无";
  head2.getCell(1).style = S.sectionTitle;
  head2.commit();
  if (rejected.length) {
    const hh = ws.getRow(r++);
    headerCells(hh, ["序号", "文件", "原因代码", "原因"]);
    hh.commit();
    rejected.forEach((x, i) => {
      const row = ws.getRow(r++);
      putCells(row, [
        [i + 1, S.center],
        [baseName(x.source), S.textWrap],
        [x.code, S.text],
        [x.message, S.textWrap],
      ]);
      ws.mergeCells(`D${row.number}:N${row.number}`);
      row.height = Math.max(15, rowHeightFor(x.message, WIDTHS.slice(3).reduce((a, b) => a + b, 0), 10), rowHeightFor(baseName(x.source), WIDTHS[1]!, 10));
      row.commit();
    });
  }
  // A report on another version of the library was summed by indicator code: say so where the clerk checks who reported.
  if (c.versionNotes.length) {
    r++;
    const title = ws.getRow(r++);
    title.getCell(1).value = `使用其他版本报表的单位（${c.versionNotes.length}个，已按指标代码汇总；本汇总使用 ${c.catalogue.version} 版）`;
    title.getCell(1).style = S.sectionTitle;
    title.commit();
    const hv = ws.getRow(r++);
    headerCells(hv, ["序号", "单位名称", "区划代码", "报表版本", "说明"]);
    ws.mergeCells(`E${hv.number}:N${hv.number}`);
    hv.commit();
    c.versionNotes.forEach((n, i) => {
      const row = ws.getRow(r++);
      const text = versionNoteText(n);
      putCells(row, [
        [i + 1, S.center],
        [n.unit, S.text],
        [n.unitCode, S.codeText],
        [n.version, S.center],
        [text, S.textWrap],
      ]);
      ws.mergeCells(`E${row.number}:N${row.number}`);
      row.height = Math.max(15, rowHeightFor(text, WIDTHS.slice(4).reduce((a, b) => a + b, 0), 10));
      row.commit();
    });
  }
  ws.commit();
}

