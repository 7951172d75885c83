/**
 * The small-part scanner (templates/xlsx/scan.ts) against saxes, the reference
 * parser (tests/support/saxes-oracle.ts): the same events over every XML part of
 * real workbooks (the template as exceljs writes it, and as LibreOffice re-saves
 * it) and over generated documents; the same refusal for each malformed case.
 */
// @ts-nocheck

import fc from "fast-check";
import { strToU8, unzipSync, zipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { buildTemplate } from "../templates/build";
import { scanXml, type XmlHandlers } from "../templates/xlsx/scan";
import { decodeXml } from "../templates/xlsx/xml";
import { libreOfficeConvert, packageSheets } from "./fixtures/bad-files";
import { DEFAULT_XLSX_LIMITS, readXlsxGrid } from "../templates/xlsx";
import { quickSharedStrings, scannedSharedStrings } from "../templates/xlsx/shared-strings";
import { demoUnits, sampleFill } from "../templates/samples";
import { saxParse } from "./support/saxes-oracle";

type Event = ["open", string, Record<string, string>, boolean] | ["text", string] | ["close", string];

/**
 * Every event in order, adjacent text joined (parsers may split a run of text differently); white space
 * outside the root element, which saxes reports and no part parser reads, left out.
 */
function events(parse: (xml: string, h: XmlHandlers) => string | null, xml: string): { events: Event[]; error: string | null } {
  const out: Event[] = [];
  let depth = 0;
  const error = parse(xml, {
    open: (name, attrs, selfClosing) => (depth++, out.push(["open", name, { ...attrs }, selfClosing])),
    text: (t) => {
      if (depth === 0) return;
      const last = out[out.length - 1];
      if (last?.[0] === "text") last[1] += t;
      else out.push(["text", t]);
    },
    close: (name) => (depth--, out.push(["close", name])),
  });
  return { events: out.filter((e) => !(e[0] === "text" && e[1] === "")), error };
}

describe("the scanner gives saxes's events on real workbooks", () => {
  let parts: [string, string][] = [];
  const sst: Record<string, string> = {};
  beforeAll(async () => {
    const excel = await buildTemplate({ fill: sampleFill(demoUnits(1)[0]!, "2025-Y", 1, 1) });
    const libre = await libreOfficeConvert(excel, "报表.xlsx", "xlsx");
    for (const [who, bytes] of [["exceljs", excel], ["LibreOffice", libre]] as const) {
      for (const [name, data] of Object.entries(unzipSync(bytes))) {
        if (/\.(xml|rels)$/.test(name)) parts.push([`${who} ${name}`, decodeXml(data)!]);
        if (name === "xl/sharedStrings.xml") sst[who] = decodeXml(data)!;
      }
    }
  }, 120_000);

  it("the quick shared-strings reader takes both files' parts (LibreOffice writes rich runs for mixed fonts) with the general reader's answer", () => {
    const FAR = Date.now() + 3_600_000;
    expect(Object.keys(sst)).toEqual(["exceljs", "LibreOffice"]);
    for (const [who, xml] of Object.entries(sst)) {
      const counts = { plain: 0, scanned: 0 };
      const quick = quickSharedStrings(xml, DEFAULT_XLSX_LIMITS, FAR, counts);
      expect(quick, who).not.toBeNull();
      // Every item of exceljs's part takes the indexOf path; of LibreOffice's most do, its mixed-font cells go through the scanner.
      const n = (quick as string[]).length;
      expect([counts.plain + counts.scanned, counts.scanned === 0], who).toEqual([n, who === "exceljs"]);
      expect(counts.plain, who).toBeGreaterThan(n / 2);
      expect(quick, who).toEqual(scannedSharedStrings(xml, DEFAULT_XLSX_LIMITS, FAR));
      // The library travels as one item of escaped JSON.
      expect((quick as string[]).some((s) => s.startsWith('{"id":"HZ-KJ-01"')), who).toBe(true);
    }
    expect(sst["LibreOffice"]).toContain("<r><rPr>");
  });

  it("every XML part of both files", () => {
    expect(parts.length).toBeGreaterThanOrEqual(20);
    for (const [name, xml] of parts) {
      const want = events(saxParse, xml);
      expect(want.error, name).toBeNull();
      expect(events(scanXml, xml), name).toEqual(want);
    }
  });
});

describe("the scanner refuses what saxes refuses", () => {
  // (document) -> both parsers answer an error
  const MALFORMED: [string, string][] = [
    ["mismatched end tag", "<a><b></a></b>"],
    ["unclosed element", "<a><b></b>"],
    ["end tag without start", "<a></a></b>"],
    ["two root elements", "<a/><b/>"],
    ["text before the root", "x<a/>"],
    ["text after the root", "<a/>x"],
    ["unknown entity", "<a>&nbsp;</a>"],
    ["entity without ;", "<a>&amp</a>"],
    ["character reference out of range", "<a>&#x110000;</a>"],
    ["unknown entity in an attribute", '<a b="&foo;"/>'],
    ["unquoted attribute", "<a b=1/>"],
    ["attribute without value", "<a b/>"],
    ["duplicate attribute", '<a b="1" b="2"/>'],
    ["< in an attribute value", '<a b="<"/>'],
    ["attributes run together", '<a b="1"c="2"/>'],
    ["unclosed attribute value", '<a b="1/>'],
    ["unclosed start tag", "<a"],
    ["unclosed comment", "<a><!-- x</a>"],
    ["unclosed CDATA", "<a><![CDATA[x</a>"],
    ["DOCTYPE", '<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>'],
    ["empty tag name", "<a>< b/></a>"],
    ["no root at all", "   "],
    ["space inside />", "<a><b/ ></a>"],
  ];
  it.each(MALFORMED)("%s", (_name, xml) => {
    expect(saxParse(xml, { open() {} })).not.toBeNull();
    expect(scanXml(xml, { open() {} })).not.toBeNull();
  });

  it("accepts what saxes accepts at the edges: prefixes, declarations, comments, CDATA, references, spaced end tags", () => {
    const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<!-- head --><x:sst xmlns:x="urn:x" a='1' x:b = "&lt;&#20013;&#x6587;&gt;"><x:si><x:t xml:space="preserve"> a&amp;b <![CDATA[<c>]]></x:t></x:si><x:si/><?pi data?></x:sst >\n`;
    const want = events(saxParse, xml);
    expect(want.error).toBeNull();
    expect(events(scanXml, xml)).toEqual(want);
    // A prefixed attribute keeps its local name only (xmlns:x → x), as the part parsers expect.
    expect(want.events[0]).toEqual(["open", "sst", { x: "urn:x", a: "1", b: "<中文>" }, false]);
  });
});

describe("the scanner and saxes agree on generated documents", () => {
  const name = fc.constantFrom("a", "si", "t", "x:c", "rPh", "定义");
  const text = fc.stringMatching(/^[a-z 中&<>"'\t\n]{0,12}$/).map((s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;"));
  const attrValue = fc.stringMatching(/^[a-z 中"'&\t\n]{0,8}$/).map((s) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;"));
  interface Node {
    name: string;
    attrs: [string, string][];
    children: (Node | string)[];
  }
  const node: fc.Memo<Node> = fc.memo((depth) =>
    fc.record({
      name,
      attrs: fc.uniqueArray(fc.tuple(fc.constantFrom("r", "s", "t", "x:id", "val"), attrValue), { maxLength: 3, selector: (a) => a[0] }),
      children: depth <= 1 ? fc.array(text, { maxLength: 2 }) : fc.array(fc.oneof(text, node(depth - 1)), { maxLength: 4 }),
    }),
  );
  const render = (n: Node): string => {
    const attrs = n.attrs.map(([k, v]) => ` ${k}="${v}"`).join("");
    if (n.children.length === 0) return `<${n.name}${attrs}/>`;
    return `<${n.name}${attrs}>${n.children.map((c) => (typeof c === "string" ? c : render(c))).join("")}</${n.name}>`;
  };

  it("the same events for 300 generated documents", () => {
    fc.assert(
      fc.property(node(4), (root) => {
        const xml = `<?xml version="1.0"?>${render(root)}`;
        const want = events(saxParse, xml);
        expect(want.error).toBeNull();
        expect(events(scanXml, xml)).toEqual(want);
      }),
      { numRuns: 300, seed: 20261202 },
    );
  });
});

describe("the reader refuses a malformed small part whole", () => {
  const SHEET = `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`;
  const files = packageSheets([{ name: "数据", xml: SHEET }]);
  const RELS = new TextDecoder().decode(files["xl/_rels/workbook.xml.rels"] as Uint8Array);
  const WORKBOOK = new TextDecoder().decode(files["xl/workbook.xml"] as Uint8Array);
  // (part, its text) -> the reader's answer
  const CASES: [string, string, string, string | null][] = [
    ["the relationships as written", "xl/_rels/workbook.xml.rels", RELS, null],
    ["text after the relationships' root", "xl/_rels/workbook.xml.rels", `${RELS}x`, "workbook.xml.rels 格式错误：Text outside the root element."],
    ["relationships cut short", "xl/_rels/workbook.xml.rels", RELS.slice(0, -3), "workbook.xml.rels 格式错误：Unclosed end tag."],
    ["text after the workbook's root", "xl/workbook.xml", `${WORKBOOK}x`, "workbook.xml 格式错误：Text outside the root element."],
    ["a shared-strings part with two roots", "xl/sharedStrings.xml", `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/><sst/>`, "sharedStrings.xml 格式错误：More than one root element."],
  ];
  it.each(CASES)("%s", (_name, part, text, detail) => {
    const r = readXlsxGrid(zipSync({ ...files, [part]: strToU8(text) }));
    if (detail === null) {
      expect(r.ok).toBe(true);
      return;
    }
    if (r.ok) throw new Error("read");
    expect([r.code, r.detail]).toEqual(["CORRUPT_ZIP", detail]);
  });
});
