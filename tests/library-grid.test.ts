/**
 * The library mistakes of tests/library-mistakes.test.ts, on the grid: the built-in
 * library workbook read once, the same cells changed in a copy of its grid per case,
 * and `readLibraryGrid` must list the same problems at the same cells. In-process and
 * fast, so the mutation run uses it for templates/library/*.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { BUILTIN, type Catalogue } from "../templates/catalogue";
import type { Grid } from "../templates/grid";
import { readLibraryGrid } from "../templates/library/read";
import { writeLibraryXlsx } from "../templates/library/write";
import { readXlsxGrid } from "../templates/xlsx/index";
import { LIBRARY_MISTAKES, p, type Edit } from "./support/library-cases";

let base: Grid;
beforeAll(async () => {
  const r = readXlsxGrid(await writeLibraryXlsx());
  if (!r.ok) throw new Error(r.code);
  base = r.grid;
}, 60_000);

function edited(edits: Edit[]): Grid {
  const g = structuredClone(base);
  for (const [name, cell, value] of edits) {
    const s = g.sheets.find((x) => x.name === name)!;
    if (value === null) delete s.cells[cell];
    else {
      s.cells[cell] = { value, numFmt: s.cells[cell]?.numFmt ?? "General" };
      s.rowCount = Math.max(s.rowCount, Number(/\d+$/.exec(cell)![0]));
    }
  }
  return g;
}

describe("a library with a mistake is refused with the problem at its cell (grid)", () => {
  it.each(LIBRARY_MISTAKES)("$name", ({ edits, previous, expected }) => {
    const r = readLibraryGrid(edited(edits), previous ? { previous: BUILTIN } : {});
    if (r.ok) throw new Error("library accepted");
    expect(r.code).toBe("LIBRARY_INVALID");
    expect(r.problems).toEqual(expected);
  });

  it("the built-in library reads back equal to the built-in catalogue, and is not newer than itself", () => {
    const again = readLibraryGrid(edited([]));
    if (!again.ok) throw new Error(again.message);
    const { readableVersions: _r, ...rest } = BUILTIN;
    expect(JSON.parse(JSON.stringify(again.catalogue))).toEqual(JSON.parse(JSON.stringify(rest)));
    const r = readLibraryGrid(edited([]), { previous: BUILTIN });
    expect(r.ok ? [] : r.problems).toEqual([p("LIB_VERSION_NOT_NEWER", "报表信息", "B2", "版本“2026.2”不比上一版“2026.2”新。新一版请把版本号改大，如“2027.1”。")]);
  });

  it("a newer version of the same library with a new indicator appended is accepted", () => {
    const r = readLibraryGrid(
      edited([
        ["报表信息", "B2", "2027.1"],
        ["指标", "A52", "G06"],
        ["指标", "B52", "科普讲座"],
        ["指标", "D52", "场"],
        ["指标", "E52", "数量"],
        ["指标", "F52", "G"],
      ]),
      { previous: BUILTIN },
    );
    if (!r.ok) throw new Error(r.message);
    const cat: Catalogue = r.catalogue;
    expect(cat.version).toBe("2027.1");
    expect(cat.indicators).toHaveLength(51);
    expect(cat.indicators[50]).toMatchObject({ code: "G06", name: "科普讲座", unit: "场", kind: "count", group: "G" });
  });

  it("a library with its own rules, groups and limits goes through the workbook and back unchanged", async () => {
    const own: Catalogue = {
      ...BUILTIN,
      id: "HZ-QT-09",
      version: "2027.3",
      readableVersions: undefined,
      title: "高新区科技统计表",
      formHeader: { formNumber: "高科统1表", issuer: "高新区科技局", approval: "高统〔2027〕1号", validUntil: "2028年12月" },
      groups: BUILTIN.groups.map((g, i) => (i === 1 ? { code: g.code, name: `${g.name}（本区）` } : g)),
      indicators: BUILTIN.indicators.map((ind) => (ind.code === "A01" ? { ...ind, townMax: 5_000 } : ind.code === "A03" ? { ...ind, plausibleMaxRatio: 0.3 } : ind)),
      rules: { growthMin: -0.3, growthMax: 1.5, unitSlipFactor: 500, peerSlipFactor: 50, explain: ["UNIT_SLIP", "UNIT_SLIP_PEERS"] },
    };
    const g = readXlsxGrid(await writeLibraryXlsx(own));
    if (!g.ok) throw new Error(g.code);
    const back = readLibraryGrid(g.grid);
    if (!back.ok) throw new Error(back.message);
    const { readableVersions: _r, ...rest } = own;
    expect(JSON.parse(JSON.stringify(back.catalogue))).toEqual(JSON.parse(JSON.stringify(rest)));
  }, 60_000);
});
