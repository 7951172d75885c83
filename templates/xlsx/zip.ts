/**
 * A defensive zip reader: central directory parsed by hand (so names, counts and
 * declared sizes are checked before a single byte is inflated), entries inflated
 * one at a time through fflate's streaming Inflate so the *actual* output is
 * bounded even when a header lies about it.
 */
import { Inflate, inflateSync } from "fflate";
import type { ReadErrorCode } from "../errors";
import type { XlsxLimits } from "./limits";
import type { ByteText } from "./xml";

export interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

export interface ZipFail {
  fail: ReadErrorCode;
  detail?: string;
}

export interface ZipDir {
  /** Entries keyed by lower-cased name (OPC part names are case-insensitive). */
  entries: Map<string, ZipEntry>;
  /** Base offset of the archive inside the file (non-zero when data was prepended). */
  base: number;
}

const u16 = (b: Uint8Array, o: number): number => (b[o]! | (b[o + 1]! << 8)) >>> 0;
const u32 = (b: Uint8Array, o: number): number =>
  (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0;
const u64 = (b: Uint8Array, o: number): number => u32(b, o) + u32(b, o + 4) * 0x1_0000_0000;

const utf8 = new TextDecoder("utf-8");
/** Hard cap before even looking at names: no workbook we accept comes near it. */
const ABSURD_ENTRIES = 100_000;

/**
 * Some Windows tools write `docProps\app.xml`: a backslash is a folder
 * separator there, so it is read as one. The result is then vetted like any
 * other name (no `..`, no absolute or drive paths, no duplicates).
 */
function normaliseName(name: string): string {
  return name.includes("\\") ? name.replace(/\\/g, "/") : name;
}

/** A NUL, an absolute or drive path, or a "." or ".." segment (by char codes: this runs for every entry of every file). */
function unsafeName(name: string): boolean {
  const n = name.length;
  const c0 = name.charCodeAt(0);
  if (c0 === 47) return true;
  if (name.charCodeAt(1) === 58 && ((c0 >= 65 && c0 <= 90) || (c0 >= 97 && c0 <= 122))) return true;
  let seg = 0;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? name.charCodeAt(i) : 47;
    if (c === 0) return true;
    if (c !== 47) continue;
    const len = i - seg;
    if (name.charCodeAt(seg) === 46 && (len === 1 || (len === 2 && name.charCodeAt(seg + 1) === 46))) return true;
    seg = i + 1;
  }
  return false;
}

/** An entry's name as written: ASCII (nearly every name) without a decoder call, else UTF-8. */
function entryName(bytes: Uint8Array, start: number, end: number): string {
  const view = bytes.subarray(start, end);
  if (view.length > 256) return utf8.decode(view);
  for (let i = 0; i < view.length; i++) if (view[i]! > 0x7f) return utf8.decode(view);
  return String.fromCharCode.apply(null, view as unknown as number[]);
}

