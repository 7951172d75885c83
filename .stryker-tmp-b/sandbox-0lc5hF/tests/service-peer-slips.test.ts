/**
 * Cross-unit slips at submission (functions/service/peer-slips.ts), in process (the mutation run
 * uses it): the new report against the other units' latest reports the server holds for the period
 * and against the unit's own report of the same span last year. The records held are given by a
 * plain function (the service's port), so each case says exactly what is held.
 */
// @ts-nocheck

import { describe, expect, it } from "vitest";
import type { ReportRecord } from "../templates/record";
import { slipFindings, type HeldRecords } from "../functions/service/peer-slips";
import { sampleRecord } from "./support/records";

const town = (n: number) => ({ code: `330102${String(n).padStart(3, "0")}000`, name: `第${n}镇`, type: "乡镇" as const });
/** A town's report with E02 (技术合同成交额, 万元) as given; every other figure the sample's. */
const rec = (n: number, e02: number, period = "2025-Y"): ReportRecord =>
  sampleRecord(town(n), period, n, 1, { values: (ind, v) => (ind.code === "E02" ? { ...v, current: e02 } : v) });

/** What the server holds, by period; each call is logged. */
function held(byPeriod: Record<string, ReportRecord[]>): { fn: HeldRecords; asked: string[] } {
  const asked: string[] = [];
  return { asked, fn: async (periodId) => (asked.push(periodId), byPeriod[periodId] ?? []) };
}
const E02 = (findings: { indicator?: string; rule: string }[]) => findings.filter((f) => f.indicator === "E02").map((f) => f.rule);

describe("against the other units held for the period", () => {
  const PEERS = [rec(2, 1000), rec(3, 1200), rec(4, 900)];

  it("亿元 typed as 万元 among three peers (10,000× their median): a warning for E02", async () => {
    const { fn, asked } = held({ "2025-Y": PEERS });
    expect(E02(await slipFindings("2025-Y", rec(1, 10_000_000), fn))).toEqual(["UNIT_SLIP_PEERS"]);
    expect(asked).toEqual(["2025-Y", "2024-Y"]);
  });

  it("a figure in line with the peers: nothing", async () => {
    const { fn } = held({ "2025-Y": PEERS });
    expect(E02(await slipFindings("2025-Y", rec(1, 1100), fn))).toEqual([]);
  });

  it("the unit's own earlier report is not its own peer", async () => {
    // Held: its own earlier version (10,000,000) and two others: only two peers, below the three needed.
    const { fn } = held({ "2025-Y": [rec(1, 10_000_000), rec(2, 1000), rec(3, 1200)] });
    expect(E02(await slipFindings("2025-Y", rec(1, 10_000_000), fn))).toEqual([]);
  });

  it("only the new report is judged, never the peers", async () => {
    // A peer slipped by 10,000×: the new report's figures are not the slip.
    const { fn } = held({ "2025-Y": [rec(2, 10_000_000), rec(3, 1200), rec(4, 900), rec(5, 1000)] });
    expect(await slipFindings("2025-Y", rec(1, 1100), fn)).toEqual([]);
  });
});

describe("against the unit's own report last year", () => {
  it("100× its own last-year figure for the same span: a warning", async () => {
    const { fn, asked } = held({ "2024-H1": [rec(1, 1000, "2024-H1")] });
    expect(E02(await slipFindings("2025-H1", rec(1, 100_000, "2025-H1"), fn))).toEqual(["UNIT_SLIP_LAST_YEAR"]);
    expect(asked).toEqual(["2025-H1", "2024-H1"]);
  });

  it("another unit's last year is not the unit's own", async () => {
    const { fn } = held({ "2024-H1": [rec(2, 1000, "2024-H1")] });
    expect(E02(await slipFindings("2025-H1", rec(1, 100_000, "2025-H1"), fn))).toEqual([]);
  });

  it("a period id that cannot be read: no last year asked for", async () => {
    const { fn, asked } = held({});
    expect(await slipFindings("2025-X", rec(1, 1000), fn)).toEqual([]);
    expect(asked).toEqual(["2025-X"]);
  });
});

describe("the library's settings", () => {
  it("a factor set higher than the slip: nothing", async () => {
    const { fn } = held({ "2025-Y": [rec(2, 1000), rec(3, 1200), rec(4, 900)] });
    expect(E02(await slipFindings("2025-Y", rec(1, 10_000_000), fn, undefined, { peerSlipFactor: 100_000 }))).toEqual([]);
    expect(E02(await slipFindings("2025-Y", rec(1, 10_000_000), fn, undefined, { peerSlipFactor: 10_000 }))).toEqual(["UNIT_SLIP_PEERS"]);
  });
});
