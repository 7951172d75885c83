/** 报送情况: who reported, which report counted and why, what was left out. */
import type ExcelJS from "exceljs";
import type { Rejection } from "../merge";
import { FOOTER, PRINT, REPORT_SHEETS, S, headerCells, putCells, statusStyle, titleRows, type Ctx } from "./shared";

export async function writeStatus(wb: ExcelJS.Workbook, ctx: Ctx, extra: readonly Rejection[]): Promise<void> {
  const { c } = ctx;
  const ws = wb.addWorksheet(REPORT_SHEETS.status, {
    views: [{ state: "frozen", xSplit: 2, ySplit: 3, showGridLines: false }],
    pageSetup: { ...PRINT, printTitlesRow: "3:3" },
    headerFooter: FOOTER,
  });
  ws.columns = [{ width: 6 }, { width: 18 }, { width: 15 }, { width: 15 }, { width: 20 }, { width: 8 }, { width: 10 }, { width: 14 }, { width: 12 }, { width: 20 }, { width: 8 }, { width: 28 }, { width: 40 }];
  titleRows(ws, ctx, "M", `${ctx.title}——报送情况`);
  ws.getRow(1).commit();
  ws.getRow(2).commit();
  const h = ws.getRow(3);
  headerCells(h, ["序号", "单位名称", "区划代码", "上级代码", "报送状态", "警告数", "填报人", "联系电话", "填报日期", "报送时间", "版本", "来源文件", "此前报送（已被替代）"]);
  h.commit();
  let r = 4;
  ctx.units.forEach((u, i) => {
    const row = ws.getRow(r++);
    const rep = u.report;
    const status =
      u.status === "missing"
        ? "未报送"
        : `${u.unlisted ? "名单外（已计入汇总）" : "已报送"}${u.warnings ? `，有${u.warnings}条警告` : ""}${u.reportedCode ? `，报表代码为${u.reportedCode}` : ""}`;
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
      [rep?.submittedAt ?? null, S.text],
      [rep ? `第${rep.version}版` : null, S.center],
      [rep?.source ?? null, S.text],
      [u.superseded.length ? u.superseded.map((s) => `第${s.version}版：${s.source ?? s.record.unit.name}${s.submittedAt ? `（${s.submittedAt}）` : ""}`).join("；") : null, S.text],
    ]);
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
        [x.source, S.text],
        [x.code, S.text],
        [x.message, S.textWrap],
      ]);
      row.commit();
    });
  }
  ws.commit();
}

