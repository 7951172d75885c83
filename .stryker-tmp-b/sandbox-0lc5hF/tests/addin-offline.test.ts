/**
 * The pane where the clerks are: a bureau intranet with no internet. Real
 * Chromium against the real local server, every non-loopback request aborted.
 *
 * - The standalone page (WPS, a plain browser) decides it is outside Office
 *   without loading office.js, and is interactive in under 1 s with no console error.
 * - The pane harness (opened as Office opens it, with `_host_Info`, office.js
 *   replaced by an Excel stand-in) the same.
 * - The real office.js, told it runs in Excel on Windows, finds every companion
 *   file it asks for (host file, locale strings) on the local server.
 * - IE11 semantics (module scripts do not run, nomodule scripts do, documentMode
 *   set): the Chinese message naming the web page address.
 */
// @ts-nocheck

import { utimes, writeFile } from "node:fs/promises";
import path from "node:path";

import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { RunningServer } from "../functions/local/server";
import { startPaneServer, type PaneServer } from "./support/pane-server";
import { buildTemplate } from "../templates/build";
import { sampleFill } from "../templates/samples";

let pane: PaneServer;
let tmp: string;
let server: RunningServer;
let browser: Browser;

/** A context as on an intranet: anything not on loopback is aborted (and recorded). */
async function intranet(): Promise<{ context: BrowserContext; blocked: string[] }> {
  const context = await browser.newContext({ viewport: { width: 380, height: 800 }, locale: "zh-CN" });
  const blocked: string[] = [];
  await context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === "127.0.0.1" || url.hostname === "localhost" || url.protocol === "data:") return route.continue();
    blocked.push(url.href);
    return route.abort("internetdisconnected");
  });
  return { context, blocked };
}

/** Console errors and failed requests of a page, collected from the first byte. */
function watch(page: Page): { errors: string[]; notFound: string[]; requested: string[]; ok: string[] } {
  const w = { errors: [] as string[], notFound: [] as string[], requested: [] as string[], ok: [] as string[] };
  page.on("console", (m) => {
    if (m.type() === "error") w.errors.push(m.text());
  });
  page.on("pageerror", (e) => w.errors.push(String(e)));
  page.on("request", (r) => w.requested.push(new URL(r.url()).pathname));
  page.on("response", (r) => {
    if (r.status() >= 400) w.notFound.push(`${r.status()} ${new URL(r.url()).pathname}`);
    else w.ok.push(new URL(r.url()).pathname);
  });
  return w;
}

/** Milliseconds from navigation start to the pane's "huizong-ready" mark. */
const readyAt = (page: Page) => page.evaluate(() => performance.getEntriesByName("huizong-ready")[0]?.startTime ?? -1);

beforeAll(async () => {
  pane = await startPaneServer("hz-addin-offline-", "2025-Y");
  ({ tmp, server, browser } = pane);
}, 120_000);

afterAll(async () => {
  await pane?.close();
});

describe("standalone page on an intranet", () => {
  it("is interactive in under 1 s, never asks for office.js, logs no error", async () => {
    // Three cold opens, each in a fresh browser context. Every one must be interactive without a single
    // request leaving the machine; the fastest must be under 1 s (the others carry whatever else this
    // 2-core machine is running meanwhile — a page that waited for office.js would need 15 s every time).
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const { context, blocked } = await intranet();
      const page = await context.newPage();
      const seen = watch(page);
      await page.goto(`${server.url}/addin/taskpane.html`);
      await page.locator("html[data-ready='1']").waitFor({ timeout: 10_000 });
      const ms = await readyAt(page);
      expect(ms).toBeGreaterThan(0);
      times.push(ms);
      expect(await page.locator("html").getAttribute("data-host")).toBe("browser");
      await expect(page.locator("#hz-file").count()).resolves.toBe(1);
      expect(seen.requested.filter((p) => p.includes("office"))).toEqual([]);
      expect({ errors: seen.errors, notFound: seen.notFound, blocked }).toEqual({ errors: [], notFound: [], blocked: [] });
      await context.close();
    }
    expect(Math.min(...times)).toBeLessThan(1000);
  }, 60_000);
});

