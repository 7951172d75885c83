/**
 * Filesystem adapter of the storage port: one file per key under a root
 * folder, key segments as sub-folders, so the tree reads like the bucket.
 */
// @ts-nocheck


import { randomBytes } from "node:crypto";
import { link, mkdir, open, readdir, readFile, rename, stat, unlink } from "node:fs/promises";
import path from "node:path";

import { InvalidKeyInput, StorageConflict, StorageNotFound, StorageUnavailable } from "./errors";
import { assertListPrefix, assertObjectKey } from "./keys";
import { BaseObjectStore, type PutOptions } from "./port";

/** Name prefix of in-flight writes; never a key (keys' segments start with a letter or digit). */
export const TEMP_PREFIX = ".tmp-";

export interface FsObjectStoreOptions {
  /** Folder holding the objects; created on first write. */
  root: string;
  /** Bytes per `write()` call; only tests change it. */
  chunkSize?: number;
}

/** Windows device names: a file called `NUL.json` or `con` cannot be created there. */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\.|$)/i;

export class FsObjectStore extends BaseObjectStore {
  /** Absolute root folder. */
  readonly root: string;
  private readonly chunkSize: number;

  constructor(options: FsObjectStoreOptions) {
    super();
    this.root = path.resolve(options.root);
    this.chunkSize = options.chunkSize ?? 1 << 20;
  }

  /**
   * Absolute path of `key`. Keys are already restricted by `assertObjectKey`;
   * checking the resolved path against the root again is defence in depth
   * against a future loosening of that pattern.
   */
  private pathOf(key: string): string {
    assertObjectKey(key);
    const segments = key.split("/");
    if (segments.some((s) => WINDOWS_RESERVED.test(s) || s.endsWith("."))) throw new InvalidKeyInput("key", key);
    const full = path.resolve(this.root, ...segments);
    const rel = path.relative(this.root, full);
    if (rel === "" || rel === ".." || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) {
      throw new InvalidKeyInput("key", key);
    }
    return full;
  }

  /**
   * Atomic write: the bytes go to `.tmp-*` in the target folder, are fsynced,
   * and only then get the final name, so a crash at any point leaves either
   * the old object or the new one, plus at worst a stray temp file that
   * `list` ignores (see {@link sweepTemporaryFiles}).
   *
   * Plain put: `rename(temp, final)` atomically replaces any old object.
   *
   * `ifAbsent`: `link(temp, final)` — creating a hard link fails with `EEXIST`
   * if the name exists, and the check and the creation are one atomic step in
   * the kernel; the name appears already pointing at the complete, fsynced
   * bytes. The alternative, `open(final, "wx")` then writing, is exclusive
   * but not atomic: readers could see a half-written file, and a crash would
   * leave one behind under the real name. `rename` cannot be used for this
   * either: it silently replaces an existing target.
   */
  async put(key: string, body: Uint8Array, opts: PutOptions = {}): Promise<void> {
    const file = this.pathOf(key);
    const dir = path.dirname(file);
    const temp = path.join(dir, `${TEMP_PREFIX}${randomBytes(8).toString("hex")}`);
    try {
      await mkdir(dir, { recursive: true });
    } catch (err) {
      // Root not writable, or a parent segment is an existing file (S3 allows `a` and `a/b` side by side, a
      // filesystem cannot; the key layout never does this).
      throw unavailable(key, err);
    }
    try {
      await this.writeDurably(temp, body);
      if (opts.ifAbsent) {
        await link(temp, file);
        await unlink(temp).catch(() => undefined);
      } else {
        await rename(temp, file);
      }
    } catch (err) {
      await unlink(temp).catch(() => undefined);
      // EEXIST from link: the key exists (ifAbsent lost). EISDIR/ENOTEMPTY: the key names a folder here.
      if (isErrno(err, "EEXIST", "EISDIR", "ENOTEMPTY")) throw new StorageConflict(key, err);
      throw unavailable(key, err);
    }
    await syncDir(dir);
  }

  private async writeDurably(temp: string, body: Uint8Array): Promise<void> {
    const fh = await open(temp, "wx", 0o644);
    try {
      for (let offset = 0; offset < body.byteLength; ) {
        const { bytesWritten } = await fh.write(body, offset, Math.min(this.chunkSize, body.byteLength - offset));
        offset += bytesWritten;
      }
      await fh.sync();
    } finally {
      await fh.close();
    }
  }

  async get(key: string): Promise<Uint8Array> {
    const file = this.pathOf(key);
    try {
      const buf = await readFile(file);
      return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
    } catch (err) {
      if (isErrno(err, "ENOENT", "ENOTDIR", "EISDIR")) throw new StorageNotFound(key, err);
      throw unavailable(key, err);
    }
  }

  async exists(key: string): Promise<boolean> {
    const file = this.pathOf(key);
    try {
      return (await stat(file)).isFile();
    } catch (err) {
      if (isErrno(err, "ENOENT", "ENOTDIR")) return false;
      throw unavailable(key, err);
    }
  }

