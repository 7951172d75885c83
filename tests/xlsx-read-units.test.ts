/**
 * The reader's small pure pieces at their edges, as tables of input → exact output: what a file is by
 * its first bytes (sniff.ts), an XML part's encoding, the DOCTYPE guard, entity and `_xHHHH_` decoding
 * (xml.ts), A1 references (cells.ts `parseRef`) and shared formulas moved to another cell (formula.ts).
 */
import { describe, expect, it } from "vitest";
import { parseRef } from "../templates/xlsx/cells";
import { shiftFormula } from "../templates/xlsx/formula";
import { cfbIsEncryptedOoxml, sniffFileKind, type FileKind } from "../templates/xlsx/sniff";
import { decodeEntities, decodeXml, hasUnsafeDeclaration, localName, unescapeOoxml } from "../templates/xlsx/xml";

const b = (...x: number[]) => new Uint8Array(x);
const utf8 = (s: string) => new TextEncoder().encode(s);
const utf16le = (s: string) => {
  const out = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) (out[2 * i] = s.charCodeAt(i) & 0xff), (out[2 * i + 1] = s.charCodeAt(i) >> 8);
  return out;
};
const utf16be = (s: string) => {
  const le = utf16le(s);
  for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  return le;
};
const cat = (...p: Uint8Array[]) => {
  const out = new Uint8Array(p.reduce((n, x) => n + x.length, 0));
  let at = 0;
  for (const x of p) out.set(x, at), (at += x.length);
  return out;
};
const biff = (hi: number, len: number, type: number, n = 8) => {
  const out = new Uint8Array(Math.max(n, 8));
  out.set([0x09, hi, len, 0, 0, 0, type & 0xff, type >> 8]);
  return out.subarray(0, n);
};

