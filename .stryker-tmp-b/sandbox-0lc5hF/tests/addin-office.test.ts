/**
 * The task pane's Excel adapter (addin/office/) against Microsoft's office-addin-mock.
 *
 * The mock workbook is built from a real template: the .xlsx the builder writes is read by the
 * xlsx reader, and each sheet is turned into what Office.js would return for its used range
 * (values, formulas with "=", number formats, value types). Reading it back through the adapter
 * must give the same findings as reading the file, at the same cells.
 */
// @ts-nocheck

import { OfficeMockObject } from "office-addin-mock";
import { describe, expect, it } from "vitest";

import { buildTemplate } from "../templates/build";
import type { Grid } from "../templates/grid";
import { inspectGrid } from "../templates/inspect";
import { indicatorCell, SHEETS } from "../templates/layout";
import { TEMPLATE_SHEETS } from "../templates/read";
import { sampleFill } from "../templates/samples";
import { readXlsxGrid } from "../templates/xlsx/index";
import { markCells, MARK_STYLE, rangeToSheet, readGrid, selectCell, SheetLockedError, unmarkCells, insertTemplateSheets, type RangeData } from "../addin/office/excel";
import { readDocumentFile } from "../addin/office/file";
import { OFFICE_VISIBILITY, usedRange } from "./fixtures/office-range";

const TOWN = { name: "青阳镇", code: "330102001000", type: "乡镇" as const };

/**
 * office-addin-mock has no collections: `load("items/name")` on a collection needs the
 * navigation to reach each item. This gives a mock collection whose load forwards
 * "items/<prop>" to every item, as Office.js does.
 */
