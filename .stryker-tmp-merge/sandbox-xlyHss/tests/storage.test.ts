/**
 * Storage port: one shared suite run on both adapters (filesystem in temp
 * folders, S3 against a real s3rver on loopback), then the key layout, then
 * adapter-specific behaviour (crash safety, unreachable servers, env wiring).
 */
// @ts-nocheck


import { spawn } from "node:child_process";
import { mkdtemp, readdir, rm, stat, writeFile, mkdir } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

import { HeadObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import {
  assertListPrefix,
  assertObjectKey,
  consolidationKey,
  consolidationKeys,
  consolidationsPrefix,
  createStoreFromEnv,
  createVersionIdGenerator,
  FsObjectStore,
  InvalidKeyInput,
  newVersionId,
  parseConsolidationKey,
  parsePeriodKey,
  parsePeriodPrefix,
  parseReviewKey,
  parseVersionKey,
  periodKey,
  periodPrefix,
  periodsPrefix,
  reviewKey,
  reviewsPrefix,
  rosterKey,
  S3ObjectStore,
  StorageConfigError,
  StorageConflict,
  StorageCorrupt,
  StorageError,
  StorageNotFound,
  StorageUnavailable,
  unitPrefix,
  versionIdTime,
  versionKey,
  versionKeys,
  VERSION_ID_RE,
  type ObjectStore,
} from "../functions/storage";
import { putOnce } from "../functions/storage/port";
import { startMoto, type RunningMoto } from "./support/moto";
import { startS3rver, s3rverClient, type RunningS3rver } from "./support/s3rver";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const P = "2025-Y";
const U = "330101001001";
const V = "v20250314T081502123Z-1a2b3c4d";
const utf8 = new TextEncoder();

/** What a backend is measured to do, where backends differ. */
interface Capabilities {
  /**
   * Whether `PutObject` with `If-None-Match: *` is refused (412) when the key
   * exists. Real S3 does (conditional writes, 2024-08) and the filesystem
   * adapter does (`link()` + EEXIST). s3rver 3.7.1 does NOT: its putObject
   * controller never reads `If-None-Match` (only GET/HEAD honour it, as 304),
   * so the second write silently replaces the first. The create-only tests
   * are therefore registered only where writes are conditional (filesystem,
   * moto); on s3rver they would assert nothing true of S3.
   */
  supportsConditionalWrites: boolean;
  /**
   * Whether `listFolders` reports a child folder whose objects all lie two
   * or more levels below it (`periods/` → `periods/2025-Q3/` when only
   * `periods/2025-Q3/units/{u}/{v}.json` exists). Real S3 does (a common
   * prefix is computed from every key) and the filesystem adapter does.
   * s3rver 3.7.1 does NOT: with a delimiter its directory walk never enters a
   * folder beneath a common prefix, so only objects one level down are seen
   * and such a folder is missing from `CommonPrefixes`. Asserted as measured,
   * like conditional writes above.
   */
  reportsDeepOnlyFolders: boolean;
}

interface Harness {
  /** A fresh, empty store for one test. */
  makeStore(): Promise<ObjectStore>;
  caps: Capabilities;
  /** How many ListObjectsV2 requests were sent so far (S3 only), to see pagination happen. */
  listRequests?: () => number;
}

function bytes(...values: number[]): Uint8Array {
  return Uint8Array.from(values);
}

/** Run `fn` over `items` with at most `width` in flight. */
async function inBatches<T>(items: T[], width: number, fn: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += width) await Promise.all(items.slice(i, i + width).map(fn));
}

async function caught(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (err) {
    return err;
  }
  throw new Error("expected a rejection");
}

/** Keys an adapter must refuse before any I/O (raw keys, not builder inputs). */
const UNSAFE_KEYS: [string, string][] = [
  ["parent segment", "../x.json"],
  ["parent in the middle", "periods/../config/roster.json"],
  ["absolute", "/etc/passwd"],
  ["empty segment", "periods//x.json"],
  ["dot segment", "periods/./x.json"],
  ["trailing slash", "periods/"],
  ["temp-file name", "periods/.tmp-abc"],
  ["dot file", ".env"],
  ["backslash", "periods\\..\\x"],
  ["percent-escaped dots", "%2e%2e/x.json"],
  ["NUL", "x.json\u0000.png"],
  ["full-width dots and slash", "\uff0e\uff0e\uff0fx"],
  ["space", "a b.json"],
  ["empty", ""],
];

