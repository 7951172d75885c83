/**
 * 催报 (functions/service/reminders.ts) called directly, in process (the mutation run uses it): the
 * reminder's wording in every situation at the edges of the bureau's calendar day, who is reminded
 * and with which contact, the robot URLs a city may set, the JSON each robot gets, and the push to a
 * receiver on loopback (answered, refused, unreachable, silent, redirected).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openPeriod, type PeriodInfo } from "../functions/service/periods";
import { checkWebhookUrl, getWebhook, pushReminders, reminderText, reminders, setWebhook, webhookBody, type Reminder, type WebhookConfig } from "../functions/service/reminders";
import { submitReport, type Actor, type StatusRow } from "../functions/service/reports";
import type { RosterUnit } from "../functions/service/roster";
import { FsObjectStore, StorageUnavailable } from "../functions/storage/index";
import { FaultyStore } from "./support/faulty-store";
import { goodReport } from "./support/functions-server";

const TZ = "Asia/Shanghai";
/** 17:00 on 31 December in Shanghai. */
const DEADLINE = "2025-12-31T09:00:00.000Z";
const period = (deadline?: string): PeriodInfo => ({ id: "2025-Y", label: "2025年全年", open: true, openedAt: "2025-12-01T00:00:00.000Z", openedBy: "市科技局", ...(deadline ? { deadline } : {}) });
const TITLE = "2025年全年科技工作统计报表";

describe("the reminder's wording", () => {
  it.each([
    ["no deadline: 尽快, nothing about days", undefined, "2025-12-30T00:00:00Z", `请青阳镇尽快报送${TITLE}。`],
    ["two calendar days before (23:59:59 on the 29th in Shanghai)", DEADLINE, "2025-12-29T15:59:59Z", `请青阳镇于12月31日17:00前报送${TITLE}，还剩2天。`],
    ["the last second of the day before (23:59:59 in Shanghai)", DEADLINE, "2025-12-30T15:59:59Z", `请青阳镇于12月31日17:00前报送${TITLE}，还剩1天。`],
    ["midnight of the deadline's day", DEADLINE, "2025-12-30T16:00:00Z", `请青阳镇于12月31日17:00前报送${TITLE}，今天截止。`],
    ["the deadline's very millisecond: not yet past", DEADLINE, DEADLINE, `请青阳镇于12月31日17:00前报送${TITLE}，今天截止。`],
    ["one millisecond past, the same day", DEADLINE, "2025-12-31T09:00:00.001Z", `请青阳镇尽快报送${TITLE}，截止时间12月31日17:00已过。`],
    ["23:59:59 of the deadline's day", DEADLINE, "2025-12-31T15:59:59Z", `请青阳镇尽快报送${TITLE}，截止时间12月31日17:00已过。`],
    ["midnight after: one day overdue", DEADLINE, "2025-12-31T16:00:00Z", `请青阳镇尽快报送${TITLE}，截止时间12月31日17:00已过，已逾期1天。`],
    ["ten days after", DEADLINE, "2026-01-10T01:00:00Z", `请青阳镇尽快报送${TITLE}，截止时间12月31日17:00已过，已逾期10天。`],
  ])("missing, %s", (_what, deadline, now, text) => {
    expect(reminderText("青阳镇", "missing", null, period(deadline), new Date(now), TZ)).toBe(text);
  });

  it.each([
    ["with the reviewer's reason", "专利数据有误", undefined, `青阳镇报送的${TITLE}已退回（原因：专利数据有误），请修改后尽快重新报送。`],
    ["without a reason", null, undefined, `青阳镇报送的${TITLE}已退回（原因：见审核意见），请修改后尽快重新报送。`],
    ["with an empty reason", "", DEADLINE, `青阳镇报送的${TITLE}已退回（原因：见审核意见），请修改后于12月31日17:00前重新报送，还剩1天。`],
    ["a reason ending in 。 closes no sentence inside the brackets", "科普活动场次与台账不符，请核实后重新上报。", undefined, `青阳镇报送的${TITLE}已退回（原因：科普活动场次与台账不符，请核实后重新上报），请修改后尽快重新报送。`],
    ["a reason ending in ；and a space", "专利数据有误； ", undefined, `青阳镇报送的${TITLE}已退回（原因：专利数据有误），请修改后尽快重新报送。`],
    ["a reason ending in a full stop of Latin type", "Patent figures wrong.", undefined, `青阳镇报送的${TITLE}已退回（原因：Patent figures wrong），请修改后尽快重新报送。`],
  ])("returned, %s", (_what, reason, deadline, text) => {
    expect(reminderText("青阳镇", "returned", reason, period(deadline), new Date("2025-12-30T02:00:00Z"), TZ)).toBe(text);
  });

  it("returned and overdue: 尽快, with the deadline named as passed", () => {
    expect(reminderText("青阳镇", "returned", "专利数据有误", period(DEADLINE), new Date("2026-01-02T02:00:00Z"), TZ)).toBe(`青阳镇报送的${TITLE}已退回（原因：专利数据有误），请修改后尽快重新报送，截止时间12月31日17:00已过，已逾期2天。`);
  });

  it("the bureau's time zone decides the calendar day: 01:00 UTC on 31 December is 09:00 there (今天截止), 16:59 on the 30th in New York (还剩1天)", () => {
    expect(reminderText("青阳镇", "missing", null, period(DEADLINE), new Date("2025-12-31T01:00:00Z"), TZ)).toBe(`请青阳镇于12月31日17:00前报送${TITLE}，今天截止。`);
    expect(reminderText("青阳镇", "missing", null, period(DEADLINE), new Date("2025-12-31T01:00:00Z"), "America/New_York")).toBe(`请青阳镇于12月31日04:00前报送${TITLE}，还剩1天。`);
  });
});

