/**
 * Running a period over real HTTP (local server, filesystem storage, an injectable clock):
 * deadlines, overdue and late, the reviewer's view of a version (figures, last year, changes),
 * bulk 通过, 催报 reminders with and without a webhook (a receiver on loopback), sign-in codes,
 * slowing down wrong codes, revocation and session expiry.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoUnits, sampleFill } from "../templates/samples";
import { demoCodeLines } from "../functions/local/server";
import { call, CITY, COUNTY, goodReport, startTestServer, tokenOf } from "./support/functions-server";

const TOWNS = demoUnits(6, COUNTY);
const [QY, QH, NS] = [TOWNS[0]!, TOWNS[1]!, TOWNS[2]!];
const HOUR = 3_600_000;

/** The server's clock: real time plus a shift the tests move. */
let shift = 0;
const clock = () => new Date(Date.now() + shift);

let s: Awaited<ReturnType<typeof startTestServer>>;
let base: string;
let city: string, county: string, qy: string;

beforeAll(async () => {
  // The fake group robot listens on loopback: the only robot host this server may post to.
  s = await startTestServer({ now: clock, webhookHosts: ["127.0.0.1"] });
  base = s.url;
  [city, county, qy] = [CITY, COUNTY, QY.code].map((c) => tokenOf(s, c)) as [string, string, string];
});
afterAll(async () => s?.cleanup());

const iso = (ms: number) => new Date(ms).toISOString();

describe("deadline, overdue and late", () => {
  const P = "2026-Q1";
  it("the city opens a period with a deadline; the period list and status return it; a malformed one is refused", async () => {
    const bad = await call(base, "POST", "/api/periods", { token: city, json: { id: P, deadline: "2026-03-31" } });
    expect([bad.status, bad.body.code, bad.body.message]).toEqual([400, "BAD_DEADLINE", "截止时间格式不正确，应为带时区的日期时间，例如 2025-12-31T17:00:00+08:00。"]);
    const opened = await call(base, "POST", "/api/periods", { token: city, json: { id: P, deadline: "2026-03-31T17:00:00+08:00" } });
    expect([opened.status, opened.body.period.deadline]).toEqual([201, "2026-03-31T09:00:00.000Z"]);
    const list = await call(base, "GET", "/api/periods", { token: qy });
    expect(list.body.periods.find((p: { id: string }) => p.id === P).deadline).toBe("2026-03-31T09:00:00.000Z");
    expect(list.body.timeZone).toBe("Asia/Shanghai");
    const st = await call(base, "GET", `/api/periods/${P}/status`, { token: county });
    expect(st.body.period.deadline).toBe("2026-03-31T09:00:00.000Z");
  });

  it("before the deadline nobody is overdue; after it the missing are, a submitted unit is not; a submission past it is late", async () => {
    const P2 = "2026-Q2";
    const deadline = Date.now() + 2 * HOUR;
    await call(base, "POST", "/api/periods", { token: city, json: { id: P2, deadline: iso(deadline) } });
    const onTime = await call(base, "POST", `/api/periods/${P2}/units/${QY.code}/reports`, { token: qy, bytes: await goodReport(QY, P2) });
    expect([onTime.status, onTime.body.late]).toEqual([201, false]);
    let st = await call(base, "GET", `/api/periods/${P2}/status`, { token: county });
    expect(st.body.units.map((u: { code: string; overdue: boolean; late: boolean }) => [u.code, u.overdue, u.late])).toEqual(TOWNS.map((t) => [t.code, false, false]));

    shift = 3 * HOUR; // the server's clock is past the deadline
    st = await call(base, "GET", `/api/periods/${P2}/status`, { token: county });
    expect(st.body.units.map((u: { code: string; overdue: boolean }) => [u.code, u.overdue])).toEqual(TOWNS.map((t) => [t.code, t.code !== QY.code]));
    // Late is judged by the submission's own (stored) time: move the deadline into the past and submit.
    await call(base, "POST", "/api/periods", { token: city, json: { id: P2, deadline: iso(Date.now() - HOUR) } });
    const qh = tokenOf(s, QH.code);
    const late = await call(base, "POST", `/api/periods/${P2}/units/${QH.code}/reports`, { token: qh, bytes: await goodReport(QH, P2) });
    expect([late.status, late.body.late]).toEqual([201, true]);
    st = await call(base, "GET", `/api/periods/${P2}/status`, { token: county });
    const row = (code: string) => st.body.units.find((u: { code: string }) => u.code === code);
    expect([row(QH.code).state, row(QH.code).late, row(QH.code).overdue]).toEqual(["submitted", true, false]);
    expect([row(QY.code).late, row(NS.code).overdue]).toEqual([false, true]);
    const history = await call(base, "GET", `/api/periods/${P2}/units/${QH.code}/reports`, { token: county });
    expect(history.body.versions.map((v: { late: boolean }) => v.late)).toEqual([true]);
    expect(st.body.mergeable).toEqual({ submitted: 2, accepted: 0 });
    shift = 0;
  });
});

