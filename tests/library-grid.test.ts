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
});
