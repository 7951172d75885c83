/**
 * The whole life of a period over real HTTP against the local server
 * (filesystem storage): open, submit good and bad files, resubmit, return
 * with a reason, resubmit, accept, consolidate, download and open the
 * workbook with exceljs.
 */
// @ts-nocheck

import ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueLink, issueToken } from "../functions/auth/tokens";
import { inspectWorkbook } from "../templates/inspect";
import { REPORT_SHEETS, SUMMARY_COLS, SUMMARY_ROWS } from "../templates/merge/workbook";
import { readErrorMessage } from "../templates/errors";
import { demoUnits } from "../templates/samples";
import { versionKeys } from "../functions/storage/index";
import { MAX_BODY_BYTES } from "../functions/http/event";
import {
  badReport,
  call,
  CITY,
  COUNTY,
  D01_CURRENT,
  G01_CURRENT,
  goodReport,
  startTestServer,
  tokenOf,
  warnedReport,
} from "./support/functions-server";

const TOWNS = demoUnits(6, COUNTY);
const [QY, QH, NS] = [TOWNS[0]!, TOWNS[1]!, TOWNS[2]!];
const P = "2025-H1";
const reports = (unit: string) => `/api/periods/${P}/units/${unit}/reports`;

let s: Awaited<ReturnType<typeof startTestServer>>;
let base: string;
let city: string, county: string, qy: string, qh: string, ns: string;

beforeAll(async () => {
  s = await startTestServer();
  base = s.url;
  [city, county, qy, qh, ns] = [CITY, COUNTY, QY.code, QH.code, NS.code].map((c) => tokenOf(s, c)) as [string, string, string, string, string];
});
afterAll(async () => s?.cleanup());