describe("who is reminded, and through whom", () => {
  const COUNTY: Actor = { code: "330102000000", name: "区科技局", role: "county" };
  const unit = (n: number, extra: Partial<RosterUnit> = {}): RosterUnit => ({ code: `330102${String(n).padStart(3, "0")}000`, name: `第${n}镇`, type: "乡镇", parent: COUNTY.code, ...extra });
  const row = (u: RosterUnit, state: StatusRow["state"], extra: Partial<StatusRow> = {}): StatusRow => ({
    code: u.code,
    name: u.name,
    type: u.type,
    parent: u.parent,
    state,
    version: null,
    seq: 0,
    preparer: null,
    submittedAt: null,
    submittedBy: null,
    warnings: 0,
    returnReason: null,
    review: null,
    late: false,
    overdue: false,
    ...extra,
  });
  let report: Uint8Array;
  let dir: string;
  let store: FsObjectStore;
  beforeAll(async () => {
    report = await goodReport({ code: unit(1).code, name: unit(1).name, type: "乡镇" });
  }, 60_000);
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "hz-reminders-"));
    store = new FsObjectStore({ root: dir });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("only the units that owe a report, in the rows' order: missing and returned; submitted, has_warnings and accepted are left out", async () => {
    const units = [unit(1), unit(2), unit(3), unit(4), unit(5)];
    const rows = [row(units[0]!, "submitted"), row(units[1]!, "missing"), row(units[2]!, "accepted"), row(units[3]!, "has_warnings"), row(units[4]!, "missing")];
    const list = await reminders(store, period(), rows, units, new Date("2025-12-30T00:00:00Z"), TZ);
    expect(list.map((r) => [r.code, r.state])).toEqual([
      [units[1]!.code, "missing"],
      [units[4]!.code, "missing"],
    ]);
  });

  it("a missing unit: the roster's contact and phone; either alone; neither", async () => {
    const units = [unit(1, { contact: "张敏", phone: "13800000001" }), unit(2, { contact: "李华" }), unit(3, { phone: "0571-87654321" }), unit(4)];
    const list = await reminders(store, period(), units.map((u) => row(u, "missing")), units, new Date("2025-12-30T00:00:00Z"), TZ);
    expect(list.map((r) => [r.contact, r.phone, r.contactFrom])).toEqual([
      ["张敏", "13800000001", "roster"],
      ["李华", null, "roster"],
      [null, "0571-87654321", "roster"],
      [null, null, null],
    ]);
  });

  it("a returned unit: the 填报人 and phone its own latest report gives, over the roster's; with the reason in the text", async () => {
    await openPeriod(store, "2025-Y", "市科技局", new Date("2025-12-01T00:00:00Z"));
    const u = unit(1, { contact: "张敏", phone: "13800000001" });
    const r = await submitReport(store, { periodId: "2025-Y", unitCode: u.code, bytes: report, by: { code: u.code, name: "王晓燕", role: "town" } });
    expect(r.ok).toBe(true);
    const [one] = await reminders(store, period(), [row(u, "returned", { returnReason: "数据有误" })], [u], new Date("2025-12-30T00:00:00Z"), TZ);
    expect(one).toEqual({
      code: u.code,
      name: u.name,
      parent: COUNTY.code,
      state: "returned",
      overdue: false,
      daysOverdue: 0,
      contact: "王晓燕",
      phone: "13905710000",
      contactFrom: "report",
      text: `第1镇报送的${TITLE}已退回（原因：数据有误），请修改后尽快重新报送。`,
    } satisfies Reminder);
  });

  it("a unit not on the roster given: no contact at all", async () => {
    const u = unit(8, { contact: "周强" });
    const [one] = await reminders(store, period(), [row(u, "missing")], [], new Date("2025-12-30T00:00:00Z"), TZ);
    expect([one!.contact, one!.phone, one!.contactFrom]).toEqual([null, null, null]);
  });

  it("a returned unit whose report is not found falls back to the roster", async () => {
    const u = unit(7, { contact: "周强" });
    const [one] = await reminders(store, period(), [row(u, "returned")], [u], new Date("2025-12-30T00:00:00Z"), TZ);
    expect([one!.contact, one!.phone, one!.contactFrom]).toEqual(["周强", null, "roster"]);
  });

  it.each([
    ["no deadline", undefined, "2026-01-05T00:00:00Z", 0],
    ["before the deadline", DEADLINE, "2025-12-31T08:59:59Z", 0],
    ["past it the same day", DEADLINE, "2025-12-31T15:59:59Z", 0],
    ["the next calendar day", DEADLINE, "2025-12-31T16:00:00Z", 1],
    ["three days on", DEADLINE, "2026-01-03T10:00:00Z", 3],
  ])("days overdue, %s", async (_what, deadline, now, days) => {
    const u = unit(1);
    const [one] = await reminders(store, period(deadline), [row(u, "missing", { overdue: days > 0 })], [u], new Date(now), TZ);
    expect([one!.daysOverdue, one!.overdue]).toEqual([days, days > 0]);
  });
});