describe("the reviewer's view of a version, bulk 通过", () => {
  const P = "2026-H1";
  let v1: string, v2: string;
  it("shows figures with last year's reported figure, warnings with 备注, and what changed between versions", async () => {
    await call(base, "POST", "/api/periods", { token: city, json: { id: "2025-H1" } });
    await call(base, "POST", "/api/periods", { token: city, json: { id: P } });
    // Last year's 本期 is this year's 上年同期 (a 上年同期 that differs is PRIOR_DIFFERS_FROM_LAST_YEAR, needing a 备注).
    const base1 = sampleFill(QY, P, 1).values!;
    const lastYear = await call(base, "POST", `/api/periods/2025-H1/units/${QY.code}/reports`, {
      token: qy,
      bytes: await goodReport(QY, "2025-H1", 7, (f) => {
        for (const [code, v] of Object.entries(f.values!)) v.current = v.prior = base1[code]!.prior!;
      }),
    });
    expect(lastYear.status).toBe(201);
    const first = await call(base, "POST", `/api/periods/${P}/units/${QY.code}/reports`, { token: qy, bytes: await goodReport(QY, P, 1) });
    v1 = first.body.version;
    const back = await call(base, "POST", `/api/periods/${P}/units/${QY.code}/reports/${v1}/review`, { token: county, json: { action: "return", reason: "科普活动场次请核实" } });
    expect(back.status).toBe(200);
    const second = await call(base, "POST", `/api/periods/${P}/units/${QY.code}/reports`, {
      token: qy,
      bytes: await goodReport(QY, P, 1, (f) => {
        f.values!.G01!.current = Number(f.values!.G01!.current) + 2;
        f.narrative = { ...f.narrative, problems: "科普活动场次已按活动台账核实更正。" };
      }),
    });
    v2 = second.body.version;
    const d = await call(base, "GET", `/api/periods/${P}/units/${QY.code}/reports/${v2}?compare=${v1}`, { token: county });
    expect(d.status).toBe(200);
    const detail = d.body.detail;
    expect(detail.changedFigures).toEqual(["G01"]);
    const g01 = detail.figures.find((f: { code: string }) => f.code === "G01");
    expect(g01.delta).toBe(2);
    expect(g01.current - g01.before).toBe(2);
    expect(detail.narrative.map((n: { key: string; changed: boolean }) => [n.key, n.changed])).toEqual([
      ["achievements", false], // written with the fill, before the figure was changed
      ["problems", true],
      ["plans", false],
    ]);
    expect(detail.lastYearPeriod).toBe("2025-H1");
    const lyRecord = await call(base, "GET", `/api/periods/2025-H1/units/${QY.code}/reports/${lastYear.body.version}`, { token: county });
    const d01 = (x: { figures: Array<{ code: string; current: number; lastYearReported: number | null }> }) => x.figures.find((f) => f.code === "D01")!;
    expect(d01(detail).lastYearReported).toBe(d01(lyRecord.body.detail).current);
    expect(lyRecord.body.detail.lastYearPeriod).toBe(null);
    const other = await call(base, "GET", `/api/periods/${P}/units/${QY.code}/reports/${v2}`, { token: tokenOf(s, QH.code) });
    expect([other.status, other.body.code]).toEqual([403, "FORBIDDEN_UNIT"]);
  });

  it("bulk 通过 accepts the versions still latest and unreviewed, and says why it skipped the others", async () => {
    const ns = tokenOf(s, NS.code);
    const nsV = (await call(base, "POST", `/api/periods/${P}/units/${NS.code}/reports`, { token: ns, bytes: await goodReport(NS, P, 3) })).body.version;
    const r = await call(base, "POST", `/api/periods/${P}/reviews`, { token: county, json: { versions: { [QY.code]: v1, [NS.code]: nsV } } });
    expect(r.status).toBe(200);
    expect(r.body.accepted).toEqual([{ unit: NS.code, version: nsV }]);
    expect(r.body.skipped).toEqual([{ unit: QY.code, version: v1, code: "VERSION_SUPERSEDED", message: "该单位已重新上报了更新的版本，只能审核最新版本。请刷新报送情况后重试。" }]);
    const again = await call(base, "POST", `/api/periods/${P}/reviews`, { token: county, json: { versions: { [NS.code]: nsV } } });
    expect(again.body.skipped.map((x: { message: string }) => x.message)).toEqual(["该报表已审核通过，无需再次通过。"]);
    const town = await call(base, "POST", `/api/periods/${P}/reviews`, { token: qy, json: { versions: {} } });
    expect([town.status, town.body.code]).toEqual([403, "FORBIDDEN_ROLE"]);
    const st = await call(base, "GET", `/api/periods/${P}/status`, { token: county });
    expect(st.body.mergeable).toEqual({ submitted: 2, accepted: 1 });
  });
});