describe("a period from opening to the consolidated workbook", () => {
  // The steps depend on each other; each `it` is one step of the period's life.
  let v1: string, v2: string, v3: string;
  let qhVersion: string;
  let v1Bytes: Uint8Array;

  it("the city opens the period; a town may not", async () => {
    const denied = await call(base, "POST", "/api/periods", { token: qy, json: { id: P } });
    expect([denied.status, denied.body.code]).toEqual([403, "FORBIDDEN_ROLE"]);
    const bad = await call(base, "POST", "/api/periods", { token: city, json: { id: "2025-13" } });
    expect([bad.status, bad.body.code]).toEqual([400, "BAD_PERIOD"]);
    const opened = await call(base, "POST", "/api/periods", { token: city, json: { id: P } });
    expect(opened.status).toBe(201);
    expect(opened.body.period).toMatchObject({ id: P, label: "2025年上半年", open: true, openedBy: CITY });
    const list = await call(base, "GET", "/api/periods", { token: qy });
    expect(list.body.periods.map((p: { id: string; open: boolean }) => [p.id, p.open])).toEqual([
      ["2025-Y", true],
      [P, true],
    ]);
  });

  it("before anything is submitted every town is missing", async () => {
    const st = await call(base, "GET", `/api/periods/${P}/status`, { token: county });
    expect(st.status).toBe(200);
    expect(st.body.units.map((u: { code: string; state: string }) => [u.code, u.state])).toEqual(TOWNS.map((t) => [t.code, "missing"]));
  });

  it("a file with errors is refused with the task pane's findings", async () => {
    const bytes = await badReport(QY, P);
    const res = await call(base, "POST", reports(QY.code), { token: qy, bytes });
    expect([res.status, res.body.ok, res.body.code]).toEqual([422, false, "REPORT_HAS_ERRORS"]);
    const local = inspectWorkbook(bytes, { expectedPeriod: P });
    if (!local.ok) throw new Error(local.code);
    expect(res.body.findings).toEqual(JSON.parse(JSON.stringify(local.findings)));
    expect(res.body.findings.map((f: { rule: string; sheet: string; cell: string }) => [f.rule, `${f.sheet}!${f.cell}`])).toEqual([["COMPONENTS_SUM", D01_CURRENT]]);
    expect(res.body.message).toContain(D01_CURRENT);
  });

  it("an unexplained warning is refused naming it; explained in 备注 it is accepted", async () => {
    const refused = await call(base, "POST", reports(QY.code), { token: qy, bytes: await warnedReport(QY, undefined, P) });
    expect([refused.status, refused.body.code, refused.body.unexplained]).toEqual([422, "WARNINGS_UNEXPLAINED", [G01_CURRENT]]);
    expect(refused.body.message).toContain(G01_CURRENT);
    expect(refused.body.findings[0]).toMatchObject({ rule: "GROWTH_IMPLAUSIBLE", severity: "warning", explained: false });

    v1Bytes = await warnedReport(QY, "今年承办全市科技活动周", P);
    const ok = await call(base, "POST", reports(QY.code), { token: qy, bytes: v1Bytes });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ ok: true, seq: 1, state: "has_warnings" });
    expect(ok.body.findings.map((f: { rule: string; explained: boolean }) => [f.rule, f.explained])).toEqual([["GROWTH_IMPLAUSIBLE", true]]);
    v1 = ok.body.version;
  });

  it("the town resubmits a clean file: a new version, history kept", async () => {
    const ok = await call(base, "POST", reports(QY.code), { token: qy, bytes: await goodReport(QY, P, 2) });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ seq: 2, state: "submitted", findings: [] });
    v2 = ok.body.version;
    expect(v2 > v1).toBe(true);
    const versions = await call(base, "GET", reports(QY.code), { token: qy });
    expect(versions.body.versions.map((v: { version: string; seq: number; state: string }) => [v.version, v.seq, v.state])).toEqual([
      [v1, 1, "has_warnings"],
      [v2, 2, "submitted"],
    ]);
    // The first original is still there, byte for byte.
    expect(await s.ctx.store.exists(versionKeys(P, QY.code, v1).xlsx)).toBe(true);
  });

  it("the county returns it with a reason; the town sees the reason", async () => {
    const noReason = await call(base, "POST", `${reports(QY.code)}/${v2}/review`, { token: county, json: { action: "return", reason: "  " } });
    expect([noReason.status, noReason.body.code]).toEqual([400, "REASON_REQUIRED"]);
    const byTown = await call(base, "POST", `${reports(QY.code)}/${v2}/review`, { token: qy, json: { action: "accept" } });
    expect([byTown.status, byTown.body.code]).toEqual([403, "FORBIDDEN_ROLE"]);
    const returned = await call(base, "POST", `${reports(QY.code)}/${v2}/review`, { token: county, json: { action: "return", reason: "技术合同成交额与市科技局登记数不符，请核实" } });
    expect(returned.status).toBe(200);
    expect(returned.body.review).toMatchObject({ version: v2, action: "return", by: { code: COUNTY, role: "county" } });

    const mine = await call(base, "GET", `/api/periods/${P}/status`, { token: qy });
    expect(mine.body.units).toHaveLength(1);
    expect(mine.body.units[0]).toMatchObject({ code: QY.code, state: "returned", version: v2, seq: 2, returnReason: "技术合同成交额与市科技局登记数不符，请核实" });
  });

  it("the town resubmits; the old version can no longer be reviewed; the county accepts the new one", async () => {
    const ok = await call(base, "POST", reports(QY.code), { token: qy, bytes: await goodReport(QY, P, 3) });
    expect(ok.body).toMatchObject({ seq: 3, state: "submitted" });
    v3 = ok.body.version;
    const mine = await call(base, "GET", `/api/periods/${P}/status`, { token: qy });
    expect(mine.body.units[0]).toMatchObject({ state: "submitted", version: v3, returnReason: null });

    const stale = await call(base, "POST", `${reports(QY.code)}/${v2}/review`, { token: county, json: { action: "accept" } });
    expect([stale.status, stale.body.code]).toEqual([409, "VERSION_SUPERSEDED"]);
    const unknown = await call(base, "POST", `${reports(QY.code)}/v20250101T000000000Z-00000000/review`, { token: county, json: { action: "accept" } });
    expect([unknown.status, unknown.body.code]).toEqual([404, "VERSION_NOT_FOUND"]);
    const accepted = await call(base, "POST", `${reports(QY.code)}/${v3}/review`, { token: county, json: { action: "accept" } });
    expect(accepted.body.review).toMatchObject({ version: v3, action: "accept", reason: "" });
  });

  it("two more towns submit; the county sees every state", async () => {
    const a = await call(base, "POST", reports(QH.code), { token: qh, bytes: await goodReport(QH, P, 11) });
    qhVersion = a.body.version;
    await call(base, "POST", `${reports(QH.code)}/${qhVersion}/review`, { token: city, json: { action: "accept" } });
    const b = await call(base, "POST", reports(NS.code), { token: ns, bytes: await goodReport(NS, P, 12) });
    expect(b.status).toBe(201);
    const st = await call(base, "GET", `/api/periods/${P}/status?parent=${COUNTY}`, { token: county });
    expect(st.body.units.map((u: { name: string; state: string; seq: number }) => [u.name, u.state, u.seq])).toEqual([
      ["青阳镇", "accepted", 3],
      ["清河街道", "accepted", 1],
      ["南山镇", "submitted", 1],
      ["东湖街道", "missing", 0],
      ["白塔镇", "missing", 0],
      ["西溪街道", "missing", 0],
    ]);
    expect(st.body.units[0]).toMatchObject({ preparer: "王晓燕", submittedBy: { code: QY.code, name: "青阳镇", role: "unit" } });
  });

  it("the county consolidates the accepted reports; the link downloads a workbook with the exact sums", async () => {
    const res = await call(base, "POST", `/api/periods/${P}/consolidations`, { token: county, json: { parent: COUNTY, include: "accepted" } });
    expect(res.status).toBe(201);
    expect(res.body.versions).toEqual({ [QY.code]: v3, [QH.code]: qhVersion });
    expect(res.body.missing).toEqual([NS.code, TOWNS[3]!.code, TOWNS[4]!.code, TOWNS[5]!.code]);
    expect(res.body.counts).toMatchObject({ expected: 6, submitted: 2, missing: 4 });
    expect(res.body.fileName).toBe("示例区2025年上半年科技工作情况汇总表.xlsx");
    expect(res.body.download.url.startsWith(`${base}/api/download?t=`)).toBe(true);

    const file = await call(base, "GET", res.body.download.url);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-disposition")).toContain(`filename*=UTF-8''${encodeURIComponent("示例区2025年上半年科技工作情况汇总表.xlsx")}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.body);
    const summary = wb.getWorksheet(REPORT_SHEETS.summary)!;
    // 专利申请 (D01) current: the sum of the two accepted towns' figures.
    const fillQy = (await import("../templates/samples")).sampleFill(QY, P, 3);
    const fillQh = (await import("../templates/samples")).sampleFill(QH, P, 11);
    const cell = summary.getCell(`${SUMMARY_COLS.current}${SUMMARY_ROWS.D01}`);
    const value = typeof cell.value === "object" && cell.value !== null && "result" in cell.value ? cell.value.result : cell.value;
    expect(value).toBe(Number(fillQy.values!.D01!.current) + Number(fillQh.values!.D01!.current));
    expect(res.body.totals.D01.current).toBe(value);

    // The drafted summary is stored beside the workbook and has its own link.
    expect(res.body.draftFileName).toBe("示例区2025年上半年科技工作情况汇总（初稿）.docx");
    const draft = await call(base, "GET", res.body.draftDownload.url);
    expect(draft.status).toBe(200);
    expect(draft.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(draft.headers.get("content-disposition")).toContain(`filename*=UTF-8''${encodeURIComponent("示例区2025年上半年科技工作情况汇总（初稿）.docx")}`);
    const documentXml = new TextDecoder().decode(unzipSync(new Uint8Array(draft.body))["word/document.xml"]!);
    expect(documentXml).toContain("示例区2025年上半年");
    expect(documentXml).toContain(`全区专利申请${value}件`);
  });

  it("include=submitted takes every town's latest version; the city may consolidate the county, a town may not", async () => {
    const res = await call(base, "POST", `/api/periods/${P}/consolidations`, { token: city, json: { parent: COUNTY, include: "submitted" } });
    expect(res.status).toBe(201);
    expect(Object.keys(res.body.versions)).toEqual([QY.code, QH.code, NS.code]);
    const byTown = await call(base, "POST", `/api/periods/${P}/consolidations`, { token: qy, json: { parent: COUNTY } });
    expect([byTown.status, byTown.body.code]).toEqual([403, "FORBIDDEN_ROLE"]);
    const countyForCity = await call(base, "POST", `/api/periods/${P}/consolidations`, { token: county, json: { parent: CITY } });
    expect([countyForCity.status, countyForCity.body.code]).toEqual([403, "FORBIDDEN_UNIT"]);
    const cityWide = await call(base, "POST", `/api/periods/${P}/consolidations`, { token: city, json: { parent: CITY } });
    expect(cityWide.body.counts).toMatchObject({ expected: 6, submitted: 2 });
  });

  it("an original downloads by a link for the town and its county; not for another town", async () => {
    const link = await call(base, "GET", `${reports(QY.code)}/${v1}/link`, { token: county });
    expect(link.status).toBe(200);
    const file = await call(base, "GET", link.body.url);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(Buffer.from(file.body).equals(Buffer.from(v1Bytes))).toBe(true);
    const other = await call(base, "GET", `${reports(QY.code)}/${v1}/link`, { token: qh });
    expect([other.status, other.body.code]).toEqual([403, "FORBIDDEN_UNIT"]);
  });

  it("a tampered link is 403, an expired one 410, a missing one 400", async () => {
    const link = await call(base, "GET", `${reports(QY.code)}/${v3}/link`, { token: qy });
    const url = new URL(link.body.url);
    const t = url.searchParams.get("t")!;
    const [h, p, sig] = t.split(".") as [string, string, string];
    const claims = JSON.parse(Buffer.from(p, "base64url").toString());
    const forged = `${h}.${Buffer.from(JSON.stringify({ ...claims, k: versionKeys(P, QH.code, qhVersion).xlsx })).toString("base64url")}.${sig}`;
    const tampered = await call(base, "GET", `/api/download?t=${forged}`);
    expect([tampered.status, tampered.body.code, tampered.body.message]).toEqual([403, "LINK_INVALID", "下载链接无效（可能被修改或复制不完整）。请回到任务窗格重新获取下载链接。"]);
    const old = await issueLink(s.ctx.keys, { key: versionKeys(P, QY.code, v3).xlsx, name: "x.xlsx" }, 60, Date.now() - 3600_000);
    const expired = await call(base, "GET", `/api/download?t=${old.token}`);
    expect([expired.status, expired.body.code, expired.body.message]).toEqual([410, "LINK_EXPIRED", "下载链接已过期。请回到任务窗格重新获取下载链接。"]);
    const missing = await call(base, "GET", "/api/download");
    expect([missing.status, missing.body.code]).toEqual([400, "LINK_MISSING"]);
    // A credential is not a download link.
    const asLink = await call(base, "GET", `/api/download?t=${qy}`);
    expect([asLink.status, asLink.body.code]).toEqual([403, "LINK_INVALID"]);
  });

  it("once closed, the period refuses submissions with 409", async () => {
    const closed = await call(base, "POST", `/api/periods/${P}/close`, { token: city });
    expect(closed.body.period).toMatchObject({ id: P, open: false, closedBy: CITY });
    const res = await call(base, "POST", reports(QY.code), { token: qy, bytes: await goodReport(QY, P, 4) });
    expect([res.status, res.body.code]).toEqual([409, "PERIOD_NOT_OPEN"]);
  });
});

