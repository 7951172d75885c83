/**
 * Extends tests/functions-concurrency.test.ts (one SIGKILL after the first
 * answer) to several kill points: the server process is SIGKILLed at
 * different moments of a burst of uploads, restarted on the same folder, and
 * after every restart:
 *
 * - every file on disk under a final name is complete (byte-equal to one of
 *   the uploads, or valid JSON): no half-written file is ever visible;
 * - every acknowledged upload is listed and downloads byte for byte;
 * - every listed version has its record; each unit's status row agrees with
 *   its history;
 * - a retried upload lands as the next version.
 */
// @ts-nocheck

import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildTemplate } from "../templates/build";
import { demoUnits, sampleFill } from "../templates/samples";
import { filesUnder, startServerProcess, tokenFor, type ServerProcess } from "./fixtures/server-process";

const P = "2025-Y";
const COUNTY = "330102000000";
const towns = demoUnits(6, COUNTY);
const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
/**
 * When to kill, one restart each: some milliseconds after the burst starts, or after its
 * first acknowledged upload (machine-independent: the rest are then being written).
 */
const KILLS: { after: "start" | "first 201"; ms: number }[] = [
  { after: "start", ms: 0 },
  { after: "start", ms: 60 },
  { after: "first 201", ms: 0 },
  { after: "first 201", ms: 10 },
  { after: "first 201", ms: 30 },
];

const dataDir = mkdtempSync(path.join(tmpdir(), "huizong-kills-"));
let server: ServerProcess | null = null;
afterAll(async () => {
  await server?.kill();
  rmSync(dataDir, { recursive: true, force: true });
});

const filesOnDisk = () => filesUnder(dataDir);

describe("a server SIGKILLed at several moments of a burst, restarted each time", () => {
  it(`${KILLS.length} kills: nothing half-written, nothing acknowledged lost, retries land`, async () => {
    const tokens = new Map<string, string>();
    for (const t of towns) tokens.set(t.code, await tokenFor(t.code, "unit", t.name));
    const county = await tokenFor(COUNTY, "county", "示例区");
    const files = await Promise.all(Array.from({ length: 36 }, (_, i) => buildTemplate({ fill: sampleFill(towns[i % 6]!, P, 300 + i) })));
    const known = new Set(files.map(sha));
    const acknowledged: { unit: string; version: string; sha: string }[] = [];
    const api = (base: string, p: string, token: string) => fetch(`${base}${p}`, { headers: { authorization: `Bearer ${token}` } });
    const submit = (base: string, i: number) =>
      fetch(`${base}/api/periods/${P}/units/${towns[i % 6]!.code}/reports`, {
        method: "POST",
        headers: { authorization: `Bearer ${tokens.get(towns[i % 6]!.code)}`, "content-type": "application/octet-stream" },
        body: files[i] as unknown as BodyInit,
        // A request cut by the kill must end; never wait on it forever.
        signal: AbortSignal.timeout(15_000),
      })
        .then(async (r) => ({ status: r.status, body: (await r.json()) as { version?: string; seq?: number } }))
        .catch(() => ({ status: 0, body: {} as { version?: string; seq?: number } }));

    let killedMidway = 0;
    for (const kill of KILLS) {
      server = await startServerProcess(dataDir);
      const base = server.url;
      const burst = files.map((_, i) => submit(base, i));
      if (kill.after === "first 201") await Promise.race(burst.map((b) => b.then((r) => (r.status === 201 ? r : new Promise(() => undefined)))));
      await new Promise((r) => setTimeout(r, kill.ms));
      await server.kill("SIGKILL");
      const results = await Promise.all(burst);
      if (process.env.DEBUG_KILLS) console.log(`kill ${kill.ms} ms after ${kill.after}: ${results.map((r) => r.status).join(",")}`);
      results.forEach((r, i) => {
        if (r.status === 201) acknowledged.push({ unit: towns[i % 6]!.code, version: r.body.version!, sha: sha(files[i]!) });
      });
      if (results.some((r) => r.status === 0)) killedMidway++;

      server = await startServerProcess(dataDir);
      // On disk: only complete files under final names.
      for (const f of filesOnDisk()) {
        expect(path.basename(f).startsWith(".tmp-"), f).toBe(false);
        const bytes = new Uint8Array(readFileSync(path.join(dataDir, f)));
        if (f.endsWith(".xlsx")) expect(known.has(sha(bytes)), `${f} is one of the uploads, whole`).toBe(true);
        else if (f.endsWith(".json")) expect(() => JSON.parse(new TextDecoder().decode(bytes)), f).not.toThrow();
      }
      // Through the API: histories and status agree; each listed version downloads whole.
      const st = (await (await api(server.url, `/api/periods/${P}/status`, county)).json()) as { units: { code: string; version: string | null; seq: number }[] };
      for (const row of st.units) {
        const list = (await (await api(server.url, `/api/periods/${P}/units/${row.code}/reports`, county)).json()) as { versions: { version: string; seq: number }[] };
        expect(list.versions.map((v) => v.seq)).toEqual(list.versions.map((_, i) => i + 1));
        expect([row.seq, row.version]).toEqual([list.versions.length, list.versions.at(-1)?.version ?? null]);
        for (const v of list.versions) expect(filesOnDisk()).toContain(`periods/${P}/units/${row.code}/${v.version}.json`);
      }
      for (const a of acknowledged) {
        const link = (await (await api(server.url, `/api/periods/${P}/units/${a.unit}/reports/${a.version}/link`, county)).json()) as { url: string };
        expect(sha(new Uint8Array(await (await fetch(link.url)).arrayBuffer()))).toBe(a.sha);
      }
      // A retry of an upload lands as the next version.
      const before = st.units.find((u) => u.code === towns[0]!.code)!.seq;
      const retry = await submit(server.url, 0);
      expect([retry.status, retry.body.seq]).toEqual([201, before + 1]);
      acknowledged.push({ unit: towns[0]!.code, version: retry.body.version!, sha: sha(files[0]!) });
      await server.kill("SIGKILL");
      server = null;
    }
    // At least one kill landed with uploads still in flight (the point of the exercise).
    expect(killedMidway).toBeGreaterThan(0);
  }, 120_000);
});
