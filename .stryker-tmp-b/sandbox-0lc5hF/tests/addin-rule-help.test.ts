/**
 * The pane explains each finding's rule from the rule table: under every
 * finding, "这条规则是什么：<名称>" folds out the table's paragraph (with the
 * settings in force). Real Chromium on the standalone page, real local server,
 * every non-loopback request aborted.
 */
// @ts-nocheck

import { writeFile } from "node:fs/promises";
import path from "node:path";

import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { RunningServer } from "../functions/local/server";
import { startPaneServer, type PaneServer } from "./support/pane-server";
import { buildTemplate } from "../templates/build";
import { RULES, ruleHelp } from "../templates/rules/index";
import { sampleFill } from "../templates/samples";

let pane: PaneServer;
let tmp: string;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  pane = await startPaneServer("hz-rule-help-", "2025-Y");
  ({ tmp, server, browser } = pane);
}, 120_000);

afterAll(async () => {
  await pane?.close();
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
