/**
 * The storage port: a small key → bytes store that both the filesystem
 * adapter (embedded default) and the S3 adapter (Lambda) implement.
 *
 * Keys come from `./keys` and are checked again by every adapter. All
 * failures surface as the errors of `./errors`; vendor errors never leak.
 */
// @ts-nocheck


import { StorageConflict, StorageCorrupt } from "./errors";

export interface PutOptions {
  /** MIME type recorded with the object (S3 `Content-Type`; ignored by the filesystem adapter). */
  contentType?: string;
  /**
   * Create only: fail with `StorageConflict` when the key already exists.
   * The check and the write are one atomic step in the backend.
   */
  ifAbsent?: boolean;
}

export interface ObjectStore {
  /**
   * Store `body` under `key`, replacing any previous object unless
   * `ifAbsent`. Atomic: readers see either the old object, or no object, or
   * the complete new one — never a partial write.
   * @throws StorageConflict with `ifAbsent` when the key exists.
   * @throws StorageUnavailable when the backend fails.
   * @throws InvalidKeyInput for a malformed key.
   */
  put(key: string, body: Uint8Array, opts?: PutOptions): Promise<void>;

  /** UTF-8 encode `text` and {@link put} it (`text/plain; charset=utf-8` unless told otherwise). */
  putText(key: string, text: string, opts?: PutOptions): Promise<void>;

  /** `JSON.stringify` `value` and {@link put} it as UTF-8 (`application/json; charset=utf-8`). */
  putJson(key: string, value: unknown, opts?: PutOptions): Promise<void>;

  /**
   * The bytes stored under `key`.
   * @throws StorageNotFound when there is no such object.
   * @throws StorageUnavailable when the backend fails.
   */
  get(key: string): Promise<Uint8Array>;

  /** {@link get} decoded as UTF-8 (a BOM is dropped). @throws StorageCorrupt for invalid UTF-8. */
  getText(key: string): Promise<string>;

  /** {@link getText} parsed as JSON. @throws StorageCorrupt when it is not JSON. */
  getJson<T = unknown>(key: string): Promise<T>;

  /** Whether an object is stored under exactly `key`. */
  exists(key: string): Promise<boolean>;

  /**
   * Every key starting with `prefix` (plain string prefix, recursive, all
   * pages), sorted by code unit (= byte order, keys being ASCII).
   * `""` lists everything.
   */
  list(prefix: string): Promise<string[]>;

  /**
   * The immediate child "folders" under `prefix`: each distinct
   * `prefix + rest-of-segment + "/"` that at least one stored key continues
   * past (S3 `ListObjectsV2` with `Delimiter: "/"` → `CommonPrefixes`, all
   * pages), sorted by code unit. Objects directly under `prefix` are not
   * folders, and a folder exists only while some object lies somewhere below
   * it. The prefix is checked like {@link list}'s and matches the same way:
   * `periods/` → `periods/2025-Y/`, …; a partial segment `periods/2025-`
   * → the same; `""` → the top-level folders. Costs one request per 1000
   * children, however many objects lie deeper.
   */
  listFolders(prefix: string): Promise<string[]>;

  /** Remove the object; removing a missing key is not an error (like S3 `DeleteObject`). */
  delete(key: string): Promise<void>;
}

const utf8 = new TextEncoder();

/**
 * The conveniences of {@link ObjectStore} written once on top of the byte
 * methods; adapters extend this and implement only the abstract ones.
 */
export abstract class BaseObjectStore implements ObjectStore {
  abstract put(key: string, body: Uint8Array, opts?: PutOptions): Promise<void>;
  abstract get(key: string): Promise<Uint8Array>;
  abstract exists(key: string): Promise<boolean>;
  abstract list(prefix: string): Promise<string[]>;
  abstract listFolders(prefix: string): Promise<string[]>;
  abstract delete(key: string): Promise<void>;

  putText(key: string, text: string, opts: PutOptions = {}): Promise<void> {
    return this.put(key, utf8.encode(text), { contentType: "text/plain; charset=utf-8", ...opts });
  }

  putJson(key: string, value: unknown, opts: PutOptions = {}): Promise<void> {
    return this.put(key, utf8.encode(JSON.stringify(value)), { contentType: "application/json; charset=utf-8", ...opts });
  }

  async getText(key: string): Promise<string> {
    const bytes = await this.get(key);
    try {
      // `fatal` so mojibake is reported as corruption instead of silently becoming U+FFFD.
      return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch (err) {
      throw new StorageCorrupt(key, err);
    }
  }

  async getJson<T = unknown>(key: string): Promise<T> {
    const text = await this.getText(key);
    try {
      return JSON.parse(text) as T;
    } catch (err) {
      throw new StorageCorrupt(key, err);
    }
  }
}

/**
 * A create-only write that is safe to retry: `put(…, { ifAbsent: true })`,
 * and when the key already exists, the stored bytes are compared with
 * `body`. Equal bytes mean our own earlier attempt landed (the SDK retried a
 * write whose answer was lost, or the caller retried after a timeout): that
 * is success (`"already"`), not a conflict. Different bytes are someone
 * else's object: StorageConflict as before. Callers make `body` unique to
 * the writer (version ids, review ids), so equal bytes can only be their own.
 */
export async function putOnce(store: ObjectStore, key: string, body: Uint8Array, opts: Omit<PutOptions, "ifAbsent"> = {}): Promise<"created" | "already"> {
  try {
    await store.put(key, body, { ...opts, ifAbsent: true });
    return "created";
  } catch (err) {
    if (!(err instanceof StorageConflict)) throw err;
    let stored: Uint8Array;
    try {
      stored = await store.get(key);
    } catch {
      throw err;
    }
    if (sameBytes(stored, body)) return "already";
    throw err;
  }
}

/** {@link putOnce} of `JSON.stringify(value)` as UTF-8 JSON. */
export function putJsonOnce(store: ObjectStore, key: string, value: unknown): Promise<"created" | "already"> {
  return putOnce(store, key, utf8.encode(JSON.stringify(value)), { contentType: "application/json; charset=utf-8" });
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  for (let i = 0; i < a.byteLength; i++) if (a[i] !== b[i]) return false;
  return true;
}
