/**
 * Cross-unit slips at submission: the server compares a new report with what
 * it already holds for the period (and the unit's report of last year), so a
 * town that typed 亿元 into 万元 rows, consistently, must explain it in 备注
 * before the report is accepted.
 */
// @ts-nocheck

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPeriod } from "../functions/service/periods";
import { submitReport, type SubmitResult } from "../functions/service/reports";
import { FsObjectStore } from "../functions/storage/index";
import type { TemplateFill } from "../templates/build";
import { demoUnits } from "../templates/samples";
import { goodReport } from "./support/functions-server";

const dir = mkdtempSync(join(tmpdir(), "hz-slips-"));
const store = new FsObjectStore({ root: dir });
const units = demoUnits(5);
const by = (code: string) => ({ code, name: "填报人", role: "unit" });
const P = "2025-Y";

/** 亿元 typed into the 万元 row of 财政科技拨款, in 本期 and 上年同期 alike. */
const inYi = (note?: string) => (f: TemplateFill) => {
  const a = f.values!.A01!;
  a.current = Math.round((Number(a.current) / 10_000) * 10_000) / 10_000;
  a.prior = Math.round((Number(a.prior) / 10_000) * 10_000) / 10_000;
  if (note) f.notes = { A01: note };
};

const submit = async (i: number, edit?: (f: TemplateFill) => void, period = P): Promise<SubmitResult> =>
  submitReport(store, { periodId: period, unitCode: units[i]!.code, bytes: await goodReport(units[i]!, period, 10 + i, edit), by: by(units[i]!.code) });

beforeAll(async () => {
  await openPeriod(store, P, "330100000000", new Date("2025-12-01T00:00:00Z"));
  for (const i of [0, 1, 2]) expect((await submit(i)).ok).toBe(true);
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("submission against what the server holds for the period", () => {
  it("the consistent 亿元-in-万元 town is refused until it explains, with the peers' median named", async () => {
    const r = await submit(3, inYi());
    expect(r.ok).toBe(false);
    if (r.ok || r.kind !== "warnings") throw new Error(`expected warnings, got ${JSON.stringify(r).slice(0, 200)}`);
    expect(r.unexplained.map((f) => [f.rule, `${f.sheet}!${f.cell}`, f.explained])).toEqual([["UNIT_SLIP_PEERS", "指标!E7", false]]);
    expect(r.unexplained[0]!.message).toMatch(/^东湖街道“财政科技拨款”本期 [\d.]+万元，是其他3个同级单位中位数 [\d.]+万元 的1\/\d+，可能把“亿元”当成了“万元”。/);
  });

  it("explained in 备注, it is accepted and the warning is kept on the record", async () => {
    const r = await submit(3, inYi("经核实，本镇财政科技拨款确为此数"));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.findings.filter((f) => f.rule === "UNIT_SLIP_PEERS").map((f) => f.explained)).toEqual([true]);
  });

  it("an ordinary report among the same peers passes", async () => {
    expect((await submit(4)).ok).toBe(true);
  });
});