describe("the standalone page reads the file as it is now", () => {
  it("re-reads on every 检查: a file changed on disk never gives the old findings; name, size and time are shown", async () => {
    const fill = sampleFill({ name: "青阳镇", code: "330102001000", type: "乡镇" }, "2025-Y", 11);
    const good = await buildTemplate({ fill });
    const badFill = sampleFill({ name: "青阳镇", code: "330102001000", type: "乡镇" }, "2025-Y", 11);
    badFill.values!.C02 = { ...badFill.values!.C02, current: -3 };
    const bad = await buildTemplate({ fill: badFill });
    const file = path.join(tmp, "青阳镇报表.xlsx");
    await writeFile(file, bad);
    const when = new Date(Date.UTC(2026, 0, 15, 1, 30)); // 09:30 in the bureau's zone
    await utimes(file, when, when);

    const { context } = await intranet();
    const page = await context.newPage();
    await page.goto(`${server.url}/addin/taskpane.html`);
    await page.locator("html[data-ready='1']").waitFor({ timeout: 10_000 });
    await page.locator("#hz-file").setInputFiles(file);
    await page.locator('.hz-finding[data-rule="NEGATIVE"]').waitFor();
    const kb = Math.max(1, Math.round(bad.length / 1024));
    expect(await page.locator("#hz-drop .hz-file-name").textContent()).toBe(`已检查：青阳镇报表.xlsx，${kb} KB，修改于 2026年1月15日 09:30`);

    // The clerk fixes the file in Excel and saves it; 检查报表 again.
    await writeFile(file, good);
    await page.locator("#hz-check").click();
    await page.locator("#hz-check-result .hz-bar-error").waitFor();
    expect(await page.locator("#hz-check-result").textContent()).toContain("在选择之后被修改或移动了");
    expect(await page.locator(".hz-finding").count()).toBe(0);
    expect(await page.locator("#hz-drop .hz-file-name").textContent()).toBe("尚未选择文件");

    // Picked again: the fixed copy is what is checked.
    await page.locator("#hz-file").setInputFiles(file);
    await page.locator("#hz-check-result", { hasText: "报表检查通过" }).waitFor();
    expect(await page.locator("#hz-drop .hz-file-name").textContent()).toMatch(new RegExp(`^已检查：青阳镇报表\\.xlsx，${Math.max(1, Math.round(good.length / 1024))} KB，修改于 `));
    await context.close();
  }, 60_000);
});

describe("one answer everywhere: the period checked, and warnings that need a 备注", () => {
  it("signed out: says which period the cover was checked against, and lists the warning with its 备注 cell", async () => {
    const town = { name: "青阳镇", code: "330102001000", type: "乡镇" as const };
    const fill = sampleFill(town, "2025-H1", 11);
    fill.values!.D07 = { ...fill.values!.D07, current: 300, prior: 60 };
    const file = path.join(tmp, "上半年.xlsx");
    await writeFile(file, await buildTemplate({ fill }));
    const { context } = await intranet();
    const page = await context.newPage();
    await page.goto(`${server.url}/addin/taskpane.html`);
    await page.locator("html[data-ready='1']").waitFor({ timeout: 10_000 });
    await page.locator("#hz-file").setInputFiles(file);
    await page.locator("#hz-period-note").waitFor();
    expect(await page.locator("#hz-period-note").textContent()).toBe(
      "未登录，无法得知本次收集的报告期，只核对了封面的“2025年上半年”是否有效。上传时服务器还会核对它是不是本次收集的报告期；请在“登录”中输入登录码后再检查一次。",
    );
    expect(await page.locator("#hz-needs-note h3").textContent()).toBe("需在备注中说明（1）");
    expect(await page.locator("#hz-needs-note .hz-go-note").allTextContents()).toEqual(["去备注（指标!H43）"]);
    await page.locator("#hz-needs-note .hz-go-note").click();
    await page.screenshot({ path: "docs/needs-note.png", fullPage: true });

    // Signed in as the town, while the city collects 2025年全年: the same check names that period and finds the mismatch at 封面!C9.
    const code = server.codes.find((c) => c.unit === town.code)!.code;
    await page.locator("#hz-tab-settings").click();
    await page.locator("#hz-code").fill(code);
    await page.locator("#hz-save").click();
    await page.locator("#hz-settings-result .hz-bar-success").waitFor();
    await page.locator("#hz-tab-check").click();
    await page.locator("#hz-file").setInputFiles(file);
    await page.locator("#hz-period-note", { hasText: "已按本次收集的报告期" }).waitFor();
    expect(await page.locator("#hz-period-note").textContent()).toBe("已按本次收集的报告期“2025年全年”核对封面的统计年度和报告期。");
    expect(await page.locator('.hz-finding[data-rule="PERIOD_MISMATCH"]').getAttribute("data-cell")).toBe("C9");
    await context.close();
  }, 60_000);
});

