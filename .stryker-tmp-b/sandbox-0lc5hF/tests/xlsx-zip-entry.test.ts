/**
 * One entry of the zip reader (templates/xlsx/zip.ts `storedBytes`, `readZipEntry`) on archives written
 * field by field: where the stored bytes are, each inflate path (Node's zlib, fflate in one call, fflate
 * streamed for entries above 16 KiB compressed) with an honest entry, one that inflates to more or less
 * than declared, a corrupt stream, a CRC that does not match, the shared budget and the deadline.
 */
// @ts-nocheck

import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { nativeUnzip } from "../functions/service/native-deflate";
import { DEFAULT_XLSX_LIMITS } from "../templates/xlsx/limits";
import { readZipDirectory, readZipEntry, storedBytes, type InflateBudget, type ZipCodec, type ZipDir } from "../templates/xlsx/zip";
import { bytesOf, concat, deflatedRaw, localHeader, storedEntry, writeArchive, type RawArchive, type RawEntry } from "./support/raw-zip";

const FAR = (): InflateBudget => ({ remaining: 1 << 30, deadline: Date.now() + 3_600_000 });

function open(a: RawArchive): { bytes: Uint8Array; dir: ZipDir } {
  const bytes = writeArchive(a);
  const dir = readZipDirectory(bytes, { ...DEFAULT_XLSX_LIMITS, maxEntryBytes: 2 ** 40, maxUncompressedBytes: 2 ** 40 });
  if ("fail" in dir) throw new Error(`${dir.fail} ${dir.detail}`);
  return { bytes, dir };
}

function read(a: RawArchive, name: string, budget = FAR(), codec?: ZipCodec) {
  const { bytes, dir } = open(a);
  const out = readZipEntry(bytes, dir, dir.entries.get(name)!, budget, codec);
  return out instanceof Uint8Array ? new TextDecoder().decode(out) : out;
}

const TEXT = "<worksheet>表一</worksheet>";
/** About 40 KiB that deflate cannot shrink: stored above the one-call bound, so inflated in three pushes. */
const noise = (): Uint8Array => new Uint8Array(randomBytes(40_000));

describe("storedBytes: where an entry's bytes are", () => {
  it("after the local header's own name and extra field (which may differ from the central record's)", () => {
    const e = storedEntry("a.xml", "<a/>", { localExtra: bytesOf("0123456789") });
    const { bytes, dir } = open({ entries: [storedEntry("x.xml", "xx"), e], prefix: bytesOf("prefix") });
    const s = storedBytes(bytes, dir, dir.entries.get("a.xml")!);
    expect(new TextDecoder().decode(s as Uint8Array)).toBe("<a/>");
  });

  it("a local header ending exactly at the end of the file, with nothing stored, is read (empty)", () => {
    // The end record's comment ends with a local header: the entry's offset points at it.
    const empty = storedEntry("", new Uint8Array(0));
    const archive = (offset: number): RawArchive => ({ entries: [{ ...storedEntry("e.xml", ""), offset }], comment: localHeader(empty) });
    const probe = writeArchive(archive(0));
    expect(read(archive(probe.length - 30), "e.xml")).toBe("");
  });

  it.each<[string, Partial<RawEntry>, object]>([
    ["encrypted (flag bit 0)", { flags: 1 }, { fail: "ENCRYPTED", detail: "压缩包部件已加密" }],
    ["an offset pointing at no local header", { offset: 3 }, { fail: "CORRUPT_ZIP", detail: "a.xml 损坏" }],
    ["an offset past the file", { offset: 10_000 }, { fail: "CORRUPT_ZIP", detail: "a.xml 损坏" }],
    ["more bytes said stored than the file has", { csize: 10_000 }, { fail: "CORRUPT_ZIP", detail: "a.xml 不完整" }],
  ])("%s", (_what, lie, expected) => {
    const { bytes, dir } = open({ entries: [{ ...storedEntry("a.xml", "<a/>"), ...lie }] });
    expect(storedBytes(bytes, dir, dir.entries.get("a.xml")!)).toEqual(expected);
  });

  it("a local header signature in the file's last 29 bytes is a damaged entry, not a short one", () => {
    const tail = concat(new Uint8Array([0x50, 0x4b, 0x03, 0x04]), new Uint8Array(10));
    const archive = (offset: number): RawArchive => ({ entries: [{ ...storedEntry("e.xml", ""), offset }], comment: tail });
    const probe = writeArchive(archive(0));
    const { bytes, dir } = open(archive(probe.length - 14));
    expect(storedBytes(bytes, dir, dir.entries.get("e.xml")!)).toEqual({ fail: "CORRUPT_ZIP", detail: "e.xml 损坏" });
  });

  it("readZipEntry passes storedBytes's refusal on", () => {
    expect(read({ entries: [storedEntry("a.xml", "<a/>", { flags: 1 })] }, "a.xml")).toEqual({ fail: "ENCRYPTED", detail: "压缩包部件已加密" });
    expect(read({ entries: [storedEntry("a.xml", "<a/>", { offset: 2 })] }, "a.xml", FAR(), nativeUnzip)).toEqual({ fail: "CORRUPT_ZIP", detail: "a.xml 损坏" });
  });

  it("flag bits other than encryption are no refusal", () => {
    expect(read({ entries: [storedEntry("a.xml", "<a/>", { flags: 0x0808 })] }, "a.xml")).toBe("<a/>");
  });
});

