/**
 * The storage port's contract, one suite run on every adapter: the filesystem in temp folders
 * (tests/storage-fs.test.ts), S3 against moto on loopback (tests/storage-s3.test.ts) and s3rver
 * (tests/storage.test.ts, with the paging cases on both servers).
 */
// @ts-nocheck

import { beforeAll, beforeEach, describe, expect, it } from "vitest";

import {
  consolidationKey,
  consolidationsPrefix,
  InvalidKeyInput,
  newVersionId,
  parseVersionKey,
  periodKey,
  reviewKey,
  reviewsPrefix,
  rosterKey,
  StorageConflict,
  StorageCorrupt,
  StorageError,
  StorageNotFound,
  unitPrefix,
  versionKey,
  versionKeys,
  type ObjectStore,
} from "../../functions/storage";
import { putOnce } from "../../functions/storage/port";

export const P = "2025-Y";
export const U = "330101001001";
export const V = "v20250314T081502123Z-1a2b3c4d";
export const utf8 = new TextEncoder();


/** What a backend is measured to do, where backends differ. */
export interface Capabilities {
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

export interface Harness {
  /** A fresh, empty store for one test. */
  makeStore(): Promise<ObjectStore>;
  caps: Capabilities;
  /** How many ListObjectsV2 requests were sent so far (S3 only), to see pagination happen. */
  listRequests?: () => number;
}

export function bytes(...values: number[]): Uint8Array {
  return Uint8Array.from(values);
}

/** Run `fn` over `items` with at most `width` in flight. */
export async function inBatches<T>(items: T[], width: number, fn: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += width) await Promise.all(items.slice(i, i + width).map(fn));
}

export async function caught(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (err) {
    return err;
  }
  throw new Error("expected a rejection");
}

/** Keys an adapter must refuse before any I/O (raw keys, not builder inputs). */
export const UNSAFE_KEYS: [string, string][] = [
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

/**
 * Which of the suite's cases to register: all; all but the two that store over 1000 objects to see the
 * listing page (seconds on a server, so the mutation run's S3 file leaves them to tests/storage.test.ts);
 * or only those two.
 */
export type SuitePart = "all" | "without-paging" | "paging";

export function storageSuite(name: string, caps: Capabilities, setup: () => Omit<Harness, "caps">, part: SuitePart = "all"): void {
  const core = part !== "paging";
  const paging = part !== "without-paging";
  describe(`ObjectStore contract: ${name}`, () => {
    let h: Harness;
    let store: ObjectStore;
    beforeAll(() => {
      h = { ...setup(), caps };
    });
    beforeEach(async () => {
      store = await h.makeStore();
    });

    if (core) {
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

    }

    if (paging) {
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

    }

    if (core) {
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

    }

    if (paging) {
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

    }

    if (core) {
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
    }
  });
}
