/**
 * Many uploads at once, and a server killed mid-upload: every acknowledged
 * upload is stored, versions are in order, nothing half-written is visible
 * after a restart, and a retry lands.
 */
// @ts-nocheck

import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueToken } from "../functions/auth/tokens";
import { demoRoster } from "../functions/local/server";
import { demoUnits, type SampleUnit } from "../templates/samples";
import { inspectWorkbook } from "../templates/inspect";
import { filesUnder, startServerProcess, tokenFor, type ServerProcess } from "./fixtures/server-process";
import { call, CITY, COUNTY, goodReport, startTestServer, tokenOf } from "./support/functions-server";

const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

describe("concurrent submissions (in-process server, filesystem storage)", () => {
  const towns = demoUnits(50, COUNTY);
  let s: Awaited<ReturnType<typeof startTestServer>>;
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    s = await startTestServer();
    const put = await call(s.url, "PUT", "/api/roster", { token: tokenOf(s, CITY), json: demoRoster(towns.length) });
    expect(put.status).toBe(200);
    for (const t of towns) tokens.set(t.code, await issueToken(s.ctx.keys, { sub: t.code, role: "unit", name: t.name }, 3600));
  });
  afterAll(async () => s?.cleanup());

  it("50 towns at once: all stored, each town's status names its version", async () => {
    const files = await Promise.all(towns.map((t, i) => goodReport(t, "2025-Y", 100 + i)));
    const answers = await Promise.all(
      towns.map((t, i) => call(s.url, "POST", `/api/periods/2025-Y/units/${t.code}/reports`, { token: tokens.get(t.code)!, bytes: files[i]! })),
    );
    expect(answers.map((a) => [a.status, a.body.seq])).toEqual(towns.map(() => [201, 1]));
    const st = await call(s.url, "GET", "/api/periods/2025-Y/status", { token: tokenOf(s, COUNTY) });
    expect(st.body.units.map((u: { code: string; state: string; version: string }) => [u.code, u.state, u.version])).toEqual(
      towns.map((t, i) => [t.code, "submitted", answers[i]!.body.version]),
    );
    // Each stored original is the uploaded file, byte for byte.
    for (const [i, t] of towns.entries()) {
      const link = await call(s.url, "GET", `/api/periods/2025-Y/units/${t.code}/reports/${answers[i]!.body.version}/link`, { token: tokens.get(t.code)! });
      const file = await call(s.url, "GET", link.body.url);
      expect(sha(file.body)).toBe(sha(files[i]!));
    }
  });

  it("10 at once from one town: all stored, in order, seq 1..10 after the first", async () => {
    const town = towns[0]!;
    const files = await Promise.all(Array.from({ length: 10 }, (_, i) => goodReport(town, "2025-Y", 1, (f) => void (f.cover!.preparer = `填报人${i + 1}`))));
    const answers = await Promise.all(files.map((bytes) => call(s.url, "POST", `/api/periods/2025-Y/units/${town.code}/reports`, { token: tokens.get(town.code)!, bytes })));
    expect(answers.map((a) => a.status)).toEqual(new Array(10).fill(201));
    expect(answers.map((a) => a.body.seq).sort((a: number, b: number) => a - b)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);

    const list = await call(s.url, "GET", `/api/periods/2025-Y/units/${town.code}/reports`, { token: tokens.get(town.code)! });
    const versions: Array<{ version: string; seq: number; preparer: string; submittedAt: string }> = list.body.versions;
    expect(versions.map((v) => v.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    const ids = versions.map((v) => v.version);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(11);
    const times = versions.map((v) => v.submittedAt);
    expect([...times].sort()).toEqual(times);
    // Every answer's version and seq is where the history has it, with that upload's preparer.
    for (const [i, a] of answers.entries()) {
      expect(versions[a.body.seq - 1]).toMatchObject({ version: a.body.version, preparer: `填报人${i + 1}` });
    }
  });
});

// ---------------------------------------------------------------------------

/** Send headers and half the body, then hang: the upload is cut when the server dies. */
function halfUpload(url: string, token: string, bytes: Uint8Array): Promise<string> {
  const u = new URL(url);
  return new Promise((resolve) => {
    const req = request({ hostname: u.hostname, port: u.port, path: u.pathname, method: "POST", headers: { authorization: `Bearer ${token}`, "content-length": String(bytes.byteLength) } }, (res) => {
      res.resume();
      resolve(`answered ${res.statusCode}`);
    });
    req.on("error", (e: NodeJS.ErrnoException) => resolve(e.code ?? "error"));
    req.write(bytes.subarray(0, bytes.byteLength >> 1));
  });
}