function storageSuite(name: string, caps: Capabilities, setup: () => Omit<Harness, "caps">): void {
  describe(`ObjectStore contract: ${name}`, () => {
    let h: Harness;
    let store: ObjectStore;
    beforeAll(() => {
      h = { ...setup(), caps };
    });
    beforeEach(async () => {
      store = await h.makeStore();
    });

    it("round-trips every byte value and a 300 KiB binary body", async () => {
      const all = Uint8Array.from({ length: 256 }, (_, i) => i);
      const big = Uint8Array.from({ length: 300 * 1024 }, (_, i) => (i * 7919 + (i >> 9)) & 0xff);
      await store.put(versionKey(P, U, V, "xlsx"), all);
      await store.put("blobs/big.bin", big);
      const gotAll = await store.get(versionKey(P, U, V, "xlsx"));
      expect(gotAll).toBeInstanceOf(Uint8Array);
      expect(gotAll).toEqual(all);
      expect(await store.get("blobs/big.bin")).toEqual(big);
      expect(await store.get("blobs/big.bin").then((b) => b.byteLength)).toBe(300 * 1024);
    });

    it("round-trips Chinese JSON as UTF-8", async () => {
      const record = { 单位: "西湖区科技局", 指标: { 研发经费: 1234.5, 备注: "含“引号”与换行\n" }, 空: null };
      await store.putJson(periodKey(P), record);
      expect(await store.getJson(periodKey(P))).toEqual(record);
      const raw = await store.get(periodKey(P));
      expect(raw).toEqual(utf8.encode(JSON.stringify(record)));
      expect(await store.getText(periodKey(P))).toBe(JSON.stringify(record));
    });

    it("overwrites on a plain put and reports existence", async () => {
      expect(await store.exists(rosterKey())).toBe(false);
      await store.putText(rosterKey(), "旧");
      await store.putText(rosterKey(), "新的名单");
      expect(await store.getText(rosterKey())).toBe("新的名单");
      expect(await store.exists(rosterKey())).toBe(true);
      expect(await store.exists("config")).toBe(false);
    });

    it("stores an empty body", async () => {
      await store.put("empty/zero.bin", new Uint8Array(0));
      expect(await store.get("empty/zero.bin")).toEqual(new Uint8Array(0));
      expect(await store.list("empty/")).toEqual(["empty/zero.bin"]);
    });

    it.each([
      ["get", (s: ObjectStore, k: string) => s.get(k)],
      ["getText", (s: ObjectStore, k: string) => s.getText(k)],
      ["getJson", (s: ObjectStore, k: string) => s.getJson(k)],
    ] as const)("%s of a missing key throws StorageNotFound", async (_name, read) => {
      const key = versionKey(P, U, V, "json");
      const err = await caught(read(store, key));
      expect(err).toBeInstanceOf(StorageNotFound);
      expect(err).toBeInstanceOf(StorageError);
      expect(err).toMatchObject({ code: "STORAGE_NOT_FOUND", key, name: "StorageNotFound" });
      expect((err as Error).message).toBe("要读取的数据不存在（可能尚未上传或已被删除）。");
    });

    it("getText/getJson report undecodable bytes as StorageCorrupt", async () => {
      await store.put("bad/latin1.json", bytes(0x7b, 0xe9, 0x7d));
      await store.putText("bad/notjson.json", "{不是 JSON");
      expect(await caught(store.getText("bad/latin1.json"))).toMatchObject({ code: "STORAGE_CORRUPT", key: "bad/latin1.json" });
      const err = await caught(store.getJson("bad/notjson.json"));
      expect(err).toBeInstanceOf(StorageCorrupt);
      expect(err).toMatchObject({ code: "STORAGE_CORRUPT", key: "bad/notjson.json" });
    });

    it("lists by prefix, recursively, sorted, without partial-segment surprises", async () => {
      const v1 = "v20250101T000000000Z-00000001";
      const v2 = "v20250101T000000000Z-00000002";
      const keys = [
        rosterKey(),
        periodKey(P),
        periodKey("2025-H1"),
        versionKey(P, U, v2, "xlsx"),
        versionKey(P, U, v1, "json"),
        versionKey(P, U, v1, "xlsx"),
        reviewKey(P, U, v1),
        versionKey(P, "330101001002", v1, "xlsx"),
        consolidationKey(P, "330100000000", v1, "xlsx"),
      ];
      await Promise.all(keys.map((k, i) => store.put(k, bytes(i))));
      const cases: [string, string[]][] = [
        ["", [...keys].sort()],
        ["config/", ["config/roster.json"]],
        ["periods/2025-H1/", ["periods/2025-H1/period.json"]],
        [
          unitPrefix(P, U),
          [
            `periods/2025-Y/units/${U}/reviews/${v1}.json`,
            `periods/2025-Y/units/${U}/${v1}.json`,
            `periods/2025-Y/units/${U}/${v1}.xlsx`,
            `periods/2025-Y/units/${U}/${v2}.xlsx`,
          ],
        ],
        [reviewsPrefix(P, U), [`periods/2025-Y/units/${U}/reviews/${v1}.json`]],
        [`${unitPrefix(P, U)}v20250101T000000000Z-00000002`, [`periods/2025-Y/units/${U}/${v2}.xlsx`]],
        ["periods/2025-Y/units/33010100100", [...keys].filter((k) => k.includes("/units/")).sort()],
        [consolidationsPrefix(P), [`periods/2025-Y/consolidations/330100000000/${v1}.xlsx`]],
        ["periods/2025-Q3/", []],
        ["nothing", []],
      ];
      for (const [prefix, expected] of cases) {
        expect({ prefix, keys: await store.list(prefix) }).toEqual({ prefix, keys: expected });
      }
    });

    it("lists more than 1000 keys across pages", { timeout: 60_000 }, async () => {
      const keys = Array.from({ length: 1100 }, (_, i) => `bulk/${String(i % 7)}/k${String(1099 - i).padStart(4, "0")}.bin`);
      await inBatches(keys, 25, (k) => store.put(k, bytes(1)));
      await store.put("bulkier/outside.bin", bytes(2));
      const before = h.listRequests?.() ?? 0;
      const listed = await store.list("bulk/");
      expect(listed).toHaveLength(1100);
      expect(listed).toEqual([...keys].sort());
      expect(new Set(listed).size).toBe(1100);
      if (h.listRequests) expect(h.listRequests() - before).toBe(2);
    });

    it("lists the immediate child folders under a prefix, sorted, only while they hold an object", async () => {
      const v1 = "v20250101T000000000Z-00000001";
      await Promise.all(
        [
          rosterKey(),
          periodKey(P),
          versionKey(P, U, v1, "xlsx"),
          reviewKey(P, U, v1),
          periodKey("2025-H1"),
          // Only nested keys below 2025-Q3/ and its units/ (and below 2025-Y/units/): folders all the same.
          versionKey("2025-Q3", U, v1, "json"),
          "periods/readme.json",
          "periods-old/a.json",
          periodKey("2025-M01"),
        ].map((k, i) => store.put(k, bytes(i))),
      );
      // Emptied by a delete: gone on S3; on the filesystem its folder stays behind (see delete) but holds no key.
      await store.delete(periodKey("2025-M01"));
      const deep = h.caps.reportsDeepOnlyFolders;
      const periods = ["periods/2025-H1/", ...(deep ? ["periods/2025-Q3/"] : []), "periods/2025-Y/"];
      const cases: [string, string[]][] = [
        ["", ["config/", "periods-old/", "periods/"]],
        ["periods/", periods],
        ["periods/2025-", periods],
        ["periods", ["periods-old/", "periods/"]],
        ["periods/2025-Y/", deep ? ["periods/2025-Y/units/"] : []],
        ["periods/2025-Y/units/", [`periods/2025-Y/units/${U}/`]],
        [unitPrefix(P, U), [`periods/2025-Y/units/${U}/reviews/`]],
        [reviewsPrefix(P, U), []],
        ["periods/2025-Q3/", deep ? ["periods/2025-Q3/units/"] : []],
        [`periods/2025-Q3/units/`, [`periods/2025-Q3/units/${U}/`]],
        ["periods/2025-M01/", []],
        ["config/", []],
        ["periods/readme.json", []],
        ["nothing/", []],
        ["nothing", []],
      ];
      for (const [prefix, expected] of cases) {
        expect({ prefix, folders: await store.listFolders(prefix) }).toEqual({ prefix, folders: expected });
      }
    });

    it("lists child folders across pages (over 1000 children)", { timeout: 60_000 }, async () => {
      // 1050 objects directly under the prefix push both S3 and s3rver (which pages by objects only) past one
      // page; every 50th name is also a folder, sorting right after its namesake file (`.` < `/`).
      const files = Array.from({ length: 1050 }, (_, i) => `many/n${String(i).padStart(4, "0")}.bin`);
      const folders = files.flatMap((f, i) => (i % 50 === 7 ? [`${f.slice(0, -4)}/`] : []));
      await inBatches([...files, ...folders.map((f) => `${f}x.bin`)], 25, (k) => store.put(k, bytes(1)));
      await store.put("manyother/outside/x.bin", bytes(2));
      const before = h.listRequests?.() ?? 0;
      const listed = await store.listFolders("many/");
      expect(folders).toHaveLength(21);
      expect(listed).toEqual(folders);
      if (h.listRequests) expect(h.listRequests() - before).toBe(2);
    });

    it("deletes, and deleting a missing key is a no-op", async () => {
      const key = versionKey(P, U, V, "json");
      await store.putJson(key, { a: 1 });
      await store.put("keep/me.json", bytes(1));
      await store.delete(key);
      expect(await store.exists(key)).toBe(false);
      expect(await caught(store.get(key))).toBeInstanceOf(StorageNotFound);
      expect(await store.list("")).toEqual(["keep/me.json"]);
      await expect(store.delete(key)).resolves.toBeUndefined();
      await expect(store.delete("never/was.json")).resolves.toBeUndefined();
    });

    it("ifAbsent creates a missing key", async () => {
      await store.put(rosterKey(), bytes(1, 2, 3), { ifAbsent: true });
      expect(await store.get(rosterKey())).toEqual(bytes(1, 2, 3));
    });

    // Create-only semantics are asserted only on backends that enforce them (the filesystem, moto as real S3
    // does). s3rver 3.7.1 ignores If-None-Match on PUT (see Capabilities); it is not a model of S3 here, and
    // the service's commit protocol is tested on moto instead.
    if (caps.supportsConditionalWrites) {
      it("ifAbsent on an existing key: StorageConflict (S3 412), the first object kept", async () => {
        await store.put(rosterKey(), utf8.encode("第一份"), { ifAbsent: true });
        const err = await caught(store.put(rosterKey(), utf8.encode("第二份"), { ifAbsent: true }));
        expect(err).toBeInstanceOf(StorageConflict);
        expect(err).toMatchObject({ code: "STORAGE_CONFLICT", key: rosterKey() });
        expect(await store.getText(rosterKey())).toBe("第一份");
      });

      it("20 concurrent ifAbsent writers to one key: exactly one wins, 19 StorageConflict", async () => {
        const results = await Promise.allSettled(
          Array.from({ length: 20 }, (_, i) => store.put(rosterKey(), bytes(i), { ifAbsent: true })),
        );
        const won = results.flatMap((r, i) => (r.status === "fulfilled" ? [i] : []));
        const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(19);
        for (const r of lost) expect(r.reason).toBeInstanceOf(StorageConflict);
        expect((await store.get(rosterKey()))[0]).toBe(won[0]);
      });

      it("putOnce: identical bytes already stored (our own retried write) is success; other bytes are a conflict", async () => {
        await store.put(rosterKey(), utf8.encode("同一份"), { ifAbsent: true });
        await expect(putOnce(store, rosterKey(), utf8.encode("同一份"))).resolves.toBe("already");
        expect(await caught(putOnce(store, rosterKey(), utf8.encode("另一份")))).toBeInstanceOf(StorageConflict);
        await expect(putOnce(store, "other/key.json", utf8.encode("新"))).resolves.toBe("created");
        expect(await store.getText(rosterKey())).toBe("同一份");
      });
    }

    it("50 concurrent writers of new versions for one unit land as distinct keys in call order", async () => {
      const ids: string[] = [];
      await Promise.all(
        Array.from({ length: 50 }, (_, i) => {
          const id = newVersionId();
          ids.push(id);
          const keys = versionKeys(P, U, id);
          return Promise.all([
            store.put(keys.xlsx, bytes(i, 0xaa), { ifAbsent: true }),
            store.putJson(keys.json, { writer: i, 单位: U }, { ifAbsent: true }),
          ]);
        }),
      );
      const listed = await store.list(unitPrefix(P, U));
      expect(listed).toHaveLength(100);
      const xlsx = listed.map(parseVersionKey).filter((p) => p?.kind === "xlsx");
      expect(xlsx.map((p) => p!.versionId)).toEqual(ids);
      expect(new Set(ids).size).toBe(50);
      for (const [i, id] of ids.entries()) {
        expect(await store.get(versionKey(P, U, id, "xlsx"))).toEqual(bytes(i, 0xaa));
        expect(await store.getJson(versionKey(P, U, id, "json"))).toEqual({ writer: i, 单位: U });
      }
    });

    it.each(UNSAFE_KEYS)("refuses an unsafe raw key before any I/O (%s)", async (_why, key) => {
      for (const attempt of [
        () => store.put(key, bytes(1)),
        () => store.get(key),
        () => store.exists(key),
        () => store.delete(key),
      ]) {
        const err = await caught(attempt());
        expect(err).toBeInstanceOf(InvalidKeyInput);
        expect(err).toMatchObject({ code: "INVALID_KEY_INPUT", field: "key" });
      }
      expect(await store.list("")).toEqual([]);
    });

    it.each(["../", "/", "a//", "%2e%2e/", ".tmp-", "a\\", "periods/../", "periods/.tmp-"])(
      "refuses an unsafe list prefix %j",
      async (prefix) => {
        for (const attempt of [() => store.list(prefix), () => store.listFolders(prefix)]) {
          const err = await caught(attempt());
          expect(err).toBeInstanceOf(InvalidKeyInput);
          expect(err).toMatchObject({ code: "INVALID_KEY_INPUT", field: "prefix" });
        }
      },
    );
  });
}

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

