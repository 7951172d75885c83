/**
 * The local server (its own process) under a bounded burst of submissions from
 * many towns at once, sent by autocannon from this process over loopback.
 * Correctness only (speed is in bench/load.bench.ts): no answer other than
 * the expected 201/422/403, no socket errors or timeouts, every acknowledged
 * upload stored exactly once as its own version and nothing else stored, and
 * the server's memory bounded.
 */
// @ts-nocheck

import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareLoad, runSubmitLoad, storedVersions, type LoadPlan, type LoadResult } from "./fixtures/load";
import { startServerProcess, type ServerProcess } from "./fixtures/server-process";

const TOWNS = 30;
const AMOUNT = 150;
const CONNECTIONS = 12;

let server: ServerProcess;
let dataDir: string;
let plan: LoadPlan;
let run: LoadResult;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "huizong-load-"));
  server = await startServerProcess(dataDir);
  plan = await prepareLoad(server, TOWNS);
  run = await runSubmitLoad(server, plan, { amount: AMOUNT, connections: CONNECTIONS });
}, 120_000);

afterAll(async () => {
  await server?.kill();
  await rm(dataDir, { recursive: true, force: true });
});

describe(`${AMOUNT} submissions from ${TOWNS} towns over ${CONNECTIONS} connections`, () => {
  it("every request is answered, only with the expected status and code", () => {
    expect(run.sent).toHaveLength(AMOUNT);
    expect([run.result.errors, run.result.timeouts]).toEqual([0, 0]);
    expect(run.unexpected).toEqual([]);
    const byKind = (k: string) => run.sent.filter((s) => s.kind === k);
    expect(byKind("good").every((s) => s.version !== null)).toBe(true);
    expect(new Set(byKind("errors").map((s) => s.code))).toEqual(new Set(["REPORT_HAS_ERRORS"]));
    expect(new Set(byKind("other unit").map((s) => s.code))).toEqual(new Set(["FORBIDDEN_UNIT"]));
    expect(byKind("good")).toHaveLength(AMOUNT * 0.8);
  });

  it("every acknowledged upload is stored once, as its own version, and nothing else", async () => {
    const stored = await storedVersions(server, plan);
    const all = [...stored.values()].flat();
    expect(new Set(all).size).toBe(all.length);
    for (const t of plan.towns) {
      const acknowledged = run.sent.filter((s) => s.unit === t.code && s.status === 201).map((s) => s.version!);
      expect(stored.get(t.code)!.slice().sort(), t.code).toEqual(acknowledged.slice().sort());
    }
    expect(all).toHaveLength(AMOUNT * 0.8);
  });

  it("the server's memory stays bounded", () => {
    if (run.serverPeakGrowth === null) return expect(process.platform).not.toBe("linux");
    expect(run.serverPeakGrowth).toBeLessThan(300 * 1024 * 1024);
  });
});
