/**
 * The storage contract (tests/support/storage-contract.ts) on the S3 adapter against moto on loopback
 * (started once for the file; moto honours `If-None-Match: *` as S3 does), without the two paging cases
 * that store over 1000 objects (tests/storage.test.ts runs those on moto and s3rver). Then what only the
 * S3 adapter does: content types, prefixes, a server that cannot be reached or has no such bucket, a
 * 403 for a missing key, and the environment wiring. The mutation run uses this file.
 */
import { createServer } from "node:net";
import { Readable } from "node:stream";

import { HeadObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  createStoreFromEnv,
  FsObjectStore,
  InvalidKeyInput,
  periodKey,
  rosterKey,
  S3ObjectStore,
  StorageConfigError,
  StorageNotFound,
  StorageUnavailable,
  versionKey,
} from "../functions/storage";
import { putJsonOnce } from "../functions/storage/port";
import { startMoto, type RunningMoto } from "./support/moto";
import { bytes, caught, P, storageSuite, U, V } from "./support/storage-contract";

let moto: RunningMoto;
let client: S3Client;
let prefixCounter = 0;
beforeAll(async () => {
  moto = await startMoto();
  client = moto.makeClient();
}, 150_000);
afterAll(async () => {
  await moto?.stop();
});

storageSuite(
  "S3 (moto)",
  { supportsConditionalWrites: true, reportsDeepOnlyFolders: true },
  () => ({ makeStore: async () => new S3ObjectStore({ bucket: moto.bucket, prefix: `c${++prefixCounter}`, client }) }),
  "without-paging",
);

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("S3 adapter on moto", () => {
  it("records a content type inferred from the key unless given", async () => {
    const store = new S3ObjectStore({ bucket: moto.bucket, prefix: "ct", client });
    await store.put(versionKey(P, U, V, "xlsx"), bytes(1));
    await store.put(versionKey(P, U, V, "json"), bytes(0x7b, 0x7d));
    await store.put("x/y.bin", bytes(1), { contentType: "text/csv" });
    await store.put("x/z.bin", bytes(1));
    await store.put("x/noext", bytes(1));
    await store.putText("x/t.json", "{}");
    await store.putJson("x/j.bin", {});
    await putJsonOnce(store, "x/o.bin", {});
    await store.putText("x/u.bin", "", { contentType: "text/csv" });
    const head = async (Key: string) => (await client.send(new HeadObjectCommand({ Bucket: moto.bucket, Key }))).ContentType;
    expect(await head(`ct/${versionKey(P, U, V, "xlsx")}`)).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(await head(`ct/${versionKey(P, U, V, "json")}`)).toBe("application/json; charset=utf-8");
    expect(await head("ct/x/y.bin")).toBe("text/csv");
    expect(await head("ct/x/z.bin")).toBe("application/octet-stream");
    expect(await head("ct/x/noext")).toBe("application/octet-stream");
    expect(await head("ct/x/t.json")).toBe("text/plain; charset=utf-8");
    expect(await head("ct/x/j.bin")).toBe("application/json; charset=utf-8");
    expect(await head("ct/x/o.bin")).toBe("application/json; charset=utf-8");
    expect(await head("ct/x/u.bin")).toBe("text/csv");
  });

  it("keeps stores with different prefixes apart, with or without the trailing slash", async () => {
    const a = new S3ObjectStore({ bucket: moto.bucket, prefix: "iso/a/", client });
    const b = new S3ObjectStore({ bucket: moto.bucket, prefix: "iso/ab", client });
    const all = new S3ObjectStore({ bucket: moto.bucket, client });
    expect([a.prefix, b.prefix, all.prefix]).toEqual(["iso/a/", "iso/ab/", ""]);
    await a.put("k.json", bytes(1));
    await b.put("k.json", bytes(2));
    await b.put("sub/k.json", bytes(3));
    expect(await a.list("")).toEqual(["k.json"]);
    expect(await b.list("")).toEqual(["k.json", "sub/k.json"]);
    expect(await b.get("k.json")).toEqual(bytes(2));
    expect(await a.exists("k.json")).toBe(true);
    expect(await a.exists("sub/k.json")).toBe(false);
    expect(await all.list("iso/")).toEqual(["iso/a/k.json", "iso/ab/k.json", "iso/ab/sub/k.json"]);
    expect(await a.listFolders("")).toEqual([]);
    expect(await b.listFolders("")).toEqual(["sub/"]);
    expect(await all.listFolders("iso/")).toEqual(["iso/a/", "iso/ab/"]);
    await b.delete("k.json");
    expect(await all.list("iso/")).toEqual(["iso/a/k.json", "iso/ab/sub/k.json"]);
    expect(refusalField(() => new S3ObjectStore({ bucket: moto.bucket, prefix: "../x", client }))).toBe("key");
    expect(refusalField(() => new S3ObjectStore({ bucket: moto.bucket, prefix: "a//", client }))).toBe("key");
    expect(refusalField(() => new S3ObjectStore({ bucket: "", client }))).toBe("bucket");
  });

  it("reads an object stored with no bytes as empty", async () => {
    const store = new S3ObjectStore({ bucket: moto.bucket, prefix: "empty", client });
    await store.put("a.bin", new Uint8Array(0));
    expect(await store.get("a.bin")).toEqual(new Uint8Array(0));
  });

  it("reports an unreachable endpoint as StorageUnavailable on every method", async () => {
    const dead = new S3Client({
      endpoint: `http://127.0.0.1:${await closedPort()}`,
      forcePathStyle: true,
      region: "us-east-1",
      credentials: { accessKeyId: "testing", secretAccessKey: "testing" },
      maxAttempts: 1,
    });
    const store = new S3ObjectStore({ bucket: moto.bucket, client: dead });
    try {
      for (const [what, attempt] of [
        ["put", () => store.put(rosterKey(), bytes(1))],
        ["get", () => store.get(rosterKey())],
        ["exists", () => store.exists(rosterKey())],
        ["list", () => store.list("")],
        ["listFolders", () => store.listFolders("")],
        ["delete", () => store.delete(rosterKey())],
      ] as const) {
        const err = await caught(attempt());
        expect({ what, err }).toEqual({ what, err: expect.any(StorageUnavailable) });
        const key = what === "list" || what === "listFolders" ? "" : rosterKey();
        expect({ what, err }).toMatchObject({ what, err: { code: "STORAGE_UNAVAILABLE", vendorCode: "ECONNREFUSED", key } });
      }
    } finally {
      dead.destroy();
    }
  });

  it("reports a missing bucket as StorageUnavailable, not as a missing key", async () => {
    const store = new S3ObjectStore({ bucket: "no-such-bucket", client });
    const unavailable = { code: "STORAGE_UNAVAILABLE", vendorCode: "NoSuchBucket" };
    expect(await caught(store.get(rosterKey()))).toMatchObject({ ...unavailable, key: rosterKey() });
    expect(await caught(store.put(rosterKey(), bytes(1)))).toMatchObject({ ...unavailable, key: rosterKey() });
    expect(await caught(store.list("periods/"))).toMatchObject({ ...unavailable, key: "periods/" });
    expect(await caught(store.listFolders("periods/"))).toMatchObject({ ...unavailable, key: "periods/" });
    expect(await caught(store.delete(rosterKey()))).toMatchObject({ ...unavailable, key: rosterKey() });
    // HEAD has no body: the bare 404 of a missing bucket reads as a missing key.
    expect(await store.exists(rosterKey())).toBe(false);
  });

  it("a 403 on a read: a missing key when a listing shows it absent, the 403 when present or the listing is refused too", async () => {
    // The deployment's ListBucket right is limited by prefix, so S3 answers a read of a missing key with 403.
    let denyLists = false;
    const denied = answering((name) =>
      name === "GetObjectCommand" || name === "HeadObjectCommand" || (denyLists && name === "ListObjectsV2Command") ? { status: 403, code: "AccessDenied" } : null,
    );
    const plain = new S3ObjectStore({ bucket: moto.bucket, prefix: "deny", client });
    const store = new S3ObjectStore({ bucket: moto.bucket, prefix: "deny", client: denied });
    await plain.put("here.json", bytes(1));
    await plain.put("here.json.bak", bytes(2));
    expect(await caught(store.get("gone.json"))).toMatchObject({ code: "STORAGE_NOT_FOUND", key: "gone.json" });
    expect(await store.exists("gone.json")).toBe(false);
    // Only a key that merely begins with the asked one is listed: still absent.
    expect(await caught(store.get("here"))).toBeInstanceOf(StorageNotFound);
    expect(await caught(store.get("here.json"))).toMatchObject({ code: "STORAGE_UNAVAILABLE", vendorCode: "AccessDenied", key: "here.json" });
    expect(await caught(store.exists("here.json"))).toMatchObject({ code: "STORAGE_UNAVAILABLE", key: "here.json" });
    denyLists = true;
    expect(await caught(store.get("gone.json"))).toMatchObject({ code: "STORAGE_UNAVAILABLE", vendorCode: "AccessDenied" });
    expect(await caught(store.exists("gone.json"))).toMatchObject({ code: "STORAGE_UNAVAILABLE" });
  });

  it("answers S3 gives besides the usual ones: 409 on a create-only write, 5xx on a read, 404 on a delete, a gateway's page and other 404s", async () => {
    const plain = new S3ObjectStore({ bucket: moto.bucket, prefix: "odd", client });
    await plain.put("here.json", bytes(1));
    // A concurrent conditional write to the same key may get 409 ConditionalRequestConflict instead of 412.
    const conflicting = new S3ObjectStore({ bucket: moto.bucket, prefix: "odd", client: answering((n) => (n === "PutObjectCommand" ? { status: 409, code: "ConditionalRequestConflict" } : null)) });
    expect(await caught(conflicting.put("new.json", bytes(1), { ifAbsent: true }))).toMatchObject({ name: "StorageConflict", code: "STORAGE_CONFLICT", key: "new.json" });
    // A 5xx is the server failing, never "no such report", even when the key is in fact absent (no listing is asked).
    const failing = new S3ObjectStore({ bucket: moto.bucket, prefix: "odd", client: answering((n) => (n === "GetObjectCommand" || n === "HeadObjectCommand" ? { status: 500, code: "InternalError" } : null)) });
    expect(await caught(failing.get("gone.json"))).toMatchObject({ code: "STORAGE_UNAVAILABLE", vendorCode: "InternalError", key: "gone.json" });
    expect(await caught(failing.exists("gone.json"))).toMatchObject({ code: "STORAGE_UNAVAILABLE", key: "gone.json" });
    // Deleting what is already gone is done, whether the server says 204 or 404.
    const gone = new S3ObjectStore({ bucket: moto.bucket, prefix: "odd", client: answering((n) => (n === "DeleteObjectCommand" ? { status: 404, code: "NoSuchKey" } : null)) });
    await expect(gone.delete("here.json")).resolves.toBeUndefined();
    // A gateway's 404 page (no S3 error code) on a read: a missing key.
    const proxied = new S3ObjectStore({ bucket: moto.bucket, prefix: "odd", client: answering((n) => (n === "GetObjectCommand" ? { status: 404, body: "<html><body>404 Not Found</body></html>", type: "text/html" } : null)) });
    expect(await caught(proxied.get("here.json"))).toMatchObject({ code: "STORAGE_NOT_FOUND", key: "here.json" });
    // Any other 404 (here NoSuchVersion) is a missing key too; only NoSuchBucket is the deployment's fault.
    const versioned = new S3ObjectStore({ bucket: moto.bucket, prefix: "odd", client: answering((n) => (n === "GetObjectCommand" ? { status: 404, code: "NoSuchVersion" } : null)) });
    expect(await caught(versioned.get("here.json"))).toMatchObject({ code: "STORAGE_NOT_FOUND", key: "here.json" });
  });
});

