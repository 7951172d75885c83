/**
 * The commit protocol under the faults the service review found (issue 12,
 * cases 1 and 2), against real things:
 *
 * - a lost answer: the real AWS SDK against moto (which, as S3, refuses a
 *   second create-only PUT with 412); a middleware below the SDK's retry
 *   step lets a write land and then drops its answer, so the SDK retries its
 *   own successful write and meets 412. The version must come out complete
 *   and downloadable, never "conflict, original deleted";
 * - a race: two local server processes (two Lambda containers) on one data
 *   folder, submits and reviews fired together. No review may land on a
 *   version that was already superseded when it was written, and `seq`
 *   numbers must be unique.
 * - leftovers: objects of a version without a commit mark are swept only when
 *   provably uncommitted.
 */
// @ts-nocheck

import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { S3Client } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getVersion, listVersions, submitReport, reviewReport, sweepUncommitted, COMMIT_WINDOW_MS, SWEEP_AFTER_MS } from "../functions/service/reports";
import { openPeriod } from "../functions/service/periods";
import { createVersionIdGenerator, FsObjectStore, logKey, S3ObjectStore, versionKeys } from "../functions/storage/index";
import { demoUnits } from "../templates/samples";
import { rawRequest, startServerProcess, tokenFor, type ServerProcess } from "./fixtures/server-process";
import { COUNTY, goodReport, sampleUnit } from "./support/functions-server";
import { startMoto, type RunningMoto } from "./support/moto";

const TOWN = demoUnits(6, COUNTY)[0]!;
const P = "2025-Y";
const town = { code: TOWN.code, name: TOWN.name, role: "unit" };
const county = { code: COUNTY, name: "示例区", role: "county" };

/** Which PutObject answers to drop (by key suffix), and what happened to each PutObject. */
interface Faults {
  dropAnswerOf: (key: string) => boolean;
  sent: Array<{ key: string; status: number | string }>;
}

/**
 * A client whose PutObject answers can be lost: the middleware sits in the
 * deserialize step, inside the SDK's retry loop, so the request really
 * reaches the server and the object lands; then the answer is replaced by
 * a connection reset, which the SDK's standard retry strategy retries.
 */
function faultyClient(moto: RunningMoto, faults: Faults): S3Client {
  const client = moto.makeClient({ maxAttempts: 3 });
  const dropped = new Set<string>();
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName !== "PutObjectCommand") return next(args);
      const key = String((args.input as { Key?: string }).Key);
      // Inside the deserializer: `out.response` is the raw HTTP answer (a 412 is thrown only further out).
      const out = await next(args);
      const status = (out.response as { statusCode?: number }).statusCode ?? 0;
      faults.sent.push({ key, status });
      if (status === 200 && faults.dropAnswerOf(key) && !dropped.has(key)) {
        dropped.add(key);
        throw Object.assign(new Error("socket hang up (answer dropped by the test)"), { code: "ECONNRESET" });
      }
      return out;
    },
    { step: "deserialize", name: "dropAnswer", priority: "low" },
  );
  return client;
}

describe("a lost answer to a successful write (real SDK retry against moto)", () => {
  let moto: RunningMoto;
  let n = 0;
  beforeAll(async () => {
    moto = await startMoto();
  }, 150_000);
  afterAll(async () => moto?.stop());

  it.each([
    ["the envelope (.json)", (k: string) => /\/v[^/]+\.json$/.test(k)],
    ["the original (.xlsx)", (k: string) => k.endsWith(".xlsx")],
    ["the commit mark (log slot)", (k: string) => k.includes("/log/")],
  ])("answer of %s dropped: 201, the version complete and downloadable, nothing deleted", async (_what, drop) => {
    const faults: Faults = { dropAnswerOf: drop, sent: [] };
    const store = new S3ObjectStore({ bucket: moto.bucket, prefix: `lost${++n}`, client: faultyClient(moto, faults) });
    await openPeriod(store, P, "test", new Date());
    const bytes = await goodReport(sampleUnit({ ...TOWN, parent: COUNTY }), P);
    const r = await submitReport(store, { periodId: P, unitCode: TOWN.code, bytes, by: town });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.version.seq).toBe(1);
    // The SDK did retry the dropped write, and moto refused the retry as S3 does: 200 then 412 on one key.
    const retried = faults.sent.filter((s) => drop(s.key));
    expect(retried.map((s) => s.status)).toEqual([200, 412]);
    const keys = versionKeys(P, TOWN.code, r.version.version);
    expect(await store.get(keys.xlsx)).toEqual(bytes);
    expect((await getVersion(store, P, TOWN.code, r.version.version))?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await listVersions(store, P, TOWN.code)).map((v) => [v.version, v.seq, v.state])).toEqual([[r.version.version, 1, "submitted"]]);
    expect(await store.list(`periods/${P}/units/${TOWN.code}/log/`)).toEqual([logKey(P, TOWN.code, 1)]);
  });

  it("a review whose answer is dropped is stamped once", async () => {
    const faults: Faults = { dropAnswerOf: () => false, sent: [] };
    const store = new S3ObjectStore({ bucket: moto.bucket, prefix: `lost${++n}`, client: faultyClient(moto, faults) });
    await openPeriod(store, P, "test", new Date());
    const r = await submitReport(store, { periodId: P, unitCode: TOWN.code, bytes: await goodReport(sampleUnit({ ...TOWN, parent: COUNTY }), P), by: town });
    if (!r.ok) throw new Error("submit failed");
    faults.dropAnswerOf = (k) => k.endsWith(logKey(P, TOWN.code, 2));
    const review = await reviewReport(store, { periodId: P, unitCode: TOWN.code, version: r.version.version, action: "accept", reason: "", by: county, now: new Date() });
    expect(review.ok).toBe(true);
    expect(faults.sent.filter((s) => s.key.endsWith(logKey(P, TOWN.code, 2))).map((s) => s.status)).toEqual([200, 412]);
    expect((await listVersions(store, P, TOWN.code)).map((v) => v.state)).toEqual(["accepted"]);
    expect(await store.list(`periods/${P}/units/${TOWN.code}/log/`)).toEqual([logKey(P, TOWN.code, 1), logKey(P, TOWN.code, 2)]);
  });
});