function collection(items: OfficeMockObject[], extra: Record<string, unknown> = {}): OfficeMockObject {
  const c = new OfficeMockObject({ ...extra, host: "excel" } as never);
  c.items = items;
  c.load = (arg: string) => {
    for (const part of arg.split(",")) {
      const prop = part.trim().replace(/^items\//, "");
      for (const it of items) it.load(prop);
    }
    return c;
  };
  c.sync = async () => {
    for (const it of items) await it.sync();
  };
  return c;
}

interface MockSheet {
  name: string;
  mock: OfficeMockObject;
  log: string[];
  formats: Map<string, { id: string; cell: string; custom: { rule: { formula?: string }; format: { fill: { color?: string }; font: { color?: string } } } }>;
}

let nextCf = 1;
/** A worksheet mock: used range, activate/getRange/select, conditional formats and protection. */
function sheetMock(name: string, visibility: string, used: RangeData | null, log: string[], protectedSheet = false, password = false): MockSheet {
  const formats: MockSheet["formats"] = new Map();
  const protection = new OfficeMockObject({ protected: protectedSheet, options: { allowFormatCells: false }, host: "excel" } as never);
  let unprotectQueued = false;
  protection.unprotect = () => {
    log.push(`unprotect ${name}`);
    unprotectQueued = true;
    if (!password) protection.protected = false;
  };
  // Like Office.js, a refused unprotect fails the next context.sync(), not the call.
  const protectionSync = protection.sync.bind(protection);
  protection.sync = async () => {
    await protectionSync();
    if (unprotectQueued && password) throw new Error("InvalidOperation: the sheet is protected with a password");
    unprotectQueued = false;
  };
  protection.protect = (options: { allowFormatCells?: boolean }) => {
    log.push(`protect ${name} allowFormatCells=${options.allowFormatCells}`);
    protection.protected = true;
  };
  const rangeMock = (cell: string) => {
    const cfItems = () => [...formats.values()].filter((f) => f.cell === cell).map((f) => new OfficeMockObject({ id: f.id, host: "excel" } as never));
    const r = new OfficeMockObject({ address: `${name}!${cell}`, host: "excel" } as never);
    r.select = () => log.push(`select ${name}!${cell}`);
    const cfs = collection([]);
    cfs.load = () => {
      cfs.items = cfItems();
      for (const it of cfs.items) it.load("id");
      return cfs;
    };
    cfs.sync = async () => {
      for (const it of cfs.items) await it.sync();
    };
    pending.push(cfs);
    cfs.add = (type: string) => {
      if (protection.protected) throw new Error("sheet is protected");
      const id = `{cf-${nextCf++}}`;
      const cf: MockSheet["formats"] extends Map<string, infer V> ? V : never = { id, cell, custom: { rule: {}, format: { fill: {}, font: {} } } };
      formats.set(id, cf);
      log.push(`add ${type} ${name}!${cell}`);
      const mock = new OfficeMockObject({ id, custom: cf.custom, host: "excel" } as never);
      // The adapter sets colours on the mock; mirror them into the sheet's store on sync.
      const sync = mock.sync.bind(mock);
      mock.sync = async () => {
        await sync();
        cf.custom.rule.formula = mock.custom.rule.formula;
        cf.custom.format.fill.color = mock.custom.format.fill.color;
        cf.custom.format.font.color = mock.custom.format.font.color;
      };
      pending.push(mock);
      return mock;
    };
    cfs.getItem = (id: string) => ({
      delete: () => {
        if (protection.protected) throw new Error("sheet is protected");
        log.push(`delete ${id}`);
        formats.delete(id);
      },
    });
    r.conditionalFormats = cfs;
    return r;
  };
  const pending: OfficeMockObject[] = [];
  const usedRange = used ? new OfficeMockObject({ ...used, host: "excel" } as never) : null;
  const ws = new OfficeMockObject({ name, visibility, host: "excel" } as never);
  ws.protection = protection;
  ws.getUsedRange = () => {
    log.push(`getUsedRange ${name}`);
    return usedRange;
  };
  ws.activate = () => log.push(`activate ${name}`);
  ws.getRange = (cell: string) => rangeMock(cell);
  const sync = ws.sync.bind(ws);
  ws.sync = async () => {
    await sync();
    await usedRange?.sync();
    await protection.sync();
    for (const m of pending.splice(0)) await m.sync();
  };
  return { name, mock: ws, log, formats };
}

/** A request context over mock sheets; counts context.sync() round trips. */
function contextMock(sheets: MockSheet[]) {
  const worksheets = collection(sheets.map((s) => s.mock));
  const byName = new Map(sheets.map((s) => [s.name, s]));
  worksheets.getItem = (name: string) => {
    const s = byName.get(name);
    if (!s) throw new Error(`ItemNotFound ${name}`);
    return s.mock;
  };
  const inserted: unknown[] = [];
  const workbook = new OfficeMockObject({ host: "excel" } as never);
  workbook.worksheets = worksheets;
  workbook.insertWorksheetsFromBase64 = (b64: string, opts: unknown) => inserted.push([b64, opts]);
  const ctx = { workbook, syncs: 0, inserted, sync: async () => {} } as unknown as Excel.RequestContext & { syncs: number; inserted: unknown[] };
  (ctx as { sync: () => Promise<void> }).sync = async () => {
    ctx.syncs++;
    await worksheets.sync();
  };
  return ctx;
}

async function workbookGrid(fill: Parameters<typeof buildTemplate>[0]): Promise<Grid> {
  const bytes = await buildTemplate(fill);
  const r = readXlsxGrid(bytes);
  if (!r.ok) throw new Error(r.message);
  return r.grid;
}

function mockFromGrid(grid: Grid, log: string[], protect = false) {
  return contextMock(grid.sheets.map((s) => sheetMock(s.name, OFFICE_VISIBILITY[s.state], usedRange(s), log, protect)));
}

describe("rangeToSheet", () => {
  it.each([
    ["number", 12, 12, "Double", { value: 12, numFmt: "0" }],
    ["text", "约200", "约200", "String", { value: "约200", numFmt: "0" }],
    ["formula", 0.25, "=E7/E8", "Double", { value: 0.25, formula: "E7/E8", numFmt: "0" }],
    ["formula giving empty text", "", '=IF(E8>0,E7/E8,"")', "String", { value: "", formula: 'IF(E8>0,E7/E8,"")', numFmt: "0" }],
    ["error", "#DIV/0!", "=E7/0", "Error", { value: null, formula: "E7/0", error: "#DIV/0!", numFmt: "0" }],
    ["boolean", true, true, "Boolean", { value: true, numFmt: "0" }],
  ])("reads a %s cell", (_name, value, formula, type, expected) => {
    const sheet = rangeToSheet("指标", "Visible", { rowIndex: 6, columnIndex: 4, values: [[value]], formulas: [[formula]], numberFormat: [["0"]], valueTypes: [[type]] });
    expect(sheet.cells).toEqual({ E7: expected });
    expect(sheet.rowCount).toBe(7);
  });

  it("skips empty cells, maps visibility, keeps General for an empty number format", () => {
    const sheet = rangeToSheet("模板信息", "VeryHidden", { rowIndex: 0, columnIndex: 0, values: [["", "HZ-KJ-01"]], formulas: [["", "HZ-KJ-01"]], numberFormat: [["", ""]], valueTypes: [["Empty", "String"]] });
    expect(sheet).toEqual({ name: "模板信息", state: "veryHidden", cells: { B1: { value: "HZ-KJ-01", numFmt: "General" } }, rowCount: 1 });
  });
});

describe("readGrid through office-addin-mock", () => {
  it("reads a clean report in two round trips and finds nothing", async () => {
    const grid = await workbookGrid({ fill: sampleFill(TOWN, "2025-Y", 7) });
    const log: string[] = [];
    const ctx = mockFromGrid(grid, log);
    const read = await readGrid(ctx, TEMPLATE_SHEETS);
    expect(ctx.syncs).toBe(2);
    expect(log.filter((l) => l.startsWith("getUsedRange")).sort()).toEqual(TEMPLATE_SHEETS.map((s) => `getUsedRange ${s}`).sort());
    expect(read.sheets.map((s) => [s.name, s.state])).toEqual(grid.sheets.map((s) => [s.name, s.state]));
    const result = inspectGrid(read, { expectedPeriod: "2025-Y" });
    expect(result.ok && result.findings).toEqual([]);
  });

  it("gives the same findings, at the same cells, as reading the file", async () => {
    const fill = sampleFill(TOWN, "2025-Y", 7);
    fill.values!.D02 = { ...fill.values!.D02, current: "约200" };
    fill.values!.C02 = { ...fill.values!.C02, current: -3 };
    fill.cover!.phone = "12345";
    const grid = await workbookGrid({ fill });
    const read = await readGrid(mockFromGrid(grid, []), TEMPLATE_SHEETS);
    const viaOffice = inspectGrid(read);
    const viaFile = inspectGrid(grid);
    if (!viaOffice.ok || !viaFile.ok) throw new Error("not read");
    expect(viaOffice.findings).toEqual(viaFile.findings);
    expect(viaOffice.findings.map((f) => [f.rule, f.sheet, f.cell])).toEqual(
      expect.arrayContaining([
        ["PHONE_INVALID", SHEETS.cover, "C11"],
        ["NUMBER_APPROXIMATE", SHEETS.indicators, indicatorCell("D02", "current")],
        ["NEGATIVE", SHEETS.indicators, indicatorCell("C02", "current")],
      ]),
    );
  });

  it("lists sheets it does not read, so a renamed sheet is reported by name", async () => {
    const grid = await workbookGrid({ fill: sampleFill(TOWN, "2025-Y", 7) });
    grid.sheets.find((s) => s.name === SHEETS.narrative)!.name = "Sheet1";
    const read = await readGrid(mockFromGrid(grid, []), TEMPLATE_SHEETS);
    expect(read.sheets.find((s) => s.name === "Sheet1")!.cells).toEqual({});
    const r = inspectGrid(read);
    expect(r.ok ? "" : r.code).toBe("SHEET_MISSING");
    expect(r.ok ? "" : r.message).toContain("“Sheet1”");
  });
});

describe("selectCell", () => {
  it("activates the sheet, syncs, then selects the cell", async () => {
    const grid = await workbookGrid({});
    const log: string[] = [];
    const ctx = mockFromGrid(grid, log);
    await selectCell(ctx, SHEETS.indicators, "E12");
    expect(log).toEqual([`activate ${SHEETS.indicators}`, `select ${SHEETS.indicators}!E12`]);
    expect(ctx.syncs).toBe(2);
  });
});

describe("markCells / unmarkCells", () => {
  it("adds one conditional format per cell, lifts and restores protection, and removes exactly its own", async () => {
    const grid = await workbookGrid({});
    const log: string[] = [];
    const ctx = mockFromGrid(grid, log, true);
    const marks = await markCells(ctx, [
      { sheet: SHEETS.indicators, cell: "E12", kind: "error" },
      { sheet: SHEETS.indicators, cell: "F12", kind: "warning" },
      { sheet: SHEETS.cover, cell: "C11", kind: "error" },
    ]);
    expect(marks.map((m) => [m.sheet, m.cell])).toEqual([
      [SHEETS.indicators, "E12"],
      [SHEETS.indicators, "F12"],
      [SHEETS.cover, "C11"],
    ]);
    expect(new Set(marks.map((m) => m.id)).size).toBe(3);
    expect(log).toEqual([
      `unprotect ${SHEETS.indicators}`,
      `unprotect ${SHEETS.cover}`,
      `add Custom ${SHEETS.indicators}!E12`,
      `add Custom ${SHEETS.indicators}!F12`,
      `add Custom ${SHEETS.cover}!C11`,
      `protect ${SHEETS.indicators} allowFormatCells=false`,
      `protect ${SHEETS.cover} allowFormatCells=false`,
    ]);
    expect(ctx.workbook.worksheets.getItem(SHEETS.indicators).protection.protected).toBe(true);
    log.length = 0;
    await unmarkCells(ctx, marks);
    expect(log.filter((l) => l.startsWith("delete")).sort()).toEqual(marks.map((m) => `delete ${m.id}`).sort());
    expect(log.filter((l) => l.startsWith("protect"))).toEqual([`protect ${SHEETS.indicators} allowFormatCells=false`, `protect ${SHEETS.cover} allowFormatCells=false`]);
  });

  it("colours errors and warnings with Office's bad/neutral styles", async () => {
    const log: string[] = [];
    const mock = sheetMock(SHEETS.indicators, "Visible", null, log);
    const ctx = contextMock([mock]);
    const [err, warn] = await markCells(ctx, [
      { sheet: SHEETS.indicators, cell: "E12", kind: "error" },
      { sheet: SHEETS.indicators, cell: "E13", kind: "warning" },
    ]);
    expect(mock.formats.get(err!.id)!.custom).toEqual({ rule: { formula: "=TRUE" }, format: { fill: { color: MARK_STYLE.error.fill }, font: { color: MARK_STYLE.error.font } } });
    expect(mock.formats.get(warn!.id)!.custom.format.fill.color).toBe("#FFEB9C");
  });

  it("leaves the clerk's own conditional formats and skips marks already deleted by hand", async () => {
    const log: string[] = [];
    const mock = sheetMock(SHEETS.indicators, "Visible", null, log);
    mock.formats.set("{clerk}", { id: "{clerk}", cell: "E12", custom: { rule: { formula: "=E12>100" }, format: { fill: { color: "#00FF00" }, font: {} } } });
    const ctx = contextMock([mock]);
    const marks = await markCells(ctx, [
      { sheet: SHEETS.indicators, cell: "E12", kind: "error" },
      { sheet: SHEETS.indicators, cell: "E13", kind: "error" },
    ]);
    mock.formats.delete(marks[1]!.id);
    await unmarkCells(ctx, marks);
    expect([...mock.formats.keys()]).toEqual(["{clerk}"]);
  });

  it("reports a password-protected sheet instead of failing obscurely", async () => {
    const mock = sheetMock(SHEETS.indicators, "Visible", null, [], true, true);
    const ctx = contextMock([mock]);
    await expect(markCells(ctx, [{ sheet: SHEETS.indicators, cell: "E12", kind: "error" }])).rejects.toBeInstanceOf(SheetLockedError);
  });
});

describe("insertTemplateSheets", () => {
  it("inserts the template at the end and shows its first sheet", async () => {
    const log: string[] = [];
    const ctx = contextMock([sheetMock(SHEETS.cover, "Visible", null, log)]);
    await insertTemplateSheets(ctx, "UEsDBA==", SHEETS.cover);
    expect(ctx.inserted).toEqual([["UEsDBA==", { positionType: "End" }]]);
    expect(log).toEqual([`activate ${SHEETS.cover}`]);
  });
});

describe("readDocumentFile", () => {
  function documentMock(bytes: Uint8Array, failSlice = -1) {
    const calls: string[] = [];
    const doc = new OfficeMockObject({
      host: "excel",
      getFileAsync(type: string, options: { sliceSize: number }, cb: (r: unknown) => void) {
        calls.push(`open ${type} ${options.sliceSize}`);
        const count = Math.ceil(bytes.length / options.sliceSize);
        cb({
          status: "succeeded",
          value: {
            sliceCount: count,
            getSliceAsync(i: number, scb: (r: unknown) => void) {
              calls.push(`slice ${i}`);
              if (i === failSlice) return scb({ status: "failed", error: { message: "boom" } });
              // Office hands slices over as plain arrays of bytes.
              scb({ status: "succeeded", value: { data: Array.from(bytes.subarray(i * options.sliceSize, (i + 1) * options.sliceSize)), index: i } });
            },
            closeAsync(ccb: () => void) {
              calls.push("close");
              ccb();
            },
          },
        });
      },
    } as never);
    return { doc: doc as unknown as Pick<Office.Document, "getFileAsync">, calls };
  }

  it("reads every 64 KiB slice in order, reports progress and closes the file", async () => {
    const bytes = new Uint8Array(150_000).map((_, i) => i % 251);
    const { doc, calls } = documentMock(bytes);
    const progress: string[] = [];
    const out = await readDocumentFile(doc, (d, t) => progress.push(`${d}/${t}`));
    expect(out).toEqual(bytes);
    expect(calls).toEqual(["open compressed 65536", "slice 0", "slice 1", "slice 2", "close"]);
    expect(progress).toEqual(["1/3", "2/3", "3/3"]);
  });

  it("closes the file when a slice fails", async () => {
    const { doc, calls } = documentMock(new Uint8Array(70_000), 1);
    await expect(readDocumentFile(doc)).rejects.toMatchObject({ step: "slice", message: "boom" });
    expect(calls).toEqual(["open compressed 65536", "slice 0", "slice 1", "close"]);
  });
});
