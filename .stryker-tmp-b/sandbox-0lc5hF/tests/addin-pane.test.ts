/**
 * The pane's plain parts: what a clerk reads for each failure, the API client's requests,
 * the settings store, the marks' de-duplication — and the bundles (what Excel loads stays
 * small and free of any file reader; office.js comes from the CDN or the local server).
 */
// @ts-nocheck

import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { ApiClient, describeFailure, type HttpRequest, type HttpResponse } from "../addin/api";
import { markRequests } from "../addin/office/source";
import { apiBase, SettingsStore, type KeyValueStore } from "../addin/settings";
import { Session } from "../addin/session";
import { deadlineText, zonedToIso } from "../addin/ui/words";
import { readErrorMessage } from "../templates/errors";
import type { Finding } from "../templates/findings";
//  plain .mjs scripts have no type declarations
import { addinTargets, bundleSizes, officeJsMode, OFFICE_JS_URLS, renderHtml } from "../scripts/build/addin.mjs";

describe("describeFailure: every error a clerk can meet is a Chinese sentence saying what to do", () => {
  it.each([
    [0, null, true, "NETWORK", "无法连接到服务器。请检查电脑是否已联网"],
    [0, null, false, "OFFLINE", "电脑当前没有联网。请连接网络后再试。"],
    [-1, null, true, "TIMEOUT", "服务器长时间没有响应"],
    [401, { ok: false, code: "AUTH_EXPIRED", message: "登录已过期" }, true, "UNAUTHORIZED", "登录已过期或失效。请在“登录”中重新输入市科技局发给本单位的登录码。"],
    [401, { ok: false, code: "CODE_INVALID", message: "登录码不正确或已停用。请核对后重新输入。" }, true, "CODE_INVALID", "登录码不正确或已停用。请核对后重新输入。"],
    [401, { ok: false, code: "AUTH_REVOKED", message: "本单位的登录码已被市科技局更换或停用。" }, true, "AUTH_REVOKED", "本单位的登录码已被市科技局更换或停用。"],
    [429, { ok: false, code: "TOO_MANY_ATTEMPTS", message: "登录码输错次数过多，请 4 秒后再试。" }, true, "TOO_MANY_ATTEMPTS", "登录码输错次数过多，请 4 秒后再试。"],
    [413, null, true, "PAYLOAD_TOO_LARGE", "文件太大，超过了服务器允许的大小。请删除报表中插入的图片"],
    [415, { ok: false, code: "NOT_XLSX_XLS" }, true, "NOT_XLSX_XLS", readErrorMessage("NOT_XLSX_XLS")],
    [415, { ok: false, code: "NOT_XLSX_HTML", message: "这个文件其实是网页（HTML）格式（服务器说明）" }, true, "NOT_XLSX_HTML", "这个文件其实是网页（HTML）格式（服务器说明）"],
    [415, "<html>Unsupported</html>", true, "NOT_XLSX", "服务器无法把这个文件当作 Excel 工作簿读取"],
    [422, { ok: false, code: "NOT_TEMPLATE" }, true, "NOT_TEMPLATE", readErrorMessage("NOT_TEMPLATE")],
    [422, { ok: false, code: "REPORT_HAS_ERRORS", message: "报表有 3 处错误，请修改后再上传。", findings: [] }, true, "REPORT_HAS_ERRORS", "报表有 3 处错误，请修改后再上传。"],
    [422, { ok: false, code: "WARNINGS_UNEXPLAINED" }, true, "WARNINGS_UNEXPLAINED", "报表中有警告需在备注中说明。请在该行“备注”中写明原因，保存后再上传。"],
    [409, { ok: false, code: "PERIOD_NOT_OPEN" }, true, "PERIOD_NOT_OPEN", "本期报送尚未开始或已经截止"],
    [403, { ok: false, code: "FORBIDDEN_UNIT", message: "只能上传本单位的报表。" }, true, "FORBIDDEN_UNIT", "只能上传本单位的报表。"],
    [403, { ok: false, code: "FORBIDDEN", message: "Forbidden" }, true, "FORBIDDEN", "您的账号无权进行这项操作"],
    [404, null, true, "NOT_FOUND", "服务器上找不到要访问的内容。请在“设置”中核对服务器地址是否正确。"],
    [500, { ok: false, code: "INTERNAL", message: "Error: ENOSPC at write" }, true, "SERVER_ERROR", "服务器处理时出错了，报表没有被接收"],
    [502, "<html>Bad gateway</html>", true, "SERVER_DOWN", "服务器暂时无法访问（可能正在维护）"],
    [503, null, true, "SERVER_DOWN", "服务器暂时无法访问（可能正在维护）"],
    [418, { code: "TEAPOT", message: "I'm a teapot" }, true, "TEAPOT", "操作没有成功。请稍后重试"],
  ])("HTTP %i %j (online %s) → %s", (status, body, online, code, message) => {
    const f = describeFailure(status, body, online);
    expect(f.ok).toBe(false);
    expect(f.status).toBe(status);
    expect(f.code).toBe(code);
    expect(f.message.startsWith(message)).toBe(true);
    expect(f.message).toMatch(/[\u4e00-\u9fff]/);
    expect(f.message).not.toMatch(/Error|ENOSPC|Bad gateway|teapot|undefined|null/i);
  });

  it("keeps the server's findings for a 422", () => {
    const findings: Finding[] = [{ severity: "error", rule: "NEGATIVE", sheet: "指标", cell: "E25", message: "为负数" }];
    expect(describeFailure(422, { ok: false, code: "REPORT_HAS_ERRORS", message: "报表有错误。", findings }).findings).toEqual(findings);
  });
});

