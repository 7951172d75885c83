/** The merge engine the server uses: templates/merge's model and city/county workbook writer. */
import { mergeReports, consolidationJson } from "../../templates/merge/merge";
import { writeConsolidationWorkbook } from "../../templates/merge/workbook";
import { writeDraft } from "../../templates/draft/index";
import type { MergeEngine } from "./consolidate";
import { nativeZip } from "./native-deflate";

export const defaultMergeEngine: MergeEngine = async ({ period, parent, units, reports, now }) => {
  // Dates on the workbook are Beijing time (UTC+8), as the clerks read them.
  const local = new Date(now.getTime() + 8 * 3600_000).toISOString();
  const result = mergeReports(reports, {
    roster: units.map((u) => ({ name: u.name, code: u.code, parent: u.parent ?? "" })),
    period: period.id,
    unit: { name: parent.name, code: parent.code },
    meta: { date: local.slice(0, 10) },
  });
  // The period is always given and well-formed here, so the merge cannot refuse it.
  if (!result.ok) throw new Error(`merge refused: ${result.code} ${result.message}`);
  const c = result.consolidation;
  const bytes = await writeConsolidationWorkbook(c, { generatedAt: now.toISOString(), zip: nativeZip });
  return { bytes, counts: { ...c.counts }, totals: consolidationJson(c).totals, draft: await writeDraft(c) };
};