/** Parse and vet the central directory. */
export function readZipDirectory(bytes: Uint8Array, limits: XlsxLimits): ZipDir | ZipFail {
  const len = bytes.length;
  let eocd = -1;
  const stop = Math.max(0, len - 22 - 0xffff);
  for (let i = len - 22; i >= stop; i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return { fail: "CORRUPT_ZIP", detail: "找不到压缩包目录" };
  let count = u16(bytes, eocd + 10);
  let cdSize = u32(bytes, eocd + 12);
  let cdOffset = u32(bytes, eocd + 16);
  let cdEnd = eocd;
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || u32(bytes, loc) !== 0x07064b50) return { fail: "CORRUPT_ZIP", detail: "ZIP64 目录缺失" };
    const z = u64(bytes, loc + 8);
    if (z + 56 > len || u32(bytes, z) !== 0x06064b50) return { fail: "CORRUPT_ZIP", detail: "ZIP64 目录损坏" };
    count = u64(bytes, z + 32);
    cdSize = u64(bytes, z + 40);
    cdOffset = u64(bytes, z + 48);
    cdEnd = z;
  }
  if (count > ABSURD_ENTRIES) return { fail: "ZIP_BOMB", detail: `压缩包内有 ${count} 个文件` };
  const base = cdEnd - cdSize - cdOffset;
  if (base < 0 || cdEnd - cdSize < 0) return { fail: "CORRUPT_ZIP", detail: "压缩包目录位置错误" };
  const entries = new Map<string, ZipEntry>();
  let p = cdEnd - cdSize;
  let declaredTotal = 0;
  let worksheets = 0;
  for (let k = 0; k < count; k++) {
    if (p + 46 > cdEnd || u32(bytes, p) !== 0x02014b50) return { fail: "CORRUPT_ZIP", detail: "压缩包目录损坏" };
    const flags = u16(bytes, p + 8);
    const method = u16(bytes, p + 10);
    const crc = u32(bytes, p + 16);
    let compressedSize = u32(bytes, p + 20);
    let size = u32(bytes, p + 24);
    const nameLen = u16(bytes, p + 28);
    const extraLen = u16(bytes, p + 30);
    const commentLen = u16(bytes, p + 32);
    let localOffset = u32(bytes, p + 42);
    if (p + 46 + nameLen + extraLen + commentLen > cdEnd) return { fail: "CORRUPT_ZIP", detail: "压缩包目录损坏" };
    const written = entryName(bytes, p + 46, p + 46 + nameLen);
    const name = normaliseName(written);
    // ZIP64 extended information: only the fields whose 32-bit slot is saturated are present.
    let e = p + 46 + nameLen;
    const eEnd = e + extraLen;
    while (e + 4 <= eEnd) {
      const id = u16(bytes, e);
      const sz = u16(bytes, e + 2);
      if (id === 0x0001) {
        let q = e + 4;
        if (size === 0xffffffff && q + 8 <= e + 4 + sz) (size = u64(bytes, q)), (q += 8);
        if (compressedSize === 0xffffffff && q + 8 <= e + 4 + sz) (compressedSize = u64(bytes, q)), (q += 8);
        if (localOffset === 0xffffffff && q + 8 <= e + 4 + sz) localOffset = u64(bytes, q);
      }
      e += 4 + sz;
    }
    p += 46 + nameLen + extraLen + commentLen;
    if (unsafeName(name)) return { fail: "UNSAFE_ZIP", detail: `不安全的路径：${written.slice(0, 80)}` };
    const key = name.toLowerCase();
    if (entries.has(key)) return { fail: "UNSAFE_ZIP", detail: `重复的部件：${name.slice(0, 80)}` };
    entries.set(key, { name, flags, method, crc, compressedSize, size, localOffset });
    if (key.startsWith("xl/worksheets/") && key.endsWith(".xml")) worksheets++;
    if (size > limits.maxEntryBytes) return { fail: "ZIP_BOMB", detail: `${name.slice(0, 80)} 解压后 ${size} 字节` };
    declaredTotal += size;
  }
  if (count > limits.maxEntries) {
    if (worksheets > limits.maxSheets) return { fail: "TOO_MANY_SHEETS", detail: `${worksheets} 个工作表` };
    return { fail: "ZIP_BOMB", detail: `压缩包内有 ${count} 个文件` };
  }
  if (declaredTotal > limits.maxUncompressedBytes) {
    return { fail: "ZIP_BOMB", detail: `解压后共 ${declaredTotal} 字节` };
  }
  return { entries, base };
}

