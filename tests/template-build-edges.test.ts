/**
 * The template builder's edges that the plain build in tests/core-template.test.ts
 * never reaches: a pre-filled template (cover, values, notes, narrative, the
 * cached results of the ratio formulas), city-assigned 全年目标 written locked,
 * a version override with and without the library, a bureau's own library
 * (instruction 五 from its sums, a library long enough for two cells), the
 * layout helpers of templates/layout.ts, and what only the direct writer shows
 * (exceljs drops a column width of 9 and the creation-time page setup).
 * Every case reads the written bytes back (the project's reader, or the XML).
 */
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { addTemplateSheets, buildTemplate, type BuildOptions } from "../templates/build";
import { BUILTIN, type Catalogue } from "../templates/catalogue";
import { COLORS } from "../templates/style";
import { libraryHash, libraryJson, CHUNK } from "../templates/library/embed";
import { INDICATOR_LAST_ROW, groupTitle, indicatorCell, indicatorRow, layoutOf } from "../templates/layout";
import { readXlsxGrid } from "../templates/xlsx/index";
import { Workbook } from "../templates/xlsx/writer/index";
import type { Grid, GridSheet } from "../templates/grid";
import type { Indicator } from "../templates/catalog";
import { perMutant } from "./support/per-mutant";

type Parts = Record<string, string>;
interface Built {
  grid: Grid;
  parts: Parts;
}

function unzip(bytes: Uint8Array): Parts {
  return Object.fromEntries(Object.entries(unzipSync(bytes)).map(([k, v]) => [k, strFromU8(v)]));
}

async function build(options: BuildOptions): Promise<Built> {
  const bytes = await buildTemplate(options);
  const g = readXlsxGrid(bytes);
  if (!g.ok) throw new Error(g.message);
  return { grid: g.grid, parts: unzip(bytes) };
}

function sheet(b: Built, name: string): GridSheet {
  return b.grid.sheets.find((s) => s.name === name)!;
}

/** The worksheet XML of a sheet (exceljs and the direct writer both number them in sheet order). */
function sheetXml(b: Built, index: number): string {
  return b.parts[`xl/worksheets/sheet${index}.xml`]!;
}

/** A cell's style as written: whether it is unlocked and its solid fill colour. */
function styleOf(b: Built, index: number, cell: string): { unlocked: boolean; fill: string | null } {
  const s = Number(new RegExp(`<c r="${cell}"[^>]*?s="(\\d+)"`).exec(sheetXml(b, index))?.[1] ?? 0);
  const styles = b.parts["xl/styles.xml"]!;
  const xfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)![1]!.match(/<xf [^>]*\/>|<xf [^>]*[^/]>[\s\S]*?<\/xf>/g)!;
  const xf = xfs[s]!;
  const fills = /<fills[^>]*>([\s\S]*?)<\/fills>/.exec(styles)![1]!.match(/<fill>[\s\S]*?<\/fill>/g)!;
  const fill = fills[Number(/fillId="(\d+)"/.exec(xf)?.[1] ?? 0)]!;
  return { unlocked: /locked="0"/.test(xf), fill: /<fgColor rgb="([0-9A-F]{8})"/.exec(fill)?.[1] ?? null };
}

/** sqref of every data validation of a sheet, by its error title. */
function validations(xml: string): [title: string, sqref: string][] {
  return [...xml.matchAll(/<dataValidation [^>]*errorTitle="([^"]*)"[^>]*sqref="([^"]+)"/g)].map((m) => [m[1]!, m[2]!]);
}

// ---------------------------------------------------------------------------------------------
// A filled template. Ratio rows: A03 = A01/A02 (rows 7, 8 → 9), A09 = A07/A08 (13, 14 → 15),
// C10 = C08/C09 (31, 32 → 33); each has three value columns, so nine ratio cases.
const LONG = "长".repeat(500);
const FILLED: BuildOptions = {
  fill: {
    cover: {
      unitName: "青阳镇人民政府",
      divisionCode: "330102001000",
      unitType: "乡镇",
      year: 2025,
      periodSpan: "上半年",
      preparer: "王小明",
      phone: "0571-87001234",
      head: "李华",
      date: new Date(Date.UTC(2025, 11, 20)),
    },
    values: {
      A01: { current: 5, prior: 0, target: 5 },
      A02: { current: 4, prior: 4, target: 0 },
      A07: { current: "12", prior: 3, target: null },
      A08: { current: 4, prior: "4", target: 4 },
      C08: { current: 5, prior: 3 },
      C09: { current: -2, target: 4 },
      D01: { current: 10, prior: 8, target: 12 },
      D02: { current: 0 },
    },
    notes: { A01: "含追加预算" },
    narrative: { achievements: "短", problems: LONG },
  },
  lockedTargets: ["A01", "A02", "D01"],
};
const filled = perMutant(() => build(FILLED));

