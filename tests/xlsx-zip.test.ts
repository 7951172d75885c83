/**
 * The zip reader (templates/xlsx/zip.ts) on archives written field by field (tests/support/raw-zip.ts):
 * where the end record is looked for, ZIP64 records and extra fields, data prepended, names refused,
 * every count and size bound at its edge, and each way an entry's stored bytes or inflated size can lie.
 * Every answer is compared whole: the code, the detail, the entries' fields.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_XLSX_LIMITS, type XlsxLimits } from "../templates/xlsx/limits";
import { readZipDirectory, type ZipDir, type ZipEntry } from "../templates/xlsx/zip";
import { bytesOf, concat, extraField, storedEntry, u64s, writeArchive, type RawArchive, type RawEntry } from "./support/raw-zip";

const L = (more: Partial<XlsxLimits> = {}): XlsxLimits => ({ ...DEFAULT_XLSX_LIMITS, ...more });

function dir(bytes: Uint8Array, limits = L()): ZipDir {
  const d = readZipDirectory(bytes, limits);
  if ("fail" in d) throw new Error(`${d.fail} ${d.detail}`);
  return d;
}

/** name → [offset, sizes, crc…] as the reader recorded it. */
function entries(d: ZipDir): Record<string, ZipEntry> {
  return Object.fromEntries(d.entries);
}

const A = (): RawEntry => storedEntry("a.xml", "<a/>");
const B = (): RawEntry => storedEntry("b.xml", "<bb/>");
/** Local header (30 + name) + data of A: where B's local header starts. */
const B_AT = 30 + 5 + 4;