/** CRC-32 (IEEE) by table, built when the module loads: 256 words, well under a millisecond. */
const CRC_TABLE = ((): Uint32Array => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();
function crc32(data: Uint8Array): number {
  const t = CRC_TABLE;
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = t[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/**
 * Compressed input fed per push. Deflate expands at most ~1032:1, so one push
 * can overshoot the limit by at most ~16 MiB before we notice and stop.
 */
const PUSH_BYTES = 16 * 1024;
/** Entries up to this compressed size are inflated in one call (see readZipEntry). */
const SMALL_COMPRESSED = 16 * 1024;

/**
 * A faster inflate and CRC-32 an adapter may hand the reader (the command line and the server pass
 * Node's zlib, functions/service/native-deflate.ts); without one the reader uses fflate and its own
 * CRC, which run anywhere (browser, Office webview).
 */
export interface ZipCodec {
  /** Inflate a raw deflate stream to at most `max` bytes: "over" when it would give more, null when it is corrupt. */
  inflateRaw(data: Uint8Array, max: number): Uint8Array | "over" | null;
  crc32(data: Uint8Array): number;
  /** The runtime's byte decodings, to scan UTF-8 worksheets as bytes (xml.ts); without them they are decoded whole. */
  bytes?: ByteText;
}

/** Running total of inflated bytes for one read, shared by all entries. */
export interface InflateBudget {
  remaining: number;
  deadline: number;
}

/** An entry's bytes as stored (compressed), after its local header; a view of `bytes`. */
export function storedBytes(bytes: Uint8Array, dir: ZipDir, entry: ZipEntry): Uint8Array | ZipFail {
  if (entry.flags & 1) return { fail: "ENCRYPTED", detail: "压缩包部件已加密" };
  const lo = dir.base + entry.localOffset;
  if (lo + 30 > bytes.length || u32(bytes, lo) !== 0x04034b50) return { fail: "CORRUPT_ZIP", detail: `${entry.name} 损坏` };
  const start = lo + 30 + u16(bytes, lo + 26) + u16(bytes, lo + 28);
  const end = start + entry.compressedSize;
  if (end > bytes.length) return { fail: "CORRUPT_ZIP", detail: `${entry.name} 不完整` };
  return bytes.subarray(start, end);
}

/** Inflate one entry, enforcing its declared size, the shared budget and the deadline. */
export function readZipEntry(bytes: Uint8Array, dir: ZipDir, entry: ZipEntry, budget: InflateBudget, codec?: ZipCodec): Uint8Array | ZipFail {
  const data = storedBytes(bytes, dir, entry);
  if ("fail" in data) return data;
  const declared = entry.size;
  if (declared > budget.remaining) return { fail: "ZIP_BOMB", detail: `${entry.name} 解压后过大` };
  let out: Uint8Array;
  if (entry.method === 0) {
    if (entry.compressedSize !== declared) return { fail: "CORRUPT_ZIP", detail: `${entry.name} 大小不符` };
    out = data;
  } else if (entry.method === 8 && codec) {
    // One call, its output capped one byte past the declared size (the work is bounded by the budget above).
    const got = codec.inflateRaw(data, declared + 1);
    if (got === null) return { fail: "CORRUPT_ZIP", detail: `${entry.name} 无法解压` };
    if (got === "over" || got.length > declared) return { fail: "ZIP_BOMB", detail: `${entry.name} 实际解压大小超过声明` };
    if (got.length !== declared) return { fail: "CORRUPT_ZIP", detail: `${entry.name} 大小不符` };
    out = got;
  } else if (entry.method === 8 && data.length <= SMALL_COMPRESSED) {
    // Fast path: fflate writes past a fixed `out` buffer as no-ops and returns
    // subarray(0, written) clamped to its length, so one spare byte tells us the
    // entry inflated to more than declared. Work is bounded by ~1032 × 16 KiB.
    try {
      out = inflateSync(data, { out: new Uint8Array(declared + 1) });
    } catch {
      return { fail: "CORRUPT_ZIP", detail: `${entry.name} 无法解压` };
    }
    if (out.length > declared) return { fail: "ZIP_BOMB", detail: `${entry.name} 实际解压大小超过声明` };
    if (out.length !== declared) return { fail: "CORRUPT_ZIP", detail: `${entry.name} 大小不符` };
  } else if (entry.method === 8) {
    out = new Uint8Array(declared);
    let written = 0;
    let over = false;
    const inf = new Inflate((chunk) => {
      if (over) return;
      if (written + chunk.length > declared) {
        over = true;
        return;
      }
      out.set(chunk, written);
      written += chunk.length;
    });
    try {
      for (let p = 0; p < data.length; p += PUSH_BYTES) {
        const q = Math.min(p + PUSH_BYTES, data.length);
        inf.push(data.subarray(p, q), q === data.length);
        if (over) return { fail: "ZIP_BOMB", detail: `${entry.name} 实际解压大小超过声明` };
        if (Date.now() > budget.deadline) return { fail: "READ_TIMEOUT", detail: `解压 ${entry.name}` };
      }
    } catch {
      return { fail: "CORRUPT_ZIP", detail: `${entry.name} 无法解压` };
    }
    if (written !== declared) return { fail: "CORRUPT_ZIP", detail: `${entry.name} 大小不符` };
  } else {
    return { fail: "CORRUPT_ZIP", detail: `${entry.name} 使用了不支持的压缩方式 ${entry.method}` };
  }
  if ((codec ? codec.crc32(out) : crc32(out)) !== entry.crc) return { fail: "CORRUPT_ZIP", detail: `${entry.name} 校验失败` };
  budget.remaining -= declared;
  return out;
}
