/**
 * The built-in library workbook as a grid, and copies of it with cells changed: the fast
 * path of the library tests (tests/library-grid, library-read-edges, library-cross-check),
 * written with exceljs once per file and then edited in memory per case.
 */
import type { Grid } from "../../templates/grid";
import { writeLibraryXlsx } from "../../templates/library/write";
import { readXlsxGrid } from "../../templates/xlsx/index";
import type { Edit } from "./library-cases";

let base: Grid | null = null;
let bytes: Uint8Array | null = null;

/** Write the built-in library workbook and read it into the base grid (call in beforeAll). */
export async function loadLibraryGrid(): Promise<Uint8Array> {
  bytes = await writeLibraryXlsx();
  const r = readXlsxGrid(bytes);
  if (!r.ok) throw new Error(r.code);
  base = r.grid;
  return bytes;
}

/** A copy of the base grid with cells set (text or number) or emptied (null); a set cell past the last row extends the sheet. */
export function editedLibrary(edits: Edit[]): Grid {
  if (!base) throw new Error("loadLibraryGrid() first");
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
