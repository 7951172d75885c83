/**
 * The printed lists: `huizong codes -o 登录码.xlsx` against the storage a local server uses (a code
 * from the sheet signs in; the demo codes stop working), and the 报送情况 export (grouped, times in
 * the bureau's zone, deadline days).
 */
// @ts-nocheck

import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import "../cli/codes";
import { runCli } from "../cli/main";
import { demoUnits } from "../templates/samples";
import { call, CITY, COUNTY, goodReport, SECRET, startTestServer, tokenOf } from "./support/functions-server";

const TOWNS = demoUnits(6, COUNTY);
const dir = mkdtempSync(path.join(tmpdir(), "hz-codes-"));
let s: Awaited<ReturnType<typeof startTestServer>>;
// 2026-01-02 10:00 in Beijing.
const NOW = new Date("2026-01-02T02:00:00Z");

beforeAll(async () => {
  s = await startTestServer({ now: () => NOW });
});
afterAll(async () => {
  await s?.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

async function sheetRows(bytes: Uint8Array): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const rows: unknown[][] = [];
  ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
  return rows;
}

describe("huizong codes", () => {
  it("issues a code per roster unit into a printable list; the sheet's code signs in, the old demo code no longer does", async () => {
    const out: string[] = [];
    const err: string[] = [];
    const file = path.join(dir, "登录码.xlsx");
    const saved = { ...process.env };
    Object.assign(process.env, { HUIZONG_STORAGE: "fs", HUIZONG_DATA_DIR: s.dataDir, HUIZONG_JWT_SECRET: SECRET });
    const code = await runCli(["codes", "-o", file], { out: (x) => out.push(x), err: (x) => err.push(x) }).finally(() => {
      process.env = saved;
    });
    expect([code, err, out]).toEqual([0, [], [`已为 8 个单位签发登录码，写入 ${file}。原登录码已作废。`]]);
    const rows = await sheetRows(new Uint8Array(readFileSync(file)));
    expect(rows[0]![0]).toBe("报送系统登录码"); // merged across the table
    expect(rows[2]).toEqual(["单位", "区划代码", "类型", "登录码"]);
    expect(rows.slice(3).map((r) => r.slice(0, 3))).toEqual([
      ["示例市", CITY, "市"],
      ["示例区", COUNTY, "县（市、区）"],
      ...TOWNS.map((t) => [t.name, t.code, t.type]),
    ]);
    const qyCode = String(rows[5]![3]);
    expect(qyCode).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    const signed = await call(s.url, "POST", "/api/session", { json: { code: qyCode } });
    expect([signed.status, signed.body.unit.name]).toEqual([200, "青阳镇"]);
    const demo = s.codes.find((c) => c.unit === TOWNS[0]!.code)!.code;
    expect((await call(s.url, "POST", "/api/session", { json: { code: demo } })).body.code).toBe("CODE_INVALID");
  });

  it("refuses without -o, in Chinese", async () => {
    const err: string[] = [];
    expect(await runCli(["codes"], { out: () => undefined, err: (x) => err.push(x) })).toBe(2);
    expect(err).toEqual(["请用 -o 指定输出文件，例如：huizong codes -o 登录码.xlsx"]);
  });
});

describe("报送情况 export", () => {
  it("lists every unit with its state, overdue and late marks and Beijing times", async () => {
    const city = tokenOf(s, CITY);
    const county = tokenOf(s, COUNTY);
    await call(s.url, "POST", "/api/periods", { token: city, json: { id: "2025-Y", deadline: "2025-12-31T17:00:00+08:00" } });
    const qy = TOWNS[0]!;
    const sent = await call(s.url, "POST", `/api/periods/2025-Y/units/${qy.code}/reports`, { token: tokenOf(s, qy.code), bytes: await goodReport(qy, "2025-Y") });
    expect(sent.status).toBe(201);
    const r = await call(s.url, "GET", `/api/periods/2025-Y/status/export?parent=${COUNTY}`, { token: county });
    expect(r.status).toBe(200);
    expect(r.headers.get("content-disposition")).toContain(encodeURIComponent("2025年全年报送情况.xlsx"));
    const rows = await sheetRows(r.body as Uint8Array);
    expect(rows[0]![0]).toBe("2025年全年报送情况");
    expect(rows[1]![0]).toBe("截止时间 2025年12月31日 17:00（已逾期2天）　导出时间 2026年1月2日 10:00");
    expect(rows[2]).toEqual(["县（市、区）", "单位", "区划代码", "状态", "逾期", "迟报", "填报人", "报送时间", "版本", "退回原因"]);
    const submittedAt = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(new Date(sent.body.submittedAt));
    const part = (t: string) => Number(submittedAt.find((p) => p.type === t)!.value);
    const shown = `${part("year")}年${part("month")}月${part("day")}日 ${String(part("hour")).padStart(2, "0")}:${String(part("minute")).padStart(2, "0")}`;
    // The real upload time is after the deadline, so the report is late (迟报) but not overdue.
    expect(rows[3]).toEqual(["示例区", "青阳镇", qy.code, "已报送", "", "是", "王晓燕", shown, 1, ""]);
    expect(rows.slice(4).map((x) => [x[1], x[3], x[4]])).toEqual(TOWNS.slice(1).map((t) => [t.name, "未报送", "是"]));
    const town = await call(s.url, "GET", `/api/periods/2025-Y/status/export?parent=${COUNTY}`, { token: tokenOf(s, qy.code) });
    expect([town.status, town.body.code]).toEqual([403, "FORBIDDEN_UNIT"]);
  });
});