describe("a filled template", () => {
  it("caches each ratio formula's result as Excel would show it", async () => {
    const ind = sheet(await filled(), "指标");
    const table: [cell: string, why: string, result: number | string][] = [
      ["E9", "5 / 4", 1.25],
      ["F9", "0 / 4", 0],
      ["G9", "5 / 0: no division by zero", ""],
      ["E15", '"12" typed as text / 4', ""],
      ["F15", '3 / "4" typed as text', ""],
      ["G15", "null / 4", ""],
      ["E33", "5 / −2: a negative denominator", ""],
      ["F33", "3 / blank", ""],
      ["G33", "blank / 4", ""],
    ];
    for (const [cell, why, result] of table) expect({ cell, why, value: ind.cells[cell]!.value }).toEqual({ cell, why, value: result });
    expect(ind.cells.G33!.formula).toBe('IF(AND(ISNUMBER(G31),ISNUMBER(G32),G32>0),G31/G32,"")');
  });

  it("writes the values, notes and cover as given, and leaves unfilled and null cells blank", async () => {
    const b = await filled();
    const ind = sheet(b, "指标");
    const values: [cell: string, value: string | number | undefined][] = [
      ["E7", 5], ["F7", 0], ["G7", 5], ["E8", 4], ["F8", 4], ["G8", 0],
      ["E13", "12"], ["F13", 3], ["G13", undefined], ["E14", 4], ["F14", "4"], ["G14", 4],
      ["E31", 5], ["F31", 3], ["G31", undefined], ["E32", -2], ["F32", undefined], ["G32", 4],
      ["E37", 10], ["F37", 8], ["G37", 12], ["E38", 0], ["F38", undefined],
      ["E10", undefined], ["E62", undefined],
      ["H7", "含追加预算"], ["H8", undefined], ["H9", "自动计算"],
    ];
    for (const [cell, value] of values) expect({ cell, value: ind.cells[cell]?.value ?? undefined }).toEqual({ cell, value });
    const cover = sheet(b, "封面");
    expect(["C5", "C6", "C7", "C8", "C9", "C10", "C11", "C12", "C13"].map((a) => cover.cells[a]?.value)).toEqual([
      "青阳镇人民政府", "330102001000", "乡镇", 2025, "上半年", "王小明", "0571-87001234", "李华", 46011,
    ]);
    expect(cover.cells.C13!.numFmt).toBe("yyyy-mm-dd");
    expect(ind.cells.A3!.value).toBe("填报单位：青阳镇人民政府　　报告期：2025年上半年");
  });

  it("writes a city-assigned 全年目标 shown and locked, not as an input; its 本期 and 上年同期 stay inputs", async () => {
    const b = await filled();
    const table: [cell: string, unlocked: boolean, fill: string][] = [
      ["E7", true, COLORS.input], ["F7", true, COLORS.input], ["G7", false, COLORS.group],
      ["G8", false, COLORS.group], ["G37", false, COLORS.group], ["E37", true, COLORS.input],
      ["G13", true, COLORS.input], ["G38", true, COLORS.input], ["H7", true, COLORS.input],
      ["G9", false, COLORS.ratio],
    ];
    for (const [cell, unlocked, fill] of table) expect({ cell, ...styleOf(b, 2, cell) }).toEqual({ cell, unlocked, fill });
    const v = validations(sheetXml(b, 2));
    expect(v.filter(([t]) => ["财政科技拨款", "财政一般公共预算支出", "专利申请", "发明", "全社会R&amp;D经费支出"].includes(t))).toEqual(
      expect.arrayContaining([["财政科技拨款", "E7:F7"], ["财政一般公共预算支出", "E8:F8"], ["专利申请", "E37:F37"], ["发明", "E38:G38"], ["全社会R&amp;D经费支出", "E13:G13"]]),
    );
    expect(v.some(([, ref]) => /(^|[ :])G(7|8|37)( |$)/.test(ref))).toBe(false);
  });

  it("sizes a narrative row to its text: 60 pt at least when filled, 180 pt of room when blank", async () => {
    const b = await filled();
    const narr = sheet(b, "文字材料");
    expect([narr.cells.A4?.value, narr.cells.A6?.value, narr.cells.A8?.value ?? null]).toEqual(["短", LONG, null]);
    const heights = Object.fromEntries([...sheetXml(b, 3).matchAll(/<row r="(\d+)"[^>]*?ht="([\d.]+)"/g)].map((m) => [m[1], Number(m[2])]));
    expect({ 4: heights[4], 6: heights[6], 8: heights[8] }).toEqual({ 4: 60, 6: 276, 8: 180 });
    expect(styleOf(b, 3, "A6").unlocked).toBe(true);
  });

  it("validates the cover's 统计年度 as a whole year between 2000 and 2100, titled", async () => {
    const xml = sheetXml(await filled(), 1);
    expect(xml).toMatch(
      /<dataValidation type="whole" allowBlank="1" showErrorMessage="1" errorTitle="统计年度" error="请填写4位年份，如 2025。" sqref="C8"><formula1>2000<\/formula1><formula2>2100<\/formula2>/,
    );
    expect(validations(xml)).toEqual(
      expect.arrayContaining([["区划代码", "C6"], ["单位类型", "C7"], ["统计年度", "C8"], ["报告期", "C9"], ["填报日期", "C13"]]),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// The version written and the library carried.
const sameVersion = perMutant(() => build({ version: BUILTIN.version }));
const otherVersion = perMutant(() => build({ version: "2025.9" }));

describe("a version override", () => {
  it("the catalogue's own version, given explicitly, still carries the library", async () => {
    const info = sheet(await sameVersion(), "模板信息");
    expect([info.cells.A2?.value, info.cells.B2?.value, info.cells.A3?.value, info.cells.B3?.value, info.cells.A4?.value]).toEqual([
      "模板版本", BUILTIN.version, "指标库校验值", libraryHash(BUILTIN), "指标库",
    ]);
    expect(info.cells.B4?.value).toBe(libraryJson(BUILTIN));
  });

  it("another version carries no library: no hash, no label, no chunk", async () => {
    const info = sheet(await otherVersion(), "模板信息");
    expect(info.cells.B2?.value).toBe("2025.9");
    expect(["A3", "B3", "A4", "B4"].map((a) => info.cells[a]?.value ?? null)).toEqual([null, null, null, null]);
    expect(info.cells.D1?.value).toBe("全年");
    expect(info.cells.E1?.value).toBe("乡镇");
  });
});

// ---------------------------------------------------------------------------------------------
// A bureau's own library: the sums of instruction 五 come from it (component names, an unknown
// code as itself, empty component lists left out), and a library over one cell's 30,000
// characters goes down column B in order under its hash.
const BIG_NOTE = "x".repeat(CHUNK + 1000);
function ownLibrary(): Catalogue {
  const indicators: Indicator[] = BUILTIN.indicators.map((i) =>
    i.code === "D01" ? { ...i, components: ["D02", "D03", "D04", "Z99"] } : i.code === "E01" ? { ...i, components: [] } : i,
  );
  return { ...BUILTIN, version: "2026.7", groups: BUILTIN.groups.map((g, n) => (n === 0 ? { ...g, nameEn: BIG_NOTE } : g)), indicators };
}
const own = perMutant(async () => {
  const cat = ownLibrary();
  return { cat, b: await build({ catalogue: cat }) };
});

describe("a bureau's own library", () => {
  it("states instruction 五 from the library's sums, in library order", async () => {
    const { b } = await own();
    expect(sheet(b, "填表说明").cells.A6?.value).toBe("五、“其中”项不得大于合计；高新技术企业＝国家级＋省级＋市级；专利申请＝发明＋实用新型＋外观设计＋Z99。");
    expect(sheet(b, "填表说明").cells.A7?.value).toBe("六、比重类指标（%）由表格自动计算，无需填写。");
  });

  it("a library without sums says only the first clause", async () => {
    const plain: Catalogue = { ...BUILTIN, version: "2026.8", indicators: BUILTIN.indicators.map(({ components: _c, ...i }) => i) };
    const wb = new Workbook();
    const [, , , instructions] = await addTemplateSheets(wb, { catalogue: plain });
    expect(instructions!.name).toBe("填表说明");
    const g = readXlsxGrid(wb.finish());
    if (!g.ok) throw new Error(g.message);
    expect(g.grid.sheets[3]!.cells.A6?.value).toBe("五、“其中”项不得大于合计。");
  });

  it("carries a library longer than a cell in chunks from B4 down, under its hash", async () => {
    const { cat, b } = await own();
    const info = sheet(b, "模板信息");
    const json = libraryJson(cat);
    expect(json.length).toBeGreaterThan(CHUNK);
    expect(json.length).toBeLessThan(2 * CHUNK);
    expect([info.cells.B1?.value, info.cells.B2?.value, info.cells.B3?.value]).toEqual([BUILTIN.id, "2026.7", libraryHash(cat)]);
    expect([info.cells.B4?.value, info.cells.B5?.value, info.cells.B6?.value ?? null]).toEqual([json.slice(0, CHUNK), json.slice(CHUNK), null]);
  });
});

// ---------------------------------------------------------------------------------------------
// What exceljs hides: it drops a column of width 9 (its default) and replaces the page setup a
// sheet was created with. The direct writer (the city workbook's template sheets) keeps both.
const direct = perMutant(async () => {
  const wb = new Workbook();
  await addTemplateSheets(wb, {});
  return unzip(wb.finish());
});

describe("the template sheets through the direct writer", () => {
  it("gives the 指标 sheet its eight column widths, 9 included", async () => {
    const xml = (await direct())["xl/worksheets/sheet2.xml"]!;
    const widths = [...xml.matchAll(/<col min="(\d+)" max="\d+" width="([\d.]+)"/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(widths).toEqual([[1, 6], [2, 9], [3, 34], [4, 9], [5, 15], [6, 15], [7, 15], [8, 30]]);
  });

  it("prints 指标 on A4 portrait, one page wide, centred, numbered from 1, with rows 1–5 repeated", async () => {
    const parts = await direct();
    const xml = parts["xl/worksheets/sheet2.xml"]!;
    expect(xml).toContain('<pageSetup paperSize="9" firstPageNumber="1" fitToWidth="1" fitToHeight="0" orientation="portrait" useFirstPageNumber="1"/>');
    expect(xml).toContain('<printOptions horizontalCentered="1"/>');
    expect(xml).toContain("<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>");
    expect(parts["xl/workbook.xml"]).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="1">'指标'!$1:$5</definedName>`);
  });
});

// ---------------------------------------------------------------------------------------------
describe("the indicator layout", () => {
  it("places the built-in indicators: rows, cells, group titles, last row", () => {
    const table: [code: string, row: number, target: string][] = [
      ["A01", 7, "G7"], ["A03", 9, "G9"], ["D01", 37, "G37"], ["G05", 62, "G62"],
    ];
    for (const [code, row, target] of table) expect({ code, row: indicatorRow(code), target: indicatorCell(code, "target") }).toEqual({ code, row, target });
    expect(indicatorCell("D01", "note")).toBe("H37");
    expect(INDICATOR_LAST_ROW).toBe(62);
    expect(["A", "D", "G"].map(groupTitle)).toEqual(["一、科技投入", "四、知识产权", "七、科学普及"]);
  });

  it("refuses a code the library lacks, by name", () => {
    expect(() => indicatorRow("Z99")).toThrow("unknown indicator Z99");
    expect(() => indicatorCell("Z99", "current")).toThrow("unknown indicator Z99");
    expect(() => layoutOf(ownLibrary()).indicatorRow("Z99")).toThrow("unknown indicator Z99");
  });

  it("is worked out once per library value, and per value", () => {
    const cat = ownLibrary();
    const layout = layoutOf(cat);
    expect(layoutOf(cat)).toBe(layout);
    expect(layout.rows.length).toBe(layoutOf(BUILTIN).rows.length);
    expect(layout.indicatorRow("D01")).toBe(37);
    expect(layoutOf(ownLibrary())).not.toBe(layout);
  });

  it("an empty library's table ends above its first row", () => {
    const empty: Catalogue = { ...BUILTIN, indicators: [] };
    expect(layoutOf(empty).lastRow).toBe(5);
    expect(layoutOf(empty).rows).toEqual([]);
  });

  it("numbers groups past 二十 in digits, and titles a group the library does not name by its code", () => {
    const groups = Array.from({ length: 22 }, (_, n) => ({ code: `K${n + 1}`, name: `组${n + 1}` }));
    const indicators = groups.map((g, n) => ({ ...BUILTIN.indicators[0]!, code: `K${String(n + 1).padStart(2, "0")}`, group: g.code }));
    const layout = layoutOf({ ...BUILTIN, groups, indicators });
    expect(["K1", "K20", "K21", "K22"].map(layout.groupTitle)).toEqual(["一、组1", "二十、组20", "21、组21", "22、组22"]);
    expect(layout.lastRow).toBe(6 + 2 * 22 - 1);
    expect(layout.groupTitle("ZZ")).toBe("0、ZZ");
  });
});
