/**
 * Shared strings as writers really emit them: an empty `<si/>` (and `<si><t/></si>`)
 * still takes its index, rich runs concatenate, phonetic runs are dropped. A reader
 * that skips an empty item shifts every later string onto the wrong cell.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { zipSync } from "fflate";
import { DEFAULT_XLSX_LIMITS, readXlsxGrid } from "../templates/xlsx";
import { parseSharedStrings, quickSharedStrings, scannedSharedStrings } from "../templates/xlsx/shared-strings";
import { packageSheets } from "./fixtures/bad-files";
import { PartMemo } from "../templates/xlsx/memo";
import { xmlText } from "../templates/xlsx/xml";
import { nativeUnzip } from "../functions/service/native-deflate";

const NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** One sheet whose cells A1.. refer to shared strings 0..n-1 in order. */
function workbookWithStrings(items: string[]): Uint8Array {
  const cells = items.map((_s, i) => `<c r="${String.fromCharCode(65 + i)}1" t="s"><v>${i}</v></c>`).join("");
  const sheet = `<?xml version="1.0"?><worksheet xmlns="${NS}"><sheetData><row r="1">${cells}</row></sheetData></worksheet>`;
  const sst = `<?xml version="1.0"?><sst xmlns="${NS}" count="${items.length}" uniqueCount="${items.length}">${items.join("")}</sst>`;
  return zipSync(packageSheets([{ name: "数据", xml: sheet }], { "xl/sharedStrings.xml": sst }));
}

function values(bytes: Uint8Array): Record<string, unknown> {
  const r = readXlsxGrid(bytes);
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  return Object.fromEntries(Object.entries(r.grid.sheets[0]!.cells).map(([a, c]) => [a, c.value]));
}

// (shared-string items) -> what cells A1.. read as; an empty string reads as an empty cell (null)
const CASES: [name: string, items: string[], expected: Record<string, unknown>][] = [
  ["plain items", ["<si><t>青阳镇</t></si>", "<si><t>专利</t></si>"], { A1: "青阳镇", B1: "专利" }],
  ["an empty <si/> keeps its index", ["<si><t>甲</t></si>", "<si/>", "<si><t>乙</t></si>", "<si><t>丙</t></si>"], { A1: "甲", B1: null, C1: "乙", D1: "丙" }],
  ["an empty <si/> first", ["<si/>", "<si><t>乙</t></si>"], { A1: null, B1: "乙" }],
  ["two empty <si/> in a row", ["<si/>", "<si/>", "<si><t>丙</t></si>"], { A1: null, B1: null, C1: "丙" }],
  ["<si><t/></si> and <si></si> also keep their index", ["<si><t/></si>", "<si></si>", "<si><t>丙</t></si>"], { A1: null, B1: null, C1: "丙" }],
  [
    "rich runs concatenate, phonetic runs are dropped",
    ["<si><r><rPr><b/></rPr><t>发明</t></r><r><t>专利</t></r><rPh sb=\"0\" eb=\"2\"><t>ハツメイ</t></rPh></si>", "<si/>", "<si><t>后</t></si>"],
    { A1: "发明专利", B1: null, C1: "后" },
  ],
  ["rich run with preserved spaces and an escape", ["<si><r><t xml:space=\"preserve\"> 青阳 </t></r><r><t>镇_x0041_</t></r></si>", "<si><t>末</t></si>"], { A1: " 青阳 镇A", B1: "末" }],
  ["a self-closing <rPh/> does not hide the runs after it", ["<si><r><t>发明</t></r><rPh sb=\"0\" eb=\"2\"/><r><t>专利</t></r></si>", "<si><t>末</t></si>"], { A1: "发明专利", B1: "末" }],
  ["CDATA and a comment inside a run", ["<si><t><![CDATA[A&B]]><!-- note --> 镇</t></si>", "<si><t>末</t></si>"], { A1: "A&B 镇", B1: "末" }],
  ["entities in a shared string", ["<si><t>A&amp;B &lt;1&gt;</t></si>", "<si/>", "<si><t>x</t></si>"], { A1: "A&B <1>", B1: null, C1: "x" }],
];

