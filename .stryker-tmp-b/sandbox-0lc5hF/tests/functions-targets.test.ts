/**
 * Through the local server: the city uploads the year's 目标任务分解表; a town's
 * template for a period arrives with its cover from its last report, 上年同期
 * from last year's report of the same period and its assigned 全年目标 filled
 * and locked; at submission a 上年同期 that differs from last year's report and
 * a 全年目标 that differs from the assigned one are warnings — refused without
 * a 备注, accepted with one; the consolidation measures 完成率 against the
 * table's targets.
 */
// @ts-nocheck

import ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TemplateFill } from "../templates/build";
import { readSubmission } from "../templates/read";
import { readXlsxGrid } from "../templates/xlsx/index";
import { sampleFill } from "../templates/samples";
import { buildTargetWorkbook } from "../templates/targets/workbook";
import { INPUT_INDICATORS } from "../templates/catalog";
import { indicatorCell } from "../templates/layout";
import { CITY, COUNTY, call, goodReport, startTestServer, tokenOf } from "./support/functions-server";

const QY = { name: "青阳镇", code: "330102001000", type: "乡镇" as const };
const QH = { name: "清河街道", code: "330102002000", type: "街道" as const };

let s: Awaited<ReturnType<typeof startTestServer>>;
let base: string;
let city: string;
let qy: string;
let qh: string;

/** 专利申请 and its parts: 305 = 100 + 150 + 55 last half-year. */
function patents(f: TemplateFill, col: "current" | "prior", d: [number, number, number]): void {
  const v = f.values!;
  v.D02![col] = d[0];
  v.D03![col] = d[1];
  v.D04![col] = d[2];
  v.D01![col] = d[0] + d[1] + d[2];
}

/** Last year's report of 青阳镇 for 上半年, with a cover unlike the roster's. */
const lastYearFill = sampleFill(QY, "2024-H1", 1);
patents(lastYearFill, "current", [100, 150, 55]);
patents(lastYearFill, "prior", [100, 150, 55]);
lastYearFill.cover = { ...lastYearFill.cover, preparer: "赵敏", phone: "13800001111", head: "孙立" };

/** This year's report: 上年同期 = last year's 本期, except 专利申请 revised to 310 (发明 55 → 60); 全年目标 typed 100. */
function thisYear(notes: Record<string, string> = {}): Promise<Uint8Array> {
  return goodReport(QY, "2025-H1", 1, (f) => {
    for (const ind of INPUT_INDICATORS) f.values![ind.code]!.prior = lastYearFill.values![ind.code]!.current!;
    patents(f, "prior", [100, 150, 60]);
    patents(f, "current", [110, 150, 60]);
    // 全年目标 of 专利申请 only (its parts have none, as in the downloaded template).
    f.values!.D01!.target = 100;
    for (const c of ["D02", "D03", "D04"]) f.values![c]!.target = null;
    // 专利授权 typed as assigned: no finding.
    f.values!.D05!.target = 50;
    f.notes = notes;
  });
}

beforeAll(async () => {
  s = await startTestServer();
  base = s.url;
  city = tokenOf(s, CITY);
  qy = tokenOf(s, QY.code);
  qh = tokenOf(s, QH.code);
  for (const id of ["2024-H1", "2025-H1"]) expect((await call(base, "POST", "/api/periods", { token: city, json: { id } })).status).toBe(201);
  const { buildTemplate } = await import("../templates/build");
  const put = await call(base, "POST", `/api/periods/2024-H1/units/${QY.code}/reports`, { token: qy, bytes: await buildTemplate({ fill: lastYearFill }) });
  expect([put.status, put.body.findings]).toEqual([201, []]);
}, 120_000);
afterAll(async () => s.cleanup());

const TABLE = () =>
  buildTargetWorkbook({
    year: 2025,
    own: { code: CITY, name: "示例市", values: { D01: 700 } },
    units: [
      { code: COUNTY, name: "示例区", values: { D01: 300 } },
      { code: QY.code, name: QY.name, values: { D01: 120, D05: 50 } },
      { code: QH.code, name: QH.name, values: { D01: 60 } },
    ],
  });

