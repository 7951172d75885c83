/**
 * The merge engine the server uses. Stand-in until templates/merge's
 * workbook writer lands: sums counts and amounts per indicator and lists
 * every expected unit with whether it is included. Replace the body of
 * {@link defaultMergeEngine} with the call into templates/merge.
 */
import ExcelJS from "exceljs";
import { INPUT_INDICATORS } from "../../templates/catalog";
import type { MergeEngine } from "./consolidate";

export const defaultMergeEngine: MergeEngine = async ({ period, parent, units, records }) => {
  const wb = new ExcelJS.Workbook();
  const sum = wb.addWorksheet("汇总");
  sum.addRow([`${parent.name}${period.label}科技工作情况汇总`]);
  sum.addRow(["指标代码", "指标名称", "计量单位", "本期", "上年同期"]);
  for (const ind of INPUT_INDICATORS) {
    const add = (col: "current" | "prior") => records.reduce((s, r) => s + (r.values[ind.code]?.[col] ?? 0), 0);
    sum.addRow([ind.code, ind.name, ind.unit, round(add("current")), round(add("prior"))]);
  }
  const list = wb.addWorksheet("报送情况");
  list.addRow(["区划代码", "单位名称", "情况"]);
  const have = new Set(records.map((r) => r.unit.code));
  for (const u of units) list.addRow([u.code, u.name, have.has(u.code) ? "已汇总" : "未报送"]);
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  return { bytes, totals: { units: units.length, included: records.length, missing: units.length - records.length } };
};

function round(v: number): number {
  return Math.round(v * 100) / 100;
}