describe("submits and reviews at once on two server processes sharing one store", () => {
  let dataDir: string;
  let a: ServerProcess;
  let b: ServerProcess;
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), "huizong-race-"));
    const env = { HUIZONG_VERSIONS_PER_HOUR: "1000" };
    a = await startServerProcess(dataDir, env);
    b = await startServerProcess(dataDir, env);
  }, 300_000);
  afterAll(async () => {
    await a?.kill();
    await b?.kill();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it("no review lands on a superseded version; seq numbers are unique and gap-free", async () => {
    const townToken = await tokenFor(TOWN.code, "unit", TOWN.name);
    const countyToken = await tokenFor(COUNTY, "county", "示例区");
    const reportsPath = `/api/periods/${P}/units/${TOWN.code}/reports`;
    const file = await goodReport(sampleUnit({ ...TOWN, parent: COUNTY }), P);
    const submit = (s: ServerProcess) => rawRequest(s.url, "POST", reportsPath, { token: townToken, body: file, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
    const review = (s: ServerProcess, version: string) =>
      rawRequest(s.url, "POST", `${reportsPath}/${version}/review`, { token: countyToken, body: new TextEncoder().encode(JSON.stringify({ action: "accept" })), contentType: "application/json" });

    const first = await submit(a);
    expect([first.status, first.body.seq]).toEqual([201, 1]);
    let known = first.body.version as string;
    const seqs: number[] = [1];
    const reviewStatus: number[] = [];
    // Eight rounds: in each, both processes take a submission while both accept the version last seen.
    for (let round = 0; round < 8; round++) {
      const [s1, s2, r1, r2] = await Promise.all([submit(a), submit(b), review(b, known), review(a, known)]);
      for (const s of [s1, s2]) {
        expect(s.status).toBe(201);
        seqs.push(s.body.seq as number);
      }
      for (const r of [r1, r2]) {
        expect([200, 409]).toContain(r.status);
        if (r.status === 409) expect(r.body.code).toBe("VERSION_SUPERSEDED");
        reviewStatus.push(r.status);
      }
      known = (s1.body.seq > s2.body.seq ? s1 : s2).body.version as string;
    }
    expect([...seqs].sort((x, y) => x - y)).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));

    // Replay the log as stored: every review names the latest version as of its own slot.
    const logDir = path.join(dataDir, "periods", P, "units", TOWN.code, "log");
    const entries = readdirSync(logDir)
      .filter((f) => f.endsWith(".json"))
      .sort()
      .map((f) => JSON.parse(readFileSync(path.join(logDir, f), "utf8")) as { slot: number; kind: string; version?: string; review?: { version: string } });
    expect(entries.map((e) => e.slot)).toEqual(entries.map((_, i) => i + 1));
    let latest: string | null = null;
    let reviewsStamped = 0;
    for (const e of entries) {
      if (e.kind === "version") latest = e.version!;
      else {
        expect(e.review!.version).toBe(latest);
        reviewsStamped += 1;
      }
    }
    expect(entries.filter((e) => e.kind === "version")).toHaveLength(17);
    expect(reviewsStamped).toBe(reviewStatus.filter((st) => st === 200).length);
    // What the API says agrees with the log: accepted only where a review was stamped on the then-latest version.
    const history = await rawRequest(a.url, "GET", reportsPath, { token: countyToken });
    expect(history.body.versions.map((v: { seq: number }) => v.seq)).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));
  }, 180_000);
});

describe("leftovers of a version without a commit mark", () => {
  it("are swept only once provably uncommitted (past the commit window, by a wide margin)", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "huizong-sweep-"));
    try {
      const store = new FsObjectStore({ root: dir });
      await openPeriod(store, P, "test", new Date());
      const now = new Date();
      const committed = await submitReport(store, { periodId: P, unitCode: TOWN.code, bytes: await goodReport(sampleUnit({ ...TOWN, parent: COUNTY }), P), by: town });
      if (!committed.ok) throw new Error("submit failed");
      const idAt = (ms: number) => createVersionIdGenerator({ now: () => ms, random32: () => 0xabcdef01 })();
      const old = versionKeys(P, TOWN.code, idAt(now.getTime() - SWEEP_AFTER_MS - 1000));
      const young = versionKeys(P, TOWN.code, idAt(now.getTime() - COMMIT_WINDOW_MS - 1000));
      for (const k of [old.xlsx, old.json, young.xlsx, young.json]) await store.put(k, new Uint8Array([1, 2, 3]));
      const removed = await sweepUncommitted(store, P, now);
      expect(removed.sort()).toEqual([old.json, old.xlsx].sort());
      for (const k of [young.xlsx, young.json, ...Object.values(versionKeys(P, TOWN.code, committed.version.version))]) expect(await store.exists(k)).toBe(true);
      expect((await listVersions(store, P, TOWN.code)).map((v) => v.version)).toEqual([committed.version.version]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