storageSuite("filesystem", { supportsConditionalWrites: true, reportsDeepOnlyFolders: true }, () => ({
  makeStore: async () => new FsObjectStore({ root: path.join(await freshDir("fs"), "data") }),
}));

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

storageSuite("S3 (moto)", { supportsConditionalWrites: true, reportsDeepOnlyFolders: true }, () => ({
  makeStore: async () => new S3ObjectStore({ bucket: moto.bucket, prefix: `m${++prefixCounter}`, client: motoClient }),
  listRequests: () => motoLists,
}));

// ---------------------------------------------------------------------------
// Key layout

describe("key layout", () => {
  it("builds the documented keys", () => {
    const table: [string, string][] = [
      [rosterKey(), "config/roster.json"],
      [periodsPrefix(), "periods/"],
      [periodPrefix("2025-M10"), "periods/2025-M10/"],
      [periodKey("2025-Q3"), "periods/2025-Q3/period.json"],
      [unitPrefix("2025-H1", U), "periods/2025-H1/units/330101001001/"],
      [versionKey(P, U, V, "xlsx"), `periods/2025-Y/units/330101001001/${V}.xlsx`],
      [versionKey(P, U, V, "json"), `periods/2025-Y/units/330101001001/${V}.json`],
      [reviewsPrefix(P, U), "periods/2025-Y/units/330101001001/reviews/"],
      [reviewKey(P, U, V), `periods/2025-Y/units/330101001001/reviews/${V}.json`],
      [consolidationsPrefix(P), "periods/2025-Y/consolidations/"],
      [consolidationsPrefix(P, "330100000000"), "periods/2025-Y/consolidations/330100000000/"],
      [consolidationKey(P, "330100000000", V, "xlsx"), `periods/2025-Y/consolidations/330100000000/${V}.xlsx`],
    ];
    for (const [built, expected] of table) expect(built).toBe(expected);
    expect(versionKeys(P, U, V)).toEqual({
      xlsx: `periods/2025-Y/units/330101001001/${V}.xlsx`,
      json: `periods/2025-Y/units/330101001001/${V}.json`,
    });
    expect(consolidationKeys(P, "330100000000", V).json).toBe(`periods/2025-Y/consolidations/330100000000/${V}.json`);
  });

  it.each(["2025-Y", "2025-H1", "2025-H2", "2025-Q1", "2025-Q4", "2025-M01", "2025-M09", "2025-M10", "2025-M12"])(
    "accepts period %s",
    (periodId) => {
      expect(periodKey(periodId)).toBe(`periods/${periodId}/period.json`);
    },
  );

  const BAD_TEXT = [
    "",
    "../x",
    "2025-Y/../../etc",
    "..",
    "%2e%2e",
    "%2E%2E%2F",
    "2025-Y\u0000",
    "2025-Y/",
    " 2025-Y",
    "2025-Y\n",
    "\uff12\uff10\uff12\uff15-Y", // full-width digits
    "2025\u2010Y", // Unicode hyphen
    "٢٠٢٥-Y", // Arabic-Indic digits
  ];
  const rejections: [string, string, () => unknown][] = [
    ...[...BAD_TEXT, "2025-y", "2025-H3", "2025-Q0", "2025-Q5", "2025-M1", "2025-M00", "2025-M13", "25-Y", "2025-YY"].map(
      (bad): [string, string, () => unknown] => ["periodId", bad, () => periodKey(bad)],
    ),
    ...[...BAD_TEXT, "3301", "33010100100a", "3301010010010", "33010100100", "３３０１０１００１００１", "330101001001 ", "-33010100100"].map(
      (bad): [string, string, () => unknown] => ["unitCode", bad, () => unitPrefix(P, bad)],
    ),
    ...[...BAD_TEXT, "V20250314T081502123Z-1a2b3c4d", "v20250314T081502123Z-1A2B3C4D", "v20250314T08150212Z-1a2b3c4d", `${V}.xlsx`, `${V}/x`, "v1"].map(
      (bad): [string, string, () => unknown] => ["versionId", bad, () => versionKey(P, U, bad, "xlsx")],
    ),
    ["reviewId", "../../config/roster", () => reviewKey(P, U, "../../config/roster")],
    ["parentCode", "../units", () => consolidationsPrefix(P, "../units")],
    ["consolidationId", "x", () => consolidationKey(P, "330100000000", "x", "json")],
    ["kind", "exe", () => versionKey(P, U, V, "exe" as "xlsx")],
    ["periodId", "number", () => periodKey(2025 as unknown as string)],
  ];
  it.each(rejections)("rejects %s %j with InvalidKeyInput", (field, _bad, build) => {
    let err: unknown;
    try {
      build();
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InvalidKeyInput);
    expect(err).toMatchObject({ code: "INVALID_KEY_INPUT", field });
    expect((err as Error).message.startsWith("请求中的参数格式不正确")).toBe(true);
  });

  it("every built key passes the adapters' raw-key check", () => {
    for (const key of [rosterKey(), periodKey(P), versionKey(P, U, V, "xlsx"), reviewKey(P, U, V), consolidationKey(P, U, V, "json")]) {
      expect(assertObjectKey(key)).toBe(key);
    }
    expect(assertListPrefix(unitPrefix(P, U))).toBe(unitPrefix(P, U));
  });

  it("parses keys back into their parts", () => {
    expect(parseVersionKey(versionKey("2025-M10", U, V, "xlsx"))).toEqual({ periodId: "2025-M10", unitCode: U, versionId: V, kind: "xlsx" });
    expect(parseVersionKey(versionKey(P, U, V, "json"))).toEqual({ periodId: P, unitCode: U, versionId: V, kind: "json" });
    expect(parseReviewKey(reviewKey(P, U, V))).toEqual({ periodId: P, unitCode: U, reviewId: V });
    expect(parseConsolidationKey(consolidationKey(P, "330100000000", V, "json"))).toEqual({
      periodId: P,
      parentCode: "330100000000",
      id: V,
      kind: "json",
    });
    const notVersions = [
      reviewKey(P, U, V),
      periodKey(P),
      rosterKey(),
      `x/${versionKey(P, U, V, "xlsx")}`,
      `${versionKey(P, U, V, "xlsx")}.bak`,
      `periods/2025-Y/units/${U}/../${V}.xlsx`,
    ];
    for (const key of notVersions) expect(parseVersionKey(key)).toBeNull();
    expect(parsePeriodKey(periodKey("2025-M10"))).toBe("2025-M10");
    expect(parsePeriodPrefix(periodPrefix("2025-M10"))).toBe("2025-M10");
    for (const notPeriod of ["periods/", "periods/2025-Y", "periods/2025-Y/units/", "periods/2025-y/", "x/periods/2025-Y/", periodKey(P)]) {
      expect({ notPeriod, id: parsePeriodPrefix(notPeriod) }).toEqual({ notPeriod, id: null });
    }
    expect(parsePeriodKey(periodPrefix(P))).toBeNull();
    expect(parseReviewKey(versionKey(P, U, V, "json"))).toBeNull();
    expect(parseConsolidationKey(versionKey(P, U, V, "json"))).toBeNull();
  });
});

