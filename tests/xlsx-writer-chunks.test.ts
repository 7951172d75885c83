/**
 * The writer's chunked deflate with a runtime's zlib (server, command line): sheets of
 * several 1 MB chunks, written one after another, reuse one chunk buffer. The parts
 * must come out exactly as fflate writes them, whatever the buffer held before.
 */
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { nativeZip } from "../functions/service/native-deflate";
import { columnLetter } from "../templates/grid";
import { readXlsxGrid } from "../templates/xlsx/index";
import { Workbook } from "../templates/xlsx/writer/workbook";

/** Both deflates the writer runs with: fflate (the browser, the default) and the runtime's zlib (server, command line). */
const DEFLATES = [
  ["fflate", undefined],
  ["a runtime's zlib", nativeZip],
] as const;

const parts = (bytes: Uint8Array) => Object.fromEntries(Object.entries(unzipSync(bytes)).map(([k, v]) => [k, strFromU8(v)]));

/** A big sheet (about 2.6 MB of XML: two chunks and a tail), then a small one, then another big one with other text. */
function workbook(options?: ConstructorParameters<typeof Workbook>[0]): Uint8Array {
  const wb = new Workbook(options);
  const big = (name: string, text: string, rows: number) => {
    const ws = wb.addWorksheet(name);
    for (let r = 1; r <= rows; r++) {
      ws.getCell(r, 1).value = r * 1.25;
      ws.getCell(r, 2).value = { formula: `A${r}*2`, result: r * 2.5 };
      ws.getCell(r, 3).value = `${text}${r}`;
    }
    ws.commit();
  };
  big("甲", "青阳镇第", 20_000);
  wb.addWorksheet("乙").getCell("A1").value = "小表";
  big("丙", "清河街道", 9_000);
  return wb.finish();
}

describe("chunked native deflate", () => {
  it("writes the same parts as fflate across chunks and sheets", () => {
    const a = parts(workbook());
    const b = parts(workbook(nativeZip));
    expect(new TextEncoder().encode(b["xl/worksheets/sheet1.xml"]).length).toBeGreaterThan(2 * (1 << 20));
    expect(Object.keys(b)).toEqual(Object.keys(a));
    for (const name of Object.keys(a)) expect(b[name], name).toBe(a[name]);
  });

  it("reads back the last row of each sheet", () => {
    const g = readXlsxGrid(workbook(nativeZip), { limits: { maxCells: 200_000 } });
    if (!g.ok) throw new Error(g.message);
    const [s1, s2, s3] = g.grid.sheets;
    expect(s1!.cells.A20000).toMatchObject({ value: 25_000 });
    expect(s1!.cells.B20000).toMatchObject({ value: 50_000, formula: "A20000*2" });
    expect(s1!.cells.C20000).toMatchObject({ value: "青阳镇第20000" });
    expect(s2!.cells.A1).toMatchObject({ value: "小表" });
    expect(s3!.cells.C9000).toMatchObject({ value: "清河街道9000" });
  });
});

describe("shared strings, written a batch of items at a time", () => {
  /**
   * 30,000 distinct 20-character Chinese strings (about 2.2 MB of UTF-8, many batches), a narrative of 30,000
   * characters (longer than a batch alone), and texts with leading spaces and line breaks among them.
   */
  const LONG = "　　".concat("青阳镇2025年科技工作：".repeat(3_000)).slice(0, 30_000);
  function manyStrings(options?: ConstructorParameters<typeof Workbook>[0]): Uint8Array {
    const wb = new Workbook(options);
    const ws = wb.addWorksheet("文字");
    for (let r = 1; r <= 30_000; r++) ws.getCell(r, 1).value = `第${String(r).padStart(5, "0")}条科技工作情况说明材料汇编内容`;
    ws.getCell(1, 2).value = LONG;
    ws.getCell(2, 2).value = " 前有空格";
    ws.getCell(3, 2).value = "两行\n文字";
    ws.getCell(4, 2).value = "第00001条科技工作情况说明材料汇编内容";
    ws.commit();
    return wb.finish();
  }

  it.each(DEFLATES)("%s: every string arrives whole and once, in first-use order", (_how, options) => {
    const bytes = manyStrings(options);
    const sst = strFromU8(unzipSync(bytes)["xl/sharedStrings.xml"]!);
    expect(new TextEncoder().encode(sst).length).toBeGreaterThan(1 << 20);
    expect(sst).toContain(`count="30003" uniqueCount="30003">`);
    const item = (r: number) => `<si><t>第${String(r).padStart(5, "0")}条科技工作情况说明材料汇编内容</t></si>`;
    // Row by row: A1, B1 (the narrative, whose ideographic indent is white space), A2, B2, A3, B3, A4 (B4 repeats A1).
    expect(sst).toContain(`uniqueCount="30003">${item(1)}<si><t xml:space="preserve">${LONG}</t></si>${item(2)}<si><t xml:space="preserve"> 前有空格</t></si>${item(3)}<si><t xml:space="preserve">两行\n文字</t></si>${item(4)}${item(5)}`);
    expect(sst.endsWith(`${item(29_999)}${item(30_000)}</sst>`)).toBe(true);
    expect(sst.match(/<si>/g)).toHaveLength(30_003);
    const g = readXlsxGrid(bytes, { limits: { maxCells: 200_000 } });
    if (!g.ok) throw new Error(g.message);
    const cells = g.grid.sheets[0]!.cells;
    for (let r = 1; r <= 30_000; r++) if (cells[`A${r}`]?.value !== `第${String(r).padStart(5, "0")}条科技工作情况说明材料汇编内容`) throw new Error(`A${r}: ${String(cells[`A${r}`]?.value)}`);
    expect([cells.B1?.value, cells.B2?.value, cells.B3?.value, cells.B4?.value]).toEqual([LONG, " 前有空格", "两行\n文字", "第00001条科技工作情况说明材料汇编内容"]);
  });
});

describe("one part written in a single piece larger than a chunk", () => {
  /** One row of 400 formula cells of about 1,000 characters each: one write of about 420,000 characters, over a third of a chunk. */
  const FORMULA = (c: number) => `IF(A1>${c},"${"较上年同期增长".repeat(140)}","")`;
  function wideRow(options?: ConstructorParameters<typeof Workbook>[0]): Uint8Array {
    const wb = new Workbook(options);
    const ws = wb.addWorksheet("宽表");
    ws.getCell(1, 1).value = 7;
    for (let c = 2; c <= 401; c++) ws.getCell(1, c).value = { formula: FORMULA(c), result: "" };
    ws.getCell(2, 1).value = "下一行";
    ws.commit();
    return wb.finish();
  }

  it.each(DEFLATES)("%s: the row arrives whole, and the rows around it", (_how, options) => {
    const bytes = wideRow(options);
    const xml = strFromU8(unzipSync(bytes)["xl/worksheets/sheet1.xml"]!);
    const row1 = /<row r="1">.*?<\/row>/.exec(xml)![0];
    expect(row1.length).toBeGreaterThan((1 << 20) / 3);
    expect(row1.match(/<c /g)).toHaveLength(401);
    const g = readXlsxGrid(bytes, { limits: { maxCells: 200_000 } });
    if (!g.ok) throw new Error(g.message);
    const cells = g.grid.sheets[0]!.cells;
    expect(cells.A1).toMatchObject({ value: 7 });
    for (let c = 2; c <= 401; c++) if (cells[`${columnLetter(c)}1`]?.formula !== FORMULA(c)) throw new Error(`column ${c}`);
    expect(cells.A2).toMatchObject({ value: "下一行" });
  });
});