describe("ApiClient", () => {
  function client(answer: HttpResponse | (() => never), token = "tok") {
    const seen: HttpRequest[] = [];
    const api = new ApiClient("http://127.0.0.1:3000", token, async (req) => {
      seen.push(req);
      if (typeof answer === "function") answer();
      return answer as HttpResponse;
    });
    return { api, seen };
  }

  it("the template: blank without a token; for a period and unit, prefilled, with the token", async () => {
    const { api, seen } = client({ status: 200, body: new Uint8Array([80, 75]) });
    expect(await api.template()).toEqual({ ok: true, bytes: new Uint8Array([80, 75]) });
    expect(await api.template({ period: "2025-H1", unit: "330102001000" })).toEqual({ ok: true, bytes: new Uint8Array([80, 75]) });
    expect(seen.map((r) => [r.method, r.url, r.headers.Authorization ?? null])).toEqual([
      ["GET", "http://127.0.0.1:3000/api/template", null],
      ["GET", "http://127.0.0.1:3000/api/template?period=2025-H1&unit=330102001000", "Bearer tok"],
    ]);
  });

  it("posts the workbook bytes to the unit's report route with the token and reports upload progress", async () => {
    const { api, seen } = client({ status: 201, body: { ok: true, version: "v1", state: "submitted", findings: [] } });
    const progress: number[] = [];
    const r = await api.submit("2025-Y", "330102001000", new Uint8Array([80, 75, 3, 4]), (s) => progress.push(s));
    expect(r).toEqual({ ok: true, version: "v1", state: "submitted", findings: [] });
    expect(seen[0]).toMatchObject({
      method: "POST",
      url: "http://127.0.0.1:3000/api/periods/2025-Y/units/330102001000/reports",
      headers: { Authorization: "Bearer tok", "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
      body: new Uint8Array([80, 75, 3, 4]),
    });
    seen[0]!.onUploadProgress!(4, 4);
    expect(progress).toEqual([4]);
  });

  it.each([
    ["status of a county", (a: ApiClient) => a.status("2025-Y", "330102000000"), "GET", "/api/periods/2025-Y/status?parent=330102000000", undefined],
    ["status of everything", (a: ApiClient) => a.status("2025-M10"), "GET", "/api/periods/2025-M10/status", undefined],
    ["consolidate", (a: ApiClient) => a.consolidate("2025-Y", "330102000000", "accepted"), "POST", "/api/periods/2025-Y/consolidations", '{"parent":"330102000000","include":"accepted"}'],
    ["me", (a: ApiClient) => a.me(), "GET", "/api/me", undefined],
    ["periods", (a: ApiClient) => a.periods(), "GET", "/api/periods", undefined],
  ])("%s", async (_name, call, method, pathname, body) => {
    const { api, seen } = client({ status: 200, body: { ok: true } });
    await call(api);
    expect(seen[0]!.method).toBe(method);
    expect(seen[0]!.url).toBe(`http://127.0.0.1:3000${pathname}`);
    expect(seen[0]!.body).toBe(body);
  });

  it("fetches the template without a token, as bytes", async () => {
    const { api, seen } = client({ status: 200, body: new Uint8Array([1, 2]) }, "");
    expect(await api.template()).toEqual({ ok: true, bytes: new Uint8Array([1, 2]) });
    expect(seen[0]!.headers.Authorization).toBeUndefined();
    expect(seen[0]!.expect).toBe("bytes");
  });

  it("asks for a token instead of calling the server without one", async () => {
    const { api, seen } = client({ status: 200, body: { ok: true } }, "");
    const r = await api.me();
    expect(r).toMatchObject({ ok: false, code: "NO_TOKEN", message: "还没有登录。请在“登录”中输入市科技局发给本单位的登录码。" });
    expect(seen).toHaveLength(0);
  });

  it("turns a transport that throws into the network sentence", async () => {
    const { api } = client(() => {
      throw new TypeError("Failed to fetch");
    });
    expect(await api.me()).toMatchObject({ ok: false, status: 0, code: "NETWORK" });
  });

  it("resolves server-relative download links against the server", () => {
    const { api } = client({ status: 200, body: null });
    expect(api.url("/api/download?t=x")).toBe("http://127.0.0.1:3000/api/download?t=x");
    expect(api.url("https://bucket.example/x.xlsx")).toBe("https://bucket.example/x.xlsx");
  });
});

describe("settings", () => {
  function memory(): KeyValueStore & { data: Map<string, string> } {
    const data = new Map<string, string>();
    return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
  }

  it("stores server, session token with its expiry and period under one key and clears the session on sign-out", () => {
    const store = memory();
    const s = new SettingsStore(store);
    expect(s.get()).toEqual({ server: "", token: "", period: "", expiresAt: "" });
    s.set({ token: "abc", period: "2025-Y", expiresAt: "2026-01-01T00:00:00.000Z" });
    expect(JSON.parse(store.data.get("huizong.settings.v1")!)).toEqual({ server: "", token: "abc", period: "2025-Y", expiresAt: "2026-01-01T00:00:00.000Z" });
    expect(new SettingsStore(store).get().token).toBe("abc");
    expect(s.clearToken()).toEqual({ server: "", token: "", period: "2025-Y", expiresAt: "" });
  });

  it("survives a corrupted or failing store", () => {
    const store = memory();
    store.data.set("huizong.settings.v1", "{not json");
    expect(new SettingsStore(store).get()).toEqual({ server: "", token: "", period: "", expiresAt: "" });
    const failing: KeyValueStore = { getItem: () => null, setItem: () => { throw new Error("QuotaExceededError"); }, removeItem: () => {} };
    expect(new SettingsStore(failing).set({ token: "x" }).token).toBe("x");
  });

  it.each([
    ["", "http://localhost:3000", "http://localhost:3000"],
    ["https://kj.example.gov.cn/", "http://localhost:3000", "https://kj.example.gov.cn"],
    ["  https://kj.example.gov.cn/huizong//  ", "http://x", "https://kj.example.gov.cn/huizong"],
  ])("API base for server %j from origin %s is %s", (server, origin, base) => {
    expect(apiBase({ server, token: "", period: "", expiresAt: "" }, origin)).toBe(base);
  });
});

describe("the session: refreshed while in use, at most every 10 minutes", () => {
  const NOW = Date.parse("2026-03-01T08:00:00Z");
  const HOUR = 3_600_000;
  it.each([
    ["issued 11 minutes ago", 12 * HOUR - 11 * 60_000, true],
    ["issued 9 minutes ago", 12 * HOUR - 9 * 60_000, false],
    ["issued 11 hours ago", HOUR, true],
  ])("a token %s is %s refreshed", async (_label, left, refreshed) => {
    const data = new Map<string, string>();
    const settings = new SettingsStore({ getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) });
    settings.set({ token: "old", expiresAt: new Date(NOW + (left as number)).toISOString() });
    const seen: HttpRequest[] = [];
    const transport = async (req: HttpRequest): Promise<HttpResponse> => {
      seen.push(req);
      return { status: 200, body: { ok: true, token: "new", expiresAt: new Date(NOW + 12 * HOUR).toISOString(), unit: { code: "330102001000", name: "青阳镇", role: "unit", type: "乡镇", parent: "330102000000" } } };
    };
    const session = new Session(settings, "http://127.0.0.1:3000", transport, () => NOW);
    session.api();
    await new Promise((r) => setTimeout(r, 0));
    expect(seen.map((r) => `${r.method} ${r.url} ${r.headers.Authorization}`)).toEqual(refreshed ? ["POST http://127.0.0.1:3000/api/session/refresh Bearer old"] : []);
    expect(settings.get().token).toBe(refreshed ? "new" : "old");
  });
});