describe("the target table on the server", () => {
  it("the city uploads it; it reads back as JSON and as the file uploaded", async () => {
    const bytes = await TABLE();
    const put = await call(base, "PUT", "/api/targets/2025", { token: city, bytes });
    expect(put.status).toBe(200);
    expect(put.body.table).toEqual({
      year: 2025,
      own: { code: CITY, name: "示例市", values: { D01: 700 } },
      units: [
        { code: COUNTY, name: "示例区", values: { D01: 300 } },
        { code: QY.code, name: QY.name, values: { D01: 120, D05: 50 } },
        { code: QH.code, name: QH.name, values: { D01: 60 } },
      ],
    });
    const got = await call(base, "GET", "/api/targets/2025", { token: city });
    expect([got.status, got.body.table]).toEqual([200, put.body.table]);
    const file = await call(base, "GET", "/api/targets/2025?format=xlsx", { token: city });
    expect([file.status, Buffer.from(file.body).equals(Buffer.from(bytes))]).toEqual([200, true]);
  });

  it.each([
    ["a town may not upload", () => call(base, "PUT", "/api/targets/2025", { token: qy, bytes: new Uint8Array([1]) }), 403, "FORBIDDEN_ROLE"],
    ["a town may not read the whole table", () => call(base, "GET", "/api/targets/2025", { token: qy }), 403, "FORBIDDEN_ROLE"],
    ["no table for 2024", () => call(base, "GET", "/api/targets/2024", { token: city }), 404, "TARGETS_NOT_FOUND"],
    ["a year that is not one", () => call(base, "GET", "/api/targets/20x5", { token: city }), 400, "BAD_YEAR"],
  ])("%s", async (_name, send, status, code) => {
    const r = await send();
    expect([r.status, r.body.code]).toEqual([status, code]);
    expect(r.body.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it("a table with a unit off the roster is refused with the problem at its cell, and the stored one stays", async () => {
    const bad = await buildTargetWorkbook({ year: 2025, own: { code: CITY, name: "示例市" }, units: [{ code: "330102099000", name: "外镇", values: { D01: 5 } }] });
    const r = await call(base, "PUT", "/api/targets/2025", { token: city, bytes: bad });
    expect([r.status, r.body.code, r.body.problems]).toEqual([
      400,
      "TARGETS_INVALID",
      [{ code: "TARGET_UNIT_UNKNOWN", sheet: "目标任务分解", cell: "A6", message: "目标任务分解!A6的区划代码 330102099000（外镇）不在报送单位名单中。请核对代码，或先把该单位加入名单后再上传。" }],
    ]);
    expect((await call(base, "GET", "/api/targets/2025", { token: city })).body.table.own.values).toEqual({ D01: 700 });
  });
});

describe("a town's template for a period", () => {
  it("needs the town's own sign-in", async () => {
    const none = await call(base, "GET", `/api/template?period=2025-H1&unit=${QY.code}`);
    const other = await call(base, "GET", `/api/template?period=2025-H1&unit=${QY.code}`, { token: qh });
    const bad = await call(base, "GET", `/api/template?period=2025-13&unit=${QY.code}`, { token: qy });
    expect([none.status, none.body.code, other.status, other.body.code, bad.status, bad.body.code]).toEqual([401, "AUTH_REQUIRED", 403, "FORBIDDEN_UNIT", 400, "BAD_PERIOD"]);
  });

  it("arrives with the cover of the last report, last year's figures as 上年同期 and the assigned 全年目标 locked", async () => {
    const r = await call(base, "GET", `/api/template?period=2025-H1&unit=${QY.code}`, { token: qy });
    expect(r.status).toBe(200);
    expect(r.headers.get("content-disposition")).toContain(encodeURIComponent("青阳镇2025年上半年科技工作情况统计报表"));
    const g = readXlsxGrid(r.body);
    if (!g.ok) throw new Error(g.message);
    const sub = readSubmission(g.grid);
    if (!sub.ok) throw new Error(sub.message);
    const cover = sub.submission.cover;
    expect(Object.fromEntries(Object.values(cover).map((f) => [`${f.sheet}!${f.cell}`, f.raw]))).toEqual({
      "封面!C5": "青阳镇",
      "封面!C6": "330102001000",
      "封面!C7": "乡镇",
      "封面!C8": 2025,
      "封面!C9": "上半年",
      "封面!C10": "赵敏",
      "封面!C11": "13800001111",
      "封面!C12": "孙立",
      "封面!C13": null,
    });
    const ind = sub.submission.indicators;
    expect([ind.D01!.prior, ind.D04!.prior, ind.D01!.target, ind.D05!.target, ind.E02!.target].map((f) => [f.cell, f.raw])).toEqual([
      ["F37", 305],
      ["F40", 55],
      ["G37", 120],
      ["G41", 50],
      ["G47", null],
    ]);
    // Every 上年同期 is last year's 本期; no 本期 is filled.
    for (const i of INPUT_INDICATORS) {
      expect([i.code, ind[i.code]!.prior.raw, ind[i.code]!.current.raw]).toEqual([i.code, lastYearFill.values![i.code]!.current, null]);
    }
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.body);
    const ws = wb.getWorksheet("指标")!;
    // Assigned targets are locked cells of the protected sheet; the others stay input cells.
    expect([ws.getCell("G37").protection?.locked ?? true, ws.getCell("G41").protection?.locked ?? true, ws.getCell("G47").protection?.locked, ws.getCell("F37").protection?.locked]).toEqual([true, true, false, false]);
    // ...of a protected sheet (in the file as written).
    const sheetXml = new TextDecoder().decode(unzipSync(r.body)["xl/worksheets/sheet2.xml"]!);
    expect(sheetXml).toMatch(/<sheetProtection [^>]*sheet="1"/);
  });

  it("a unit with no report yet gets the roster's name and code, and no 上年同期", async () => {
    const r = await call(base, "GET", `/api/template?period=2025-H1&unit=${QH.code}`, { token: qh });
    const g = readXlsxGrid(r.body);
    if (!g.ok) throw new Error(g.message);
    const sub = readSubmission(g.grid);
    if (!sub.ok) throw new Error(sub.message);
    expect(["unitName", "divisionCode", "unitType", "preparer"].map((k) => sub.submission.cover[k as "unitName"].raw)).toEqual(["清河街道", "330102002000", "街道", null]);
    expect([sub.submission.indicators.D01!.prior.raw, sub.submission.indicators.D01!.target.raw]).toEqual([null, 60]);
  });
});

describe("submission: what the unit reported last year and what it was assigned", () => {
  const PRIOR_D01 = {
    severity: "warning",
    rule: "PRIOR_DIFFERS_FROM_LAST_YEAR",
    sheet: "指标",
    cell: "F37",
    indicator: "D01",
    message: "“专利申请”上年同期与上年报送数不一致：上年报送 305，本表填 310（指标!F37）。请核对；确属数据修订的，请在备注（指标!H37）中说明修订原因。",
  };
  const PRIOR_D04 = {
    severity: "warning",
    rule: "PRIOR_DIFFERS_FROM_LAST_YEAR",
    sheet: "指标",
    cell: "F40",
    indicator: "D04",
    message: "“外观设计”上年同期与上年报送数不一致：上年报送 55，本表填 60（指标!F40）。请核对；确属数据修订的，请在备注（指标!H40）中说明修订原因。",
  };
  const TARGET_D01 = {
    severity: "warning",
    rule: "TARGET_DIFFERS",
    sheet: "指标",
    cell: "G37",
    indicator: "D01",
    message: "“专利申请”全年目标与市下达目标不一致：下达 120，本表填 100（指标!G37）。请改为下达的目标；确有调整的，请在备注（指标!H37）中说明依据。",
  };

  it("refused without a 备注: each difference named at its cell", async () => {
    const r = await call(base, "POST", `/api/periods/2025-H1/units/${QY.code}/reports`, { token: qy, bytes: await thisYear() });
    expect([r.status, r.body.code, r.body.unexplained]).toEqual([422, "WARNINGS_UNEXPLAINED", ["指标!F37", "指标!F40", "指标!G37"]]);
    expect(r.body.findings).toEqual([
      { ...PRIOR_D01, explained: false },
      { ...PRIOR_D04, explained: false },
      { ...TARGET_D01, explained: false },
    ]);
  });

  it("accepted with a 备注 on each row; the findings stay with the version (回执, 校验问题)", async () => {
    const r = await call(base, "POST", `/api/periods/2025-H1/units/${QY.code}/reports`, {
      token: qy,
      bytes: await thisYear({ D01: "上年数据经统计局核定后修订为310件；目标经市局同意调整。", D04: "上年数据修订。" }),
    });
    expect(r.status).toBe(201);
    expect(r.body.findings).toEqual([
      { ...PRIOR_D01, explained: true },
      { ...PRIOR_D04, explained: true },
      { ...TARGET_D01, explained: true },
    ]);
  });

  it("the county's consolidation measures 完成率 against its own assigned target (300), not the towns' sum", async () => {
    const res = await call(base, "POST", "/api/periods/2025-H1/consolidations", { token: city, json: { parent: COUNTY, include: "submitted" } });
    expect(res.status).toBe(201);
    expect(res.body.totals.D01).toMatchObject({ current: 320, target: 300, completion: 320 / 300, assigned: true });
  });
});

it("the template's cells named in the findings are the layout's", () => {
  expect([indicatorCell("D01", "prior"), indicatorCell("D04", "prior"), indicatorCell("D01", "target"), indicatorCell("D05", "target"), indicatorCell("E02", "target")]).toEqual(["F37", "F40", "G37", "G41", "G47"]);
});