describe("the pane harness (as Office opens it) on an intranet", () => {
  it("loads office.js only because Office said so, and is interactive in under 1 s", async () => {
    // As for the page: three cold opens, all offline and clean, the fastest under 1 s.
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const { context, blocked } = await intranet();
      const page = await context.newPage();
      const seen = watch(page);
      await page.route("**/addin/office-js/office.js", (route) =>
        route.fulfill({
          contentType: "text/javascript",
          body: "window.Office = { onReady: function () { return Promise.resolve({ host: 'Excel', platform: 'PC' }); }, context: { requirements: { isSetSupported: function () { return true; } }, ui: {} } }; window.Excel = { run: function (f) { return f({}); } };",
        }),
      );
      await page.goto(`${server.url}/addin/taskpane.html?_host_Info=Excel$Win32$16.01$zh-CN$$$$0`);
      await page.locator("html[data-ready='1']").waitFor({ timeout: 10_000 });
      const ms = await readyAt(page);
      expect(ms).toBeGreaterThan(0);
      times.push(ms);
      expect(await page.locator("html").getAttribute("data-host")).toBe("excel");
      expect(seen.requested.filter((p) => p.endsWith(".js"))).toEqual(["/addin/taskpane.js", "/addin/office-js/office.js"]);
      expect({ errors: seen.errors, notFound: seen.notFound, blocked }).toEqual({ errors: [], notFound: [], blocked: [] });
      await context.close();
    }
    expect(Math.min(...times)).toBeLessThan(1000);
  }, 60_000);

  it("the real office.js, told it is in Excel on Windows, finds its companion files on the local server", async () => {
    const { context, blocked } = await intranet();
    const page = await context.newPage();
    const seen = watch(page);
    await page.goto(`${server.url}/addin/taskpane.html?_host_Info=Excel$Win32$16.01$zh-CN$$$$0`);
    await expect.poll(() => seen.ok, { timeout: 10_000 }).toEqual(expect.arrayContaining(["/addin/office-js/zh-cn/office_strings.js", "/addin/office-js/excel-win32-16.01.js"]));
    expect(seen.requested.filter((p) => p.startsWith("/addin/office-js/")).sort()).toEqual([
      "/addin/office-js/excel-win32-16.01.js",
      "/addin/office-js/office.js",
      "/addin/office-js/zh-cn/office_strings.js",
    ]);
    expect(seen.notFound).toEqual([]);
    expect(blocked).toEqual([]);
    await context.close();
  }, 60_000);

  it.each([
    ["Excel on the web", "Excel$Web$16.00$zh-CN$$$$0", "/addin/office-js/excel-web-16.00.js"],
    ["Excel on Mac", "Excel$Mac$16.00$zh-CN$$$$0", "/addin/office-js/excel-mac-16.00.js"],
    ["Excel 2016 MSI", "Excel$Win32$16.00$zh-CN$$$$0", "/addin/office-js/excel-win32-16.00.js"],
  ])("%s: the host file is served (%s)", async (_name, hostInfo, file) => {
    const { context } = await intranet();
    const page = await context.newPage();
    const seen = watch(page);
    await page.goto(`${server.url}/addin/taskpane.html?_host_Info=${hostInfo}`);
    await expect.poll(() => seen.ok, { timeout: 10_000 }).toContain(file);
    expect(seen.notFound).toEqual([]);
    await context.close();
  }, 60_000);
});

describe("Internet Explorer 11 (module scripts do not run)", () => {
  it("shows the Chinese message naming the web page address", async () => {
    const { context } = await intranet();
    const page = await context.newPage();
    const seen = watch(page);
    // IE11's rules, applied to the served page: type="module" scripts are skipped, nomodule scripts run,
    // and document.documentMode exists.
    await page.route("**/addin/taskpane.html", async (route) => {
      const res = await route.fetch();
      const html = (await res.text()).replace(/<script type="module"[^>]*><\/script>/g, "").replace(/<script nomodule /g, "<script ");
      await route.fulfill({ response: res, body: html });
    });
    await page.addInitScript(() => Object.defineProperty(document, "documentMode", { value: 11 }));
    await page.goto(`${server.url}/addin/taskpane.html`);
    await page.locator("html[data-legacy='1']").waitFor({ timeout: 10_000 });
    const text = (await page.locator("#app").textContent()) ?? "";
    expect(text).toContain("旧版 Internet Explorer 浏览器组件");
    expect(text).toContain("请用 Edge、Chrome、Firefox 或 360 安全浏览器（极速模式）打开下面的网页");
    expect(await page.locator(".hz-legacy-address").inputValue()).toBe(`${server.url}/addin/taskpane.html`);
    expect(seen.requested.filter((p) => p.endsWith(".js"))).toEqual(["/addin/legacy.js"]);
    await page.screenshot({ path: path.join(tmp, "ie11.png") });
    await page.screenshot({ path: "docs/ie11-message.png" });
    expect(seen.errors).toEqual([]);
    await context.close();
  }, 60_000);

  it("a browser with module scripts runs the pane and leaves legacy.js alone", async () => {
    const { context } = await intranet();
    const page = await context.newPage();
    const seen = watch(page);
    await page.goto(`${server.url}/addin/taskpane.html`);
    await page.locator("html[data-ready='1']").waitFor({ timeout: 10_000 });
    expect(seen.requested).not.toContain("/addin/legacy.js");
    expect(await page.locator("html").getAttribute("data-legacy")).toBeNull();
    await context.close();
  }, 60_000);
});
