/**
 * Worksheets scanned as bytes (templates/xlsx/xml.ts ByteText, which the command line and the server
 * hand the reader through Node's Buffer): every case reads to exactly what the decoded text gives,
 * including text that is not ASCII (before, after and between ASCII values), entities that make
 * non-ASCII characters, CDATA, byte-order marks, broken UTF-8, and parts declared in another
 * encoding (decoded whole). Shared strings are always decoded whole.
 */
import { zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { nativeUnzip } from "../functions/service/native-deflate";
import { buildTemplate } from "../templates/build";
import { demoUnits, sampleFill } from "../templates/samples";
import { DEFAULT_XLSX_LIMITS, readXlsxGrid, type ByteText, type ZipCodec } from "../templates/xlsx";
import type { SheetContext } from "../templates/xlsx/cells";
import { parseSheetScan } from "../templates/xlsx/sheet-scan";
import { utf8Start, xmlText } from "../templates/xlsx/xml";
import { packageSheets } from "./fixtures/bad-files";

const NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const BYTES: ByteText = nativeUnzip.bytes!;
const enc = new TextEncoder();
/** Node's zlib without the byte decodings: the reader decodes every part whole. */
const DECODING: ZipCodec = { inflateRaw: nativeUnzip.inflateRaw, crc32: nativeUnzip.crc32 };

/** Style 12 alone has a number format: a misread style index shows. */
const XF = Array.from({ length: 20 }, (_, i) => (i === 12 ? "0.00" : "General"));
const ctx = (): SheetContext => ({ sharedStrings: ["甲"], xfFormats: XF, limits: DEFAULT_XLSX_LIMITS, deadline: Date.now() + 3_600_000, cellCount: 0 });
const sheet = (data: string) => `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS}"><sheetData>${data}</sheetData><dataValidations><dataValidation prompt="请填写"/></dataValidations></worksheet>`;

/** A part's bytes read both ways: as bytes with the runtime's decodings, and decoded whole. */
function bothWays(bytes: Uint8Array) {
  const asBytes = xmlText(bytes, BYTES);
  const decoded = xmlText(bytes);
  if (!asBytes || !decoded) throw new Error("undecodable");
  return { asBytes, decoded };
}

describe("where a part's UTF-8 text begins", () => {
  it.each<[string, number[] | string, number | null]>([
    ["no declaration", "<sst/>", 0],
    ["declared UTF-8", `<?xml version="1.0" encoding="UTF-8"?><sst/>`, 0],
    ["declared utf8, lower case", `<?xml version="1.0" encoding='utf8'?><sst/>`, 0],
    ["a UTF-8 byte-order mark", [0xef, 0xbb, 0xbf, ...enc.encode("<sst/>")], 3],
    ["UTF-16 declared over single bytes (read as UTF-8)", `<?xml version="1.0" encoding="UTF-16"?><sst/>`, 0],
    ["declared GB18030", `<?xml version="1.0" encoding="GB18030"?><sst/>`, null],
    ["declared windows-1252", `<?xml version="1.0" encoding="windows-1252"?><sst/>`, null],
    ["UTF-16 LE with its mark", [0xff, 0xfe, 0x3c, 0x00], null],
    ["UTF-16 BE with its mark", [0xfe, 0xff, 0x00, 0x3c], null],
    ["UTF-16 LE without a mark", [0x3c, 0x00, 0x3f, 0x00], null],
    ["UTF-16 BE without a mark", [0x00, 0x3c, 0x00, 0x3f], null],
    // Half a mark is no mark: each byte of each pair decides.
    ["0xFF, then no 0xFE", [0xff, 0x3c, 0x61], 0],
    ["0xFE, after no 0xFF", [0x3c, 0xfe, 0x61], 0],
    ["0xFE, then no 0xFF", [0xfe, 0x3c, 0x61], 0],
    ["0xFF, after no 0xFE", [0x3c, 0xff, 0x61], 0],
    ["0x00, then no <", [0x00, 0x61, 0x61], 0],
    ["<, after no 0x00", [0x61, 0x3c, 0x61], 0],
    ["<, then a letter", [0x3c, 0x61, 0x00], 0],
    ["0x00, after no <", [0x61, 0x00, 0x61], 0],
    ["two bytes of the UTF-8 mark", [0xef, 0xbb, 0x3c], 0],
    ["the UTF-8 mark's first and last bytes", [0xef, 0x3c, 0xbf], 0],
    ["the UTF-8 mark's last two bytes", [0x3c, 0xbb, 0xbf], 0],
    // The declaration is looked at over its first 200 bytes: an encoding whose closing quote is byte 199 counts, byte 200 does not.
    ["an encoding ending within the first 200 bytes", `<?xml version="1.0"${" ".repeat(200 - 19 - 19)} encoding="GB18030"?><sst/>`, null],
    ["an encoding ending past the first 200 bytes", `<?xml version="1.0"${" ".repeat(200 - 19 - 19 + 1)} encoding="GB18030"?><sst/>`, 0],
  ])("%s → %s", (_name, input, start) => {
    const bytes = typeof input === "string" ? enc.encode(input) : new Uint8Array(input);
    expect(utf8Start(bytes)).toBe(start);
    const t = xmlText(bytes, BYTES);
    // Bytes when UTF-8 (from after the mark), decoded otherwise.
    expect(t?.utf8 !== undefined).toBe(start !== null);
    if (start !== null) expect(t?.xml).toBe(String.fromCharCode(...bytes.subarray(start)));
  });

  it("gives byte text one char per byte and a UTF-8 decoding of its slices", () => {
    const t = xmlText(enc.encode("<t>青阳镇 A1</t>"), BYTES)!;
    expect(t.xml).toHaveLength(3 + 9 + 3 + 4);
    expect(t.utf8!(t.xml.slice(3, 15))).toBe("青阳镇 A1");
  });
});

describe("a worksheet read as bytes reads as the decoded worksheet", () => {
  // (case, sheetData) → the cells both ways give
  it.each<[string, string, object]>([
    ["Chinese inline string", `<row r="1"><c r="A1" t="inlineStr"><is><t>青阳镇</t></is></c></row>`, { A1: { value: "青阳镇", numFmt: "General" } }],
    [
      "a formula and its cached text in Chinese",
      `<row r="1"><c r="A1" t="str"><f>"填报单位："&amp;封面!C5</f><v>填报单位：青阳镇</v></c></row>`,
      { A1: { value: "填报单位：青阳镇", numFmt: "General", formula: `"填报单位："&封面!C5` } },
    ],
    ["entities that make Chinese, beside raw UTF-8", `<row r="1"><c r="A1" t="str"><v>中&#25991;&#x5B57;</v></c></row>`, { A1: { value: "中文字", numFmt: "General" } }],
    ["CDATA holding Chinese and markup", `<row r="1"><c r="A1" t="str"><v><![CDATA[甲<乙>&丙]]></v></c></row>`, { A1: { value: "甲<乙>&丙", numFmt: "General" } }],
    ["a character outside the BMP", `<row r="1"><c r="A1" t="str"><v>𠀀😀</v></c></row>`, { A1: { value: "𠀀😀", numFmt: "General" } }],
    ["a cell address written with an entity", `<row r="1"><c r="&#65;1"><v>7</v></c></row>`, { A1: { value: 7, numFmt: "General" } }],
    ["a style index with leading zeros", `<row r="1"><c r="A1" s="00"><v>7</v></c></row>`, { A1: { value: 7, numFmt: "General" } }],
    ["an empty style index", `<row r="1"><c r="A1" s=""><v>7</v></c></row>`, { A1: { value: 7, numFmt: "General" } }],
    ["a style index of two digits", `<row r="1"><c r="A1" s="12"><v>7</v></c></row>`, { A1: { value: 7, numFmt: "0.00" } }],
    ["a style index of nine digits", `<row r="1"><c r="A1" s="000000012"><v>7</v></c></row>`, { A1: { value: 7, numFmt: "0.00" } }],
    ["a style index of ten digits (read as written)", `<row r="1"><c r="A1" s="0000000012"><v>7</v></c></row>`, { A1: { value: 7, numFmt: "0.00" } }],
    ["a style index with an entity", `<row r="1"><c r="A1" s="1&#50;"><v>7</v></c></row>`, { A1: { value: 7, numFmt: "0.00" } }],
    ["a type in Chinese (unknown: read as a number)", `<row r="1"><c r="A1" t="数"><v>7</v></c></row>`, { A1: { value: 7, numFmt: "General" } }],
    ["a shared string", `<row r="1"><c r="A1" t="s"><v>0</v></c></row>`, { A1: { value: "甲", numFmt: "General" } }],
    [
      "non-ASCII text before, between and after ASCII values, and split by CDATA",
      `<row r="1"><c r="A1" t="str"><v>中</v></c><c r="B1"><v>7</v></c><c r="C1" t="str"><v>abc</v></c>` +
        `<c r="D1" t="str"><v>a<![CDATA[乙]]>b</v></c><c r="E1" t="str"><v><![CDATA[x]]>丙</v></c><c r="F1" t="inlineStr"><is><t>丁</t></is></c><c r="G1" t="str"><v>end</v></c></row>`,
      {
        A1: { value: "中", numFmt: "General" },
        B1: { value: 7, numFmt: "General" },
        C1: { value: "abc", numFmt: "General" },
        D1: { value: "a乙b", numFmt: "General" },
        E1: { value: "x丙", numFmt: "General" },
        F1: { value: "丁", numFmt: "General" },
        G1: { value: "end", numFmt: "General" },
      },
    ],
    ["Chinese only after sheetData (the template's prompts)", `<row r="1"><c r="A1" t="str"><v>ok</v></c></row>`, { A1: { value: "ok", numFmt: "General" } }],
  ])("%s", (_name, data, cells) => {
    const { asBytes, decoded } = bothWays(enc.encode(sheet(data)));
    expect(parseSheetScan(asBytes, ctx())).toEqual({ cells, rowCount: 1 });
    expect(parseSheetScan(decoded, ctx())).toEqual({ cells, rowCount: 1 });
  });

  it("decodes broken UTF-8 to the same replacement characters", () => {
    // 0xE4 0xB8 starts 中 and is cut off by "<"; a lone 0xFF is never UTF-8.
    const head = enc.encode(sheet(`<row r="1"><c r="A1" t="str"><v>X</v></c></row>`));
    const at = head.indexOf(0x58); // the X
    const bytes = new Uint8Array([...head.subarray(0, at), 0xe4, 0xb8, 0x41, 0xff, ...head.subarray(at + 1)]);
    const { asBytes, decoded } = bothWays(bytes);
    const want = { cells: { A1: { value: "\ufffdA\ufffd", numFmt: "General" } }, rowCount: 1 };
    expect(parseSheetScan(asBytes, ctx())).toEqual(want);
    expect(parseSheetScan(decoded, ctx())).toEqual(want);
  });

  it("decodes a value whose last byte alone is not ASCII", () => {
    const head = enc.encode(sheet(`<row r="1"><c r="A1" t="str"><v>AX</v></c><c r="B1" t="str"><v>B</v></c></row>`));
    const at = head.indexOf(0x58); // the X
    const { asBytes, decoded } = bothWays(new Uint8Array([...head.subarray(0, at), 0xff, ...head.subarray(at + 1)]));
    const want = { cells: { A1: { value: "A\ufffd", numFmt: "General" }, B1: { value: "B", numFmt: "General" } }, rowCount: 1 };
    expect(parseSheetScan(asBytes, ctx())).toEqual(want);
    expect(parseSheetScan(decoded, ctx())).toEqual(want);
  });

  it("names a bad address in Chinese as written, either way", () => {
    const { asBytes, decoded } = bothWays(enc.encode(sheet(`<row r="1"><c r="甲1"><v>7</v></c></row>`)));
    const want = { fail: "CORRUPT_ZIP", detail: "工作表 XML 格式错误：单元格地址 甲1 无效" };
    expect(parseSheetScan(asBytes, ctx())).toEqual(want);
    expect(parseSheetScan(decoded, ctx())).toEqual(want);
  });
});

describe("whole workbooks", () => {
  it("read to the same grid as bytes, decoded, and through fflate", async () => {
    const [u] = demoUnits(1);
    const file = await buildTemplate({ fill: sampleFill(u!, "2025-Y", 1, 1.5) });
    const asBytes = readXlsxGrid(file, { codec: nativeUnzip });
    const decoded = readXlsxGrid(file, { codec: DECODING });
    const fflate = readXlsxGrid(file);
    if (!asBytes.ok || !decoded.ok || !fflate.ok) throw new Error("not read");
    expect(asBytes.grid).toEqual(decoded.grid);
    expect(asBytes.grid).toEqual(fflate.grid);
    // Chinese text came through: the unit's name on the cover.
    expect(JSON.stringify(asBytes.grid)).toContain(u!.name);
  });

  it("read a part declared in GB18030 decoded, beside UTF-8 parts read as bytes", () => {
    const gb = new Uint8Array([...enc.encode(`<?xml version="1.0" encoding="GB18030"?><worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1" t="str"><v>`), 0xd6, 0xd0, 0xce, 0xc4, ...enc.encode("</v></c></row></sheetData></worksheet>")]);
    const utf8 = enc.encode(sheet(`<row r="1"><c r="A1" t="str"><v>中文</v></c></row>`));
    const files = packageSheets([
      { name: "甲", xml: "" },
      { name: "乙", xml: "" },
    ]);
    files["xl/worksheets/sheet1.xml"] = gb;
    files["xl/worksheets/sheet2.xml"] = utf8;
    const r = readXlsxGrid(zipSync(files), { codec: nativeUnzip });
    if (!r.ok) throw new Error(r.code);
    expect(r.grid.sheets.map((s) => s.cells["A1"]?.value)).toEqual(["中文", "中文"]);
  });
});