describe("the robot URL a city may set", () => {
  const HOSTS = ["qyapi.weixin.qq.com", "oapi.dingtalk.com"];
  const WECOM = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=";
  it.each([
    ["WeCom's robot", `${WECOM}abc`, { ok: true, url: `${WECOM}abc` }],
    ["DingTalk's, over http", "http://oapi.dingtalk.com/robot/send?access_token=x", { ok: true, url: "http://oapi.dingtalk.com/robot/send?access_token=x" }],
    ["white space around it", `  ${WECOM}abc \n`, { ok: true, url: `${WECOM}abc` }],
    ["the host in capitals", "https://QYAPI.weixin.qq.com/x", { ok: true, url: "https://qyapi.weixin.qq.com/x" }],
    ["exactly 500 characters", WECOM + "k".repeat(500 - WECOM.length), { ok: true, url: WECOM + "k".repeat(500 - WECOM.length) }],
    ["501 characters", WECOM + "k".repeat(501 - WECOM.length), { ok: false, host: null }],
    ["another host: named back", "https://example.com/hook", { ok: false, host: "example.com" }],
    ["a look-alike host", "https://qyapi.weixin.qq.com.evil.cn/x", { ok: false, host: "qyapi.weixin.qq.com.evil.cn" }],
    ["credentials in it", "https://user:pw@qyapi.weixin.qq.com/x", { ok: false, host: null }],
    ["a user name alone", "https://user@qyapi.weixin.qq.com/x", { ok: false, host: null }],
    ["another scheme", "ftp://qyapi.weixin.qq.com/x", { ok: false, host: null }],
    ["not a URL", "qyapi.weixin.qq.com/x", { ok: false, host: null }],
    ["not text", 42, { ok: false, host: null }],
    ["nothing", undefined, { ok: false, host: null }],
  ])("%s", (_what, input, expected) => {
    expect(checkWebhookUrl(input, HOSTS)).toEqual(expected);
  });
});

