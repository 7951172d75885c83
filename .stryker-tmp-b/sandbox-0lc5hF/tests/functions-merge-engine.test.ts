/** The server's merge engine: the consolidation's 填报日期 is the bureau's calendar date at the moment of the merge. */
// @ts-nocheck

import { describe, expect, it } from "vitest";
import { defaultMergeEngine } from "../functions/service/merge-engine";
import { demoUnits } from "../templates/samples";
import { readXlsxGrid } from "../templates/xlsx/index";
import { readSubmission } from "../templates/read";
import { parseReportDate } from "../templates/checks";
import { parsePeriodId } from "../templates/period";
import type { RosterUnit } from "../functions/service/roster";
import { sampleRecord } from "./support/records";

const P = "2025-Y";
const [a, b] = demoUnits(2, "330102000000");

async function coverDate(now: string, timeZone: string): Promise<string | null> {
  const out = await defaultMergeEngine({
    period: parsePeriodId(P)!,
    parent: { code: "330102000000", name: "示例区", type: "县（市、区）", parent: null },
    units: [a!, b!].map((u): RosterUnit => ({ code: u.code, name: u.name, type: u.type, parent: "330102000000" })),
    reports: [a!, b!].map((u, k) => ({ record: sampleRecord(u, P, k + 1, 1), source: `v${k}`, submittedAt: "2025-12-20T02:00:00Z", late: false })),
    now: new Date(now),
    timeZone,
  });
  const grid = readXlsxGrid(out.bytes);
  if (!grid.ok) throw new Error(grid.code);
  const sub = readSubmission(grid.grid);
  if (!sub.ok) throw new Error(sub.code);
  return parseReportDate(sub.submission.cover.date.raw);
}

describe("merge engine dates in the configured zone", () => {
  it.each([
    ["2025-12-31T15:59:00Z", "Asia/Shanghai", "2025-12-31"],
    ["2025-12-31T16:00:00Z", "Asia/Shanghai", "2026-01-01"],
    ["2025-12-31T16:00:00Z", "UTC", "2025-12-31"],
    ["2026-01-01T03:00:00Z", "America/New_York", "2025-12-31"],
  ])("merged at %s in %s → 填报日期 %s", async (now, zone, date) => {
    expect(await coverDate(now, zone)).toBe(date);
  });
});
