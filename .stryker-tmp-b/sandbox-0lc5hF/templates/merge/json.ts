/** The consolidation as JSON (`huizong merge --json`, the server's consolidation record). */
// @ts-nocheck

import type { Consolidation, Rejection, Total, VersionNote } from "./merge";

/** What a report of another library version means for the consolidation, in words. */
export function versionNoteText(n: VersionNote): string {
  const parts = [`${n.unit}使用 ${n.version} 版报表，按指标代码汇总`];
  if (n.added.length) parts.push(`本版新增，未填报：${n.added.join("、")}`);
  if (n.dropped.length) parts.push(`本版已取消，未计入：${n.dropped.join("、")}`);
  return `${parts.join("；")}。`;
}

/** The JSON shape of `huizong merge --json` (the consolidation without the bulky per-unit records). */
export function consolidationJson(c: Consolidation, extraRejected: readonly Rejection[] = []) {
  const totals: Record<string, Omit<Total, "code">> = {};
  for (const [code, t] of Object.entries(c.totals)) {
    const { code: _omit, ...rest } = t;
    totals[code] = rest;
  }
  return {
    period: c.period,
    unit: c.unit,
    counts: c.counts,
    totals,
    units: c.units.map((u) => ({
      name: u.name,
      code: u.code,
      parent: u.parent,
      status: u.status,
      unlisted: u.unlisted,
      ...(u.reportedCode ? { reportedCode: u.reportedCode } : {}),
      warnings: u.warnings,
      source: u.report?.source ?? null,
      submittedAt: u.report?.submittedAt ?? null,
      preparer: u.report?.record.meta.preparer ?? null,
      date: u.report?.record.meta.date ?? null,
      version: u.report?.version ?? null,
      superseded: u.superseded.map((s) => ({ source: s.source ?? null, submittedAt: s.submittedAt ?? null, version: s.version })),
    })),
    missing: c.units.filter((u) => u.status === "missing").map((u) => ({ name: u.name, code: u.code })),
    unlisted: c.units.filter((u) => u.unlisted).map((u) => ({ name: u.name, code: u.code })),
    rejected: [...extraRejected, ...c.rejected].map((r) => ({ file: r.source, code: r.code, message: r.message })),
    library: { id: c.catalogue.id, version: c.catalogue.version, title: c.catalogue.title },
    versionNotes: c.versionNotes.map((n) => ({ ...n, message: versionNoteText(n) })),
    warnings: c.warnings.map((w) => ({ unit: w.unit, unitCode: w.unitCode, rule: w.finding.rule, sheet: w.finding.sheet, cell: w.finding.cell, message: w.finding.message })),
  };
}