describe("sniffFileKind", () => {
  const CASES: [string, Uint8Array, FileKind][] = [
    ["nothing", b(), "empty"],
    ["a zip's first local header", b(0x50, 0x4b, 0x03, 0x04, 0), "zip"],
    ["an empty zip (its end record)", b(0x50, 0x4b, 0x05, 0x06), "zip"],
    ["PK and a third byte that is neither", b(0x50, 0x4b, 0x07, 0x08), "unknown"],
    ["three bytes of a zip signature", b(0x50, 0x4b, 0x03), "unknown"],
    ["a CFB container", b(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0), "cfb"],
    ["a CFB signature one byte off", b(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe0, 0), "unknown"],
    ["BIFF2 worksheet", biff(0x00, 4, 0x0010), "biff"],
    ["BIFF3 globals", biff(0x02, 6, 0x0005), "biff"],
    ["BIFF4 chart", biff(0x04, 20, 0x0020), "biff"],
    ["BIFF5 macro sheet", biff(0x08, 16, 0x0040), "biff"],
    ["BIFF5 workspace", biff(0x08, 16, 0x0100), "biff"],
    ["BIFF5 type 6", biff(0x08, 16, 0x0006), "biff"],
    ["BIFF of 7 bytes", biff(0x08, 16, 0x0010, 7), "unknown"],
    ["BIFF with another high byte", biff(0x06, 16, 0x0010), "unknown"],
    ["BIFF with a record length of 2", biff(0x08, 2, 0x0010), "unknown"],
    ["BIFF with a record length of 22", biff(0x08, 22, 0x0010), "unknown"],
    ["BIFF with an odd record length", biff(0x08, 7, 0x0010), "unknown"],
    ["BIFF with an unknown sheet type", biff(0x08, 16, 0x0011), "unknown"],
    ["BIFF whose fourth byte is not 0", cat(b(0x09, 0x08, 16, 1), b(0, 0, 0x10, 0)), "unknown"],
    ["a comma-separated file", utf8("名称,代码\n青阳镇,1\n"), "csv"],
    ["tab-separated, last line without one", utf8("a\tb\nc\td\ne"), "csv"],
    ["semicolons", utf8("a;b\r\nc;d\r\n"), "csv"],
    ["a separator only on the first line", utf8("a,b\nc\nd,e\n"), "text"],
    ["one line without a separator", utf8("hello"), "text"],
    ["white space only", utf8(" \n\t "), "text"],
    ["a BOM then CSV", cat(b(0xef, 0xbb, 0xbf), utf8("a,b\n")), "csv"],
    ["UTF-16 LE with a BOM, tab-separated", cat(b(0xff, 0xfe), utf16le("a\tb\r\nc\td\r\n")), "csv"],
    ["UTF-16 BE with a BOM", cat(b(0xfe, 0xff), utf16be("a,b\n")), "csv"],
    ["UTF-16 LE without a BOM", utf16le("a,b\nc,d\n"), "csv"],
    ["UTF-16 BE without a BOM", utf16be("a,b\nc,d\n"), "csv"],
    ["a control character", utf8("a,b\u0001\n"), "unknown"],
    ["form feed and escape are text", utf8("a\fb\u001b"), "text"],
    ["an HTML page", utf8("<!DOCTYPE html><html><body><table></table></body></html>"), "html"],
    ["a bare table", utf8("  <table><tr><td>1</td></tr></table>"), "html"],
    ["a <tr> first", utf8("<tr><td>1</td></tr>"), "html"],
    ["<meta first", utf8("<meta charset=utf-8>"), "html"],
    ["html further in", utf8("<x>\n<html>"), "html"],
    ["Office's namespace", utf8(`<x xmlns:o="urn:schemas-microsoft-com:office:office">`), "html"],
    ["<tablet> is not a table", utf8("<tablet/>"), "text"],
    ["an XML file", utf8(`<?xml version="1.0"?><root/>`), "text"],
    ["SpreadsheetML 2003 by its processing instruction", utf8(`<?xml version="1.0"?><?mso-application progid="Excel.Sheet"?><Workbook>`), "xml2003"],
    ["SpreadsheetML 2003 by its namespace", utf8(`<ss:Workbook xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">`), "xml2003"],
    ["a flat ODS", utf8(`<?xml version="1.0"?><office:document office:mimetype="application/vnd.oasis.opendocument.spreadsheet">`), "fods"],
    ["SpreadsheetML 2003, two spaces before progid", utf8(`<?mso-application  progid="Excel.Sheet"?><Workbook>`), "xml2003"],
    ["SpreadsheetML 2003 without a prefix", utf8(`<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">`), "xml2003"],
    ["a doctype with two spaces", utf8("<!DOCTYPE  html><p>x</p>"), "html"],
    ["a doctype, no <html> after it", utf8("<!DOCTYPE html><p>x</p>"), "html"],
    ["a table later in an XML file is not HTML", utf8("<x/><table>"), "text"],
    ["CSV with a blank line", utf8("a,b\n\nc,d\n"), "csv"],
    ["only the first five lines are judged", utf8("a,b\n".repeat(5) + "x\ny,z"), "csv"],
    ["a flat ODT is no spreadsheet", utf8(`<?xml version="1.0"?><office:document office:mimetype="application/vnd.oasis.opendocument.text">`), "text"],
  ];
  it.each(CASES)("%s", (_what, bytes, kind) => {
    expect(sniffFileKind(bytes)).toBe(kind);
  });

  it("only the first 4,096 bytes are judged", () => {
    expect(sniffFileKind(cat(utf8("a,b\n".repeat(1024)), b(1)))).toBe("csv");
    expect(sniffFileKind(cat(utf8("a,b\n".repeat(1023)), b(1)))).toBe("unknown");
  });

  it("a CFB holding an encryption stream name (UTF-16) is an encrypted workbook", () => {
    const cfb = (word: string) => cat(b(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1), new Uint8Array(9), utf16le(word), new Uint8Array(3));
    expect(cfbIsEncryptedOoxml(cfb("EncryptionInfo"))).toBe(true);
    expect(cfbIsEncryptedOoxml(cfb("EncryptedPackage"))).toBe(true);
    expect(cfbIsEncryptedOoxml(cfb("EncryptionInf"))).toBe(false);
    expect(cfbIsEncryptedOoxml(cfb("EncryptionInfX"))).toBe(false);
    expect(cfbIsEncryptedOoxml(cfb("Workbook"))).toBe(false);
    expect(cfbIsEncryptedOoxml(cfb("XncryptionInfo"))).toBe(false);
    // "E" with a high byte that is not 0, then the rest of the word; a later character with one.
    expect(cfbIsEncryptedOoxml(cat(b(0x45, 0x01), utf16le("ncryptionInfo")))).toBe(false);
    expect(cfbIsEncryptedOoxml(cat(utf16le("Encr"), b(0x79, 0x01), utf16le("ptionInfo")))).toBe(false);
    expect(cfbIsEncryptedOoxml(utf8("EncryptionInfo"))).toBe(false);
    expect(cfbIsEncryptedOoxml(utf16le("EncryptionInfo"))).toBe(true);
    expect(cfbIsEncryptedOoxml(utf16le("EncryptionInfo").subarray(0, 27))).toBe(false);
  });
});