describe("times the pane shows", () => {
  it.each([
    ["2025-12-31T17:00", "Asia/Shanghai", "2025-12-31T09:00:00.000Z"],
    ["2025-07-01T09:30", "Europe/Berlin", "2025-07-01T07:30:00.000Z"],
    ["2025-01-01T09:30", "Europe/Berlin", "2025-01-01T08:30:00.000Z"],
    ["2025-12-31", "Asia/Shanghai", null],
  ])("%s typed in %s is %s", (local, zone, iso) => {
    expect(zonedToIso(local, zone)).toBe(iso);
  });
  it.each([
    ["2025-12-28T10:00:00+08:00", "截止时间 2025年12月31日 17:00，还剩3天", false],
    ["2025-12-31T08:00:00+08:00", "截止时间 2025年12月31日 17:00，今天截止", false],
    ["2025-12-31T17:00:01+08:00", "截止时间 2025年12月31日 17:00，已截止", true],
    ["2026-01-02T00:30:00+08:00", "截止时间 2025年12月31日 17:00，已逾期2天", true],
  ])("at %s the deadline reads %s", (now, text, past) => {
    expect(deadlineText("2025-12-31T09:00:00.000Z", new Date(now), "Asia/Shanghai")).toEqual({ text, past });
  });
});

describe("markRequests", () => {
  it("marks each cell once; an error wins over a warning on the same cell", () => {
    const f = (severity: "error" | "warning", cell: string): Finding => ({ severity, rule: "NEGATIVE", sheet: "指标", cell, message: "" });
    expect(markRequests([f("warning", "E7"), f("error", "E7"), f("warning", "E8"), f("warning", "E8"), f("error", "E9")])).toEqual([
      { sheet: "指标", cell: "E7", kind: "error" },
      { sheet: "指标", cell: "E8", kind: "warning" },
      { sheet: "指标", cell: "E9", kind: "error" },
    ]);
  });
});