  async list(prefix: string): Promise<string[]> {
    assertListPrefix(prefix);
    // Walk only the deepest folder the prefix names completely, then filter by the partial rest.
    const cut = prefix.lastIndexOf("/");
    const base = cut < 0 ? "" : prefix.slice(0, cut);
    const keys: string[] = [];
    try {
      await this.walk(base === "" ? this.root : this.pathOf(base), base, keys);
    } catch (err) {
      throw unavailable(prefix, err);
    }
    return keys.filter((k) => k.startsWith(prefix)).sort();
  }

  async listFolders(prefix: string): Promise<string[]> {
    assertListPrefix(prefix);
    // Read only the deepest folder the prefix names completely; its sub-folders matching the partial rest are
    // the candidates.
    const cut = prefix.lastIndexOf("/");
    const base = cut < 0 ? "" : prefix.slice(0, cut);
    const partial = prefix.slice(cut + 1);
    const folders: string[] = [];
    try {
      const dir = base === "" ? this.root : this.pathOf(base);
      for (const entry of await readdirOrEmpty(dir)) {
        // Dot entries (temp files, anything not shaped like a key segment) are never objects or folders of keys.
        if (entry.name.startsWith(".") || !entry.isDirectory() || !entry.name.startsWith(partial)) continue;
        // A folder emptied by deletes, or holding only a crashed write's temp file, holds no key (as on S3).
        if (await holdsObject(path.join(dir, entry.name))) folders.push(`${base === "" ? "" : `${base}/`}${entry.name}/`);
      }
    } catch (err) {
      throw unavailable(prefix, err);
    }
    return folders.sort();
  }

  private async walk(dir: string, keyPrefix: string, out: string[]): Promise<void> {
    for (const entry of await readdirOrEmpty(dir)) {
      // Temp files and anything else not shaped like a key segment are not objects.
      if (entry.name.startsWith(".")) continue;
      const key = keyPrefix === "" ? entry.name : `${keyPrefix}/${entry.name}`;
      if (entry.isDirectory()) await this.walk(path.join(dir, entry.name), key, out);
      else if (entry.isFile()) out.push(key);
    }
  }

  async delete(key: string): Promise<void> {
    const file = this.pathOf(key);
    try {
      await unlink(file);
    } catch (err) {
      // Already gone, or the name is a folder (no object there): same as S3's idempotent DeleteObject.
      if (isErrno(err, "ENOENT", "ENOTDIR", "EISDIR")) return;
      throw unavailable(key, err);
    }
    // Empty folders are left in place: removing them would race with a concurrent put that just created them.
  }

  /**
   * Remove `.tmp-*` files older than `olderThanMs` (left by a process killed
   * mid-write). Returns how many were removed. Safe to run while writers are
   * active as long as `olderThanMs` exceeds the longest write.
   */
  async sweepTemporaryFiles(olderThanMs = 60 * 60 * 1000, now = Date.now()): Promise<number> {
    let removed = 0;
    const visit = async (dir: string): Promise<void> => {
      let entries;
      try {
        entries = await readdir(dir, { withFileTypes: true });
      } catch (err) {
        if (isErrno(err, "ENOENT", "ENOTDIR")) return;
        throw unavailable(undefined, err);
      }
      for (const entry of entries) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) await visit(full);
        else if (entry.isFile() && entry.name.startsWith(TEMP_PREFIX)) {
          try {
            if (now - (await stat(full)).mtimeMs >= olderThanMs) {
              await unlink(full);
              removed += 1;
            }
          } catch (err) {
            if (!isErrno(err, "ENOENT")) throw unavailable(undefined, err);
          }
        }
      }
    };
    await visit(this.root);
    return removed;
  }
}

/** fsync the folder so the rename/link itself survives a power cut; best effort (not possible on Windows). */
async function syncDir(dir: string): Promise<void> {
  try {
    const fh = await open(dir, "r");
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
  } catch {
    // The object is already visible and complete; only durability across a power cut is weaker.
  }
}

/** The folder's entries; none when it does not exist (nothing stored yet) or is a file. */
async function readdirOrEmpty(dir: string) {
  try {
    return await readdir(dir, { withFileTypes: true });
  } catch (err) {
    if (isErrno(err, "ENOENT", "ENOTDIR")) return [];
    throw err;
  }
}

/** Whether an object lies anywhere below `dir`; its own files are looked at before any sub-folder. */
async function holdsObject(dir: string): Promise<boolean> {
  const subdirs: string[] = [];
  for (const entry of await readdirOrEmpty(dir)) {
    if (entry.name.startsWith(".")) continue;
    if (entry.isFile()) return true;
    if (entry.isDirectory()) subdirs.push(path.join(dir, entry.name));
  }
  for (const sub of subdirs) if (await holdsObject(sub)) return true;
  return false;
}

function errnoCode(err: unknown): string | undefined {
  if (typeof err === "object" && err !== null && "code" in err && typeof err.code === "string") return err.code;
  return undefined;
}

function isErrno(err: unknown, ...codes: string[]): boolean {
  const code = errnoCode(err);
  return code !== undefined && codes.includes(code);
}

function unavailable(key: string | undefined, err: unknown): Error {
  if (err instanceof InvalidKeyInput) return err;
  return new StorageUnavailable(key, errnoCode(err) ?? (err instanceof Error ? err.name : undefined), err);
}