describe("decodeXml", () => {
  const X = `<?xml version="1.0"?><a>表</a>`;
  const CASES: [string, Uint8Array, string | null][] = [
    ["UTF-8 without a declaration", utf8("<a>表</a>"), "<a>表</a>"],
    ["UTF-8 with a BOM", cat(b(0xef, 0xbb, 0xbf), utf8(X)), X],
    ["UTF-16 LE with a BOM", cat(b(0xff, 0xfe), utf16le(X)), X],
    ["UTF-16 BE with a BOM", cat(b(0xfe, 0xff), utf16be(X)), X],
    ["UTF-16 LE without a BOM", utf16le(X), X],
    ["UTF-16 BE without a BOM", utf16be(X), X],
    ["declared GBK", cat(utf8(`<?xml version="1.0" encoding="GBK"?><a>`), b(0xb1, 0xed), utf8("</a>")), `<?xml version="1.0" encoding="GBK"?><a>表</a>`],
    ["declared gb18030 in single quotes, spaced", cat(utf8(`<?xml version='1.0' encoding = 'gb18030'?><a>`), b(0xb1, 0xed), utf8("</a>")), `<?xml version='1.0' encoding = 'gb18030'?><a>表</a>`],
    ["declared windows-1252", cat(utf8(`<?xml version="1.0" encoding="windows-1252"?><a>`), b(0xe9), utf8("</a>")), `<?xml version="1.0" encoding="windows-1252"?><a>é</a>`],
    ["declared UTF-8", utf8(`<?xml version="1.0" encoding="UTF-8"?><a>表</a>`), `<?xml version="1.0" encoding="UTF-8"?><a>表</a>`],
    ["declared utf8", utf8(`<?xml version="1.0" encoding="utf8"?><a>表</a>`), `<?xml version="1.0" encoding="utf8"?><a>表</a>`],
    ["declared UTF-16 over single bytes", utf8(`<?xml version="1.0" encoding="UTF-16"?><a>表</a>`), `<?xml version="1.0" encoding="UTF-16"?><a>表</a>`],
    ["declared UCS-2 over single bytes", utf8(`<?xml version="1.0" encoding="ucs2"?><a>表</a>`), `<?xml version="1.0" encoding="ucs2"?><a>表</a>`],
    ["declared ISO-10646-UCS-2", utf8(`<?xml version="1.0" encoding="ISO-10646-UCS-2"?><a/>`), `<?xml version="1.0" encoding="ISO-10646-UCS-2"?><a/>`],
    ["an encoding no decoder knows", utf8(`<?xml version="1.0" encoding="x-klingon"?><a/>`), null],
    ["an encoding word after the declaration is not read", utf8(`<?xml version="1.0"?><a encoding="x-klingon"/>`), `<?xml version="1.0"?><a encoding="x-klingon"/>`],
    ["encoding= without white space before it", utf8(`<?xml version="1.0"encoding="x-klingon"?><a/>`), `<?xml version="1.0"encoding="x-klingon"?><a/>`],
    ["an encoding name starting with a digit", utf8(`<?xml version="1.0" encoding="8859"?><a/>`), `<?xml version="1.0" encoding="8859"?><a/>`],
    ["a declaration past 200 bytes is not read", utf8(`<?xml version="1.0"${" ".repeat(200)} encoding="x-klingon"?><a/>`), `<?xml version="1.0"${" ".repeat(200)} encoding="x-klingon"?><a/>`],
    ["half a byte-order mark (FF) is UTF-8", b(0xff, 0x41, 0x41, 0x41), "\ufffdAAA"],
    ["half a byte-order mark (FE) is UTF-8", b(0x41, 0xfe, 0x41, 0x41), "A\ufffdAA"],
    ["FE then another byte is UTF-8", b(0xfe, 0x41, 0x41, 0x41), "\ufffdAAA"],
    ["another byte then FF is UTF-8", b(0x41, 0xff, 0x41, 0x41), "A\ufffdAA"],
    ["a NUL then a letter is UTF-8", b(0x00, 0x41, 0x41, 0x41), "\u0000AAA"],
    ["a letter then < is UTF-8", b(0x41, 0x3c, 0x41, 0x41), "A<AA"],
    ["a letter then a NUL is UTF-8", b(0x41, 0x00, 0x41, 0x41), "A\u0000AA"],
    ["declared utf-8x (no such encoding)", utf8(`<?xml version="1.0" encoding="utf-8x"?><a/>`), null],
    ["declared xutf-8 (no such encoding)", utf8(`<?xml version="1.0" encoding="xutf-8"?><a/>`), null],
    ["declared xutf-16 (no such encoding)", utf8(`<?xml version="1.0" encoding="xutf-16"?><a/>`), null],
    ["declared utf16 over single bytes", utf8(`<?xml version="1.0" encoding="utf16"?><a/>`), `<?xml version="1.0" encoding="utf16"?><a/>`],
    ...["X?xml", "<Xxml", "<?Xml", "<?xXl", "<?xmX"].map((head): [string, Uint8Array, string] => [
      `${head} is no declaration`,
      utf8(`${head} encoding="x-klingon"?><a/>`),
      `${head} encoding="x-klingon"?><a/>`,
    ]),
    ["<?xm is no declaration", utf8(`<?xm encoding="x-klingon"?><a/>`), `<?xm encoding="x-klingon"?><a/>`],
  ];
  it.each(CASES)("%s", (_what, bytes, text) => {
    expect(decodeXml(bytes)).toBe(text);
  });
});

