/**
 * The pane explains each finding's rule from the rule table: under every
 * finding, "这条规则是什么：<名称>" folds out the table's paragraph (with the
 * settings in force). Real Chromium on the standalone page, real local server,
 * every non-loopback request aborted.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { build } from "esbuild";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startServer, type RunningServer } from "../functions/local/server";
import { buildTemplate } from "../templates/build";
import { RULES, ruleHelp } from "../templates/rules/index";
import { sampleFill } from "../templates/samples";
// @ts-expect-error plain .mjs scripts have no type declarations
import { addinTargets } from "../scripts/build/addin.mjs";
// @ts-expect-error plain .mjs scripts have no type declarations
import { CHROMIUM_ARGS, ensureChromium } from "../scripts/ensure-chromium.mjs";

let tmp: string;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), "hz-rule-help-"));
  const outDir = path.join(tmp, "addin");
  for (const t of addinTargets(outDir, "local")) await build({ ...t, logLevel: "error" });
  server = await startServer({ port: 0, dataDir: path.join(tmp, "data"), addinDir: outDir, demo: true, demoPeriod: "2025-Y", secret: "rule-help-secret-0123456789abcdef", logLevel: "SILENT" });
  browser = await chromium.launch({ executablePath: ensureChromium({ log: () => {} }) as string, args: CHROMIUM_ARGS });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe("the check screen explains each finding's rule", () => {
  it("names the rule and folds out the table's paragraph, for an error and a warning", async () => {
    const fill = sampleFill({ name: "青阳镇", code: "330102001000", type: "乡镇" }, "2025-Y", 11);
    fill.values!.C02 = { ...fill.values!.C02, current: -3 };
    fill.values!.G01 = { ...fill.values!.G01, current: Number(fill.values!.G01!.prior) * 5 };
    const file = path.join(tmp, "青阳镇报表.xlsx");
    await writeFile(file, await buildTemplate({ fill }));

    const context = await browser.newContext({ viewport: { width: 380, height: 900 }, locale: "zh-CN" });
    const blocked: string[] = [];
    await context.route("**/*", (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === "127.0.0.1" || url.hostname === "localhost" || url.protocol === "data:") return route.continue();
      blocked.push(url.href);
      return route.abort("internetdisconnected");
    });
    const page = await context.newPage();
    await page.goto(`${server.url}/addin/taskpane.html`);
    await page.locator("html[data-ready='1']").waitFor({ timeout: 10_000 });
    await page.locator("#hz-file").setInputFiles(file);
    await page.locator('.hz-finding[data-rule="NEGATIVE"]').waitFor();

    // One explanation per finding, in the same order, each naming the finding's rule.
    const findings = await page.locator(".hz-result .hz-finding").evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.rule));
    const notes = await page.locator(".hz-result .hz-rule").evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.rule));
    expect(notes).toEqual(findings);
    expect(findings).toEqual(expect.arrayContaining(["NEGATIVE", "GROWTH_IMPLAUSIBLE", "COMPONENTS_SUM"]));

    const negative = page.locator('.hz-result .hz-rule[data-rule="NEGATIVE"]');
    expect(await negative.locator("summary").textContent()).toBe(`这条规则是什么：${RULES.NEGATIVE.name}`);
    expect(await negative.locator("p").isVisible()).toBe(false);
    await negative.locator("summary").click();
    expect(await negative.locator("p").isVisible()).toBe(true);
    expect(await negative.locator("p").textContent()).toBe(ruleHelp("NEGATIVE"));

    const growth = page.locator('.hz-result .hz-rule[data-rule="GROWTH_IMPLAUSIBLE"]');
    expect(await growth.locator("summary").textContent()).toBe("这条规则是什么：增幅异常");
    await growth.locator("summary").click();
    expect(await growth.locator("p").textContent()).toBe(ruleHelp("GROWTH_IMPLAUSIBLE"));
    expect(await growth.locator("p").textContent()).toContain("（-50%～+200%）");

    await page.screenshot({ path: path.join(process.env.HZ_SHOT_DIR ?? tmp, "rule-help.png"), fullPage: true });
    expect(blocked).toEqual([]);
    await context.close();
  }, 60_000);
});
