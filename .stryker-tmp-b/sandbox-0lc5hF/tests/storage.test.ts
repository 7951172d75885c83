/**
 * Storage port on the servers: the shared contract (tests/support/storage-contract.ts) on S3 against a
 * real s3rver on loopback, and its paging cases on moto (the rest of moto's run, the filesystem's and
 * the key layout are in tests/storage-s3.test.ts, storage-fs.test.ts and storage-keys.test.ts, which
 * the mutation run uses); then what needs a child process: crash safety of the filesystem adapter; and
 * HUIZONG_DATA_DIR.
 */
// @ts-nocheck

import { spawn } from "node:child_process";
import { mkdtemp, readdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

import { S3Client } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  createStoreFromEnv,
  FsObjectStore,
  rosterKey,
  S3ObjectStore,
  StorageNotFound,
  unitPrefix,
  versionKey,
} from "../functions/storage";
import { caught, bytes, P, storageSuite, U, utf8, V } from "./support/storage-contract";
import { startMoto, type RunningMoto } from "./support/moto";
import { startS3rver, type RunningS3rver } from "./support/s3rver";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

// ---------------------------------------------------------------------------
// The suite on both adapters

const tempRoots: string[] = [];
async function freshDir(label: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), `huizong-${label}-`));
  tempRoots.push(dir);
  return dir;
}
afterAll(async () => {
  await Promise.all(tempRoots.map((d) => rm(d, { recursive: true, force: true })));
});

let s3: RunningS3rver;
let s3Client: S3Client;
let listRequests = 0;
let prefixCounter = 0;
beforeAll(async () => {
  s3 = await startS3rver();
  s3Client = s3.makeClient();
  // Observe (not alter) the requests, to see pagination actually happen.
  s3Client.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName === "ListObjectsV2Command") listRequests += 1;
      return next(args);
    },
    { step: "initialize", name: "countListRequests" },
  );
}, 30_000);
afterAll(async () => {
  await s3?.stop();
});

storageSuite("S3 (s3rver)", { supportsConditionalWrites: false, reportsDeepOnlyFolders: false }, () => ({
  // Each test gets its own prefix in the one bucket, which also exercises the adapter's prefix option.
  makeStore: async () => new S3ObjectStore({ bucket: s3.bucket, prefix: `t${++prefixCounter}`, client: s3Client }),
  listRequests: () => listRequests,
}));

// moto 5.2.1: an S3 server that implements conditional writes (If-None-Match: * → 412) as S3 does.
let moto: RunningMoto;
let motoClient: S3Client;
let motoLists = 0;
beforeAll(async () => {
  moto = await startMoto();
  motoClient = moto.makeClient();
  motoClient.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName === "ListObjectsV2Command") motoLists += 1;
      return next(args);
    },
    { step: "initialize", name: "countListRequests" },
  );
}, 150_000);
afterAll(async () => {
  await moto?.stop();
});

storageSuite(
  "S3 (moto)",
  { supportsConditionalWrites: true, reportsDeepOnlyFolders: true },
  () => ({
    makeStore: async () => new S3ObjectStore({ bucket: moto.bucket, prefix: `m${++prefixCounter}`, client: motoClient }),
    listRequests: () => motoLists,
  }),
  "paging",
);

// ---------------------------------------------------------------------------
// Filesystem specifics

function runCrashWriter(root: string, key: string, size: number, fill: number) {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "tests/support/fs-crash-writer.ts"), root, key, String(size), String(fill)], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once("exit", (_code, signal) => resolve(signal)));
  const started = new Promise<void>((resolve, reject) => {
    createInterface({ input: child.stdout }).on("line", (line) => {
      if (line === "writing") resolve();
      if (line === "done") reject(new Error("the writer finished before it could be killed"));
    });
    child.once("exit", () => reject(new Error("the writer exited before writing")));
  });
  return { child, exited, started };
}

/** Wait until a `.tmp-*` file in `dir` holds some but not all bytes; return its size. */
async function waitForPartialTemp(dir: string, total: number): Promise<number> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const names = await readdir(dir).catch(() => [] as string[]);
    const temp = names.find((n) => n.startsWith(".tmp-"));
    if (temp) {
      const size = (await stat(path.join(dir, temp)).catch(() => null))?.size ?? 0;
      if (size > 0 && size < total) return size;
    }
    await new Promise((r) => setImmediate(r));
  }
  throw new Error("no partial temp file seen");
}

describe("filesystem adapter", () => {
  const SIZE = 256 * 1024 * 1024;

  it.each([
    ["a new key", false],
    ["an existing key", true],
  ])("a writer SIGKILLed mid-write on %s leaves no partial object", { timeout: 60_000 }, async (_label, hadOld) => {
    const root = path.join(await freshDir("crash"), "data");
    const store = new FsObjectStore({ root });
    const key = versionKey(P, U, V, "xlsx");
    const old = utf8.encode("旧的完整内容");
    if (hadOld) await store.put(key, old);
    const { child, exited, started } = runCrashWriter(root, key, SIZE, 0x42);
    await started;
    await waitForPartialTemp(path.join(root, unitPrefix(P, U)), SIZE);
    child.kill("SIGKILL");
    expect(await exited).toBe("SIGKILL");

    const dir = path.join(root, unitPrefix(P, U));
    const leftovers = (await readdir(dir)).filter((n) => n.startsWith(".tmp-"));
    expect(leftovers).toHaveLength(1);
    // What the kill left behind is a cut write (a crash mid-write, not after the data was complete).
    const cut = (await stat(path.join(dir, leftovers[0]!))).size;
    expect(cut).toBeGreaterThan(0);
    expect(cut).toBeLessThan(SIZE);
    expect(await store.list("")).toEqual(hadOld ? [key] : []);
    if (hadOld) expect(await store.get(key)).toEqual(old);
    else expect(await caught(store.get(key))).toBeInstanceOf(StorageNotFound);
    expect(await store.exists(key)).toBe(hadOld);

    expect(await store.sweepTemporaryFiles(0)).toBe(1);
    expect((await readdir(dir)).filter((n) => n.startsWith(".tmp-"))).toEqual([]);
  });

});

// ---------------------------------------------------------------------------
// Environment wiring of the filesystem adapter (the S3 adapter's cases, and the rest of the wiring, run on
// moto in tests/storage-s3.test.ts: one copy of each case, on the server that honours conditional writes)

describe("createStoreFromEnv", () => {
  it("uses HUIZONG_DATA_DIR", async () => {
    const dir = await freshDir("env");
    const store = createStoreFromEnv({ HUIZONG_STORAGE: "fs", HUIZONG_DATA_DIR: dir });
    await store.putText(rosterKey(), "名单");
    expect((await stat(path.join(dir, "config", "roster.json"))).size).toBe(6);
  });
});