describe("hasUnsafeDeclaration, entities, _xHHHH_, names", () => {
  it.each<[string, boolean]>([
    [`<!DOCTYPE a><a/>`, true],
    [`<a/><!doctype a>`, true],
    [`<a><!-- x --><!  ENTITY x "y"></a>`, true],
    [`<a><!--x--><![CDATA[<!ENTITY]]></a>`, true],
    [`<a><!--DOCTYPE--></a>`, false],
    [`<a><![CDATA[x]]></a>`, false],
    [`<a>DOCTYPE ENTITY</a>`, false],
    [`<!-- one --><!-- two --><!DOCTYPE a>`, true],
    [`<aDOCTYPE/>`, false],
    [`<a><!ENT ITY></a>`, false],
    [`!<!DOCTYPE a>`, true],
    [`<a>好! 再见!</a><!ENTITY x "y">`, true],
    [`<a>注意!</a>`, false],
    [`< !DOCTYPE a>`, false],
    [`<a><<!ENTITY x "y"></a>`, true],
    [`<a/><!`, false],
  ])("%s → %s", (xml, unsafe) => {
    expect(hasUnsafeDeclaration(xml)).toBe(unsafe);
  });

  it.each<[string, string | null]>([
    ["no reference", "no reference"],
    ["&amp;&lt;&gt;&quot;&apos;", `&<>"'`],
    ["a&amp;b&lt;c", "a&b<c"],
    ["&#x4E0A;&#19978;", "上上"],
    ["&#x1F600;", "😀"],
    ["&#x10FFFF;", "\u{10ffff}"],
    ["&#x110000;", null],
    ["&#0;", null],
    ["&#1;", "\u0001"],
    ["&#xD800;", null],
    ["&#xDFFF;", null],
    ["&#xD7FF;&#xE000;", "\ud7ff\ue000"],
    ["&#1234567;", null],
    ["&#1114111;", "\u{10ffff}"],
    ["&#12345678;", null],
    ["&#x1234567;", null],
    ["&#x;", null],
    ["&#;", null],
    ["&#X41;", null],
    ["&nbsp;", null],
    ["a & b", null],
    ["&amp", null],
    ["&#x000000041;", null],
    ["&#00000065;", null],
    ["&#0000065;", "A"],
    ["x&#65;y&#66;z", "xAyBz"],
    ["&#65x", null],
    ["&#1#65;", null],
    ["&#x1#x41;", null],
  ])("%j → %j", (s, out) => {
    expect(decodeEntities(s)).toBe(out);
  });

  it.each<[string, string]>([
    ["plain", "plain"],
    ["a_x000D_b", "a\rb"],
    ["_x005F_x000D_", "_x000D_"],
    ["_x004a__x004A_", "JJ"],
    ["_x41_", "_x41_"],
    ["_x00ZZ_", "_x00ZZ_"],
    ["_x0041", "_x0041"],
  ])("unescapeOoxml(%j) = %j", (s, out) => {
    expect(unescapeOoxml(s)).toBe(out);
  });

  it("localName strips one prefix", () => {
    expect([localName("x:c"), localName("c"), localName("a:b:c"), localName(":c")]).toEqual(["c", "c", "b:c", "c"]);
  });
});

