/** The service's settings: read in one module (functions/config.ts), documented row for row in functions/README.md. */
// @ts-nocheck

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DEFAULT_WEBHOOK_HOSTS, loadConfig, SETTINGS } from "../functions/config";
import { checkWebhookUrl } from "../functions/service/reminders";

describe("settings", () => {
  it("every setting of the table has its row in functions/README.md", () => {
    const doc = readFileSync(new URL("../functions/README.md", import.meta.url), "utf8");
    const rows = new Set([...doc.matchAll(/^\| `([A-Z_]+)`/gm)].map((m) => m[1]));
    expect(SETTINGS.map(([v]) => v).filter((v) => !rows.has(v))).toEqual([]);
  });

  it.each<[string | undefined, string[]]>([
    [undefined, ["qyapi.weixin.qq.com", "oapi.dingtalk.com"]],
    ["", ["qyapi.weixin.qq.com", "oapi.dingtalk.com"]],
    [" , ", ["qyapi.weixin.qq.com", "oapi.dingtalk.com"]],
    ["WeCom.Bureau.gov.cn", ["wecom.bureau.gov.cn"]],
    ["qyapi.weixin.qq.com, wecom.intra ,", ["qyapi.weixin.qq.com", "wecom.intra"]],
  ])("HUIZONG_WEBHOOK_HOSTS=%j → %j", (value, hosts) => {
    expect(loadConfig(value === undefined ? {} : { HUIZONG_WEBHOOK_HOSTS: value }).webhookHosts).toEqual(hosts);
  });

  it.each<[string | undefined, number]>([
    [undefined, 3000],
    ["", 3000],
    ["abc", 3000],
    ["-5", 3000],
    ["0", 3000],
    ["1", 1],
    ["15000.7", 15000],
    ["60000", 60000],
    ["60001", 60000],
  ])("HUIZONG_READ_TIMEOUT_MS=%j → %d ms", (value, ms) => {
    expect(loadConfig(value === undefined ? {} : { HUIZONG_READ_TIMEOUT_MS: value }).readTimeoutMs).toBe(ms);
  });

  it("the default robot hosts are WeCom's and DingTalk's public ones", () => {
    expect(DEFAULT_WEBHOOK_HOSTS).toEqual(["qyapi.weixin.qq.com", "oapi.dingtalk.com"]);
  });
});

describe("the 催报 robot address the city may set", () => {
  it.each<[string, ReturnType<typeof checkWebhookUrl>]>([
    ["https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc", { ok: true, url: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc" }],
    ["  https://oapi.dingtalk.com/robot/send?access_token=abc ", { ok: true, url: "https://oapi.dingtalk.com/robot/send?access_token=abc" }],
    ["https://QYAPI.Weixin.QQ.com/cgi-bin/webhook/send?key=abc", { ok: true, url: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc" }],
    ["http://169.254.169.254/latest/meta-data/", { ok: false, host: "169.254.169.254" }],
    ["http://10.0.0.5:8080/x", { ok: false, host: "10.0.0.5" }],
    ["https://qyapi.weixin.qq.com.example.cn/cgi-bin/webhook/send", { ok: false, host: "qyapi.weixin.qq.com.example.cn" }],
    ["https://user:pw@qyapi.weixin.qq.com/cgi-bin/webhook/send", { ok: false, host: null }],
    ["ftp://qyapi.weixin.qq.com/x", { ok: false, host: null }],
    ["企业微信机器人", { ok: false, host: null }],
  ])("%s", (input, expected) => {
    expect(checkWebhookUrl(input, DEFAULT_WEBHOOK_HOSTS)).toEqual(expected);
  });

  it("refuses what is no string or too long", () => {
    expect(checkWebhookUrl(42, DEFAULT_WEBHOOK_HOSTS)).toEqual({ ok: false, host: null });
    expect(checkWebhookUrl(`https://qyapi.weixin.qq.com/${"a".repeat(480)}`, DEFAULT_WEBHOOK_HOSTS)).toEqual({ ok: false, host: null });
    expect(checkWebhookUrl(`https://qyapi.weixin.qq.com/${"a".repeat(470)}`, DEFAULT_WEBHOOK_HOSTS).ok).toBe(true);
  });
});