describe("催报 reminders", () => {
  const P = "2025-Y";
  let received: Array<{ path: string; body: unknown }> = [];
  let receiver: Server;
  let hookUrl: string;
  beforeAll(async () => {
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        received.push({ path: req.url ?? "", body: JSON.parse(Buffer.concat(chunks).toString("utf8")) });
        res.writeHead(200, { "content-type": "application/json" }).end('{"errcode":0}');
      });
    });
    await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
    hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/cgi-bin/webhook/send?key=test`;
  });
  afterAll(() => new Promise<void>((r) => receiver.close(() => r())));

  it("lists the missing and returned units with the contact they gave last and a ready Chinese text", async () => {
    // 12月31日17:00 Beijing; the clock reads 2 January 2026 10:00 Beijing.
    await call(base, "POST", "/api/periods", { token: city, json: { id: P, deadline: "2025-12-31T17:00:00+08:00" } });
    shift = Date.parse("2026-01-02T02:00:00Z") - Date.now();
    const roster = await call(base, "GET", "/api/roster", { token: city });
    const units = roster.body.units.map((u: { code: string }) => (u.code === NS.code ? { ...u, contact: "李明", phone: "13800001111" } : u));
    expect((await call(base, "PUT", "/api/roster", { token: city, json: { units } })).status).toBe(200);
    const sent = await call(base, "POST", `/api/periods/${P}/units/${QY.code}/reports`, { token: qy, bytes: await goodReport(QY, P) });
    await call(base, "POST", `/api/periods/${P}/units/${QY.code}/reports/${sent.body.version}/review`, { token: county, json: { action: "return", reason: "专利数据与台账不符" } });

    const r = await call(base, "GET", `/api/periods/${P}/reminders`, { token: county });
    expect(r.status).toBe(200);
    expect(r.body.webhook).toBe(false);
    const byCode = new Map(r.body.reminders.map((x: { code: string }) => [x.code, x]));
    expect(r.body.reminders.map((x: { code: string }) => x.code)).toEqual(TOWNS.map((t) => t.code));
    expect(byCode.get(QY.code)).toEqual({
      code: QY.code,
      name: "青阳镇",
      parent: COUNTY,
      state: "returned",
      overdue: true,
      daysOverdue: 2,
      contact: "王晓燕",
      phone: "13905710000",
      contactFrom: "report",
      text: "青阳镇报送的2025年全年科技工作统计报表已退回（原因：专利数据与台账不符），请修改后尽快重新报送，截止时间12月31日17:00已过，已逾期2天。",
    });
    expect(byCode.get(NS.code)).toMatchObject({ state: "missing", contact: "李明", phone: "13800001111", contactFrom: "roster", text: "请南山镇尽快报送2025年全年科技工作统计报表，截止时间12月31日17:00已过，已逾期2天。" });
    expect(byCode.get(QH.code)).toMatchObject({ contact: null, phone: null, contactFrom: null });
    const town = await call(base, "GET", `/api/periods/${P}/reminders`, { token: qy });
    expect([town.status, town.body.code]).toEqual([403, "FORBIDDEN_ROLE"]);
  });

  it.each([
    ["2025-12-30T10:00:00+08:00", "请南山镇于12月31日17:00前报送2025年全年科技工作统计报表，还剩1天。"],
    ["2025-12-31T16:59:00+08:00", "请南山镇于12月31日17:00前报送2025年全年科技工作统计报表，今天截止。"],
    ["2025-12-31T17:01:00+08:00", "请南山镇尽快报送2025年全年科技工作统计报表，截止时间12月31日17:00已过。"],
    ["2026-01-01T00:01:00+08:00", "请南山镇尽快报送2025年全年科技工作统计报表，截止时间12月31日17:00已过，已逾期1天。"],
  ])("at %s the text reads %s", async (at, text) => {
    shift = Date.parse(at) - Date.now();
    const r = await call(base, "GET", `/api/periods/${P}/reminders?parent=${COUNTY}`, { token: city });
    expect(r.body.reminders.find((x: { code: string }) => x.code === NS.code).text).toBe(text);
  });

  it("without a webhook nothing is sent; with one, WeCom and DingTalk get their JSON", async () => {
    shift = Date.parse("2026-01-02T02:00:00Z") - Date.now();
    received = [];
    const none = await call(base, "POST", `/api/periods/${P}/reminders/send`, { token: county });
    expect([none.status, none.body.code]).toEqual([409, "WEBHOOK_NOT_SET"]);
    expect(received).toEqual([]);
    const bad = await call(base, "PUT", "/api/webhook", { token: city, json: { url: "ftp://x", kind: "wecom" } });
    expect([bad.status, bad.body.code]).toEqual([400, "WEBHOOK_INVALID"]);
    // A machine inside the network is never posted to, whatever the city types.
    const inside = await call(base, "PUT", "/api/webhook", { token: city, json: { url: "http://10.0.0.5/cgi-bin/webhook/send?key=x", kind: "wecom" } });
    expect([inside.status, inside.body.code, inside.body.message]).toEqual([
      400,
      "WEBHOOK_INVALID",
      "群机器人地址的主机“10.0.0.5”不在允许的范围内（127.0.0.1）。请使用企业微信或钉钉群机器人的地址；自建企业微信请由管理员在 HUIZONG_WEBHOOK_HOSTS 中加入其主机。",
    ]);
    expect((await call(base, "PUT", "/api/webhook", { token: county, json: { url: hookUrl, kind: "wecom" } })).status).toBe(403);

    expect((await call(base, "PUT", "/api/webhook", { token: city, json: { url: hookUrl, kind: "wecom" } })).status).toBe(200);
    const list = (await call(base, "GET", `/api/periods/${P}/reminders`, { token: county })).body;
    expect(list.webhook).toBe(true);
    const wecom = await call(base, "POST", `/api/periods/${P}/reminders/send`, { token: county });
    expect([wecom.status, wecom.body.sent]).toEqual([200, 6]);
    expect(received).toEqual([
      {
        path: "/cgi-bin/webhook/send?key=test",
        body: { msgtype: "text", text: { content: list.reminders.map((x: { text: string }) => x.text).join("\n"), mentioned_mobile_list: ["13905710000", "13800001111"] } },
      },
    ]);
    await call(base, "PUT", "/api/webhook", { token: city, json: { url: hookUrl, kind: "dingtalk" } });
    received = [];
    await call(base, "POST", `/api/periods/${P}/reminders/send`, { token: city, json: {} });
    expect(received[0]!.body).toMatchObject({ msgtype: "text", at: { atMobiles: ["13905710000", "13800001111"], isAtAll: false } });
    // A robot that is gone: a clear answer, nothing half-done.
    await call(base, "PUT", "/api/webhook", { token: city, json: { url: "http://127.0.0.1:9/gone", kind: "wecom" } });
    const gone = await call(base, "POST", `/api/periods/${P}/reminders/send`, { token: county });
    expect([gone.status, gone.body.code]).toEqual([502, "WEBHOOK_FAILED"]);
    await call(base, "PUT", "/api/webhook", { token: city, json: { url: null } });
    expect((await call(base, "GET", `/api/periods/${P}/reminders`, { token: county })).body.webhook).toBe(false);
    shift = 0;
  });
});

describe("sign-in codes and sessions", () => {
  const session = (code: string) => call(base, "POST", "/api/session", { json: { code } });

  it("the demo start prints one line per unit; a code (any case, with or without the dash) gives a 12-hour session", async () => {
    const lines = demoCodeLines(s.codes);
    expect(lines).toHaveLength(8);
    expect(lines[2]).toMatch(new RegExp(`^登录码 [2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4} ${QY.code} 青阳镇$`));
    const code = s.codes.find((c) => c.unit === NS.code)!.code;
    const r = await session(` ${code.toLowerCase().replace("-", "")} `);
    expect(r.status).toBe(200);
    expect(r.body.unit).toEqual({ code: NS.code, name: "南山镇", role: "unit", type: "乡镇", parent: COUNTY });
    expect(Date.parse(r.body.expiresAt) - Date.now()).toBeGreaterThan(12 * HOUR - 60_000);
    expect(Date.parse(r.body.expiresAt) - Date.now()).toBeLessThanOrEqual(12 * HOUR);
    const me = await call(base, "GET", "/api/me", { token: r.body.token });
    expect([me.status, me.body.unit.code]).toEqual([200, NS.code]);
  });

  it("a wrong code is 401 CODE_INVALID in Chinese; after five, attempts must wait, doubling", async () => {
    const wrong = await session("AAAA-AAAA");
    expect([wrong.status, wrong.body.code, wrong.body.message]).toEqual([401, "CODE_INVALID", "登录码不正确或已停用。请核对市科技局发的登录码（8 位字母和数字，不区分大小写）后重新输入。"]);
    for (let i = 0; i < 5; i++) expect((await session("BBBB-BBBB")).status).toBe(401); // 6 failures: 1 s wait
    const code = s.codes.find((c) => c.unit === QH.code)!.code;
    const waiting = await session(code);
    expect([waiting.status, waiting.body.code, waiting.body.retryAfter]).toEqual([429, "TOO_MANY_ATTEMPTS", 1]);
    expect(waiting.body.message).toBe("登录码输错次数过多，请 1 秒后再试。如果忘记了登录码，请向市科技局索取。");
    shift += 1500;
    expect((await session("CCCC-CCCC")).status).toBe(401); // 7th failure: 2 s
    expect((await session(code)).body.retryAfter).toBe(2);
    shift += 2500;
    const ok = await session(code);
    expect([ok.status, ok.body.unit.code]).toEqual([200, QH.code]);
    expect((await session("DDDD-DDDD")).status).toBe(401); // a right code cleared the count
    expect((await session(code)).status).toBe(200);
    shift = 0;
  });

  it("a new code revokes the old code and its sessions; revoke ends the new one too; only the city issues codes", async () => {
    const oldCode = s.codes.find((c) => c.unit === NS.code)!.code;
    const old = (await session(oldCode)).body.token;
    const denied = await call(base, "POST", "/api/codes", { token: county, json: { units: [NS.code] } });
    expect([denied.status, denied.body.code]).toEqual([403, "FORBIDDEN_ROLE"]);
    const issued = await call(base, "POST", "/api/codes", { token: city, json: { units: [NS.code] } });
    expect(issued.body.codes).toHaveLength(1);
    const fresh = issued.body.codes[0].code as string;
    expect(fresh).not.toBe(oldCode);
    const refused = await call(base, "GET", "/api/me", { token: old });
    expect([refused.status, refused.body.code]).toEqual([401, "AUTH_REVOKED"]);
    expect((await session(oldCode)).body.code).toBe("CODE_INVALID");
    const now = (await session(fresh)).body.token;
    expect((await call(base, "GET", "/api/me", { token: now })).status).toBe(200);
    expect((await call(base, "POST", `/api/codes/${NS.code}/revoke`, { token: city })).status).toBe(200);
    expect((await call(base, "GET", "/api/me", { token: now })).body.code).toBe("AUTH_REVOKED");
    expect((await session(fresh)).body.code).toBe("CODE_INVALID");
  });

  it("a session lasts 12 hours without activity and is renewed by a refresh while in use", async () => {
    const code = (await call(base, "POST", "/api/codes", { token: city, json: { units: [NS.code] } })).body.codes[0].code as string;
    const first = (await session(code)).body.token as string;
    shift = 11 * HOUR;
    const refreshed = await call(base, "POST", "/api/session/refresh", { token: first });
    expect(refreshed.status).toBe(200);
    expect(Date.parse(refreshed.body.expiresAt) - clock().getTime()).toBeGreaterThan(12 * HOUR - 60_000);
    shift = 13 * HOUR; // the first token is past its 12 hours; the refreshed one is not
    expect((await call(base, "GET", "/api/me", { token: first })).body.code).toBe("AUTH_EXPIRED");
    expect((await call(base, "GET", "/api/me", { token: refreshed.body.token })).status).toBe(200);
    shift = 23 * HOUR + 61_000; // 12 hours and a minute after the refresh, untouched
    const expired = await call(base, "GET", "/api/me", { token: refreshed.body.token });
    expect([expired.status, expired.body.code, expired.body.message]).toEqual([401, "AUTH_EXPIRED", "登录已过期（超过 12 小时未使用）。请重新输入登录码。"]);
    const demo = await call(base, "POST", "/api/session/refresh", { token: qy });
    expect([demo.status, demo.body.code]).toEqual([400, "BAD_REQUEST"]);
    shift = 0;
  });
});