describe("parseRef", () => {
  it.each<[string, { col: number; row: number } | null]>([
    ["A1", { col: 1, row: 1 }],
    ["a1", { col: 1, row: 1 }],
    ["Z9", { col: 26, row: 9 }],
    ["z9", { col: 26, row: 9 }],
    ["AA10", { col: 27, row: 10 }],
    ["XFD1048576", { col: 16384, row: 1048576 }],
    ["xfd2", { col: 16384, row: 2 }],
    ["AAAA1", null],
    ["1", null],
    ["A", null],
    ["", null],
    ["A1B", null],
    ["A-1", null],
    ["A:1", null],
    ["@1", null],
    ["[1", null],
    ["`1", null],
    ["{1", null],
    ["A/", null],
    ["A09", { col: 1, row: 9 }],
  ])("%j → %j", (r, out) => {
    expect(parseRef(r)).toEqual(out);
  });
});

describe("shiftFormula", () => {
  it.each<[string, number, number, string]>([
    ["A1+B2", 0, 0, "A1+B2"],
    ["A1+B2", 1, 0, "A2+B3"],
    ["A1+B2", 0, 1, "B1+C2"],
    ["A1+B2", -1, 0, "#REF!+B1"],
    ["A1+B2", 0, -1, "#REF!+A2"],
    ["$A$1+$A1+A$1", 2, 2, "$A$1+$A3+C$1"],
    ["a1*2", 1, 1, "B2*2"],
    ["XFD1", 0, 1, "#REF!"],
    ["XFC1", 0, 1, "XFD1"],
    ["A1048576", 1, 0, "#REF!"],
    ["A1048575", 1, 0, "A1048576"],
    ["XFE1", 1, 1, "XFE1"],
    ["A0+A1", 1, 0, "A0+A2"],
    ["A1048577", 1, 0, "A1048577"],
    ["LOG10(A1)", 1, 0, "LOG10(A2)"],
    ["SUM(A1:B2)", 1, 1, "SUM(B2:C3)"],
    ["Sheet1!A1", 1, 0, "Sheet1!A2"],
    ["'A1 sheet'!A1", 1, 0, "'A1 sheet'!A2"],
    ["'It''s A1'!B1", 0, 1, "'It''s A1'!C1"],
    [`"A1"&A1`, 1, 0, `"A1"&A2`],
    [`"say ""A1"""&A1`, 1, 0, `"say ""A1"""&A2`],
    [`"unclosed A1`, 1, 0, `"unclosed A1`],
    ["[1]Sheet1!A1", 1, 0, "[1]Sheet1!A2"],
    ["[A1", 1, 0, "[A1"],
    ["A1B", 1, 0, "A1B"],
    ["_A1+.A1+A1_", 1, 0, "_A1+.A1+A1_"],
    ["表A1+A1表", 1, 0, "表A1+A1表"],
    ["A:A+1:1", 1, 1, "A:A+1:1"],
    ["A1!", 1, 0, "A1!"],
    ["ABC1", 0, 1, "ABD1"],
    ["ABCD1", 0, 1, "ABCD1"],
    ["A12345678", 0, 1, "A12345678"],
    ["Z1", 0, 1, "AA1"],
    ["(A1)", 1, 0, "(A2)"],
    ["-A1", 1, 0, "-A2"],
    ["A1 ", 1, 0, "A2 "],
    ["9A1", 1, 0, "9A1"],
    ["[A1]Sheet1!A1", 1, 0, "[A1]Sheet1!A2"],
    [`[a"]Sheet1!A1`, 1, 0, `[a"]Sheet1!A2`],
    ["A00000010", 1, 0, "A00000010"],
    ["A1Z", 1, 0, "A1Z"],
    ["A1a", 1, 0, "A1a"],
    ["A1z", 1, 0, "A1z"],
    ["A1^2", 1, 0, "A2^2"],
    ["A1~1", 1, 0, "A2~1"],
    ["A1\u007f", 1, 0, "A2\u007f"],
    ["A1\u0080", 1, 0, "A1\u0080"],
  ])("%j moved %i rows, %i columns → %j", (f, dr, dc, out) => {
    expect(shiftFormula(f, dr, dc)).toBe(out);
  });
});