/**
 * A client whose chosen commands get another answer on the wire: moto answers as usual, then the
 * status and body are replaced before the SDK reads them (a 403 of a prefix-limited ListBucket
 * right, a 409 of a conditional-write race, a 5xx, a gateway's page), which moto cannot be told to give.
 */
function answering(rule: (commandName: string) => { status: number; code?: string; body?: string; type?: string } | null): S3Client {
  const c = moto.makeClient({ maxAttempts: 1 });
  c.middlewareStack.add(
    (next, context) => async (args) => {
      const out = await next(args);
      const answer = rule(context.commandName ?? "");
      if (answer) {
        const response = (out as { response: { statusCode: number; headers: Record<string, string>; body: unknown } }).response;
        response.statusCode = answer.status;
        response.headers = { "content-type": answer.type ?? "application/xml" };
        const body = answer.body ?? `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${answer.code}</Code><Message>${answer.code}</Message></Error>`;
        response.body = Readable.from([Buffer.from(body)]);
      }
      return out;
    },
    { step: "deserialize", name: "answering", priority: "low" },
  );
  return c;
}

function refusalField(build: () => unknown): string {
  try {
    build();
  } catch (err) {
    expect(err).toBeInstanceOf(InvalidKeyInput);
    return (err as InvalidKeyInput).field;
  }
  throw new Error("expected InvalidKeyInput");
}

