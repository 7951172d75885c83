/**
 * Shared strings as writers really emit them: an empty `<si/>` (and `<si><t/></si>`)
 * still takes its index, rich runs concatenate, phonetic runs are dropped. A reader
 * that skips an empty item shifts every later string onto the wrong cell.
 */
// @ts-nocheck

import { describe, expect, it } from "vitest";
import { zipSync } from "fflate";
import { readXlsxGrid } from "../templates/xlsx";
import { packageSheets } from "./fixtures/bad-files";

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