describe("version ids", () => {
  it("have the documented format and encode the UTC time", () => {
    const gen = createVersionIdGenerator({ now: () => Date.UTC(2025, 2, 14, 8, 15, 2, 123), random32: () => 0x1a2b3c4d });
    const id = gen();
    expect(id).toBe(V);
    expect(versionIdTime(id).toISOString()).toBe("2025-03-14T08:15:02.123Z");
    expect(VERSION_ID_RE.test(newVersionId())).toBe(true);
  });

  it("sort in call order within one millisecond and when the clock steps back", () => {
    const now = Date.UTC(2025, 0, 1);
    const clock = [0, 0, 0, -5, -5, 1, 1];
    let step = 0;
    const gen = createVersionIdGenerator({ now: () => now + clock[step++ % clock.length]!, random32: () => 0xfffffff0 });
    const ids = Array.from({ length: 1000 }, gen);
    expect(new Set(ids).size).toBe(1000);
    expect([...ids].sort()).toEqual(ids);
  });

  it("move to the next millisecond when the random tail would overflow", () => {
    const gen = createVersionIdGenerator({ now: () => Date.UTC(2025, 0, 1), random32: () => 0xffffffff });
    expect([gen(), gen()]).toEqual(["v20250101T000000000Z-ffffffff", "v20250101T000000001Z-ffffffff"]);
  });

  it("from the process-wide generator are unique and ordered", () => {
    const ids = Array.from({ length: 5000 }, () => newVersionId());
    expect(new Set(ids).size).toBe(5000);
    expect([...ids].sort()).toEqual(ids);
  });
});

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

  it("sweepTemporaryFiles keeps recent temp files (a write may be in flight)", async () => {
    const root = path.join(await freshDir("sweep"), "data");
    await mkdir(path.join(root, "a"), { recursive: true });
    await writeFile(path.join(root, "a", ".tmp-inflight"), "x");
    const store = new FsObjectStore({ root });
    expect(await store.sweepTemporaryFiles(60_000)).toBe(0);
    expect(await store.list("")).toEqual([]);
    expect(await readdir(path.join(root, "a"))).toEqual([".tmp-inflight"]);
  });

  it("listFolders skips folders holding only temp files or dot entries, and files named like folders", async () => {
    const root = path.join(await freshDir("folders"), "data");
    const store = new FsObjectStore({ root });
    await store.put(periodKey(P), bytes(1));
    // A first write of a period killed before its rename, a dot folder, a stray temp file beside the periods.
    await mkdir(path.join(root, "periods", "2025-Q4", "units", U), { recursive: true });
    await writeFile(path.join(root, "periods", "2025-Q4", "units", U, ".tmp-crashed"), "x");
    await mkdir(path.join(root, "periods", ".hidden"), { recursive: true });
    await writeFile(path.join(root, "periods", ".hidden", "x.json"), "x");
    await writeFile(path.join(root, "periods", ".tmp-stray"), "x");
    await writeFile(path.join(root, "periods", "2025-H2"), "x");
    expect(await store.listFolders("periods/")).toEqual(["periods/2025-Y/"]);
    expect(await store.listFolders("periods/2025-Q4/")).toEqual([]);
    expect(await store.listFolders("periods/2025-H2/")).toEqual([]);
    expect(await store.listFolders("")).toEqual(["periods/"]);
    expect(await caught(store.listFolders("NUL/"))).toBeInstanceOf(InvalidKeyInput);
  });

  it("lays objects out as folders a person can browse", async () => {
    const root = path.join(await freshDir("layout"), "data");
    const store = new FsObjectStore({ root });
    await store.put(versionKey(P, U, V, "xlsx"), bytes(1));
    expect((await stat(path.join(root, "periods", "2025-Y", "units", U, `${V}.xlsx`))).size).toBe(1);
    expect(await readdir(path.join(root, "periods", "2025-Y", "units", U))).toEqual([`${V}.xlsx`]);
  });

  it("refuses Windows device names and trailing dots", async () => {
    const store = new FsObjectStore({ root: path.join(await freshDir("win"), "data") });
    for (const key of ["NUL", "con.json", "a/COM1.txt", "a/b."]) {
      expect(await caught(store.put(key, bytes(1)))).toBeInstanceOf(InvalidKeyInput);
    }
  });

  it("reports a root that is a file as StorageUnavailable, and a key that is a folder as a conflict", async () => {
    const base = await freshDir("unavail");
    await writeFile(path.join(base, "afile"), "x");
    const broken = new FsObjectStore({ root: path.join(base, "afile") });
    const err = await caught(broken.put(rosterKey(), bytes(1)));
    expect(err).toBeInstanceOf(StorageUnavailable);
    expect(err).toMatchObject({ code: "STORAGE_UNAVAILABLE", vendorCode: expect.stringMatching(/^(ENOTDIR|EEXIST)$/) });
    expect(await broken.list("")).toEqual([]);
    expect(await broken.listFolders("")).toEqual([]);

    const store = new FsObjectStore({ root: path.join(base, "ok") });
    await store.put("a/b.json", bytes(1));
    expect(await caught(store.put("a", bytes(2)))).toMatchObject({ code: "STORAGE_CONFLICT", key: "a" });
    expect(await caught(store.put("a", bytes(2), { ifAbsent: true }))).toMatchObject({ code: "STORAGE_CONFLICT" });
    expect(await caught(store.get("a"))).toBeInstanceOf(StorageNotFound);
    expect(await store.list("")).toEqual(["a/b.json"]);
    expect(await store.listFolders("")).toEqual(["a/"]);
  });
});

