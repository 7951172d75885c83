/**
 * The part memo (templates/xlsx/memo.ts): a batch of reads parses the template's unchanging parts
 * (workbook, relationships, styles) once, answers exactly as reads without it, and never lends a
 * parse to a file whose stored bytes differ, whatever its headers claim.
 */
// @ts-nocheck

import { unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { buildTemplate } from "../templates/build";
import { inspectWorkbook } from "../templates/inspect";
import { demoUnits, sampleFill } from "../templates/samples";
import { DEFAULT_XLSX_LIMITS, PartMemo, readXlsxGrid } from "../templates/xlsx";
import { LONG_TEXT } from "../templates/xlsx/memo";
import { readZipDirectory, storedBytes } from "../templates/xlsx/zip";
import { nativeUnzip } from "../functions/service/native-deflate";
import { patchCentral, patchZip } from "./fixtures/bad-files";

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

async function towns(n: number): Promise<Uint8Array[]> {
  const units = demoUnits(n);
  return Promise.all(units.map((u, i) => buildTemplate({ fill: sampleFill(u, "2025-Y", i + 1, 1 + i / 4) })));
}

/** The file with one byte of a part's stored (compressed) data changed; its headers, CRC and sizes untouched. */
function flipStoredByte(bytes: Uint8Array, part: string): Uint8Array {
  const dir = readZipDirectory(bytes, DEFAULT_XLSX_LIMITS);
  if ("fail" in dir) throw new Error(dir.fail);
  const stored = storedBytes(bytes, dir, dir.entries.get(part)!);
  if ("fail" in stored) throw new Error(stored.fail);
  const out = bytes.slice();
  const at = stored.byteOffset - bytes.byteOffset + Math.floor(stored.length / 2);
  out[at] = out[at]! ^ 0x55;
  return out;
}

describe("the part memo", () => {
  it("answers three towns exactly as reads without it, parsing the workbook, relationships and styles once", async () => {
    const files = await towns(3);
    const memo = new PartMemo();
    const hits: number[][] = [];
    for (const f of files) {
      const withMemo = readXlsxGrid(f, { memo, codec: nativeUnzip });
      hits.push([memo.hits, memo.textHits]);
      expect(withMemo).toEqual(readXlsxGrid(f));
    }
    // Parts; and the library each template carries, one long shared string, decoded once.
    expect(hits).toEqual([[0, 0], [3, 1], [6, 2]]);
  });

  it("inspects as without it, and answers the relationships' external-link check from it too", async () => {
    const files = await towns(2);
    const memo = new PartMemo();
    const first = inspectWorkbook(files[0]!, { memo });
    expect(memo.hits).toBe(0);
    const second = inspectWorkbook(files[1]!, { memo });
    // workbook, workbook relationships, styles; then the package and workbook relationships judged free of external links
    expect(memo.hits).toBe(5);
    expect(first).toEqual(inspectWorkbook(files[0]!));
    expect(second).toEqual(inspectWorkbook(files[1]!));
  });

  it("the second town's inspection inflates only its own parts: the sheets and shared strings", async () => {
    const files = await towns(2);
    let inflated: string[] = [];
    const counting: typeof nativeUnzip = {
      inflateRaw: (data, max) => {
        const out = nativeUnzip.inflateRaw(data, max);
        // Each part by its root element.
        if (out instanceof Uint8Array) inflated.push(/<([A-Za-z:]+)[\s>/]/.exec(new TextDecoder().decode(out.subarray(0, 300)))?.[1] ?? "?");
        return out;
      },
      crc32: nativeUnzip.crc32,
    };
    const memo = new PartMemo();
    expect(inspectWorkbook(files[0]!, { memo, codec: counting }).ok).toBe(true);
    // workbook, its relationships, styles, shared strings, four sheets; the package's and the workbook's relationships again for the link check
    expect(inflated.length).toBe(10);
    inflated = [];
    expect(inspectWorkbook(files[1]!, { memo, codec: counting }).ok).toBe(true);
    expect(inflated).toEqual(["sst", "worksheet", "worksheet", "worksheet", "worksheet"]);
  });

  it("never lends a parse to stored bytes that differ: a changed byte in styles.xml is refused as it is without the memo", async () => {
    const [good] = await towns(1);
    const bad = flipStoredByte(good!, "xl/styles.xml");
    const alone = readXlsxGrid(bad, { codec: nativeUnzip });
    expect(alone.ok).toBe(false);
    const memo = new PartMemo();
    expect(readXlsxGrid(good!, { memo, codec: nativeUnzip }).ok).toBe(true);
    expect(readXlsxGrid(bad, { memo, codec: nativeUnzip })).toEqual(alone);
    if (alone.ok) throw new Error("read");
    expect(alone.code).toBe("CORRUPT_ZIP");
  });

  // (what the headers of styles.xml say, over the first file's very bytes) -> the refusal, with the memo as without it
  const HEADER_CASES: [string, "method" | "crc" | "size", (e: { crc: number; size: number }) => number, string, string][] = [
    ["another CRC", "crc", (e) => e.crc ^ 1, "CORRUPT_ZIP", "xl/styles.xml 校验失败"],
    ["a size one byte larger", "size", (e) => e.size + 1, "CORRUPT_ZIP", "xl/styles.xml 大小不符"],
    ["a size one byte smaller", "size", (e) => e.size - 1, "ZIP_BOMB", "xl/styles.xml 实际解压大小超过声明"],
    ["stored, not deflated", "method", () => 0, "CORRUPT_ZIP", "xl/styles.xml 大小不符"],
  ];
  it.each(HEADER_CASES)("the same stored bytes under %s are refused as they are without the memo", async (_what, field, value, code, detail) => {
    const [good] = await towns(1);
    const dir = readZipDirectory(good!, DEFAULT_XLSX_LIMITS);
    if ("fail" in dir) throw new Error(dir.fail);
    const bad = patchCentral(good!, "xl/styles.xml", field, value(dir.entries.get("xl/styles.xml")!));
    const alone = readXlsxGrid(bad, { codec: nativeUnzip });
    expect(alone.ok ? null : [alone.code, alone.detail]).toEqual([code, detail]);
    const memo = new PartMemo();
    expect(readXlsxGrid(good!, { memo, codec: nativeUnzip }).ok).toBe(true);
    expect(readXlsxGrid(bad, { memo, codec: nativeUnzip })).toEqual(alone);
  });

  it("a file with an external link in its workbook relationships is refused after a clean file primed the memo", async () => {
    const [good] = await towns(1);
    const rels = new TextDecoder().decode(unzipSync(good!)["xl/_rels/workbook.xml.rels"]!);
    const linked = patchZip(good!, {
      "xl/_rels/workbook.xml.rels": rels.replace("</Relationships>", `<Relationship Id="rId99" Type="${REL}/hyperlink" Target="\\\\198.51.100.7\\share\\x.xlsx" TargetMode="External"/></Relationships>`),
    });
    const memo = new PartMemo();
    expect(inspectWorkbook(good!, { memo }).ok).toBe(true);
    const r = inspectWorkbook(linked, { memo });
    expect(r.ok ? null : [r.code, r.detail]).toEqual(["EXTERNAL_LINKS", "外部链接：\\\\198.51.100.7\\share\\x.xlsx"]);
  });

  it("remembers no failure: a malformed workbook.xml is read (and refused) afresh each time", async () => {
    const [good] = await towns(1);
    const broken = patchZip(good!, { "xl/workbook.xml": new TextDecoder().decode(unzipSync(good!)["xl/workbook.xml"]!).slice(0, -3) });
    const memo = new PartMemo();
    const first = readXlsxGrid(broken, { memo });
    const second = readXlsxGrid(broken, { memo });
    expect(first.ok ? null : [first.code, first.detail]).toEqual(["CORRUPT_ZIP", "workbook.xml 格式错误：Unclosed end tag."]);
    expect(second).toEqual(first);
    expect(memo.hits).toBe(0);
  });

  it("each read gets its own defined names: changing one grid's does not reach the next read", async () => {
    const [good] = await towns(1);
    const memo = new PartMemo();
    const a = readXlsxGrid(good!, { memo });
    if (!a.ok) throw new Error(a.message);
    a.grid.definedNames!["HZ_TEMPLATE_ID"] = "changed";
    const b = readXlsxGrid(good!, { memo });
    if (!b.ok) throw new Error(b.message);
    expect(memo.hits).toBe(3);
    expect(b.grid.definedNames!["HZ_TEMPLATE_ID"]).toBe("'模板信息'!$B$1");
  });

  it("a part stored under the same name but deflated differently (other bytes, same text) is parsed again, with the same answer", async () => {
    const [good] = await towns(1);
    const files = unzipSync(good!);
    const restored = zipSync({ ...files, "xl/styles.xml": [files["xl/styles.xml"]!, { level: 9 }], "xl/workbook.xml": [files["xl/workbook.xml"]!, { level: 0 }] });
    const memo = new PartMemo();
    const a = readXlsxGrid(good!, { memo });
    const b = readXlsxGrid(restored, { memo });
    expect(b).toEqual(a);
    expect(memo.hits).toBe(0);
    expect(readXlsxGrid(restored, { memo })).toEqual(a);
    expect(memo.hits).toBe(3);
  });
});

describe("long texts", () => {
  /** A decoder that counts its calls and answers null for a text holding "&bad;". */
  const counted = () => {
    const calls: number[] = [];
    const decode = (raw: string): string | null => {
      calls.push(raw.length);
      return raw.includes("&bad;") ? null : raw.replaceAll("&quot;", '"');
    };
    return { calls, decode };
  };
  /** A raw text of exactly n characters, mostly &quot; entities, ending in `last`; and what it decodes to. */
  const k = (n: number) => Math.floor((n - 1) / 6);
  const long = (n: number, last = "x") => "&quot;".repeat(k(n)) + "y".repeat(n - 1 - 6 * k(n)) + last;
  const decoded = (n: number, last = "x") => '"'.repeat(k(n)) + "y".repeat(n - 1 - 6 * k(n)) + last;

  it("a text of LONG_TEXT characters is decoded once and then answered from the memo; one of LONG_TEXT - 1 is decoded every time", () => {
    const memo = new PartMemo();
    const { calls, decode } = counted();
    const atBound = long(LONG_TEXT);
    const below = long(LONG_TEXT - 1);
    expect(atBound.length).toBe(LONG_TEXT);
    expect(below.length).toBe(LONG_TEXT - 1);
    const first = memo.text(atBound, decode);
    expect(first).toBe(decoded(LONG_TEXT));
    expect(memo.text(atBound, decode)).toBe(first);
    expect(memo.text(below, decode)).toBe(decoded(LONG_TEXT - 1));
    expect(memo.text(below, decode)).toBe(decoded(LONG_TEXT - 1));
    expect(calls).toEqual([LONG_TEXT, LONG_TEXT - 1, LONG_TEXT - 1]);
    expect(memo.textHits).toBe(1);
  });

  it("a long text that differs in its last character is decoded afresh, and becomes the one remembered", () => {
    const memo = new PartMemo();
    const { calls, decode } = counted();
    const a = long(LONG_TEXT + 7, "a");
    const b = long(LONG_TEXT + 7, "b");
    expect(memo.text(a, decode)).toBe(decoded(LONG_TEXT + 7, "a"));
    expect(memo.text(b, decode)).toBe(decoded(LONG_TEXT + 7, "b"));
    expect(memo.text(b, decode)).toBe(decoded(LONG_TEXT + 7, "b"));
    expect(memo.text(a, decode)).toBe(decoded(LONG_TEXT + 7, "a"));
    expect(calls.length).toBe(3);
    expect(memo.textHits).toBe(1);
  });

  it("a failed decoding is not remembered: the same text is decoded, and fails, again", () => {
    const memo = new PartMemo();
    const { calls, decode } = counted();
    const bad = long(LONG_TEXT) + "&bad;";
    expect(memo.text(bad, decode)).toBeNull();
    expect(memo.text(bad, decode)).toBeNull();
    expect(calls.length).toBe(2);
    expect(memo.textHits).toBe(0);
  });

  it("a town whose library text differs from the one remembered reads its own: the grids equal reads without the memo", async () => {
    const [a, b] = await towns(2);
    const parts = unzipSync(b!);
    const sst = new TextDecoder().decode(parts["xl/sharedStrings.xml"]!);
    // The library's JSON text, its first &quot; made &#34; (the same character, other raw text).
    const changed = sst.replace("&quot;", "&#34;");
    expect(changed).not.toBe(sst);
    const other = zipSync({ ...parts, "xl/sharedStrings.xml": new TextEncoder().encode(changed) });
    const memo = new PartMemo();
    readXlsxGrid(a!, { memo });
    const withMemo = readXlsxGrid(other, { memo });
    expect(memo.textHits).toBe(0);
    expect(withMemo).toEqual(readXlsxGrid(other));
    expect(readXlsxGrid(other, { memo })).toEqual(withMemo);
    expect(memo.textHits).toBe(1);
  });
});