describe("the JSON each robot gets", () => {
  it.each([
    ["WeCom, mobiles @-mentioned (landlines and wrong lengths left out)", "wecom", ["13800000001", "0571-87654321", "1380000000", "138000000012", "213800000001", "23800000001", "15900000002"], { msgtype: "text", text: { content: "催报", mentioned_mobile_list: ["13800000001", "15900000002"] } }],
    ["WeCom, no mobile", "wecom", ["0571-87654321"], { msgtype: "text", text: { content: "催报" } }],
    ["DingTalk, mobiles", "dingtalk", ["13800000001"], { msgtype: "text", text: { content: "催报" }, at: { atMobiles: ["13800000001"], isAtAll: false } }],
    ["DingTalk, none", "dingtalk", [], { msgtype: "text", text: { content: "催报" } }],
  ] as const)("%s", (_what, kind, phones, body) => {
    expect(webhookBody(kind, "催报", phones)).toEqual(body);
  });
});

describe("the configured robot, stored", () => {
  let dir: string;
  let store: FsObjectStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "hz-webhook-"));
    store = new FsObjectStore({ root: dir });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("a store that fails is the caller's error, not \"no robot\"", async () => {
    const faulty = new FaultyStore(store);
    faulty.inject({ op: "get", fault: "fail" });
    await expect(getWebhook(faulty)).rejects.toBeInstanceOf(StorageUnavailable);
  });

  it("none at first; set, read back; cleared, none again", async () => {
    expect(await getWebhook(store)).toBeNull();
    const hook: WebhookConfig = { url: "https://qyapi.weixin.qq.com/x", kind: "wecom", setAt: "2025-12-01T00:00:00.000Z", setBy: "330100000000" };
    await setWebhook(store, hook);
    expect(await getWebhook(store)).toEqual(hook);
    await setWebhook(store, null);
    expect(await getWebhook(store)).toBeNull();
  });
});

describe("the push to the robot (a receiver on loopback)", () => {
  type Got = { method: string; type: string | undefined; body: unknown };
  let got: Got[];
  let answer: (req: IncomingMessage, res: ServerResponse) => void;
  let server: Server;
  let base: string;
  beforeEach(async () => {
    got = [];
    answer = (_req, res) => res.writeHead(200).end("{}");
    server = createServer((req, res) => {
      let text = "";
      req.setEncoding("utf8");
      req.on("data", (c: string) => (text += c));
      req.on("end", () => {
        got.push({ method: req.method ?? "", type: req.headers["content-type"], body: JSON.parse(text) });
        answer(req, res);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterEach(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const list = (): Reminder[] =>
    [
      ["第1镇", "13800000001"],
      ["第2镇", null],
    ].map(([name, phone], i) => ({ code: `33010200${i + 1}000`, name: name!, parent: null, state: "missing", overdue: false, daysOverdue: 0, contact: null, phone: phone ?? null, contactFrom: null, text: `请${name}尽快报送。` }));

  it("one POST of JSON, every reminder a line, the mobiles @-mentioned; the robot's status comes back", async () => {
    expect(await pushReminders({ url: `${base}/hook`, kind: "wecom", setAt: "", setBy: "" }, list())).toBe(200);
    expect(got).toEqual([{ method: "POST", type: "application/json; charset=utf-8", body: { msgtype: "text", text: { content: "请第1镇尽快报送。\n请第2镇尽快报送。", mentioned_mobile_list: ["13800000001"] } } }]);
  });

  it("a robot that refuses: its status (500)", async () => {
    answer = (_req, res) => res.writeHead(500).end("no");
    expect(await pushReminders({ url: `${base}/hook`, kind: "dingtalk", setAt: "", setBy: "" }, list())).toBe(500);
  });

  it("a redirect is not followed: 0, and nothing reaches the place it points to", async () => {
    answer = (_req, res) => res.writeHead(302, { location: `${base}/elsewhere` }).end();
    expect(await pushReminders({ url: `${base}/hook`, kind: "wecom", setAt: "", setBy: "" }, list())).toBe(0);
    expect(got.length).toBe(1);
  });

  it("a robot that never answers: 0 once the timeout passes", async () => {
    answer = () => undefined;
    const started = Date.now();
    expect(await pushReminders({ url: `${base}/hook`, kind: "wecom", setAt: "", setBy: "" }, list(), 300)).toBe(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it("no robot there: 0", async () => {
    const closed = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    server = createServer().listen(0, "127.0.0.1");
    expect(await pushReminders({ url: `${closed}/hook`, kind: "wecom", setAt: "", setBy: "" }, list())).toBe(0);
  });
});