// ---------------------------------------------------------------------------
// S3 specifics

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("S3 adapter", () => {
  it("records a content type inferred from the key unless given", async () => {
    const store = new S3ObjectStore({ bucket: s3.bucket, prefix: "ct", client: s3Client });
    await store.put(versionKey(P, U, V, "xlsx"), bytes(1));
    await store.put(versionKey(P, U, V, "json"), bytes(0x7b, 0x7d));
    await store.put("x/y.bin", bytes(1), { contentType: "text/csv" });
    const head = async (Key: string) => (await s3Client.send(new HeadObjectCommand({ Bucket: s3.bucket, Key }))).ContentType;
    expect(await head(`ct/${versionKey(P, U, V, "xlsx")}`)).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(await head(`ct/${versionKey(P, U, V, "json")}`)).toBe("application/json; charset=utf-8");
    expect(await head("ct/x/y.bin")).toBe("text/csv");
  });

  it("keeps stores with different prefixes apart", async () => {
    const a = new S3ObjectStore({ bucket: s3.bucket, prefix: "iso/a/", client: s3Client });
    const b = new S3ObjectStore({ bucket: s3.bucket, prefix: "iso/ab", client: s3Client });
    const all = new S3ObjectStore({ bucket: s3.bucket, client: s3Client });
    await a.put("k.json", bytes(1));
    await b.put("k.json", bytes(2));
    expect(await a.list("")).toEqual(["k.json"]);
    expect(await b.get("k.json")).toEqual(bytes(2));
    expect(await all.list("iso/")).toEqual(["iso/a/k.json", "iso/ab/k.json"]);
    expect(await a.listFolders("")).toEqual([]);
    expect(await all.listFolders("iso/")).toEqual(["iso/a/", "iso/ab/"]);
    expect(() => new S3ObjectStore({ bucket: s3.bucket, prefix: "../x", client: s3Client })).toThrow(InvalidKeyInput);
  });

  it("reports an unreachable endpoint as StorageUnavailable on every method", async () => {
    const client = new S3Client({
      endpoint: `http://127.0.0.1:${await closedPort()}`,
      forcePathStyle: true,
      region: "us-east-1",
      credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
      maxAttempts: 1,
    });
    const store = new S3ObjectStore({ bucket: s3.bucket, client });
    try {
      for (const attempt of [
        () => store.put(rosterKey(), bytes(1)),
        () => store.get(rosterKey()),
        () => store.exists(rosterKey()),
        () => store.list(""),
        () => store.listFolders(""),
        () => store.delete(rosterKey()),
      ]) {
        const err = await caught(attempt());
        expect(err).toBeInstanceOf(StorageUnavailable);
        expect(err).toMatchObject({ code: "STORAGE_UNAVAILABLE", vendorCode: "ECONNREFUSED" });
      }
    } finally {
      client.destroy();
    }
  });

  it("reports a missing bucket as StorageUnavailable, not as a missing key", async () => {
    const store = new S3ObjectStore({ bucket: "no-such-bucket", client: s3Client });
    expect(await caught(store.get(rosterKey()))).toMatchObject({ code: "STORAGE_UNAVAILABLE", vendorCode: "NoSuchBucket" });
    expect(await caught(store.put(rosterKey(), bytes(1)))).toMatchObject({ code: "STORAGE_UNAVAILABLE", vendorCode: "NoSuchBucket" });
    expect(await caught(store.list(""))).toMatchObject({ code: "STORAGE_UNAVAILABLE", vendorCode: "NoSuchBucket" });
    expect(await caught(store.listFolders("periods/"))).toMatchObject({ code: "STORAGE_UNAVAILABLE", vendorCode: "NoSuchBucket" });
  });
});

