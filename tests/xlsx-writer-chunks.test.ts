/**
 * The writer's chunked deflate with a runtime's zlib (server, command line): sheets of
 * several 1 MB chunks, written one after another, reuse one chunk buffer. The parts
 * must come out exactly as fflate writes them, whatever the buffer held before.
 */
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { nativeZip } from "../functions/service/native-deflate";
import { readXlsxGrid } from "../templates/xlsx/index";
import { Workbook } from "../templates/xlsx/writer/workbook";

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

describe("one part written in a single piece larger than a chunk", () => {
  /** 30,000 distinct 20-character Chinese strings: xl/sharedStrings.xml is one write of about 2.2 MB of UTF-8. */
  function manyStrings(options?: ConstructorParameters<typeof Workbook>[0]): Uint8Array {
    const wb = new Workbook(options);
    const ws = wb.addWorksheet("文字");
    for (let r = 1; r <= 30_000; r++) ws.getCell(r, 1).value = `第${String(r).padStart(5, "0")}条科技工作情况说明材料汇编内容`;
    ws.commit();
    return wb.finish();
  }

  it.each([
    ["fflate", undefined],
    ["a runtime's zlib", nativeZip],
  ] as const)("%s: every string arrives whole, the first and the last read back", (_how, options) => {
    const bytes = manyStrings(options);
    const sst = strFromU8(unzipSync(bytes)["xl/sharedStrings.xml"]!);
    expect(new TextEncoder().encode(sst).length).toBeGreaterThan(1 << 20);
    expect(sst.endsWith("<si><t>第30000条科技工作情况说明材料汇编内容</t></si></sst>")).toBe(true);
    expect(sst.match(/<si>/g)).toHaveLength(30_000);
    const g = readXlsxGrid(bytes, { limits: { maxCells: 200_000 } });
    if (!g.ok) throw new Error(g.message);
    expect(g.grid.sheets[0]!.cells.A1).toMatchObject({ value: "第00001条科技工作情况说明材料汇编内容" });
    expect(g.grid.sheets[0]!.cells.A30000).toMatchObject({ value: "第30000条科技工作情况说明材料汇编内容" });
  });
});