describe("readZipEntry", () => {
  const CODECS: [string, ZipCodec | undefined][] = [
    ["fflate", undefined],
    ["zlib", nativeUnzip],
  ];

  describe.each(CODECS)("through %s", (_name, codec) => {
    it("stored, deflated small and deflated large entries read back exactly", () => {
      const big = noise();
      const { bytes, dir } = open({ entries: [storedEntry("s.xml", TEXT), deflatedRaw("d.xml", TEXT), deflatedRaw("n.bin", big)] });
      const got = (n: string) => readZipEntry(bytes, dir, dir.entries.get(n)!, FAR(), codec);
      expect(new TextDecoder().decode(got("s.xml") as Uint8Array)).toBe(TEXT);
      expect(new TextDecoder().decode(got("d.xml") as Uint8Array)).toBe(TEXT);
      expect(new Uint8Array(got("n.bin") as Uint8Array)).toEqual(big);
    });

    it.each<[string, (e: RawEntry) => Partial<RawEntry>, object]>([
      ["stored with two sizes that differ", (e) => ({ method: 0, data: e.data, size: e.data.length + 1 }), { fail: "CORRUPT_ZIP", detail: "x.xml 大小不符" }],
      ["inflating to more than declared", (e) => ({ size: e.size - 1 }), { fail: "ZIP_BOMB", detail: "x.xml 实际解压大小超过声明" }],
      ["inflating to less than declared", (e) => ({ size: e.size + 1 }), { fail: "CORRUPT_ZIP", detail: "x.xml 大小不符" }],
      ["a stream that is not deflate", () => ({ data: new Uint8Array([0xff, 0xff, 0xff, 0xff]) }), { fail: "CORRUPT_ZIP", detail: "x.xml 无法解压" }],
      ["a CRC off by one", (e) => ({ crc: (e.crc + 1) >>> 0 }), { fail: "CORRUPT_ZIP", detail: "x.xml 校验失败" }],
      ["an unsupported method (bzip2)", () => ({ method: 12 }), { fail: "CORRUPT_ZIP", detail: "x.xml 使用了不支持的压缩方式 12" }],
    ])("a small entry %s", (_what, lie, expected) => {
      const e = deflatedRaw("x.xml", TEXT);
      expect(read({ entries: [{ ...e, ...lie(e) }] }, "x.xml", FAR(), codec)).toEqual(expected);
    });

    it.each<[string, (e: RawEntry) => Partial<RawEntry>, object]>([
      ["inflating to more than declared", (e) => ({ size: e.size - 1 }), { fail: "ZIP_BOMB", detail: "n.bin 实际解压大小超过声明" }],
      ["inflating to less than declared", (e) => ({ size: e.size + 1 }), { fail: "CORRUPT_ZIP", detail: "n.bin 大小不符" }],
      ["cut short", (e) => ({ data: e.data.subarray(0, 30_000) }), { fail: "CORRUPT_ZIP", detail: "n.bin 无法解压" }],
      ["a CRC off by one", (e) => ({ crc: (e.crc + 1) >>> 0 }), { fail: "CORRUPT_ZIP", detail: "n.bin 校验失败" }],
    ])("a large entry %s", (_what, lie, expected) => {
      const e = deflatedRaw("n.bin", noise());
      const r = read({ entries: [{ ...e, ...lie(e) }] }, "n.bin", FAR(), codec);
      expect(r).toEqual(expected);
    });

    it("the budget: an entry of exactly what is left is read and takes it all; the next is refused", () => {
      const { bytes, dir } = open({ entries: [deflatedRaw("a.xml", TEXT), storedEntry("b.xml", "b")] });
      const size = dir.entries.get("a.xml")!.size;
      const budget: InflateBudget = { remaining: size, deadline: Date.now() + 3_600_000 };
      expect(readZipEntry(bytes, dir, dir.entries.get("a.xml")!, budget, codec)).toBeInstanceOf(Uint8Array);
      expect(budget.remaining).toBe(0);
      expect(readZipEntry(bytes, dir, dir.entries.get("b.xml")!, budget, codec)).toEqual({ fail: "ZIP_BOMB", detail: "b.xml 解压后过大" });
    });

    it("the budget is spent by declared size, one entry after another", () => {
      const { bytes, dir } = open({ entries: [storedEntry("a.xml", "aaaa"), storedEntry("b.xml", "bbb"), storedEntry("c.xml", "cc")] });
      const budget: InflateBudget = { remaining: 8, deadline: Date.now() + 3_600_000 };
      const got = ["a.xml", "b.xml", "c.xml"].map((n) => readZipEntry(bytes, dir, dir.entries.get(n)!, budget, codec));
      expect(got[0]).toBeInstanceOf(Uint8Array);
      expect(got[1]).toBeInstanceOf(Uint8Array);
      expect(budget.remaining).toBe(1);
      expect(got[2]).toEqual({ fail: "ZIP_BOMB", detail: "c.xml 解压后过大" });
    });
  });

  it("a large entry streamed by fflate past its deadline: READ_TIMEOUT", () => {
    const e = deflatedRaw("n.bin", noise());
    expect(read({ entries: [e] }, "n.bin", { remaining: 1 << 30, deadline: Date.now() - 1 })).toEqual({ fail: "READ_TIMEOUT", detail: "解压 n.bin" });
  });

  it("a large entry that is not deflate, streamed by fflate: 无法解压", () => {
    const e = deflatedRaw("n.bin", noise());
    const junk = new Uint8Array(20_000).fill(0xff);
    expect(read({ entries: [{ ...e, data: junk }] }, "n.bin")).toEqual({ fail: "CORRUPT_ZIP", detail: "n.bin 无法解压" });
  });

  it("a large entry with bytes after its deflate stream's end reads as the stream", () => {
    const big = noise();
    const e = deflatedRaw("n.bin", big);
    const { bytes, dir } = open({ entries: [{ ...e, data: concat(e.data, new Uint8Array(20_000)) }] });
    expect(readZipEntry(bytes, dir, dir.entries.get("n.bin")!, FAR())).toEqual(big);
  });

  it("a codec that answers \"over\" (zlib's output cap reached): ZIP_BOMB", () => {
    const codec: ZipCodec = { inflateRaw: () => "over", crc32: nativeUnzip.crc32 };
    expect(read({ entries: [deflatedRaw("d.xml", TEXT)] }, "d.xml", FAR(), codec)).toEqual({ fail: "ZIP_BOMB", detail: "d.xml 实际解压大小超过声明" });
  });

  /** A raw deflate stream of one stored block: exactly `n` + 5 bytes. */
  const storedBlock = (data: Uint8Array): Uint8Array => {
    const n = data.length;
    return concat(new Uint8Array([0x01, n & 0xff, n >> 8, ~n & 0xff, (~n >> 8) & 0xff]), data);
  };
  const PAST = () => ({ remaining: 1 << 30, deadline: Date.now() - 1 });

  it("up to 16 KiB compressed an entry is inflated in one call, without looking at the clock; one byte more is streamed and times out", () => {
    for (const [compressed, answer] of [
      [16_384, "read"],
      [16_385, "READ_TIMEOUT"],
    ] as const) {
      const data = new Uint8Array(randomBytes(compressed - 5));
      const e: RawEntry = { name: "n.bin", data: storedBlock(data), method: 8, crc: nativeUnzip.crc32(data), size: data.length };
      const r = read({ entries: [e] }, "n.bin", PAST());
      expect(typeof r === "string" ? "read" : r.fail, `${compressed}`).toBe(answer);
    }
  });

  it("a stream of exactly two pushes (32 KiB) is pushed twice, the second one final", () => {
    const data = new Uint8Array(randomBytes(32_768 - 5));
    const e: RawEntry = { name: "n.bin", data: storedBlock(data), method: 8, crc: nativeUnzip.crc32(data), size: data.length };
    const { bytes, dir } = open({ entries: [e] });
    expect(readZipEntry(bytes, dir, dir.entries.get("n.bin")!, FAR())).toEqual(data);
  });

  it("a codec's own CRC is the one compared", () => {
    const calls: number[] = [];
    const codec: ZipCodec = { inflateRaw: nativeUnzip.inflateRaw, crc32: (d) => (calls.push(d.length), nativeUnzip.crc32(d)) };
    expect(read({ entries: [storedEntry("a.xml", "<a/>")] }, "a.xml", FAR(), codec)).toBe("<a/>");
    expect(calls).toEqual([4]);
  });

  it("a codec is asked for at most one byte past the declared size", () => {
    const asked: number[] = [];
    const codec: ZipCodec = { inflateRaw: (d, max) => (asked.push(max), nativeUnzip.inflateRaw(d, max)), crc32: nativeUnzip.crc32 };
    expect(read({ entries: [deflatedRaw("d.xml", TEXT)] }, "d.xml", FAR(), codec)).toBe(TEXT);
    expect(asked).toEqual([bytesOf(TEXT).length + 1]);
  });
});