describe("the end record", () => {
  it("an archive of nothing (only the 22-byte end record, at offset 0) is read, empty", () => {
    const d = dir(writeArchive({ entries: [] }));
    expect(d.entries.size).toBe(0);
    expect(d.base).toBe(0);
  });

  it("reads every field of every central record", () => {
    const d = dir(writeArchive({ entries: [A(), storedEntry("xl/B.xml", "<bb/>", { flags: 0x0800, crc: 0x89abcdef })] }));
    expect(entries(d)).toEqual({
      "a.xml": { name: "a.xml", flags: 0, method: 0, crc: A().crc, compressedSize: 4, size: 4, localOffset: 0 },
      "xl/b.xml": { name: "xl/B.xml", flags: 0x0800, method: 0, crc: 0x89abcdef, compressedSize: 5, size: 5, localOffset: B_AT },
    });
    expect(d.base).toBe(0);
  });

  it("a method, sizes and offset written as large 32-bit numbers come back unsigned", () => {
    const e = storedEntry("x.xml", "<x/>", { method: 0xfffe, csize: 0xfffffffe, crc: 0xfffffff0, offset: 0xfffffffd, flags: 0xfffe });
    expect(entries(dir(writeArchive({ entries: [e] })))["x.xml"]).toEqual({
      name: "x.xml",
      flags: 0xfffe,
      method: 0xfffe,
      crc: 0xfffffff0,
      compressedSize: 0xfffffffe,
      size: 4,
      localOffset: 0xfffffffd,
    });
  });

  it("with a file comment of 65,535 bytes (the most the field holds) the record is still found", () => {
    const d = dir(writeArchive({ entries: [A()], comment: new Uint8Array(0xffff).fill(0x20) }));
    expect([...d.entries.keys()]).toEqual(["a.xml"]);
  });

  it("65,536 bytes after the record: not looked for that far back", () => {
    const bytes = concat(writeArchive({ entries: [A()], comment: new Uint8Array(0xffff).fill(0x20) }), new Uint8Array([0x20]));
    expect(readZipDirectory(bytes, L())).toEqual({ fail: "CORRUPT_ZIP", detail: "找不到压缩包目录" });
  });

  it.each([
    ["no signature at all", new Uint8Array(100)],
    ["shorter than an end record", new Uint8Array([0x50, 0x4b, 0x05, 0x06, 0, 0, 0, 0])],
  ])("%s: 找不到压缩包目录", (_what, bytes) => {
    expect(readZipDirectory(bytes, L())).toEqual({ fail: "CORRUPT_ZIP", detail: "找不到压缩包目录" });
  });

  // A comment holding four bytes that differ from the signature in one byte: were that byte not
  // compared, the comment would be taken for an (empty) end record nearer the end.
  it.each([
    [[0x51, 0x4b, 0x05, 0x06]],
    [[0x50, 0x4c, 0x05, 0x06]],
    [[0x50, 0x4b, 0x04, 0x06]],
    [[0x50, 0x4b, 0x05, 0x07]],
  ])("a comment holding %j (one byte off the signature) is a comment", (sig) => {
    const comment = concat(new Uint8Array(sig), new Uint8Array(18));
    expect([...dir(writeArchive({ entries: [A()], comment })).entries.keys()]).toEqual(["a.xml"]);
  });

  it("the record nearest the end is the one read: an end record inside a stored part (a zip in the zip) is data", () => {
    const inner = writeArchive({ entries: [] });
    const d = dir(writeArchive({ entries: [storedEntry("inner.zip", inner), B()] }));
    expect([...d.entries.keys()]).toEqual(["inner.zip", "b.xml"]);
  });

  it("data before the archive: the base is its length and the offsets stay relative", () => {
    const prefix = bytesOf("MZ-stub-".repeat(5));
    const d = dir(writeArchive({ entries: [A(), B()], prefix }));
    expect(d.base).toBe(40);
    expect(d.entries.get("b.xml")!.localOffset).toBe(B_AT);
  });

  it.each<[string, Partial<RawArchive>]>([
    ["a directory said to start past its end", { cdOffset: 1000 }],
    ["a directory said to be larger than the file", { cdSize: 5000, cdOffset: 0 }],
  ])("%s: 压缩包目录位置错误", (_what, lie) => {
    expect(readZipDirectory(writeArchive({ entries: [A()], ...lie }), L())).toEqual({ fail: "CORRUPT_ZIP", detail: "压缩包目录位置错误" });
  });

  it("a directory said to hold more records than it has: 压缩包目录损坏", () => {
    expect(readZipDirectory(writeArchive({ entries: [A()], count: 2 }), L())).toEqual({ fail: "CORRUPT_ZIP", detail: "压缩包目录损坏" });
  });

  it("a record whose signature is wrong: 压缩包目录损坏", () => {
    const bytes = writeArchive({ entries: [A(), B()] });
    const cd = bytes.length - 22 - (46 + 5) * 2;
    bytes[cd + 46 + 5] = 0x51; // the second record's "P"
    expect(readZipDirectory(bytes, L())).toEqual({ fail: "CORRUPT_ZIP", detail: "压缩包目录损坏" });
  });

  it("a record whose name, extra field or comment would run past the directory: 压缩包目录损坏", () => {
    const long = (e: Partial<RawEntry>) => {
      const bytes = writeArchive({ entries: [{ ...A(), ...e }] });
      return readZipDirectory(bytes, L());
    };
    for (const field of [28, 30, 32]) {
      const bytes = writeArchive({ entries: [A()] });
      const cd = bytes.length - 22 - 46 - 5;
      new DataView(bytes.buffer).setUint16(cd + field, 40, true);
      expect(readZipDirectory(bytes, L())).toEqual({ fail: "CORRUPT_ZIP", detail: "压缩包目录损坏" });
    }
    expect(long({ comment: bytesOf("注释") })).not.toHaveProperty("fail");
  });

  it("a record of 46 bytes with an empty name, exactly filling the directory, is read", () => {
    const d = dir(writeArchive({ entries: [storedEntry("", "x")] }));
    expect([...d.entries.keys()]).toEqual([""]);
  });

  it("comments and extra fields on the records are stepped over to the next record", () => {
    const a = { ...A(), comment: bytesOf("第一个"), extra: extraField(0x5455, new Uint8Array([1, 2, 3, 4, 5])) };
    const d = dir(writeArchive({ entries: [a, B()] }));
    expect(entries(d)["b.xml"]).toEqual({ name: "b.xml", flags: 0, method: 0, crc: B().crc, compressedSize: 5, size: 5, localOffset: B_AT });
  });
});