describe("shared strings: every item takes its index", () => {
  it.each(CASES)("%s", (_name, items, expected) => {
    const got = values(workbookWithStrings(items));
    // Empty cells may be absent from the grid or present as null; both read as empty.
    const normalised = Object.fromEntries(Object.keys(expected).map((a) => [a, got[a] ?? null]));
    expect(normalised).toEqual(expected);
  });
});

/**
 * The quick reader (indexOf over plain items, the scanner for each other item) against the general
 * one (the event scanner over the whole part): on every part it takes it gives the general reader's
 * strings and on anything it does not expect it steps aside for the general reader. That it takes the
 * parts real writers emit (exceljs, LibreOffice) is in tests/xlsx-scan.test.ts, which converts with
 * LibreOffice (kept out of this file so the mutation run can rerun it cheaply).
 */
describe("shared strings: the quick reader gives the general reader's answer or none", () => {
  const LIMITS = DEFAULT_XLSX_LIMITS;
  const FAR = Date.now() + 3_600_000;
  const sst = (body: string, head = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${NS}" count="9">`): string => `${head}${body}</sst>`;

  const LONG_A = "a".repeat(45);
  const LONG_B = "b".repeat(45);
  // (part, how the quick reader takes it: [plain items, items through the scanner], or null when it steps aside)
  //   -> the answer of both readers (a string: the general reader's refusal)
  const CASES: [string, string, [number, number] | null, string[] | string][] = [
    ["plain items, one preserving space", sst(`<si><t>青阳镇</t></si><si><t xml:space="preserve"> 专利 </t></si>`), [2, 0], ["青阳镇", " 专利 "]],
    ["entities, character references and an OOXML escape", sst(`<si><t>A&amp;B &lt;1&gt; &quot;x&apos; &#20013;&#x6587;_x000D_</t></si>`), [1, 0], [`A&B <1> "x' 中文\r`]],
    ["white space between items and after the root", sst(`\n  <si><t>甲</t></si>\r\n\t<si><t>乙</t></si>\n`) + "\n", [2, 0], ["甲", "乙"]],
    ["no declaration, a root without attributes", `<sst><si><t>甲</t></si></sst>`, [1, 0], ["甲"]],
    ["a comment before the root", `<?xml version="1.0"?><!-- x --><sst><si><t>甲</t></si></sst>`, [1, 0], ["甲"]],
    ["no items", sst(""), [0, 0], []],
    ["a > in the text", sst(`<si><t>1>0</t></si>`), [1, 0], ["1>0"]],
    ["an empty <si/>", sst(`<si><t>甲</t></si><si/><si><t>乙</t></si>`), [2, 1], ["甲", "", "乙"]],
    ["<si><t/></si> and <si></si>", sst(`<si><t/></si><si></si><si><t>乙</t></si>`), [1, 2], ["", "", "乙"]],
    ["rich runs between plain items", sst(`<si><t>前</t></si><si><r><rPr><b/></rPr><t>发明</t></r><r><t xml:space="preserve">专利_x0041_</t></r></si><si><t>后</t></si>`), [2, 1], ["前", "发明专利A", "后"]],
    ["rich runs pretty-printed: the white space between runs is not text", sst(`<si>\n  <r>\n    <rPr><b/></rPr>\n    <t>发明</t>\n  </r>\n  <r><t>专利</t></r>\n</si>`), [0, 1], ["发明专利"]],
    ["text inside <si> but outside <t>", sst(`<si>前<t>甲</t>后</si>`), [0, 1], ["甲"]],
    ["a phonetic run", sst(`<si><t>発明</t><rPh sb="0" eb="2"><t>ハツメイ</t></rPh></si>`), [0, 1], ["発明"]],
    ["a self-closing <rPh/> before a run", sst(`<si><r><t>发明</t></r><rPh sb="0" eb="2"/><r><t>专利</t></r></si>`), [0, 1], ["发明专利"]],
    ["an item with an attribute holding >", sst(`<si x=">"><t>甲</t></si>`), [0, 1], ["甲"]],
    ["CDATA inside an item", sst(`<si><t><![CDATA[A&B]]></t></si>`), [0, 1], ["A&B"]],
    ["a comment inside an item", sst(`<si><t>甲</t><!-- x --></si>`), [0, 1], ["甲"]],
    ["CDATA holding </si>", sst(`<si><t><![CDATA[</si>]]></t></si>`), null, ["</si>"]],
    ["a comment holding </si>", sst(`<si><t>甲</t><!-- </si> --></si>`), null, ["甲"]],
    ["<si /> with a space", sst(`<si /><si><t>乙</t></si>`), null, ["", "乙"]],
    ["a self-closing item with an attribute", sst(`<si a="1"/><si><t>乙</t></si>`), null, ["", "乙"]],
    ["a comment between items", sst(`<si><t>甲</t></si><!-- x --><si><t>乙</t></si>`), null, ["甲", "乙"]],
    ["a prefixed root", `<x:sst xmlns:x="${NS}"><x:si><x:t>甲</x:t></x:si></x:sst>`, null, ["甲"]],
    ["text between items", sst(`<si><t>甲</t></si>杂<si><t>乙</t></si>`), null, ["甲", "乙"]],
    ["a comment after the root", sst(`<si><t>甲</t></si>`) + "<!-- end -->", null, ["甲"]],
    ["a > inside a root attribute", sst(`<si><t>甲</t></si>`, `<sst a=">">`), null, ["甲"]],
    ["a root named sstx", `<sstx><si><t>甲</t></si></sstx>`, null, ["甲"]],
    ["a self-closing root", `<sst/>`, null, []],
    ["an item inside an item", sst(`<si><si><t>甲</t></si></si>`), null, ["甲"]],
    ["an unknown entity", sst(`<si><t>&nbsp;</t></si>`), null, "Invalid entity or character reference."],
    ["an unknown entity in a rich run", sst(`<si><r><t>&nbsp;</t></r></si>`), null, "Invalid entity or character reference."],
    ["a duplicate attribute on an item", sst(`<si a="1" a="2"><t>甲</t></si>`), null, "Duplicate attribute a."],
    ["runs closed in the wrong order", sst(`<si><r><t>甲</r></t></si>`), null, "End tag r does not match t."],
    ["a second root", sst(`<si><t>甲</t></si>`) + "<sst/>", null, "More than one root element."],
    ["text after the root", sst(`<si><t>甲</t></si>`) + "x", null, "Text outside the root element."],
    ["the root never closed", sst(`<si><t>甲</t></si>`).slice(0, -6), null, "Unclosed element sst."],
    ["the root closed by another name", `<sst><si><t>甲</t></si></ssx>`, null, "End tag ssx does not match sst."],
    ["a duplicate attribute on the root", sst(`<si><t>甲</t></si>`, `<sst a="1" a="2">`), null, "Duplicate attribute a."],
    ["an item cut short", sst(`<si><t>甲</t>`), null, "End tag sst does not match si."],
    ["a rich item never closed", sst(`<si><r><t>甲</t></r>`), null, "End tag sst does not match si."],
    // The scanner names at most 40 characters of each tag; the detail keeps 80 characters of its message.
    ["long mismatched names", sst(`<si><${LONG_A}></${LONG_B}></si>`), null, `End tag ${"b".repeat(40)} does not match ${"a".repeat(40)}.`.slice(0, 80)],
  ];
  it.each(CASES)("%s", (_name, xml, quick, answer) => {
    const want = typeof answer === "string" ? { fail: "CORRUPT_ZIP", detail: `sharedStrings.xml 格式错误：${answer}` } : answer;
    expect(scannedSharedStrings(xml, LIMITS, FAR)).toEqual(want);
    const counts = { plain: 0, scanned: 0 };
    expect(quickSharedStrings(xml, LIMITS, FAR, counts)).toEqual(quick ? want : null);
    if (quick) expect([counts.plain, counts.scanned]).toEqual(quick);
    expect(parseSharedStrings(xml, LIMITS, FAR)).toEqual(want);
  });

  it("both readers bound an item's length at the limit, counting from 1", () => {
    const limits = { ...LIMITS, maxCellChars: 3 };
    expect(quickSharedStrings(sst(`<si><t>甲乙丙</t></si>`), limits, FAR)).toEqual(["甲乙丙"]);
    // The over-long item second, and items after it that are within the limit: the refusal stands.
    for (const second of [`<si><t>甲乙丙丁</t></si>`, `<si><r><t>甲乙</t></r><r><t>丙丁</t></r></si>`]) {
      const over = sst(`<si><t>甲</t></si>${second}<si/><si><t>乙</t></si>`);
      const refusal = { fail: "TOO_MANY_CELLS", detail: "共享字符串第 2 项超过 3 个字符" };
      expect(quickSharedStrings(over, limits, FAR)).toEqual(refusal);
      expect(scannedSharedStrings(over, limits, FAR)).toEqual(refusal);
    }
  });

  it("both readers stop at the deadline, looked at every 1,024 items", () => {
    const items = (n: number) => sst(Array.from({ length: n }, (_, i) => `<si><t>${i}</t></si>`).join(""));
    expect(quickSharedStrings(items(1024), LIMITS, FAR)).toHaveLength(1024);
    expect(scannedSharedStrings(items(1024), LIMITS, FAR)).toHaveLength(1024);
    const past = Date.now() - 1;
    expect(quickSharedStrings(items(1023), LIMITS, past)).toHaveLength(1023);
    expect(scannedSharedStrings(items(1023), LIMITS, past)).toHaveLength(1023);
    const stopped = { fail: "READ_TIMEOUT", detail: "读取共享字符串" };
    expect(quickSharedStrings(items(1024), LIMITS, past)).toEqual(stopped);
    expect(scannedSharedStrings(items(1024), LIMITS, past)).toEqual(stopped);
  });

  it("300 generated parts: the quick reader's answer, when it gives one, is the general reader's", () => {
    const item = fc.oneof(
      fc.stringMatching(/^[a-z 中&<>"'_\r\n]{0,10}$/).map((s) => `<si><t>${s.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</t></si>`),
      fc.constantFrom(
        "<si/>", "<si />", "<si><t/></si>", "<si></si>", "<si><r><t>r</t></r><r><t>s</t></r></si>", "<si><t>a</t><rPh><t>p</t></rPh></si>",
        "<si><t>_x0041_</t></si>", "<si><t>&#x4e2d;</t></si>", " ", "\n", "<si><t>&bad;</t></si>", "<si><t>x</si>", "<si><r><t>x</r></si>", "<!--c-->", "杂",
      ),
    );
    let quickTook = 0;
    fc.assert(
      fc.property(fc.array(item, { maxLength: 8 }), (items) => {
        const xml = sst(items.join(""));
        const quick = quickSharedStrings(xml, LIMITS, FAR);
        const general = scannedSharedStrings(xml, LIMITS, FAR);
        if (quick !== null) quickTook++;
        expect(parseSharedStrings(xml, LIMITS, FAR)).toEqual(general);
        if (quick !== null) expect(quick).toEqual(general);
      }),
      { numRuns: 300, seed: 20261202 },
    );
    expect(quickTook).toBeGreaterThan(30);
  });
});

/**
 * Within a batch, on a runtime that reads parts as bytes (xml.ts ByteText), the shared strings are
 * read one char per byte and an item equal to the last part's item at the same index takes its
 * decoding (PartMemo.byteItems). Each step below reads the next part with one memo: what it reads
 * (always the general reader's answer on the decoded part) and exactly which raw texts it decoded.
 */
describe("shared strings as bytes in a batch: each part reads as decoded, the last part's equal items lent by index", () => {
  const LIMITS = DEFAULT_XLSX_LIMITS;
  const FAR = Date.now() + 3_600_000;
  const sst = (items: string[]): string => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${NS}">${items.join("")}</sst>`;
  /** The part as the reader has it on Node (xml.ts xmlText with Node's byte decodings), its decoder noting what it was asked to decode. */
  const asBytes = (xml: string, decoded: string[]) => {
    const text = xmlText(new TextEncoder().encode(xml), nativeUnzip.bytes)!;
    return {
      xml: text.xml,
      utf8: (bytes: string) => {
        const s = text.utf8!(bytes);
        decoded.push(s);
        return s;
      },
    };
  };
  const T = (s: string) => `<si><t>${s}</t></si>`;
  const RICH = "<si><r><t>黄田</t></r><r><t>乡</t></r></si>";

  // (step, the part's items, limits, what it reads as, the texts it decoded)
  const STEPS: [step: string, items: string[], limits: Partial<typeof LIMITS>, reads: string[] | { fail: string }, decoded: string[]][] = [
    ["the first part: every item decoded", [T("青阳镇"), T("A&amp;B"), T("专利")], {}, ["青阳镇", "A&B", "专利"], ["青阳镇", "A&amp;B", "专利"]],
    ["the same part again: nothing decoded", [T("青阳镇"), T("A&amp;B"), T("专利")], {}, ["青阳镇", "A&B", "专利"], []],
    ["one item changed: only it decoded", [T("黄田镇"), T("A&amp;B"), T("专利")], {}, ["黄田镇", "A&B", "专利"], ["黄田镇"]],
    ["an item of the same length in other bytes: decoded", [T("黄田乡"), T("A&amp;B"), T("专利")], {}, ["黄田乡", "A&B", "专利"], ["黄田乡"]],
    ["an item put first: every later item at another index, decoded", [T("新"), T("黄田乡"), T("A&amp;B"), T("专利")], {}, ["新", "黄田乡", "A&B", "专利"], ["新", "黄田乡", "A&amp;B", "专利"]],
    ["a rich item where a plain one was: scanned, the items after it still lent", [T("新"), RICH, T("A&amp;B"), T("专利")], {}, ["新", "黄田乡", "A&B", "专利"], [RICH]],
    ["the plain item back where the rich one was: decoded", [T("新"), T("黄田乡"), T("A&amp;B"), T("专利")], {}, ["新", "黄田乡", "A&B", "专利"], ["黄田乡"]],
    ["an item over the size bound, lent or not, is refused", [T("新"), T("黄田乡"), T("A&amp;B"), T("专利")], { maxCellChars: 2 }, { fail: "TOO_MANY_CELLS" }, []],
    ["a refused part leaves the memo as it was", [T("新"), T("黄田乡"), T("A&amp;B"), T("专利")], {}, ["新", "黄田乡", "A&B", "专利"], []],
    ["a part the quick reader leaves alone: decoded whole for the general reader", [T("新"), "<!--注-->", T("专利")], {}, ["新", "专利"], [sst([T("新"), "<!--注-->", T("专利")])]],
    ["…and the memo still holds the part before it", [T("新"), T("黄田乡"), T("A&amp;B"), T("专利")], {}, ["新", "黄田乡", "A&B", "专利"], []],
  ];

  it("eleven parts in turn, one memo", () => {
    const memo = new PartMemo();
    for (const [step, items, limits, reads, decodedTexts] of STEPS) {
      const decoded: string[] = [];
      const xml = sst(items);
      const got = parseSharedStrings(asBytes(xml, decoded), { ...LIMITS, ...limits }, FAR, memo);
      if (Array.isArray(reads)) {
        expect(got, step).toEqual(reads);
        expect(got, step).toEqual(scannedSharedStrings(xml, LIMITS, FAR));
      } else expect(got, step).toMatchObject(reads);
      expect(decoded, step).toEqual(decodedTexts);
    }
    // Items lent, step by step: the refused part's first two before its bound stopped it, and the first
    // item of the part the quick reader left, before it met the comment.
    expect(memo.textHits).toBe(0 + 3 + 2 + 2 + 0 + 3 + 3 + 2 + 4 + 1 + 4);
  });

  it("without a memo, every item is decoded on its own and reads as decoded", () => {
    const decoded: string[] = [];
    const xml = sst([T("青阳镇"), RICH, T("A&amp;B")]);
    expect(parseSharedStrings(asBytes(xml, decoded), LIMITS, FAR)).toEqual(["青阳镇", "黄田乡", "A&B"]);
    expect(decoded).toEqual(["青阳镇", RICH, "A&amp;B"]);
  });

  it("200 generated batches of three parts: every part reads as the general reader reads it decoded", () => {
    const item = fc.constantFrom(T("甲"), T("乙"), T("甲乙"), T("A&amp;B"), T("_x0041_"), T(""), "<si/>", RICH, "<si><t>a</t><rPh><t>p</t></rPh></si>", T("&#x4e2d;"));
    fc.assert(
      fc.property(fc.array(fc.array(item, { maxLength: 6 }), { minLength: 3, maxLength: 3 }), (parts) => {
        const memo = new PartMemo();
        for (const items of parts) {
          const xml = sst(items);
          expect(parseSharedStrings(asBytes(xml, []), LIMITS, FAR, memo)).toEqual(scannedSharedStrings(xml, LIMITS, FAR));
        }
      }),
      { numRuns: 200, seed: 20261204 },
    );
  });
});