describe("a server killed mid-upload (child process), restarted on the same folder", () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "huizong-kill-"));
  const towns = demoUnits(6, COUNTY);
  let child: ServerProcess | null = null;
  afterAll(async () => {
    await child?.kill();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("keeps every acknowledged upload, shows nothing half-written, and takes the retry", async () => {
    const token = new Map<string, string>();
    for (const t of towns) token.set(t.code, await tokenFor(t.code, "unit", t.name));
    const countyToken = await tokenFor(COUNTY, "county", "示例区");
    const submit = (base: string, t: SampleUnit, bytes: Uint8Array) =>
      call(base, "POST", `/api/periods/2025-Y/units/${t.code}/reports`, { token: token.get(t.code)!, bytes }).catch((e: Error) => ({ status: 0, body: { error: e.message } }) as const);

    child = await startServerProcess(dataDir);
    const qy = towns[0]!;
    const first = await submit(child.url, qy, await goodReport(qy, "2025-Y", 1));
    expect(first.status).toBe(201);

    // One upload cut in half, and a burst of complete ones, some of them mid-write when the process dies.
    const files = await Promise.all(Array.from({ length: 18 }, (_, i) => goodReport(towns[i % 6]!, "2025-Y", 200 + i)));
    const cut = halfUpload(`${child.url}/api/periods/2025-Y/units/${qy.code}/reports`, token.get(qy.code)!, files[0]!);
    const burst = files.map((bytes, i) => submit(child!.url, towns[i % 6]!, bytes));
    await Promise.race(burst);
    await child.kill();
    const results = await Promise.all(burst);
    expect(await cut).not.toMatch(/^answered/);
    const acknowledged = results.flatMap((r, i) => (r.status === 201 ? [{ unit: towns[i % 6]!.code, version: (r.body as { version: string }).version, sha: sha(files[i]!) }] : []));
    expect(acknowledged.length).toBeGreaterThan(0);
    console.info(`[measure] killed with ${acknowledged.length} of ${results.length} uploads acknowledged`);

    child = await startServerProcess(dataDir);
    // No temp file survives the restart; every version on disk is a complete pair.
    const files2 = filesUnder(dataDir);
    expect(files2.filter((f) => path.basename(f).startsWith(".tmp-"))).toEqual([]);
    const st = await call(child.url, "GET", "/api/periods/2025-Y/status", { token: countyToken });
    expect(st.status).toBe(200);
    for (const row of st.body.units as Array<{ code: string; version: string | null; seq: number }>) {
      const list = await call(child.url, "GET", `/api/periods/2025-Y/units/${row.code}/reports`, { token: countyToken });
      const versions: Array<{ version: string; seq: number }> = list.body.versions;
      expect(row.seq).toBe(versions.length);
      expect(row.version).toBe(versions.at(-1)?.version ?? null);
      for (const v of versions) {
        const link = await call(child.url, "GET", `/api/periods/2025-Y/units/${row.code}/reports/${v.version}/link`, { token: countyToken });
        const file = await call(child.url, "GET", link.body.url);
        expect(file.status).toBe(200);
        const inspected = inspectWorkbook(file.body, { expectedPeriod: "2025-Y" });
        expect(inspected.ok && inspected.record?.unit.code).toBe(row.code);
      }
    }
    // Every acknowledged upload is there, byte for byte.
    for (const a of acknowledged) {
      const link = await call(child.url, "GET", `/api/periods/2025-Y/units/${a.unit}/reports/${a.version}/link`, { token: countyToken });
      expect(link.status).toBe(200);
      expect(sha((await call(child.url, "GET", link.body.url)).body)).toBe(a.sha);
    }

    const before = (st.body.units as Array<{ code: string; seq: number }>).find((u) => u.code === qy.code)!.seq;
    const retry = await submit(child.url, qy, files[0]!);
    expect(retry.status).toBe(201);
    expect((retry.body as { seq: number }).seq).toBe(before + 1);
    const after = await call(child.url, "GET", "/api/periods/2025-Y/status", { token: token.get(qy.code)! });
    expect(after.body.units[0]).toMatchObject({ code: qy.code, state: "submitted", version: (retry.body as { version: string }).version, seq: before + 1 });
  });
});
