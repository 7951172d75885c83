/**
 * Deciding what the merge counts, before any figure is summed: the period all
 * inputs agree on, inputs nested in another input's unit (double counting),
 * which of two reports of one unit is the latest and why.
 */
// @ts-nocheck

import { canonicalPeriod, type Period } from "../period";
import type { MergeInput, Rejection } from "./merge";
import type { RosterUnit } from "./roster";
import { codeLevel } from "./slips";

/** The period every input agrees on (canonical), or a refusal listing the periods found. */
export function agreedPeriod(inputs: readonly MergeInput[]): { ok: true; period: Period | null } | { ok: false; code: "PERIOD_DISAGREE"; message: string } {
  const found = new Map<string, { period: Period; sources: string[] }>();
  for (const i of inputs) {
    const p = canonicalPeriod(i.record.period);
    const entry = found.get(p.id) ?? { period: p, sources: [] };
    entry.sources.push(i.source ?? i.record.unit.name);
    found.set(p.id, entry);
  }
  if (found.size <= 1) return { ok: true, period: [...found.values()][0]?.period ?? null };
  const list = [...found.values()].sort((a, b) => b.sources.length - a.sources.length || (a.period.id < b.period.id ? -1 : 1));
  const named = (s: string[]) => s.slice(0, 3).map(baseName).join("、") + (s.length > 3 ? "等" : "");
  return {
    ok: false,
    code: "PERIOD_DISAGREE",
    message: `报表的报告期不一致，无法确定汇总哪一期：${list.map((e) => `${e.period.label}${e.sources.length}份（${named(e.sources)}）`).join("；")}。请用 --period 指定要汇总的期间（其他期间的报表将列为未汇总），或只选同一期间的报表。`,
  };
}

/** File name without its folders (报送情况 and messages never show the server's paths). */
export function baseName(source: string): string {
  return source.replace(/^.*[\\/]/, "");
}

/** The refusal when no input can be counted (the caller writes no workbook). */
export function nothingToMerge(rejected: readonly Rejection[]): { ok: false; code: "NOTHING_TO_MERGE"; message: string } {
  return {
    ok: false,
    code: "NOTHING_TO_MERGE",
    message: rejected.length
      ? `没有可汇总的报表：${rejected.length}份报表都未能汇总（${rejected.slice(0, 3).map((r) => `${baseName(r.source)}：${r.message}`).join("；")}${rejected.length > 3 ? "……" : ""}）。请修改后重新汇总，未生成汇总表。`
      : "没有可汇总的报表，未生成汇总表。请指定要汇总的报表文件。",
  };
}

/** An input whose unit lies under another input's unit (by division code or by the roster's parent links). */
export interface Nested {
  outer: MergeInput;
  inner: MergeInput;
}

function ancestorsOf(code: string, parents: ReadonlyMap<string, string>): Set<string> {
  const out = new Set<string>();
  if (!/^\d{12}$/.test(code)) return out;
  const level = codeLevel(code);
  for (const len of [2, 4, 6, 9]) if (len < level) out.add(code.slice(0, len).padEnd(12, "0"));
  // The walk keeps its own trail: a parent that is also a code-prefix ancestor is followed on (its own parent may be another unit).
  const walked = new Set<string>();
  let p = parents.get(code);
  while (p && !walked.has(p) && p !== code) {
    walked.add(p);
    out.add(p);
    p = parents.get(p);
  }
  out.delete(code);
  return out;
}

export function nestedInputs(inputs: readonly MergeInput[], roster: readonly RosterUnit[] | undefined): Nested[] {
  const parents = new Map((roster ?? []).filter((u) => u.parent).map((u) => [u.code, u.parent]));
  const byCode = new Map<string, MergeInput>();
  for (const i of inputs) if (!byCode.has(i.record.unit.code)) byCode.set(i.record.unit.code, i);
  const out: Nested[] = [];
  for (const inner of inputs) {
    for (const a of ancestorsOf(inner.record.unit.code, parents)) {
      const outer = byCode.get(a);
      if (outer) {
        out.push({ outer, inner });
        break;
      }
    }
  }
  return out;
}

export function doubleCountingMessage(nested: readonly Nested[]): string {
  const byOuter = new Map<MergeInput, string[]>();
  for (const n of nested) {
    const list = byOuter.get(n.outer) ?? [];
    if (!list.includes(n.inner.record.unit.name)) list.push(n.inner.record.unit.name);
    byOuter.set(n.outer, list);
  }
  const pairs = [...byOuter].map(([outer, inner]) => `${outer.record.unit.name}的汇总表与其下属${inner.join("、")}的报表不能同时汇总`);
  return `${pairs.join("；")}（会重复计算）。请去掉其中一方后重新汇总；如要只汇总各县（市、区）的汇总表，请加 --consolidations-only。未生成汇总表。`;
}

/** Order of two reports of one unit: the later 填报日期, then the later upload to the server. */
export function compareReports(x: MergeInput, y: MergeInput): number {
  const dx = x.record.meta.date ?? "";
  const dy = y.record.meta.date ?? "";
  if (dx !== dy) return dx < dy ? -1 : 1;
  const sx = x.submittedAt ?? "";
  const sy = y.submittedAt ?? "";
  return sx < sy ? -1 : sx > sy ? 1 : 0;
}

/** Why the counted report beat the runner-up, in the words of 报送情况. */
export function whyChosen(counted: MergeInput, next: MergeInput): string {
  const dc = counted.record.meta.date;
  const dn = next.record.meta.date;
  if (dc !== dn) return dn ? `填报日期${dc}晚于${dn}` : `填报日期${dc}（另一份未填日期）`;
  if ((counted.submittedAt ?? "") !== (next.submittedAt ?? "")) return `填报日期相同（${dc ?? "未填"}），上传时间较晚`;
  return `填报日期相同（${dc ?? "未填"}），采用最后列出的一份`;
}