describe("refusals with clear answers", () => {
  const Y = "2025-Y";
  const yReports = (unit: string) => `/api/periods/${Y}/units/${unit}/reports`;

  it.each([
    ["no credential", undefined, 401, "AUTH_REQUIRED"],
    ["a malformed credential", "not-a-jwt", 401, "AUTH_INVALID"],
    ["a credential signed with another secret", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIzMzAxMDIwMDEwMDAiLCJyb2xlIjoidW5pdCJ9.c2lnbmF0dXJl", 401, "AUTH_INVALID"],
  ])("%s → %i %s", async (_label, token, status, code) => {
    const res = await call(base, "GET", "/api/me", token ? { token } : {});
    expect([res.status, res.body.ok, res.body.code]).toEqual([status, false, code]);
    expect(res.body.message).toMatch(/登录码/);
  });

  it("an expired credential → 401 AUTH_EXPIRED", async () => {
    const old = await issueToken(s.ctx.keys, { sub: QY.code, role: "unit", name: "青阳镇" }, 60, Date.now() - 7200_000);
    const res = await call(base, "GET", "/api/me", { token: old });
    expect([res.status, res.body.code, res.body.message]).toEqual([401, "AUTH_EXPIRED", "登录已过期（超过 12 小时未使用）。请重新输入登录码。"]);
  });

  it("a credential for a unit not on the roster may do nothing", async () => {
    const ghost = await issueToken(s.ctx.keys, { sub: "330102099000", role: "unit", name: "幽灵镇" }, 600);
    const res = await call(base, "POST", yReports("330102099000"), { token: ghost, bytes: await goodReport({ name: "幽灵镇", code: "330102099000", type: "乡镇" }, Y) });
    expect([res.status, res.body.code]).toEqual([403, "FORBIDDEN_UNIT"]);
    for (const path of ["/api/me", "/api/periods/2025-Y/status"]) {
      const r = await call(base, "GET", path, { token: ghost });
      expect([path, r.status, r.body.code]).toEqual([path, 403, "FORBIDDEN_UNIT"]);
    }
  });

  it("/api/me says who the token is", async () => {
    const res = await call(base, "GET", "/api/me", { token: county });
    expect(res.body).toEqual({ ok: true, unit: { code: COUNTY, name: "示例区", role: "county", type: "县（市、区）", parent: CITY } });
  });

  it("a town submits only for itself (403), and only its own file (422 naming the cover cell)", async () => {
    const other = await call(base, "POST", yReports(QY.code), { token: qh, bytes: await goodReport(QY, Y) });
    expect([other.status, other.body.code]).toEqual([403, "FORBIDDEN_UNIT"]);
    const wrongFile = await call(base, "POST", yReports(QY.code), { token: qy, bytes: await goodReport(QH, Y) });
    expect(wrongFile.status).toBe(422);
    expect(wrongFile.body).toMatchObject({ code: "UNIT_MISMATCH", expected: QY.code, found: QH.code, cell: "封面!C6" });
    expect(wrongFile.body.message).toContain(QH.code);
  });

  it.each([
    ["an .xls (CFB) file", Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]), 415, "NOT_XLSX_XLS"],
    ["a CSV file", new TextEncoder().encode("名称,区划代码\n青阳镇,330102001000\n"), 415, "NOT_XLSX_CSV"],
    ["an HTML export named .xls", new TextEncoder().encode("<html><body><table><tr><td>1</td></tr></table></body></html>"), 415, "NOT_XLSX_HTML"],
    ["an empty body", new Uint8Array(0), 422, "EMPTY_FILE"],
  ])("%s → %i %s with the core's Chinese message", async (_label, bytes, status, code) => {
    const res = await call(base, "POST", yReports(QY.code), { token: qy, bytes });
    expect([res.status, res.body.code]).toEqual([status, code]);
    expect(res.body.message.startsWith(readErrorMessage(code as Parameters<typeof readErrorMessage>[0]))).toBe(true);
  });

  it("a report for another period than the URL's is refused (PERIOD_MISMATCH finding)", async () => {
    const res = await call(base, "POST", yReports(QY.code), { token: qy, bytes: await goodReport(QY, "2025-H1") });
    expect([res.status, res.body.code]).toEqual([422, "REPORT_HAS_ERRORS"]);
    expect(res.body.findings.map((f: { rule: string }) => f.rule)).toContain("PERIOD_MISMATCH");
  });

  it.each([
    ["a period never opened", "/api/periods/2024-Q3/units/330102001000/reports", 409, "PERIOD_NOT_OPEN"],
    ["a malformed period", "/api/periods/2025-Q5/units/330102001000/reports", 400, "BAD_PERIOD"],
    ["a malformed unit", "/api/periods/2025-Y/units/3301/reports", 400, "BAD_UNIT"],
  ])("%s → %i %s", async (_label, path, status, code) => {
    const res = await call(base, "POST", path, { token: qy, bytes: await goodReport(QY, Y) });
    expect([res.status, res.body.code]).toEqual([status, code]);
  });

  it("a body over 5 MB is refused with 413 while streaming", async () => {
    const { request } = await import("node:http");
    const url = new URL(`${base}${yReports(QY.code)}`);
    const answer = await new Promise<{ status: number; body: string; sent: number }>((resolve, reject) => {
      let sent = 0;
      const req = request(
        { hostname: url.hostname, port: url.port, path: url.pathname, method: "POST", headers: { authorization: `Bearer ${qy}`, "transfer-encoding": "chunked" } },
        (res) => {
          let body = "";
          res.setEncoding("utf8");
          res.on("data", (c: string) => (body += c));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, body, sent }));
        },
      );
      req.on("error", (err) => (sent > 5 * 1024 * 1024 ? undefined : reject(err)));
      const chunk = Buffer.alloc(256 * 1024, 1);
      const pump = () => {
        while (sent < 20 * 1024 * 1024) {
          sent += chunk.byteLength;
          if (!req.write(chunk)) return void req.once("drain", pump);
        }
        req.end();
      };
      pump();
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({ ok: false, code: "PAYLOAD_TOO_LARGE" });
    // The answer came while the client was past the limit; the server reads and discards the rest
    // (never keeps it), so the client reads the 413 instead of a connection reset.
    expect(answer.sent).toBeGreaterThan(5 * 1024 * 1024);
  });

  it("a declared Content-Length over 5 MB is refused before reading", async () => {
    const { request } = await import("node:http");
    const url = new URL(`${base}${yReports(QY.code)}`);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ hostname: url.hostname, port: url.port, path: url.pathname, method: "POST", headers: { authorization: `Bearer ${qy}`, "content-length": String(6 * 1024 * 1024) } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on("error", reject);
      req.write(Buffer.alloc(1024));
    });
    expect(status).toBe(413);
  });

  it("unknown routes answer JSON 404", async () => {
    const res = await call(base, "GET", "/api/nothing-here", { token: qy });
    expect([res.status, res.body.code]).toEqual([404, "ROUTE_NOT_FOUND"]);
  });
});

