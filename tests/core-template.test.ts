/**
 * The built template itself: structure, protection, validation, formulas,
 * print setup, read from the written bytes (not exceljs's memory), and the
 * checked-in copy in templates/ kept in step with the catalogue.
 */
import { readFileSync } from "node:fs";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { buildTemplate } from "../templates/build";
import { INDICATORS, TEMPLATE_ID, TEMPLATE_VERSION } from "../templates/catalog";
import { readXlsxGrid } from "../templates/xlsx/index";
import type { Grid } from "../templates/grid";
import { perMutant } from "./support/per-mutant";

let parts: Record<string, string>;
let grid: Grid;

function sheetXml(name: string): string {
  const wb = parts["xl/workbook.xml"]!;
  const rid = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="(rId\\d+)"`).exec(wb)![1];
  const rels = parts["xl/_rels/workbook.xml.rels"]!;
  const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)![1]!;
  return parts[`xl/${target.replace(/^\/?xl\//, "")}`]!;
}

/** cellXfs index → whether the style leaves the cell unlocked. */
function unlockedStyles(): Set<number> {
  const xfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(parts["xl/styles.xml"]!)![1]!;
  const items = xfs.match(/<xf [^>]*\/>|<xf [^>]*[^/]>[\s\S]*?<\/xf>/g)!;
  return new Set(items.flatMap((x, i) => (/locked="0"/.test(x) ? [i] : [])));
}

function styleOf(xml: string, cell: string): number {
  const m = new RegExp(`<c r="${cell}"[^>]*?s="(\\d+)"`).exec(xml);
  return m ? Number(m[1]) : 0;
}

/** Built inside each case (once per mutant under Stryker: tests/support/per-mutant.ts), so the mutation run sees the build. */
const built = perMutant(async () => {
  const b = await buildTemplate();
  const g = readXlsxGrid(b);
  if (!g.ok) throw new Error(g.message);
  return { parts: Object.fromEntries(Object.entries(unzipSync(b)).map(([k, v]) => [k, strFromU8(v)])), grid: g.grid };
});

async function load(): Promise<void> {
  ({ parts, grid } = await built());
}

describe("the template workbook", () => {
  it("has the four clerk sheets and a very hidden info sheet with id and version", async () => {
    await load();
    expect(grid.sheets.map((s) => [s.name, s.state])).toEqual([
      ["封面", "visible"],
      ["指标", "visible"],
      ["文字材料", "visible"],
      ["填表说明", "visible"],
      ["模板信息", "veryHidden"],
    ]);
    const info = grid.sheets[4]!;
    expect(info.cells.B1!.value).toBe(TEMPLATE_ID);
    expect(info.cells.B2!.value).toBe(TEMPLATE_VERSION);
    expect(grid.definedNames).toMatchObject({ HZ_TEMPLATE_ID: "'模板信息'!$B$1", HZ_TEMPLATE_VERSION: "'模板信息'!$B$2", 报告期清单: "'模板信息'!$D$1:$D$18" });
  });

  it("lists every indicator once, in catalogue order, with code, name and unit", async () => {
    await load();
    const ind = grid.sheets[1]!;
    const rows = Object.entries(ind.cells).filter(([a, c]) => a.startsWith("B") && /^[A-G]\d\d$/.test(String(c.value)));
    expect(rows.map(([, c]) => c.value)).toEqual(INDICATORS.map((i) => i.code));
    expect(ind.cells.B37!.value).toBe("D01");
    expect(ind.cells.C37!.value).toBe("专利申请");
    expect(ind.cells.D37!.value).toBe("件");
    expect(ind.cells.C38!.value).toBe("  其中：发明");
    expect(ind.cells.E4!.value).toBe("本期");
    expect(ind.cells.F4!.value).toBe("上年同期");
    expect(ind.cells.G4!.value).toBe("全年目标");
    expect(ind.cells.H4!.value).toBe("备注");
    expect(ind.cells.A2!.value).toContain("表号");
    expect(ind.cells.A2!.value).toContain("制定机关");
    expect(ind.cells.A2!.value).toContain("有效期至");
  });

  it("computes ratios with live formulas over their components", async () => {
    await load();
    const ind = grid.sheets[1]!;
    expect(ind.cells.E9!.formula).toBe('IF(AND(ISNUMBER(E7),ISNUMBER(E8),E8>0),E7/E8,"")');
    expect(ind.cells.F15!.formula).toBe('IF(AND(ISNUMBER(F13),ISNUMBER(F14),F14>0),F13/F14,"")');
    expect(ind.cells.G33!.formula).toBe('IF(AND(ISNUMBER(G31),ISNUMBER(G32),G32>0),G31/G32,"")');
    expect(ind.cells.E9!.numFmt).toBe("0.00%");
    expect(parts["xl/styles.xml"]).toMatch(/numFmtId="4"[^>]*applyProtection="1"><protection locked="0"\/>/); // #,##0.00 amounts, unlocked
    expect(parts["xl/styles.xml"]).toMatch(/numFmtId="3"[^>]*applyProtection="1"><protection locked="0"\/>/); // #,##0 counts, unlocked
  });

  it("protects every visible sheet and unlocks exactly the input cells (in the written file)", async () => {
    await load();
    const unlocked = unlockedStyles();
    for (const name of ["封面", "指标", "文字材料", "填表说明"]) expect(sheetXml(name)).toMatch(/<sheetProtection [^>]*sheet="1"/);
    const ind = sheetXml("指标");
    for (const cell of ["E7", "F7", "G7", "H7", "E37", "G62", "H62"]) expect(unlocked.has(styleOf(ind, cell)), cell).toBe(true);
    for (const cell of ["A7", "B7", "C7", "D7", "E9", "F9", "H9", "E6", "C37"]) expect(unlocked.has(styleOf(ind, cell)), cell).toBe(false);
    const cover = sheetXml("封面");
    for (const row of [5, 6, 7, 8, 9, 10, 11, 12, 13]) expect(unlocked.has(styleOf(cover, `C${row}`)), `C${row}`).toBe(true);
    expect(unlocked.has(styleOf(cover, "B5"))).toBe(false);
    expect(unlocked.has(styleOf(sheetXml("文字材料"), "A4"))).toBe(true);
  });

  it("validates input cells: whole ≥ 0 for counts, decimal ≥ 0 for amounts, pick-lists from a hidden range", async () => {
    await load();
    const ind = sheetXml("指标");
    expect(ind).toMatch(/<dataValidation type="whole" operator="greaterThanOrEqual"[^>]*sqref="E37:G37"><formula1>0<\/formula1>/);
    expect(ind).toMatch(/<dataValidation type="decimal" operator="greaterThanOrEqual"[^>]*sqref="E7:G7"><formula1>0<\/formula1>/);
    const cover = sheetXml("封面");
    expect(cover).toMatch(/<dataValidation type="list"[^>]*sqref="C9"><formula1>报告期清单<\/formula1>/);
    expect(cover).toMatch(/<dataValidation type="list"[^>]*sqref="C7"><formula1>单位类型清单<\/formula1>/);
    expect(cover).toMatch(/<dataValidation type="textLength" operator="equal"[^>]*sqref="C6"><formula1>12<\/formula1>/);
  });

  it("prints on A4 with the title rows repeated", async () => {
    await load();
    expect(sheetXml("指标")).toMatch(/<pageSetup [^>]*paperSize="9"/);
    expect(parts["xl/workbook.xml"]).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="1">&apos;指标&apos;!$1:$5</definedName>`);
  });

  it("the checked-in templates/huizong-template.xlsx matches the catalogue (run `npm run template:update` when it does not)", async () => {
    await load();
    const checkedIn = readXlsxGrid(new Uint8Array(readFileSync(new URL("../templates/huizong-template.xlsx", import.meta.url))));
    if (!checkedIn.ok) throw new Error(checkedIn.message);
    expect(checkedIn.grid).toEqual(grid);
  });

  it("the build writes the shipped templates/huizong-template.xlsx part for part: styles, validation, protection, print setup and all", async () => {
    await load();
    const shipped = Object.fromEntries(
      Object.entries(unzipSync(new Uint8Array(readFileSync(new URL("../templates/huizong-template.xlsx", import.meta.url))))).map(([k, v]) => [k, strFromU8(v)]),
    );
    expect(Object.keys(parts).sort()).toEqual(Object.keys(shipped).sort());
    for (const name of Object.keys(shipped)) expect({ name, xml: parts[name] }).toEqual({ name, xml: shipped[name] });
  });
});