describe("ZIP64", () => {
  const z64 = (zip64: RawArchive["zip64"], classic: Partial<RawArchive>, entries = [A(), B()]) => writeArchive({ entries, zip64, ...classic });

  it.each<[string, Partial<RawArchive>]>([
    ["the count saturated", { count: 0xffff }],
    ["the directory's size saturated", { cdSize: 0xffffffff }],
    ["the directory's offset saturated", { cdOffset: 0xffffffff }],
  ])("%s: the counts come from the ZIP64 record", (_what, classic) => {
    const d = dir(z64({}, classic));
    expect([...d.entries.keys()]).toEqual(["a.xml", "b.xml"]);
    expect(d.base).toBe(0);
  });

  it("the ZIP64 record's own count, size and offset are the ones used (the classic ones say 0xffff…)", () => {
    // The classic record says one entry and a wrong size: only the ZIP64 figures read both entries.
    const d = dir(z64({}, { count: 0xffff, cdSize: 0xffffffff, cdOffset: 0xffffffff }));
    expect([...d.entries.keys()]).toEqual(["a.xml", "b.xml"]);
    const one = readZipDirectory(z64({ count: 1 }, { count: 0xffff }), L());
    expect([...(one as ZipDir).entries.keys()]).toEqual(["a.xml"]);
  });

  it("with data prepended the base is measured from the ZIP64 record", () => {
    const prefix = new Uint8Array(33).fill(0x41);
    const bytes = writeArchive({ entries: [A(), B()], prefix, zip64: {}, count: 0xffff });
    expect(dir(bytes).base).toBe(33);
  });

  it.each<[string, () => Uint8Array, string]>([
    ["no locator before the end record", () => writeArchive({ entries: [A()], count: 0xffff }), "ZIP64 目录缺失"],
    ["a file of only an end record saying 0xffff entries", () => writeArchive({ entries: [], count: 0xffff }), "ZIP64 目录缺失"],
    ["the locator at offset 0, pointing at the end record", () => {
      const bytes = writeArchive({ entries: [], zip64: { recordAt: 20 }, count: 0xffff });
      return bytes.subarray(56);
    }, "ZIP64 目录损坏"],
    ["the locator pointing at no ZIP64 record", () => writeArchive({ entries: [A()], zip64: { recordAt: 0 }, count: 0xffff }), "ZIP64 目录损坏"],
    ["the locator pointing past the file (a high 32-bit word)", () => writeArchive({ entries: [A()], zip64: { recordAt: 2 ** 32 }, count: 0xffff }), "ZIP64 目录损坏"],
  ])("%s: %s", (_what, make, detail) => {
    expect(readZipDirectory(make(), L())).toEqual({ fail: "CORRUPT_ZIP", detail });
  });

  it("100,000 entries declared is not refused as absurd (the directory then falls short); 100,001 is", () => {
    expect(readZipDirectory(z64({ count: 100_000 }, { count: 0xffff }), L())).toEqual({ fail: "CORRUPT_ZIP", detail: "压缩包目录损坏" });
    expect(readZipDirectory(z64({ count: 100_001 }, { count: 0xffff }), L())).toEqual({ fail: "ZIP_BOMB", detail: "压缩包内有 100001 个文件" });
  });

  it("a count with its high 32-bit word set is read as 64 bits", () => {
    expect(readZipDirectory(z64({ count: 2 ** 32 + 1 }, { count: 0xffff }), L())).toEqual({ fail: "ZIP_BOMB", detail: "压缩包内有 4294967297 个文件" });
  });

  describe("the extended-information extra field", () => {
    const SAT = 0xffffffff;
    const big = (more: Partial<RawEntry>, extra: Uint8Array) => entries(dir(writeArchive({ entries: [{ ...A(), ...more, extra }] }), L({ maxEntryBytes: 2 ** 40, maxUncompressedBytes: 2 ** 40 })))["a.xml"]!;

    it.each<[string, Partial<RawEntry>, number[], Partial<ZipEntry>]>([
      ["the size alone", { size: SAT }, [5_000_000_000], { size: 5_000_000_000, compressedSize: 4, localOffset: 0 }],
      ["the compressed size alone", { csize: SAT }, [6_000_000_000], { size: 4, compressedSize: 6_000_000_000, localOffset: 0 }],
      ["the offset alone", { offset: SAT }, [7_000_000_000], { size: 4, compressedSize: 4, localOffset: 7_000_000_000 }],
      ["all three, in the order size, compressed size, offset", { size: SAT, csize: SAT, offset: SAT }, [5e9, 6e9, 7e9], { size: 5e9, compressedSize: 6e9, localOffset: 7e9 }],
      ["size and offset (no compressed size between them)", { size: SAT, offset: SAT }, [5e9, 7e9], { size: 5e9, compressedSize: 4, localOffset: 7e9 }],
    ])("%s", (_what, sat, values, expected) => {
      expect(big(sat, extraField(0x0001, u64s(...values)))).toMatchObject(expected);
    });

    it("after another extra field, which is skipped by its length", () => {
      const extra = concat(extraField(0x5455, u64s(123)), extraField(0x0001, u64s(5e9)));
      expect(big({ size: SAT }, extra)).toMatchObject({ size: 5e9 });
    });

    it("another field holding eight bytes is not read as a size", () => {
      expect(big({ size: SAT }, extraField(0x5455, u64s(5e9)))).toMatchObject({ size: SAT });
    });

    it("a ZIP64 field too short for the value leaves the saturated one (then refused by size)", () => {
      const extra = extraField(0x0001, new Uint8Array(7));
      expect(readZipDirectory(writeArchive({ entries: [{ ...A(), size: SAT, extra }] }), L())).toEqual({ fail: "ZIP_BOMB", detail: "a.xml 解压后 4294967295 字节" });
    });

    it("a ZIP64 field holding only the size leaves a saturated compressed size or offset as written", () => {
      // Eight more bytes follow in the record's comment: a reader going past the field would take them.
      const comment = u64s(9e9);
      expect(big({ size: SAT, csize: SAT, comment }, extraField(0x0001, u64s(5e9)))).toMatchObject({ size: 5e9, compressedSize: SAT, localOffset: 0 });
      expect(big({ size: SAT, offset: SAT, comment }, extraField(0x0001, u64s(5e9)))).toMatchObject({ size: 5e9, compressedSize: 4, localOffset: SAT });
    });

    it("an extra field cut short (2 bytes left) is not read on into the comment", () => {
      const extra = concat(extraField(0x5455, new Uint8Array(4)), new Uint8Array([0x01, 0x00]));
      const comment = concat(new Uint8Array([0x08, 0x00]), u64s(5e9));
      expect(big({ size: SAT, comment }, extra)).toMatchObject({ size: SAT });
    });

    it("a ZIP64 field is read only for the fields that are saturated", () => {
      expect(big({}, extraField(0x0001, u64s(5e9, 6e9, 7e9)))).toMatchObject({ size: 4, compressedSize: 4, localOffset: 0 });
    });
  });
});

