/**
 * The roster as a city clerk keeps it: the 名单 workbook filled in Excel and uploaded (PUT /api/roster
 * with the .xlsx or a CSV), downloaded again to edit (GET /api/roster/workbook), and the first run of a
 * new installation (`huizong codes --roster 名单.xlsx`: store the roster, issue every code, the city's
 * code signs in as the city). Against the real local server and storage folder.
 */
// @ts-nocheck

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import "../cli/codes";
import { runCli } from "../cli/main";
import { buildRosterWorkbook } from "../templates/merge/roster-workbook";
import { call, CITY, COUNTY, SECRET, startTestServer, tokenOf } from "./support/functions-server";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const dir = mkdtempSync(path.join(tmpdir(), "hz-roster-"));
let s: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  await s?.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

type Row = [name: string, code: string | number, parent?: string, type?: string, contact?: string, phone?: string];

/** The blank 名单 workbook filled as a clerk fills it in Excel (codes typed as text, blanks left blank). */
async function filledRoster(rows: Row[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await buildRosterWorkbook()) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet("报送单位名单")!;
  rows.forEach((r, i) => {
    r.forEach((v, k) => {
      if (v !== undefined && v !== "") ws.getCell(i + 2, k + 1).value = v;
    });
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function sheetRows(bytes: Uint8Array): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.getWorksheet("报送单位名单")!;
  const out: unknown[][] = [];
  ws.eachRow((row, n) => {
    if (n > 1) out.push(Array.from({ length: 6 }, (_, k) => (row.values as unknown[])[k + 1] ?? ""));
  });
  return out;
}

const CITY_ROWS: Row[] = [
  ["示例市", CITY],
  ["示例区", COUNTY, "", "", "王强", "0571-88001234"],
  ["青阳镇", "330102001000", "", "", "李芳", "13905710001"],
  ["清河街道", "330102002000"],
  ["东湖县", "330103000000"],
  ["南山镇", "330103001000", "", "乡镇", "", "13905710003"],
];

describe("the roster kept in Excel", () => {
  it("uploads the filled 名单 workbook: blank 单位类型 and 上级代码 come from the codes, contacts are kept", async () => {
    const r = await call(s.url, "PUT", "/api/roster", { token: tokenOf(s, CITY), bytes: await filledRoster(CITY_ROWS) });
    expect(r.status).toBe(200);
    expect(r.body.units).toEqual([
      { code: CITY, name: "示例市", type: "市", parent: null },
      { code: COUNTY, name: "示例区", type: "县（市、区）", parent: CITY, contact: "王强", phone: "0571-88001234" },
      { code: "330102001000", name: "青阳镇", type: "乡镇", parent: COUNTY, contact: "李芳", phone: "13905710001" },
      { code: "330102002000", name: "清河街道", type: "街道", parent: COUNTY },
      { code: "330103000000", name: "东湖县", type: "县（市、区）", parent: CITY },
      { code: "330103001000", name: "南山镇", type: "乡镇", parent: "330103000000", phone: "13905710003" },
    ]);
    const status = await call(s.url, "GET", "/api/periods/2025-Y/status", { token: tokenOf(s, CITY) });
    expect(status.body.units.map((u: { code: string }) => u.code)).toEqual(["330102001000", "330102002000", "330103001000"]);
  });

  it("downloads the stored roster as the same workbook; uploading it unchanged changes nothing", async () => {
    const city = tokenOf(s, CITY);
    const before = (await call(s.url, "GET", "/api/roster", { token: city })).body.units;
    const r = await call(s.url, "GET", "/api/roster/workbook", { token: city });
    expect(r.status).toBe(200);
    expect(r.headers.get("content-disposition")).toContain(encodeURIComponent("报送单位名单.xlsx"));
    expect(await sheetRows(r.body as Uint8Array)).toEqual([
      ["示例市", CITY, "", "市", "", ""],
      ["示例区", COUNTY, CITY, "县（市、区）", "王强", "0571-88001234"],
      ["青阳镇", "330102001000", COUNTY, "乡镇", "李芳", "13905710001"],
      ["清河街道", "330102002000", COUNTY, "街道", "", ""],
      ["东湖县", "330103000000", CITY, "县（市、区）", "", ""],
      ["南山镇", "330103001000", "330103000000", "乡镇", "", "13905710003"],
    ]);
    const again = await call(s.url, "PUT", "/api/roster", { token: city, bytes: r.body as Uint8Array });
    expect([again.status, again.body.units]).toEqual([200, before]);
    const byCounty = await call(s.url, "GET", "/api/roster/workbook", { token: tokenOf(s, COUNTY) });
    expect([byCounty.status, byCounty.body.code]).toEqual([403, "FORBIDDEN_ROLE"]);
  });

  it.each<[string, Row[], string[]]>([
    [
      "every row's mistake at once (a short code, a blank name, a bad 上级代码)",
      [["示例市", CITY], ["青阳镇", "33010200100"], ["", "330102002000"], ["南山镇", "330103001000", "3301"]],
      ["名单第3行“青阳镇”的区划代码“33010200100”应为12位数字。", "名单第4行没有填写单位名称。", "名单第5行“南山镇”的上级代码“3301”应为12位数字。"],
    ],
    [
      "a duplicated code",
      [["示例市", CITY], ["青阳镇", "330102001000"], ["南山镇", "330102001000"]],
      ["名单第4行“南山镇”与第3行的区划代码 330102001000 重复。"],
    ],
    [
      "two cities, a 上级代码 not on the list, a type not in the list",
      [["示例市", CITY], ["另一市", "330200000000"], ["青阳镇", "330102001000", "330199000000"], ["南山镇", "330103001000", CITY, "村"]],
      ["第 4 个单位（南山镇）的单位类型“村”无效，应为 乡镇、街道、县（市、区）、市 之一。"],
    ],
    [
      "two cities and a 上级代码 not on the list",
      [["示例市", CITY], ["另一市", "330200000000"], ["青阳镇", "330102001000", "330199000000"]],
      ["名单中应有且只有一个“市”级单位（现有 2 个）。", "青阳镇（330102001000）的上级单位“330199000000”不在名单中。"],
    ],
    ["an empty sheet", [], ["名单中没有任何单位。请按“名称、区划代码、上级代码”三列填写。"]],
  ])("refuses %s, listing every problem in Chinese, and keeps the stored roster", async (_label, rows, problems) => {
    const city = tokenOf(s, CITY);
    const before = (await call(s.url, "GET", "/api/roster", { token: city })).body.units;
    const r = await call(s.url, "PUT", "/api/roster", { token: city, bytes: await filledRoster(rows) });
    expect([r.status, r.body.code, r.body.problems]).toEqual([400, "ROSTER_INVALID", problems]);
    expect(r.body.message).toMatch(/^报送单位名单有 \d+ 处问题，未保存：/);
    expect((await call(s.url, "GET", "/api/roster", { token: city })).body.units).toEqual(before);
  });

  it("takes a CSV saved from Excel (UTF-8 with BOM) and refuses bytes that are no workbook", async () => {
    const city = tokenOf(s, CITY);
    const csv = new TextEncoder().encode(`\uFEFF名称,区划代码,联系电话\r\n示例市,${CITY},\r\n示例区,${COUNTY},\r\n青阳镇,330102001000,13905710001\r\n`);
    const r = await call(s.url, "PUT", "/api/roster", { token: city, bytes: csv, headers: { "content-type": "text/csv; charset=utf-8" } });
    expect([r.status, r.body.units.map((u: { name: string; type: string; parent: string | null }) => [u.name, u.type, u.parent])]).toEqual([
      200,
      [["示例市", "市", null], ["示例区", "县（市、区）", CITY], ["青阳镇", "乡镇", COUNTY]],
    ]);
    const junk = await call(s.url, "PUT", "/api/roster", { token: city, bytes: new TextEncoder().encode("这不是Excel文件"), headers: { "content-type": XLSX } });
    expect([junk.status, junk.body.code]).toEqual([400, "ROSTER_INVALID"]);
    expect(junk.body.problems).toHaveLength(1);
    expect(junk.body.problems[0]).toMatch(/^名单文件无法读取：.*[\u4e00-\u9fff]/);
  });
});

describe("first run of a new installation: huizong codes --roster", () => {
  const data = path.join(dir, "fresh");
  const run = async (args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const saved = { ...process.env };
    Object.assign(process.env, { HUIZONG_STORAGE: "fs", HUIZONG_DATA_DIR: data, HUIZONG_JWT_SECRET: SECRET });
    const code = await runCli(args, { out: (x) => out.push(x), err: (x) => err.push(x) }).finally(() => {
      process.env = saved;
    });
    return { code, out, err };
  };

  it("refuses a roster with mistakes, listing each, and stores nothing", async () => {
    const file = path.join(dir, "错误名单.xlsx");
    writeFileSync(file, await filledRoster([["示例市", CITY], ["青阳镇", "3301020010"]]));
    expect(await run(["codes", "--roster", file, "-o", path.join(dir, "x.xlsx")])).toEqual({
      code: 2,
      out: [],
      err: ["名单有 1 处问题，没有保存 (ROSTER_INVALID)：", "  名单第3行“青阳镇”的区划代码“3301020010”应为12位数字。"],
    });
  });

  it("stores the roster and issues every unit's code; the city's code signs in as the city on a server with that secret", async () => {
    const file = path.join(dir, "名单.xlsx");
    const list = path.join(dir, "登录码.xlsx");
    writeFileSync(file, await filledRoster(CITY_ROWS));
    expect(await run(["codes", "--roster", file, "-o", list])).toEqual({
      code: 0,
      err: [],
      out: ["已保存报送单位名单：共 6 个单位。", `已为 6 个单位签发登录码，写入 ${list}。原登录码已作废。`],
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(list) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const cityRow = ws.getColumn(2).values.findIndex((v) => v === CITY);
    const cityCode = String(ws.getCell(cityRow, 4).value);
    const server = await startTestServer({ dataDir: data, demo: false });
    try {
      const signed = await call(server.url, "POST", "/api/session", { json: { code: cityCode } });
      expect([signed.status, signed.body.unit]).toEqual([200, { code: CITY, name: "示例市", role: "city", type: "市", parent: null }]);
      const me = await call(server.url, "GET", "/api/roster", { token: signed.body.token });
      expect(me.body.units).toHaveLength(6);
    } finally {
      await server.close();
    }
  });
});