describe("roster and setup", () => {
  it("everyone sees only the part of the roster they may read", async () => {
    const asTown = await call(base, "GET", "/api/roster", { token: qy });
    expect(asTown.body.units.map((u: { code: string }) => u.code)).toEqual([QY.code]);
    const asCounty = await call(base, "GET", "/api/roster", { token: county });
    expect(asCounty.body.units.map((u: { code: string }) => u.code)).toEqual([COUNTY, ...TOWNS.map((t) => t.code)]);
    const asCity = await call(base, "GET", "/api/roster", { token: city });
    expect(asCity.body.units).toHaveLength(8);
  });

  it("the city replaces the roster; invalid rosters are refused with every problem in Chinese", async () => {
    const bad = await call(base, "PUT", "/api/roster", {
      token: city,
      json: { units: [{ code: CITY, name: "示例市", type: "市" }, { code: "33010200100", name: "短码镇", type: "乡镇", parent: CITY }, { code: "330102007000", name: "孤儿镇", type: "乡镇", parent: "330199000000" }] },
    });
    expect([bad.status, bad.body.code]).toEqual([400, "ROSTER_INVALID"]);
    expect(bad.body.problems).toEqual(["第 2 个单位（短码镇）的区划代码“33010200100”不是 12 位数字。"]);
    const byCounty = await call(base, "PUT", "/api/roster", { token: county, json: { units: [] } });
    expect([byCounty.status, byCounty.body.code]).toEqual([403, "FORBIDDEN_ROLE"]);

    const current = await call(base, "GET", "/api/roster", { token: city });
    const units = [...current.body.units, { code: "330102007000", name: "龙泉镇", type: "乡镇", parent: COUNTY }];
    const saved = await call(base, "PUT", "/api/roster", { token: city, json: { units } });
    expect(saved.status).toBe(200);
    expect(saved.body.units).toHaveLength(9);
    const st = await call(base, "GET", "/api/periods/2025-Y/status", { token: county });
    expect(st.body.units.at(-1)).toMatchObject({ code: "330102007000", name: "龙泉镇", state: "missing" });
  });
});

