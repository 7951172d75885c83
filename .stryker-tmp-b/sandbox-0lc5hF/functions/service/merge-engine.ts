/** The merge engine the server uses: templates/merge's model and city/county workbook writer. */
// @ts-nocheck

import { mergeReports, consolidationJson } from "../../templates/merge/merge";
import { writeConsolidationWorkbook } from "../../templates/merge/workbook";
import { writeDraft } from "../../templates/draft/index";
import { isoDateIn } from "../../templates/time";
import type { MergeEngine } from "./consolidate";
import { nativeZip } from "./native-deflate";

export const defaultMergeEngine: MergeEngine = async ({ period, parent, units, reports, now, timeZone, targets, catalogue }) => {
  const result = mergeReports(reports, {
    roster: units.map((u) => ({ name: u.name, code: u.code, parent: u.parent ?? "" })),
    period: period.id,
    unit: { name: parent.name, code: parent.code },
    meta: { date: isoDateIn(now, timeZone) },
    ...(targets ? { targets } : {}),
    catalogue,
  });
  // The period is always given and well-formed here, so the merge cannot refuse it.
  if (!result.ok) throw new Error(`merge refused: ${result.code} ${result.message}`);
  const c = result.consolidation;
  const bytes = await writeConsolidationWorkbook(c, { generatedAt: now.toISOString(), timeZone, zip: nativeZip });
  return { bytes, counts: { ...c.counts }, totals: consolidationJson(c).totals, draft: await writeDraft(c) };
};
