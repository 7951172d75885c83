/**
 * The pane on every host bureaus have: where it decides it is (no network),
 * what it may use (requirement sets, each branch on office-addin-mock), and
 * what it ships (every script parses as ES2018; IE11's script as ES5).
 */
// @ts-nocheck

import { readdir, readFile, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { parse } from "acorn";
import { build } from "esbuild";
import { OfficeMockObject } from "office-addin-mock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { ApiClient } from "../addin/api";
import { capabilities, type Capabilities } from "../addin/office/capabilities";
import { excelSource } from "../addin/office/source";
import { guessOfficeHost, type HostProbe } from "../addin/office/host";
import { newTemplate, type ExcelHost } from "../addin/office/new-template";
import { REBUILT_NOTE, reportBytes } from "../addin/office/report-bytes";
import { writeReport } from "../addin/report-writer";
import { SHEETS } from "../templates/layout";
import { inspectWorkbook } from "../templates/inspect";
import { TEMPLATE_SHEETS } from "../templates/read";
import { readXlsxGrid } from "../templates/xlsx";
import { goodWorkbook, inspectOk } from "./support/workbooks";
//  plain .mjs scripts have no type declarations
import { addinTargets } from "../scripts/build/addin.mjs";

const probe = (over: Partial<HostProbe> = {}): HostProbe => ({ location: { search: "", hash: "" }, name: "", sessionStorage: null, external: undefined, top: 1, self: 1, ...over });

describe("guessOfficeHost: decided from what the page has, no request", () => {
  it.each<[string, HostProbe, ReturnType<typeof guessOfficeHost>]>([
    ["a plain browser tab (WPS users, the standalone page)", probe(), { office: false }],
    ["Office's _host_Info query parameter", probe({ location: { search: "?_host_Info=Excel$Win32$16.01$zh-CN$$$$0", hash: "" } }), { office: true, via: "query" }],
    ["_host_Info after another parameter", probe({ location: { search: "?et=&_host_Info=Excel|Web|16.00|zh-CN", hash: "" } }), { office: true, via: "query" }],
    ["office.js's session copy after a reload", probe({ sessionStorage: { getItem: (k) => (k === "hostInfoValue" ? "Excel$Mac$16.00$zh-CN" : null) } }), { office: true, via: "session" }],
    ["office.js's window.name copy", probe({ name: JSON.stringify({ hostInfo: "Excel|Win32|16.01|zh-CN" }) }), { office: true, via: "window-name" }],
    ["the Windows webview's window.external.GetHostInfo", probe({ external: { GetHostInfo: () => "Excel$Win32$16.00$zh-CN" } }), { office: true, via: "external" }],
    ["framed by another page (Excel on the web)", probe({ top: {}, self: 1 }), { office: true, via: "frame" }],
    ["a page name that is not office.js's JSON", probe({ name: "report-window" }), { office: false }],
    ["storage disabled by policy", probe({ sessionStorage: { getItem: () => { throw new Error("SecurityError"); } } }), { office: false }],
    ["a _host_Info-like parameter of another name", probe({ location: { search: "?my_host_Info=x", hash: "" } }), { office: false }],
  ])("%s", (_name, p, expected) => {
    expect(guessOfficeHost(p)).toEqual(expected);
  });
});

/** Office.context.requirements on office-addin-mock, supporting exactly `sets`. */
function requirementsMock(sets: Record<string, string>) {
  const asked: string[] = [];
  const office = new OfficeMockObject({
    host: "excel",
    context: {
      requirements: {
        isSetSupported(name: string, version?: string) {
          asked.push(`${name} ${version ?? ""}`.trim());
          const have = sets[name];
          // Versions compare part by part, as Office does: 1.17 is above 1.8.
          const [a = 0, b = 0] = (have ?? "0").split(".").map(Number);
          const [c = 0, d = 0] = (version ?? "1.1").split(".").map(Number);
          return have !== undefined && (a > c || (a === c && b >= d));
        },
      },
    },
  } as never) as unknown as { context: { requirements: { isSetSupported(n: string, v?: string): boolean } } };
  return { requirements: office.context.requirements, asked };
}

const ALL: Capabilities = { markCells: true, insertSheets: true, newWorkbook: true, compressedFile: true, openBrowserWindow: true };
const NONE: Capabilities = { markCells: false, insertSheets: false, newWorkbook: false, compressedFile: false, openBrowserWindow: false };

describe("capabilities: every API above ExcelApi 1.1 (the manifest's minimum) asked of isSetSupported", () => {
  it.each<[string, Record<string, string>, Capabilities]>([
    ["Microsoft 365 / Excel 2021", { ExcelApi: "1.17", CompressedFile: "1.1", OpenBrowserWindowApi: "1.1" }, ALL],
    ["Excel 2019 volume (ExcelApi 1.8)", { ExcelApi: "1.8", CompressedFile: "1.1", OpenBrowserWindowApi: "1.1" }, { ...ALL, insertSheets: false }],
    ["ExcelApi 1.6 exactly: cells are marked, no new workbook", { ExcelApi: "1.6", CompressedFile: "1.1" }, { ...NONE, markCells: true, compressedFile: true }],
    ["ExcelApi 1.5: no marking", { ExcelApi: "1.5", CompressedFile: "1.1" }, { ...NONE, compressedFile: true }],
    ["Excel 2016 perpetual/volume (ExcelApi 1.1 only)", { ExcelApi: "1.1", CompressedFile: "1.1" }, { ...NONE, compressedFile: true }],
    ["a host without CompressedFile", { ExcelApi: "1.13" }, { ...ALL, compressedFile: false, openBrowserWindow: false }],
  ])("%s", (_name, sets, expected) => {
    const { requirements, asked } = requirementsMock(sets);
    expect(capabilities(requirements)).toEqual(expected);
    expect(asked).toEqual(["ExcelApi 1.6", "ExcelApi 1.13", "ExcelApi 1.8", "CompressedFile 1.1", "OpenBrowserWindowApi 1.1"]);
  });

  it("a host whose isSetSupported throws gets nothing above the minimum", () => {
    expect(capabilities({ isSetSupported: () => { throw new Error("not ready"); } })).toEqual(NONE);
  });

  it.each([
    ["ExcelApi 1.1 (Excel 2016): no toggle, and marking never touches the workbook", false, []],
    ["ExcelApi 1.6: the toggle, and marking runs in Excel", true, ["Excel.run"]],
  ])("%s", async (_name, markCells, runs) => {
    const calls: string[] = [];
    const g = globalThis as unknown as Record<string, unknown>;
    g.Excel = { run: async () => (calls.push("Excel.run"), []) };
    try {
      const source = excelSource(() => undefined, { ...NONE, markCells });
      expect(source.canMark).toBe(markCells);
      await source.setMarks([{ severity: "error", rule: "VALUE_REQUIRED", sheet: "指标", cell: "E5", message: "x" }]);
      expect(calls).toEqual(runs);
    } finally {
      delete g.Excel;
    }
  });
});

/** Office.context.document on office-addin-mock, counting getFileAsync calls. */
function documentMock(bytes: Uint8Array) {
  const calls: string[] = [];
  const doc = new OfficeMockObject({
    host: "excel",
    getFileAsync(type: string, options: { sliceSize: number }, cb: (r: unknown) => void) {
      calls.push(`open ${type}`);
      cb({
        status: "succeeded",
        value: {
          sliceCount: 1,
          getSliceAsync: (i: number, scb: (r: unknown) => void) => scb({ status: "succeeded", value: { data: Array.from(bytes), index: i } }),
          closeAsync: (ccb: () => void) => ccb(),
        },
      });
    },
  } as never);
  return { doc: doc as unknown as Pick<Office.Document, "getFileAsync">, calls };
}

describe("upload bytes: the workbook itself, or without CompressedFile the report rebuilt from the values read", () => {
  it("CompressedFile: the document's own bytes, no note", async () => {
    const good = await goodWorkbook();
    const { doc, calls } = documentMock(good);
    const r = await reportBytes(ALL, doc, null, () => Promise.reject(new Error("writer must not load")), () => {});
    expect(r).toEqual({ bytes: good, note: null });
    expect(calls).toEqual(["open compressed"]);
  });

  it("no CompressedFile: the template rebuilt from the grid read, same figures, and the clerk is told", async () => {
    const good = await goodWorkbook();
    const grid = readXlsxGrid(good, { sheets: TEMPLATE_SHEETS });
    if (!grid.ok) throw new Error(grid.message);
    const { doc, calls } = documentMock(good);
    let loaded = 0;
    const r = await reportBytes({ ...ALL, compressedFile: false }, doc, grid.grid, async () => (loaded++, writeReport), () => {});
    expect(calls).toEqual([]);
    expect(loaded).toBe(1);
    expect(r?.note).toBe(REBUILT_NOTE);
    const a = inspectOk(good);
    const b = inspectWorkbook(r!.bytes);
    if (!b.ok) throw new Error(b.message);
    expect(b.findings).toEqual([]);
    expect(b.record?.values).toEqual(a.record?.values);
    expect(b.record?.narrative).toEqual(a.record?.narrative);
    expect(b.record?.unit).toEqual(a.record?.unit);
  }, 60_000);

  it("no CompressedFile and nothing read yet: nothing to send", async () => {
    const { doc } = documentMock(new Uint8Array(1));
    expect(await reportBytes({ ...ALL, compressedFile: false }, doc, null, async () => writeReport, () => {})).toBeNull();
  });
});

/** Excel.run over a workbook of sheet names, with one failure to inject. */
function excelMock(initial: string[], fail?: { on: "insert" | "names" | "create"; code: string; keep?: string[] }) {
  let names = [...initial];
  const log: string[] = [];
  const error = (code: string) => Object.assign(new Error(code), { code });
  const context = {
    workbook: {
      worksheets: {
        items: [] as { name: string }[],
        load() {
          if (fail?.on === "names") throw error(fail.code);
          this.items = names.map((name) => ({ name }));
        },
        getItem: (name: string) => ({
          set visibility(v: string) {
            log.push(`show ${name} ${v}`);
          },
          delete: () => {
            log.push(`delete ${name}`);
            names = names.filter((n) => n !== name);
          },
          activate: () => log.push(`activate ${name}`),
        }),
      },
      insertWorksheetsFromBase64: () => {
        log.push("insert");
        if (fail?.on === "insert") {
          names.push(...(fail.keep ?? []));
          throw error(fail.code);
        }
        names.push(SHEETS.cover, SHEETS.indicators, SHEETS.narrative, SHEETS.info);
      },
    },
    sync: async () => {},
  };
  const excel: ExcelHost = {
    run: (batch) => batch(context as unknown as Excel.RequestContext),
    createWorkbook: async () => {
      log.push("createWorkbook");
      if (fail?.on === "create") throw error(fail.code);
    },
  };
  return { excel, log, names: () => names };
}

const api = { template: async () => ({ ok: true as const, bytes: new Uint8Array([1, 2, 3]) }), url: (p: string) => `http://127.0.0.1${p}` } as unknown as ApiClient;

describe("新建模板: each branch, and every failure one Chinese sentence with the workbook as it was", () => {
  it("ExcelApi 1.13: inserts the sheets", async () => {
    const m = excelMock(["Sheet1"]);
    expect(await newTemplate(m.excel, ALL, api, () => {})).toBe("已插入标准模板（封面、指标、文字材料、填表说明）。请从“封面”开始填写，填好后点“检查报表”。");
    expect(m.names()).toEqual(["Sheet1", SHEETS.cover, SHEETS.indicators, SHEETS.narrative, SHEETS.info]);
  });

  it("signed in with a period: asks for the unit's prefilled template of that period", async () => {
    const m = excelMock(["Sheet1"]);
    const asked: unknown[] = [];
    const recording = { ...api, template: async (forUnit?: unknown) => (asked.push(forUnit ?? null), { ok: true as const, bytes: new Uint8Array([1, 2, 3]) }) } as unknown as ApiClient;
    expect(await newTemplate(m.excel, ALL, recording, () => {}, { period: "2025-H1", unit: "330102001000" })).toBe("已插入标准模板（封面、指标、文字材料、填表说明）。请从“封面”开始填写，填好后点“检查报表”。");
    expect(await newTemplate(excelMock(["Sheet1"]).excel, ALL, recording, () => {})).toBe("已插入标准模板（封面、指标、文字材料、填表说明）。请从“封面”开始填写，填好后点“检查报表”。");
    expect(asked).toEqual([{ period: "2025-H1", unit: "330102001000" }, null]);
  });

  it("cell-edit mode: one sentence, and the half-inserted sheets are removed", async () => {
    const m = excelMock(["Sheet1"], { on: "insert", code: "InvalidOperationInCellEditMode", keep: [SHEETS.cover, SHEETS.indicators] });
    const msg = await newTemplate(m.excel, ALL, api, () => {});
    expect(msg).toBe("新建模板没有成功：Excel 正在编辑某个单元格。已撤回插入的工作表，工作簿保持原样。请按 Enter 或 Esc 结束编辑后，再点“新建模板”。");
    expect(m.names()).toEqual(["Sheet1"]);
    expect(m.log).toEqual(["insert", `show ${SHEETS.cover} Visible`, `delete ${SHEETS.cover}`, `show ${SHEETS.indicators} Visible`, `delete ${SHEETS.indicators}`]);
  });

  it("cell-edit mode before anything is inserted: one sentence, nothing touched", async () => {
    const m = excelMock(["Sheet1"], { on: "names", code: "InvalidOperationInCellEditMode" });
    expect(await newTemplate(m.excel, ALL, api, () => {})).toBe("新建模板没有成功：Excel 正在编辑某个单元格。请按 Enter 或 Esc 结束编辑后，再点“新建模板”。");
    expect(m.log).toEqual([]);
  });

  it("an insert failing for another reason falls back to a new workbook, leaving this one as it was", async () => {
    const m = excelMock(["Sheet1"], { on: "insert", code: "GeneralException", keep: [SHEETS.cover] });
    expect(await newTemplate(m.excel, ALL, api, () => {})).toBe("已在新窗口中打开标准模板，请在新窗口中填写。（当前工作簿中没有插入任何工作表。）");
    expect(m.names()).toEqual(["Sheet1"]);
    expect(m.log).toEqual(["insert", `show ${SHEETS.cover} Visible`, `delete ${SHEETS.cover}`, "createWorkbook"]);
  });

  it("ExcelApi 1.8 without 1.13: a new workbook", async () => {
    const m = excelMock(["Sheet1"]);
    expect(await newTemplate(m.excel, { ...ALL, insertSheets: false }, api, () => {})).toBe("已在新窗口中打开标准模板，请在新窗口中填写。");
    expect(m.log).toEqual(["createWorkbook"]);
  });

  it("a new workbook that fails: one sentence", async () => {
    const m = excelMock(["Sheet1"], { on: "create", code: "GeneralException" });
    expect(await newTemplate(m.excel, { ...ALL, insertSheets: false }, api, () => {})).toBe(
      "新建模板没有成功。请稍后再试；如果一直这样，请新建一个空白工作簿后再点“新建模板”，或在网页上下载标准模板。",
    );
  });

  it("below ExcelApi 1.8: the template is downloaded", async () => {
    const m = excelMock(["Sheet1"]);
    const opened: string[] = [];
    expect(await newTemplate(m.excel, { ...ALL, insertSheets: false, newWorkbook: false }, api, (u) => opened.push(u))).toBe(
      "此版本的 Excel 不能直接插入模板，已开始下载标准模板。下载完成后请用 Excel 打开填写。",
    );
    expect(opened).toEqual(["http://127.0.0.1/api/template"]);
  });
});

describe("shipped scripts parse as ES2018 without what EdgeHTML 18 lacks; IE11's script as ES5", () => {
  let out: string;
  beforeAll(async () => {
    out = await mkdtemp(path.join(tmpdir(), "hz-addin-es-"));
    for (const t of addinTargets(out, "local")) await build({ ...t, logLevel: "error" });
  }, 120_000);
  afterAll(async () => {
    if (out) await rm(out, { recursive: true, force: true });
  });

  it("the parser setting itself rejects ES2019+ syntax", () => {
    for (const src of ["a ?? b", "a?.b", "try {} catch {}", "import('./x.js')", "class A { #x = 1 }"]) {
      expect(() => parse(src, { ecmaVersion: 2018, sourceType: "module" }), src).toThrow();
    }
  });

  it("our bundles: taskpane.js (module), standalone.js and report-writer.js (classic)", async () => {
    const scripts = ["taskpane.js", "standalone.js", "report-writer.js"];
    expect((await readdir(out)).filter((f) => f.endsWith(".js")).sort()).toEqual([...scripts, "legacy.js"].sort());
    for (const f of scripts) {
      const src = await readFile(path.join(out, f), "utf8");
      expect(() => parse(src, { ecmaVersion: 2018, sourceType: f === "taskpane.js" ? "module" : "script" }), f).not.toThrow();
    }
  });

  it("nothing EdgeHTML 18 cannot parse (Office 2016/2019 on Windows 10 1903+): no object rest/spread, no ES2018 regex syntax", async () => {
    // EdgeHTML 18 parses ES2018 except these (esbuild's `edge18` target lowers the object ones); a regex
    // literal it cannot parse is an early SyntaxError that stops the whole pane.
    const found: string[] = [];
    const visit = (node: unknown, file: string): void => {
      if (!node || typeof node !== "object") return;
      if (Array.isArray(node)) return node.forEach((n) => visit(n, file));
      const n = node as { type?: string; regex?: { pattern: string; flags: string }; properties?: Array<{ type: string }> };
      if ((n.type === "ObjectExpression" || n.type === "ObjectPattern") && n.properties?.some((p) => p.type === "SpreadElement" || p.type === "RestElement")) found.push(`${file}: object ${n.type === "ObjectExpression" ? "spread" : "rest"}`);
      if (n.regex && (/\(\?<[=!a-zA-Z]|\\[pP]\{/.test(n.regex.pattern) || n.regex.flags.includes("s"))) found.push(`${file}: /${n.regex.pattern}/${n.regex.flags}`);
      for (const [k, v] of Object.entries(n)) if (k !== "regex" && v && typeof v === "object") visit(v, file);
    };
    for (const f of ["taskpane.js", "standalone.js", "report-writer.js"]) {
      const src = await readFile(path.join(out, f), "utf8");
      visit(parse(src, { ecmaVersion: 2018, sourceType: f === "taskpane.js" ? "module" : "script" }), f);
    }
    expect(found).toEqual([]);
    // The check itself sees what it looks for.
    const probe: string[] = [];
    const before = found.length;
    visit(parse("const a = { ...b }; const { c, ...d } = e; /(?<=x)y/s;", { ecmaVersion: 2018, sourceType: "script" }), "probe");
    probe.push(...found.slice(before));
    expect(probe).toEqual(["probe: object spread", "probe: object rest", "probe: /(?<=x)y/s"]);
  });

  it("legacy.js, for IE11, is ES5", async () => {
    const src = await readFile(path.join(out, "legacy.js"), "utf8");
    expect(() => parse(src, { ecmaVersion: 5, sourceType: "script" })).not.toThrow();
  });

  it("office.js and every companion file shipped with it (Microsoft's)", async () => {
    const files = (await readdir(path.join(out, "office-js"), { recursive: true })).filter((f) => f.endsWith(".js")).sort();
    expect(files).toEqual(expect.arrayContaining(["office.js", "excel-win32-16.01.js", "excel-win32-16.00.js", "excel-web-16.00.js", "excel-mac-16.00.js", "zh-cn/office_strings.js", "en-us/office_strings.js"]));
    expect(files.filter((f) => f.endsWith(".debug.js"))).toEqual([]);
    for (const f of files) {
      const src = await readFile(path.join(out, "office-js", f), "utf8");
      expect(() => parse(src, { ecmaVersion: 2018, sourceType: "script" }), f).not.toThrow();
    }
  }, 120_000);
});