describe("the local server's other duties", () => {
  it("/ redirects to the task pane; office.js and its companion files are served from the build; the blank template downloads", async () => {
    const root = await call(base, "GET", "/");
    expect([root.status, root.headers.get("location")]).toEqual([302, "/addin/taskpane.html"]);
    for (const file of ["office.js", "excel-win32-16.01.js", "excel-web-16.00.js", "zh-cn/office_strings.js"]) {
      const office = await fetch(`${base}/addin/office-js/${file}`);
      expect([file, office.status, office.headers.get("content-type")]).toEqual([file, 200, "text/javascript; charset=utf-8"]);
      expect((await office.text()).length).toBeGreaterThan(1000);
    }
    const preflight = await fetch(`${base}/api/periods`, { method: "OPTIONS", headers: { origin: "https://pane.example", "access-control-request-method": "POST" } });
    // No HUIZONG_CORS_ORIGINS configured: same origin only, so another origin gets no allow header (never `*`).
    expect([preflight.status, preflight.headers.get("access-control-allow-origin"), preflight.headers.get("access-control-allow-headers")]).toEqual([204, null, null]);
    const traversal = await fetch(`${base}/addin/..%2F..%2Fpackage.json`);
    expect(traversal.status).toBe(404);
    const tpl = await call(base, "GET", "/api/template");
    expect(tpl.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(tpl.body);
    expect(wb.worksheets.map((w) => w.name)).toContain("封面");
  });

  it("logs one structured line per request with request id, caller, unit, period, outcome and ms", async () => {
    const lines: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    s.ctx.logger.setLogLevel("INFO");
    process.stdout.write = ((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    }) as typeof process.stdout.write;
    try {
      await call(base, "GET", `/api/periods/2025-Y/units/${QY.code}/reports`, { token: qy });
      // Refused while streaming, before any handler: logged by the server itself.
      await call(base, "POST", `/api/periods/2025-Y/units/${QY.code}/reports`, { token: qy, bytes: new Uint8Array(MAX_BODY_BYTES + 1) });
      await new Promise((r) => setTimeout(r, 50));
    } finally {
      process.stdout.write = write;
      s.ctx.logger.setLogLevel("SILENT");
    }
    const logged = lines.map((l) => JSON.parse(l)).filter((l) => l.message === "request");
    expect(logged).toHaveLength(2);
    expect(logged[0]).toMatchObject({ level: "INFO", service: "huizong", route: "GET /api/periods/{period}/units/{unit}/reports", caller: QY.code, unit: QY.code, period: "2025-Y", status: 200, outcome: "ok" });
    expect(typeof logged[0].requestId).toBe("string");
    expect(typeof logged[0].ms).toBe("number");
    expect(logged[1]).toMatchObject({ level: "INFO", method: "POST", status: 413, outcome: "PAYLOAD_TOO_LARGE" });
  });
});

describe("time bounds of the local server", () => {
  it("answers 408 REQUEST_TIMEOUT (JSON) when a body does not arrive in time", async () => {
    const slow = await startTestServer({ bodyTimeoutMs: 300 });
    try {
      const { request } = await import("node:http");
      const url = new URL(`${slow.url}/api/periods/2025-Y/units/${QY.code}/reports`);
      const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = request({ hostname: url.hostname, port: url.port, path: url.pathname, method: "POST", headers: { authorization: `Bearer ${tokenOf(slow, QY.code)}`, "content-length": "1000" } }, (res) => {
          let body = "";
          res.setEncoding("utf8");
          res.on("data", (c: string) => (body += c));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
        });
        req.on("error", reject);
        req.write(Buffer.alloc(100));
      });
      expect(answer.status).toBe(408);
      expect(JSON.parse(answer.body)).toEqual({ ok: false, code: "REQUEST_TIMEOUT", message: "上传超时：文件没有在规定时间内传完（网络可能太慢或中断）。请检查网络后重新上报。" });
    } finally {
      await slow.cleanup();
    }
  });
});