describe("bundles", () => {
  let out: string;
  let rows: { file: string; bytes: number; gzip: number; packages: string[]; heavy: boolean }[] = [];
  beforeAll(async () => {
    out = await mkdtemp(path.join(tmpdir(), "hz-addin-build-"));
    for (const t of addinTargets(out, "cdn")) rows.push(...bundleSizes(await build({ ...t, metafile: true, logLevel: "error" })));
  });
  afterAll(async () => {
    if (out) await rm(out, { recursive: true, force: true });
  });
  const row = (name: string) => rows.find((r) => r.file.endsWith(`/${name}`))!;

  it("keeps what Excel loads small and free of exceljs, fflate and saxes", () => {
    const pane = row("taskpane.js");
    expect(pane.heavy).toBe(false);
    expect(pane.packages).toEqual([]);
    // 123 KiB / 44 KiB gzip at the last count: every screen, the rule table with its explanations, reading the
    // library a template carries (with its validation), and EdgeHTML 18's lowered object spread. A budget, not a target.
    expect(pane.bytes).toBeLessThan(140 * 1024);
    expect(pane.gzip).toBeLessThan(50 * 1024);
  });

  it("puts the xlsx reader only in the standalone bundle", () => {
    const standalone = row("standalone.js");
    expect(standalone.heavy).toBe(true);
    // fflate inflates; the XML is scanned by the reader's own scanners (saxes is only their test oracle).
    expect(standalone.packages).toContain("fflate");
    expect(standalone.packages).not.toContain("exceljs");
    expect(standalone.packages).not.toContain("saxes");
  });

  it("writes the pages with office.js from Microsoft's CDN in a production build, and the icons", async () => {
    const html = await readFile(path.join(out, "taskpane.html"), "utf8");
    // The pane loads office.js itself, only inside Office (addin/office/host.ts); the command page always.
    expect(html).toContain('<meta name="huizong-office-js" content="https://appsforoffice.microsoft.com/lib/1/hosted/office.js" />');
    expect(html).not.toContain("{{OFFICE_JS");
    expect(await readFile(path.join(out, "commands.html"), "utf8")).toContain(`<script src="${OFFICE_JS_URLS.cdn}"></script>`);
    for (const size of [16, 32, 64, 80, 128]) expect((await readFile(path.join(out, "assets", `icon-${size}.png`))).length).toBeGreaterThan(100);
  });

  it("switches office.js with HUIZONG_OFFICE_JS (local by default)", () => {
    expect(officeJsMode({})).toBe("local");
    expect(officeJsMode({ HUIZONG_OFFICE_JS: "CDN" })).toBe("cdn");
    expect(() => officeJsMode({ HUIZONG_OFFICE_JS: "unpkg" })).toThrow(/cdn" or "local/);
    expect(renderHtml("<head>{{OFFICE_JS}}</head>", "local")).toBe('<head><script src="office-js/office.js"></script></head>');
    expect(renderHtml('<meta content="{{OFFICE_JS_URL}}">', "local")).toBe('<meta content="office-js/office.js">');
  });
});