describe("names", () => {
  const one = (name: string | Uint8Array) => readZipDirectory(writeArchive({ entries: [{ ...A(), name }] }), L());

  it.each([
    ["../evil.xml"],
    ["xl/../../evil.xml"],
    ["xl/./sheet.xml"],
    ["./a.xml"],
    [".."],
    ["/etc/passwd"],
    ["C:evil.xml"],
    ["c:/evil.xml"],
    ["a\0.xml"],
    ["xl/.."],
    ["xl/."],
    ["xl/../"],
    ["Z:evil.xml"],
    ["a:evil.xml"],
    ["z:evil.xml"],
    ["xl/\0"],
  ])("%j is refused", (name) => {
    expect(one(name)).toEqual({ fail: "UNSAFE_ZIP", detail: `不安全的路径：${name}` });
  });

  it("a backslash is a folder separator: ..\\ is refused as written, docProps\\app.xml read as docProps/app.xml", () => {
    expect(one("xl\\..\\..\\evil.xml")).toEqual({ fail: "UNSAFE_ZIP", detail: "不安全的路径：xl\\..\\..\\evil.xml" });
    expect(entries(one("docProps\\App.xml") as ZipDir)).toEqual({
      "docprops/app.xml": expect.objectContaining({ name: "docProps/App.xml" }),
    });
  });

  it.each([
    ["xl/a:b.xml"],
    ["1:x.xml"],
    ["..a/b..xml"],
    ["xl/.hidden"],
    ["a/.../b"],
    ["xl/sheet.xml/"],
    ["@:x.xml"],
    ["[:x.xml"],
    ["`:x.xml"],
    ["{:x.xml"],
    ["a//b.xml"],
    ["xl/.a/b.xml"],
    ["xl/工作表.xml"],
    [`xl/${"a".repeat(300)}.xml`],
    [`xl/${"a".repeat(250)}.xml`],
  ])("%j is a name like another", (name) => {
    expect([...(one(name) as ZipDir).entries.keys()]).toEqual([name.toLowerCase()]);
  });

  it("a long unsafe name is cut to 80 characters in the detail", () => {
    const name = `../${"长".repeat(100)}`;
    expect(one(name)).toEqual({ fail: "UNSAFE_ZIP", detail: `不安全的路径：${name.slice(0, 80)}` });
  });

  it("names are UTF-8", () => {
    expect([...(one(bytesOf("xl/工作表.xml")) as ZipDir).entries.keys()]).toEqual(["xl/工作表.xml"]);
  });

  it("two names equal but for case are one part twice: refused with the second name (cut to 80)", () => {
    const r = readZipDirectory(writeArchive({ entries: [A(), { ...B(), name: "A.XML" }] }), L());
    expect(r).toEqual({ fail: "UNSAFE_ZIP", detail: "重复的部件：A.XML" });
    const long = `xl/${"长".repeat(100)}.xml`;
    expect(readZipDirectory(writeArchive({ entries: [{ ...A(), name: long }, { ...B(), name: long }] }), L())).toEqual({
      fail: "UNSAFE_ZIP",
      detail: `重复的部件：${long.slice(0, 80)}`,
    });
  });
});

