/**
 * Service hardening (issue 12, cases 3–8 of the review), over real HTTP
 * against the local server: bodies are bytes whatever their Content-Type,
 * JSON routes want JSON, the credential is checked before the body is read,
 * demo credentials only in demo mode, links from the configured base URL,
 * CSP / nosniff / CORS allow-list on every answer, the hourly version limit.
 */
// @ts-nocheck

import { mkdtempSync, rmSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { apiErrorMessage } from "../functions/http/errors";
import { API_CSP, OFFICE_CDN, pageCsp } from "../functions/http/security";
import { banner, startServer, type RunningServer } from "../functions/local/server";
import { demoUnits } from "../templates/samples";
import { call, COUNTY, goodReport, sampleUnit, startTestServer, tokenOf } from "./support/functions-server";

const TOWNS = demoUnits(6, COUNTY);
const P = "2025-Y";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Set environment variables for one server start; restored after each test. */
const saved: Array<[string, string | undefined]> = [];
function setEnv(vars: Record<string, string>): void {
  for (const [k, v] of Object.entries(vars)) {
    saved.push([k, process.env[k]]);
    process.env[k] = v;
  }
}
afterEach(() => {
  for (const [k, v] of saved.splice(0).reverse()) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

describe("bodies are bytes; JSON routes want JSON; the credential comes first", () => {
  let s: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(async () => s?.cleanup());

  it.each([XLSX, "text/plain", "application/json", "application/x-www-form-urlencoded", "text/html; charset=gbk"])(
    "a valid .xlsx sent as %s is stored byte for byte (201)",
    async (type) => {
      const unit = TOWNS[1]!;
      const bytes = await goodReport(sampleUnit({ ...unit, parent: COUNTY }), P);
      const a = await call(s.url, "POST", `/api/periods/${P}/units/${unit.code}/reports`, { token: tokenOf(s, unit.code), bytes, headers: { "content-type": type } });
      expect([a.status, a.body.ok]).toEqual([201, true]);
      expect(await s.ctx.store.get(`periods/${P}/units/${unit.code}/${a.body.version}.xlsx`)).toEqual(bytes);
    },
  );

  it.each(["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", ""])(
    "a JSON route refuses a body sent as %j: 415 UNSUPPORTED_MEDIA_TYPE",
    async (type) => {
      const a = await call(s.url, "POST", "/api/periods", { token: tokenOf(s, "330100000000"), bytes: new TextEncoder().encode('{"id":"2026-Y"}'), headers: { "content-type": type } });
      expect([a.status, a.body.code, a.body.message]).toEqual([415, "UNSUPPORTED_MEDIA_TYPE", "请求内容的类型不正确：此接口只接受 JSON（Content-Type: application/json）。请使用任务窗格操作，或按接口说明发送。"]);
      expect(await s.ctx.store.exists("periods/2026-Y/period.json")).toBe(false);
    },
  );

  it("application/json with a charset is JSON (201)", async () => {
    const a = await call(s.url, "POST", "/api/periods", { token: tokenOf(s, "330100000000"), bytes: new TextEncoder().encode('{"id":"2027-Y"}'), headers: { "content-type": "application/json; charset=utf-8" } });
    expect(a.status).toBe(201);
  });

  it("an unauthenticated upload is answered 401 before its body is sent (the body is never read)", async () => {
    const u = new URL(s.url);
    const answer = await new Promise<string>((resolve, reject) => {
      const sock = connect(Number(u.port), u.hostname, () => {
        // Headers announce 4 MB; only the headers are sent, the body never follows.
        sock.write(`POST /api/periods/${P}/units/${TOWNS[0]!.code}/reports HTTP/1.1\r\nHost: x\r\nContent-Type: ${XLSX}\r\nContent-Length: ${4 * 1024 * 1024}\r\n\r\n`);
      });
      let got = "";
      sock.on("data", (d) => {
        got += d.toString("utf8");
        if (got.includes("\r\n\r\n") && got.includes("}")) {
          sock.destroy();
          resolve(got);
        }
      });
      sock.on("error", reject);
      setTimeout(() => reject(new Error(`no answer before the body: ${got}`)), 10_000).unref();
    });
    expect(answer.split("\r\n")[0]).toBe("HTTP/1.1 401 Unauthorized");
    const body = JSON.parse(answer.slice(answer.indexOf("{")));
    expect([body.code, body.message]).toEqual(["AUTH_REQUIRED", apiErrorMessage("AUTH_REQUIRED")]);
  });
});

describe("demo credentials only in demo mode", () => {
  const dirs: string[] = [];
  const servers: RunningServer[] = [];
  afterAll(async () => {
    for (const s of servers) await s.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });
  const dir = () => {
    const d = mkdtempSync(path.join(tmpdir(), "huizong-demo-"));
    dirs.push(d);
    return d;
  };

  it("without a configured secret: demo mode, said loudly, a token per demo unit printed", async () => {
    const s = await startServer({ port: 0, dataDir: dir(), logLevel: "SILENT", demoPeriod: P });
    servers.push(s);
    expect([s.demo, s.devSecret, s.tokens.length]).toEqual([true, true, 8]);
    const text = banner(s);
    expect(text).toContain("演示模式 DEMO MODE — 未配置 HUIZONG_JWT_SECRET，以下令牌仅供本机演示。");
    expect(text.match(/eyJ[\w-]+\.[\w-]+\.[\w-]+/g)).toHaveLength(8);
  });

  it("with HUIZONG_JWT_SECRET set: no demo mode, no roster seeded, not one token printed", async () => {
    setEnv({ HUIZONG_JWT_SECRET: "a-configured-production-secret-0123456789" });
    const s = await startServer({ port: 0, dataDir: dir(), logLevel: "SILENT" });
    servers.push(s);
    expect([s.demo, s.devSecret, s.tokens]).toEqual([false, false, []]);
    const text = banner(s);
    expect(text).not.toMatch(/eyJ/);
    expect(text).not.toContain("演示");
    expect(text).toContain("生产模式 (configured secret): 不打印任何令牌；用 functions/local/token.ts 为各单位签发。");
    expect(await s.ctx.store.list("")).toEqual([]);
  });
});

describe("links and redirects never come from request headers", () => {
  let s: Awaited<ReturnType<typeof startTestServer>>;
  afterEach(async () => s?.cleanup());

  async function linkWithForgedHeaders(): Promise<string> {
    const unit = TOWNS[0]!;
    const token = tokenOf(s, unit.code);
    const up = await call(s.url, "POST", `/api/periods/${P}/units/${unit.code}/reports`, { token, bytes: await goodReport(sampleUnit({ ...unit, parent: COUNTY }), P) });
    expect(up.status).toBe(201);
    const a = await call(s.url, "GET", `/api/periods/${P}/units/${unit.code}/reports/${up.body.version}/link`, {
      token,
      headers: { "x-forwarded-proto": "javascript:alert(1)//", "x-forwarded-host": "evil.example", host: "evil.example" },
    });
    expect(a.status).toBe(200);
    return a.body.url as string;
  }

  it("without a configured base URL: the server's own address", async () => {
    s = await startTestServer();
    const url = await linkWithForgedHeaders();
    expect(url.startsWith(`${s.url}/api/download?t=`)).toBe(true);
    const root = await call(s.url, "GET", "/", { headers: { host: "evil.example" } });
    expect([root.status, root.headers.get("location")]).toEqual([302, "/addin/taskpane.html"]);
  });

  it("with HUIZONG_PUBLIC_BASE_URL: links and the redirect on it", async () => {
    setEnv({ HUIZONG_PUBLIC_BASE_URL: "https://huizong.example.gov.cn/tj/" });
    s = await startTestServer();
    const url = await linkWithForgedHeaders();
    expect(url.startsWith("https://huizong.example.gov.cn/tj/api/download?t=")).toBe(true);
    const root = await call(s.url, "GET", "/", { headers: { host: "evil.example", "x-forwarded-proto": "javascript:" } });
    expect([root.status, root.headers.get("location")]).toEqual([302, "https://huizong.example.gov.cn/tj/addin/taskpane.html"]);
  });
});

describe("CSP, nosniff and the CORS allow-list on every answer", () => {
  let s: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    setEnv({ HUIZONG_CORS_ORIGINS: "https://pane.example.gov.cn" });
    s = await startTestServer();
  });
  afterAll(async () => s?.cleanup());

  const answers: Array<[string, string, string, Record<string, string>?]> = [
    ["a JSON answer", "GET", "/api/periods"],
    ["a 401", "GET", "/api/me"],
    ["a 404", "GET", "/api/nowhere"],
    ["the blank template download", "GET", "/api/template"],
    ["the redirect", "GET", "/"],
    ["a static 404", "GET", "/addin/none.js"],
  ];
  it.each(answers)("%s: the API's CSP and nosniff", async (_what, method, p) => {
    const a = await call(s.url, method, p, { token: p === "/api/periods" ? tokenOf(s, "330100000000") : undefined });
    expect(a.headers.get("x-content-type-options")).toBe("nosniff");
    expect(a.headers.get("content-security-policy")).toBe(p === "/" ? pageCsp() : API_CSP);
    expect(a.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("the task pane page: a CSP that allows office.js from the server and Microsoft's CDN, nothing inline but by hash", async () => {
    for (const page of ["taskpane.html", "commands.html"]) {
      const a = await call(s.url, "GET", `/addin/${page}`);
      expect(a.status).toBe(200);
      const csp = a.headers.get("content-security-policy")!;
      expect(csp).toContain(`script-src 'self' ${OFFICE_CDN}`);
      expect(csp).toContain("object-src 'none'");
      expect(csp).not.toContain("unsafe-inline");
      expect(a.headers.get("x-content-type-options")).toBe("nosniff");
    }
  });

  it("CORS: a listed origin is allowed (preflight and answer); any other origin gets no allow header; never *", async () => {
    const listed = { origin: "https://pane.example.gov.cn", "access-control-request-method": "POST" };
    const pre = await call(s.url, "OPTIONS", "/api/periods", { headers: listed });
    expect([pre.status, pre.headers.get("access-control-allow-origin"), pre.headers.get("access-control-allow-headers")]).toEqual([204, "https://pane.example.gov.cn", "authorization, content-type"]);
    const ok = await call(s.url, "GET", "/api/periods", { token: tokenOf(s, "330100000000"), headers: { origin: "https://pane.example.gov.cn" } });
    expect(ok.headers.get("access-control-allow-origin")).toBe("https://pane.example.gov.cn");
    for (const origin of ["https://evil.example", "null", "https://pane.example.gov.cn.evil.example"]) {
      const pre2 = await call(s.url, "OPTIONS", "/api/periods", { headers: { origin, "access-control-request-method": "POST" } });
      expect([pre2.status, pre2.headers.get("access-control-allow-origin")]).toEqual([204, null]);
      const get = await call(s.url, "GET", "/api/periods", { token: tokenOf(s, "330100000000"), headers: { origin } });
      expect(get.headers.get("access-control-allow-origin")).toBeNull();
    }
  });
});

describe("a per-unit limit on new versions", () => {
  let s: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    setEnv({ HUIZONG_VERSIONS_PER_HOUR: "3" });
    s = await startTestServer();
  });
  afterAll(async () => s?.cleanup());

  it("the 3rd version in an hour is stored, the 4th is 429 TOO_MANY_VERSIONS with the wait in Chinese; other units are not affected", async () => {
    const [a, b] = [TOWNS[2]!, TOWNS[3]!];
    const fileA = await goodReport(sampleUnit({ ...a, parent: COUNTY }), P);
    const up = () => call(s.url, "POST", `/api/periods/${P}/units/${a.code}/reports`, { token: tokenOf(s, a.code), bytes: fileA });
    expect([(await up()).status, (await up()).status, (await up()).status]).toEqual([201, 201, 201]);
    const refused = await up();
    expect([refused.status, refused.body.code, refused.body.limit]).toEqual([429, "TOO_MANY_VERSIONS", 3]);
    expect(refused.body.retryAfterSeconds).toBeGreaterThan(3500);
    expect(refused.body.retryAfterSeconds).toBeLessThanOrEqual(3600);
    expect(refused.body.message).toBe("本单位在一小时内已上报 3 个版本，达到上限，暂不接收新版本。请核对报表，约 60 分钟后再上报；如确需多次上报，请联系市科技局。");
    const listed = await call(s.url, "GET", `/api/periods/${P}/units/${a.code}/reports`, { token: tokenOf(s, a.code) });
    expect(listed.body.versions).toHaveLength(3);
    const other = await call(s.url, "POST", `/api/periods/${P}/units/${b.code}/reports`, { token: tokenOf(s, b.code), bytes: await goodReport(sampleUnit({ ...b, parent: COUNTY }), P) });
    expect(other.status).toBe(201);
  });
});