describe("createStoreFromEnv", () => {
  it("defaults to the filesystem under .data, and takes fs, file, filesystem in any case", () => {
    for (const env of [{}, { HUIZONG_STORAGE: "" }, { HUIZONG_STORAGE: " FS " }, { HUIZONG_STORAGE: "file" }, { HUIZONG_STORAGE: "Filesystem" }, { HUIZONG_DATA_DIR: "  " }]) {
      const store = createStoreFromEnv(env);
      expect(store).toBeInstanceOf(FsObjectStore);
      expect({ env, root: (store as FsObjectStore).root }).toEqual({ env, root: process.cwd() + "/.data" });
    }
    expect((createStoreFromEnv({ HUIZONG_DATA_DIR: " /tmp/hz-x " }) as FsObjectStore).root).toBe("/tmp/hz-x");
  });

  it("refuses s3 without a bucket and unknown backends, in words a deployer reads", () => {
    for (const env of [{ HUIZONG_STORAGE: "s3" }, { HUIZONG_STORAGE: "S3", HUIZONG_BUCKET: "  " }]) {
      const err = (() => {
        try {
          createStoreFromEnv(env);
        } catch (e) {
          return e;
        }
        return null;
      })();
      expect(err).toBeInstanceOf(StorageConfigError);
      expect(err).toMatchObject({ code: "STORAGE_CONFIG", name: "StorageConfigError", message: "存储配置错误：HUIZONG_STORAGE=s3 时必须设置 HUIZONG_BUCKET。" });
    }
    expect(() => createStoreFromEnv({ HUIZONG_STORAGE: "ftp" })).toThrow("存储配置错误：HUIZONG_STORAGE 只能是 s3 或 fs，当前为“ftp”。");
  });

  it("builds a working S3 store from the environment (endpoint, path style, credentials, prefix)", async () => {
    const store = createStoreFromEnv({
      HUIZONG_STORAGE: " s3 ",
      HUIZONG_BUCKET: ` ${moto.bucket} `,
      HUIZONG_PREFIX: " fromenv ",
      AWS_ENDPOINT_URL_S3: ` ${moto.endpoint} `,
      AWS_REGION: "us-east-1",
      AWS_ACCESS_KEY_ID: "testing",
      AWS_SECRET_ACCESS_KEY: "testing",
      AWS_SESSION_TOKEN: "token",
    });
    expect(store).toBeInstanceOf(S3ObjectStore);
    const s3 = store as S3ObjectStore;
    try {
      expect([s3.bucket, s3.prefix]).toEqual([moto.bucket, "fromenv/"]);
      expect(s3.client.config.forcePathStyle).toBe(true);
      expect(await s3.client.config.region()).toBe("us-east-1");
      expect(await s3.client.config.maxAttempts()).toBe(3);
      const credentials = await s3.client.config.credentials();
      expect(credentials).toMatchObject({ accessKeyId: "testing", secretAccessKey: "testing", sessionToken: "token" });
      await store.putJson(periodKey(P), { 名称: "2025 年度" });
      const plain = new S3ObjectStore({ bucket: moto.bucket, client });
      expect(await plain.getJson(`fromenv/${periodKey(P)}`)).toEqual({ 名称: "2025 年度" });
    } finally {
      s3.client.destroy();
    }
  });

  it.each([
    ["an endpoint, no flag", { AWS_ENDPOINT_URL_S3: "http://127.0.0.1:9" }, true],
    ["an endpoint, flag empty", { AWS_ENDPOINT_URL_S3: "http://127.0.0.1:9", HUIZONG_S3_FORCE_PATH_STYLE: " " }, true],
    ["an endpoint, flag false", { AWS_ENDPOINT_URL_S3: "http://127.0.0.1:9", HUIZONG_S3_FORCE_PATH_STYLE: "false" }, false],
    ["no endpoint, no flag", {}, false],
    ["a blank endpoint", { AWS_ENDPOINT_URL_S3: "  " }, false],
    ["no endpoint, flag TRUE", { HUIZONG_S3_FORCE_PATH_STYLE: " TRUE " }, true],
    ["no endpoint, flag 1", { HUIZONG_S3_FORCE_PATH_STYLE: "1" }, true],
    ["no endpoint, flag yes", { HUIZONG_S3_FORCE_PATH_STYLE: "yes" }, false],
  ] as const)("path style with %s: %s", async (_why, extra, expected) => {
    const store = createStoreFromEnv({ HUIZONG_STORAGE: "s3", HUIZONG_BUCKET: "b", AWS_REGION: "us-east-1", ...extra }) as S3ObjectStore;
    try {
      expect(store.client.config.forcePathStyle).toBe(expected);
      expect(store.prefix).toBe("");
      const endpoint = "AWS_ENDPOINT_URL_S3" in extra && extra.AWS_ENDPOINT_URL_S3.trim() ? await store.client.config.endpoint?.() : undefined;
      if (endpoint) expect(`${endpoint.protocol}//${endpoint.hostname}:${endpoint.port}`).toBe("http://127.0.0.1:9");
    } finally {
      store.client.destroy();
    }
  });
});
