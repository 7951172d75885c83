/**
 * A zip written field by field, so that every header field the reader looks at can be set, saturated
 * or made to lie: central extra fields (ZIP64), comments, data prepended, a ZIP64 end record, a local
 * header placed anywhere. Used by tests/xlsx-zip.test.ts; no file in the repo is opaque binary.
 */
// @ts-nocheck

import { crc32 } from "node:zlib";
import { deflateRawSync } from "node:zlib";

const enc = new TextEncoder();

export interface RawEntry {
  /** The name as written (a string is UTF-8 encoded). */
  name: string | Uint8Array;
  /** Bytes as stored after the local header (already deflated for method 8). */
  data: Uint8Array;
  method: number;
  crc: number;
  size: number;
  /** Central-directory fields that may lie; default to the honest values. */
  csize?: number;
  flags?: number;
  /** The local header's offset as written in the central record (default: where it is). */
  offset?: number;
  extra?: Uint8Array;
  comment?: Uint8Array;
  /** Extra bytes in the local header only (the reader must skip them by the local lengths). */
  localExtra?: Uint8Array;
}

export interface RawArchive {
  entries: RawEntry[];
  /** Bytes before the first local header (a self-extracting stub, an upload wrapper). */
  prefix?: Uint8Array;
  /** End-of-central-directory fields that may lie (default: honest). */
  count?: number;
  cdSize?: number;
  cdOffset?: number;
  comment?: Uint8Array;
  /** Write a ZIP64 end record and locator; the 32-bit fields given here are then written in the classic record. */
  zip64?: { count?: number; cdSize?: number; cdOffset?: number; recordAt?: number };
}

/** A stored (method 0) entry with honest headers. */
export function storedEntry(name: string, text: string | Uint8Array, more: Partial<RawEntry> = {}): RawEntry {
  const data = typeof text === "string" ? enc.encode(text) : text;
  return { name, data, method: 0, crc: crc32(data), size: data.length, ...more };
}

/** A deflated (method 8) entry with honest headers. */
export function deflatedRaw(name: string, text: string | Uint8Array, more: Partial<RawEntry> = {}): RawEntry {
  const data = typeof text === "string" ? enc.encode(text) : text;
  return { name, data: new Uint8Array(deflateRawSync(data)), method: 8, crc: crc32(data), size: data.length, ...more };
}

/** An extra field: id, then its body. */
export function extraField(id: number, body: Uint8Array): Uint8Array {
  const out = new Uint8Array(4 + body.length);
  const v = new DataView(out.buffer);
  v.setUint16(0, id, true);
  v.setUint16(2, body.length, true);
  out.set(body, 4);
  return out;
}

/** Little-endian 64-bit values, one after another (a ZIP64 extra field's body). */
export function u64s(...values: number[]): Uint8Array {
  const out = new Uint8Array(8 * values.length);
  const v = new DataView(out.buffer);
  values.forEach((x, i) => v.setBigUint64(8 * i, BigInt(x), true));
  return out;
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) out.set(p, at), (at += p.length);
  return out;
}

export function bytesOf(text: string): Uint8Array {
  return enc.encode(text);
}

export function localHeader(e: Pick<RawEntry, "name" | "data" | "method" | "crc" | "size" | "localExtra" | "flags">): Uint8Array {
  const name = typeof e.name === "string" ? enc.encode(e.name) : e.name;
  const extra = e.localExtra ?? new Uint8Array(0);
  const h = new Uint8Array(30 + name.length + extra.length);
  const v = new DataView(h.buffer);
  v.setUint32(0, 0x04034b50, true);
  v.setUint16(4, 20, true);
  v.setUint16(6, e.flags ?? 0, true);
  v.setUint16(8, e.method, true);
  v.setUint32(14, e.crc >>> 0, true);
  v.setUint32(18, e.data.length, true);
  v.setUint32(22, Math.min(e.size, 0xffffffff), true);
  v.setUint16(26, name.length, true);
  v.setUint16(28, extra.length, true);
  h.set(name, 30);
  h.set(extra, 30 + name.length);
  return h;
}

export function writeArchive(a: RawArchive): Uint8Array {
  const prefix = a.prefix ?? new Uint8Array(0);
  const locals: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of a.entries) {
    const local = localHeader(e);
    const name = typeof e.name === "string" ? enc.encode(e.name) : e.name;
    const extra = e.extra ?? new Uint8Array(0);
    const comment = e.comment ?? new Uint8Array(0);
    const cd = new Uint8Array(46 + name.length + extra.length + comment.length);
    const v = new DataView(cd.buffer);
    v.setUint32(0, 0x02014b50, true);
    v.setUint16(4, 20, true);
    v.setUint16(6, 20, true);
    v.setUint16(8, e.flags ?? 0, true);
    v.setUint16(10, e.method, true);
    v.setUint32(16, e.crc >>> 0, true);
    v.setUint32(20, (e.csize ?? e.data.length) >>> 0, true);
    v.setUint32(24, Math.min(e.size, 0xffffffff), true);
    v.setUint16(28, name.length, true);
    v.setUint16(30, extra.length, true);
    v.setUint16(32, comment.length, true);
    v.setUint32(42, (e.offset ?? offset) >>> 0, true);
    cd.set(name, 46);
    cd.set(extra, 46 + name.length);
    cd.set(comment, 46 + name.length + extra.length);
    locals.push(local, e.data);
    central.push(cd);
    offset += local.length + e.data.length;
  }
  const cdBytes = concat(...central);
  const tail: Uint8Array[] = [];
  if (a.zip64) {
    const rec = new Uint8Array(56);
    const rv = new DataView(rec.buffer);
    rv.setUint32(0, 0x06064b50, true);
    rv.setBigUint64(4, 44n, true);
    rv.setUint16(12, 45, true);
    rv.setUint16(14, 45, true);
    rv.setBigUint64(24, BigInt(a.zip64.count ?? a.entries.length), true);
    rv.setBigUint64(32, BigInt(a.zip64.count ?? a.entries.length), true);
    rv.setBigUint64(40, BigInt(a.zip64.cdSize ?? cdBytes.length), true);
    rv.setBigUint64(48, BigInt(a.zip64.cdOffset ?? offset), true);
    const loc = new Uint8Array(20);
    const lv = new DataView(loc.buffer);
    lv.setUint32(0, 0x07064b50, true);
    lv.setBigUint64(8, BigInt(a.zip64.recordAt ?? prefix.length + offset + cdBytes.length), true);
    lv.setUint32(16, 1, true);
    tail.push(rec, loc);
  }
  const comment = a.comment ?? new Uint8Array(0);
  const eocd = new Uint8Array(22 + comment.length);
  const ev = new DataView(eocd.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, a.count ?? a.entries.length, true);
  ev.setUint16(10, a.count ?? a.entries.length, true);
  ev.setUint32(12, (a.cdSize ?? cdBytes.length) >>> 0, true);
  ev.setUint32(16, (a.cdOffset ?? offset) >>> 0, true);
  ev.setUint16(20, comment.length, true);
  eocd.set(comment, 22);
  return concat(prefix, ...locals, cdBytes, ...tail, eocd);
}
