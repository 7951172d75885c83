/**
 * The city workbook a bureau prints: 40 towns in 3 counties, long narratives
 * (several hundred characters, one over 2,000), a town with warnings and a
 * 备注, a replaced report. Used by the print test and scripts/print-preview.ts.
 */
// @ts-nocheck

import { mergeReports, type Consolidation, type MergeInput } from "../../templates/merge/merge";
import { sampleRecord } from "./records";

const COUNTIES = ["330102000000", "330103000000", "330104000000"];

/** A narrative paragraph of about `n` characters, ending in a marker that must survive printing. */
export function longText(unit: string, section: string, n: number): string {
  const sentence = `${unit}围绕${section}，持续推进科技创新平台建设、企业研发投入和科技成果转化，组织开展科技政策宣讲和科技特派员服务。`;
  let out = "";
  while (out.length < n) out += sentence;
  return `${out}【${unit}${section}完】`;
}

export function printInputs(towns = 40): MergeInput[] {
  const inputs: MergeInput[] = [];
  for (let i = 0; i < towns; i++) {
    const county = COUNTIES[i % COUNTIES.length]!;
    const code = `${county.slice(0, 6)}${String(Math.floor(i / COUNTIES.length) + 1).padStart(3, "0")}000`;
    const name = `第${i + 1}镇`;
    const r = sampleRecord({ name, code, type: "乡镇" }, "2025-Y", 300 + i, 1 + (i % 7) * 0.3, {
      narrative: {
        achievements: longText(name, "主要工作及成效", i === 0 ? 2400 : 380),
        problems: longText(name, "存在问题", 160),
        plans: longText(name, "下步工作打算", 200),
      },
    });
    if (i === 5) {
      r.values.A01 = { ...r.values.A01!, note: "本年新建科创园区，财政拨款大幅增加，已核实。" };
      r.warnings = [{ severity: "warning", rule: "GROWTH_IMPLAUSIBLE", sheet: "指标", cell: "E7", indicator: "A01", explained: true, message: `“财政科技拨款”本期 ${r.values.A01.current}，同比增长超出常见范围（-50%～+200%）。请核对；确认无误的，请在备注（指标!H7）中说明原因。` }];
    }
    inputs.push({ record: r, source: `/srv/huizong/data/periods/2025-Y/units/${code}/${name}.xlsx`, submittedAt: `2025-12-2${i % 5}T0${i % 9}:30:00Z` });
  }
  return inputs;
}

export function printConsolidation(towns = 40): Consolidation {
  const r = mergeReports(printInputs(towns), { unit: { name: "示例市", code: "330100000000" }, meta: { preparer: "张明", phone: "0571-87654321", head: "陈志远", date: "2026-01-10" } });
  if (!r.ok) throw new Error(r.message);
  return r.consolidation;
}