describe("counts and declared sizes against the limits", () => {
  const names = (...n: string[]) => n.map((name) => storedEntry(name, "<x/>"));
  const limits = L({ maxEntries: 3, maxSheets: 2 });

  it("as many entries as allowed: read", () => {
    expect(dir(writeArchive({ entries: names("xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml") }), limits).entries.size).toBe(3);
  });

  it.each<[string, string[], object]>([
    ["one entry too many, three of them worksheets", ["xl/worksheets/sheet1.xml", "XL/Worksheets/Sheet2.XML", "xl/worksheets/sheet3.xml", "a.xml"], { fail: "TOO_MANY_SHEETS", detail: "3 个工作表" }],
    ["one entry too many, two of them worksheets", ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "b.xml", "a.xml"], { fail: "ZIP_BOMB", detail: "压缩包内有 4 个文件" }],
    [
      "sheet relationships, binary sheets and chart sheets are not worksheets",
      ["xl/worksheets/sheet1.xml", "xl/worksheets/_rels/sheet1.xml.rels", "xl/worksheets/sheet2.bin", "xl/chartsheets/sheet3.xml", "xl/worksheets.xml"],
      { fail: "ZIP_BOMB", detail: "压缩包内有 5 个文件" },
    ],
  ])("%s", (_what, n, expected) => {
    expect(readZipDirectory(writeArchive({ entries: names(...n) }), limits)).toEqual(expected);
  });

  it("one entry's declared size: at the limit read, one byte above refused", () => {
    const e = (size: number) => writeArchive({ entries: [A(), { ...B(), size }] });
    expect(dir(e(1000), L({ maxEntryBytes: 1000 })).entries.get("b.xml")!.size).toBe(1000);
    expect(readZipDirectory(e(1001), L({ maxEntryBytes: 1000 }))).toEqual({ fail: "ZIP_BOMB", detail: "b.xml 解压后 1001 字节" });
    const long = `${"长".repeat(100)}.xml`;
    expect(readZipDirectory(writeArchive({ entries: [{ ...B(), name: long, size: 1001 }] }), L({ maxEntryBytes: 1000 }))).toEqual({
      fail: "ZIP_BOMB",
      detail: `${long.slice(0, 80)} 解压后 1001 字节`,
    });
  });

  it("the declared sizes' total: at the limit read, one byte above refused", () => {
    const e = writeArchive({ entries: [{ ...A(), size: 600 }, { ...B(), size: 400 }] });
    expect(dir(e, L({ maxUncompressedBytes: 1000 })).entries.size).toBe(2);
    expect(readZipDirectory(e, L({ maxUncompressedBytes: 999 }))).toEqual({ fail: "ZIP_BOMB", detail: "解压后共 1000 字节" });
  });
});