// ---------------------------------------------------------------------------
// Environment wiring

describe("createStoreFromEnv", () => {
  it("defaults to the filesystem under .data", () => {
    const store = createStoreFromEnv({});
    expect(store).toBeInstanceOf(FsObjectStore);
    expect((store as FsObjectStore).root).toBe(path.resolve(".data"));
  });

  it("uses HUIZONG_DATA_DIR", async () => {
    const dir = await freshDir("env");
    const store = createStoreFromEnv({ HUIZONG_STORAGE: "fs", HUIZONG_DATA_DIR: dir });
    await store.putText(rosterKey(), "名单");
    expect((await stat(path.join(dir, "config", "roster.json"))).size).toBe(6);
  });

  it("refuses s3 without a bucket and unknown backends", () => {
    expect(() => createStoreFromEnv({ HUIZONG_STORAGE: "s3" })).toThrow(StorageConfigError);
    expect(() => createStoreFromEnv({ HUIZONG_STORAGE: "ftp" })).toThrow(StorageConfigError);
  });

  it("builds a working S3 store from the environment (endpoint, path style, credentials)", async () => {
    const store = createStoreFromEnv({
      HUIZONG_STORAGE: "s3",
      HUIZONG_BUCKET: s3.bucket,
      HUIZONG_PREFIX: "fromenv",
      AWS_ENDPOINT_URL_S3: s3.endpoint,
      AWS_REGION: "us-east-1",
      AWS_ACCESS_KEY_ID: "S3RVER",
      AWS_SECRET_ACCESS_KEY: "S3RVER",
    });
    expect(store).toBeInstanceOf(S3ObjectStore);
    const s3store = store as S3ObjectStore;
    expect(s3store.client.config.forcePathStyle).toBe(true);
    await store.putJson(periodKey(P), { 名称: "2025 年度" });
    const plain = new S3ObjectStore({ bucket: s3.bucket, client: s3rverClient(s3.endpoint) });
    expect(await plain.getJson(`fromenv/${periodKey(P)}`)).toEqual({ 名称: "2025 年度" });
    s3store.client.destroy();
    plain.client.destroy();
  });
});
