/**
 * One period run through the page by its three kinds of people, in real headless Chromium against
 * the real local server, every non-loopback request aborted: the city opens it with a deadline
 * (管理), a town signs in with its code and submits, the county opens the report and returns it with
 * a reason, the town sees the banner and resubmits, the county sees what changed and accepts, the
 * city consolidates and downloads. Then a representative part at 350 px in the Excel pane (an
 * in-page Office stand-in): the town's banner and the county's review. Saves docs/reviewer.png,
 * docs/review.png and docs/reminders.png.
 */
import path from "node:path";
import ExcelJS from "exceljs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../functions/local/server";
import { startPaneServer, type PaneServer } from "./support/pane-server";
import { buildTemplate } from "../templates/build";
import { sampleFill, demoUnits } from "../templates/samples";
import { formatDateTime } from "../templates/time";

const P = "2026-Y";
const CITY = "330100000000";
const COUNTY = "330102000000";
const TOWNS = demoUnits(6, COUNTY);
const TOWN = TOWNS[0]!;
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const REASON = "科普活动场次与活动台账不符，请核实后重报";

let pane: PaneServer;
let tmp: string;
let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
let first: Uint8Array;
let second: Uint8Array;
/** The deadline, a week from now at 17:00 Beijing time, as the city types it. */
let deadlineLocal: string;

const code = (unit: string) => server.codes.find((c) => c.unit === unit)!.code;

async function rolePage(width = 420, excel = false): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: "zh-CN" });
  contexts.push(context);
  // As on a bureau intranet: nothing leaves the machine.
  await context.route(/^(?!http:\/\/127\.0\.0\.1[:/])/, (route) => route.abort());
  const page = await context.newPage();
  if (excel) {
    await page.route("**/addin/office-js/office.js", (route) => route.fulfill({ contentType: "text/javascript", body: "/* Excel stand-in installed by the test */" }));
    await page.addInitScript(() => {
      const w = window as unknown as Record<string, unknown>;
      w.Office = { HostType: { Excel: "Excel" }, onReady: () => Promise.resolve({ host: "Excel", platform: "PC" }), context: { requirements: { isSetSupported: () => true }, ui: {}, document: {} } };
      w.Excel = { run: async () => [] };
    });
  }
  // Inside Excel the page is opened as Office opens an add-in page: with _host_Info.
  await page.goto(`${server.url}/addin/taskpane.html${excel ? "?_host_Info=Excel$Win32$16.01$zh-CN$$$$0" : ""}`);
  await page.locator("html[data-ready='1']").waitFor({ timeout: 20_000 });
  await page.evaluate(() => {
    (window as unknown as { opened: string[] }).opened = [];
    window.open = ((u: string) => {
      (window as unknown as { opened: string[] }).opened.push(u);
      return null;
    }) as typeof window.open;
  });
  return page;
}

async function signIn(page: Page, unit: string): Promise<string> {
  await page.locator("#hz-tab-settings").click();
  await page.locator("#hz-code").fill(code(unit).toLowerCase());
  await page.locator("#hz-save").click();
  await page.locator(`html[data-role]:not([data-role="none"])`).waitFor();
  return (await page.locator("#hz-who").textContent()) ?? "";
}

const tabs = (page: Page) => page.locator(".hz-tabs [role=tab]").allTextContents();

async function dropFile(page: Page, name: string, bytes: Uint8Array): Promise<void> {
  await page.locator("#hz-tab-check").click();
  await page.locator("#hz-file").setInputFiles({ name, mimeType: XLSX, buffer: Buffer.from(bytes) });
  await page.locator(".hz-summary").waitFor();
}

async function upload(page: Page): Promise<string> {
  await page.locator("#hz-tab-upload").click();
  await expect.poll(() => page.locator("#hz-upload-period").inputValue()).toBe(P);
  await page.locator("#hz-upload").click();
  const ok = page.locator("#hz-upload-result .hz-bar-success span").first();
  await ok.waitFor({ timeout: 30_000 });
  return (await ok.textContent()) ?? "";
}

beforeAll(async () => {
  pane = await startPaneServer("hz-period-e2e-", "2025-Y");
  ({ tmp, server, browser } = pane);
  first = await buildTemplate({ fill: sampleFill(TOWN, P, 5) });
  const fill2 = sampleFill(TOWN, P, 5);
  fill2.values!.G01!.current = Number(fill2.values!.G01!.current) + 2;
  fill2.narrative = { ...fill2.narrative, problems: "科普活动场次已按活动台账核实更正。" };
  second = await buildTemplate({ fill: fill2 });
  const week = new Date(Date.now() + 7 * 86_400_000);
  const d = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" }).format(week);
  deadlineLocal = `${d}T17:00`;
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await pane?.close();
});

describe("one period through the page, three signed-in roles", () => {
  let city: Page, town: Page, county: Page;

  it("the city signs in with its code, sees only its tabs, and opens the period with a deadline", async () => {
    city = await rolePage();
    expect(await tabs(city)).toEqual(["检查", "上传", "登录"]);
    expect(await signIn(city, CITY)).toBe("示例市（市科技局）");
    expect(await tabs(city)).toEqual(["报送情况", "催报", "管理", "登录"]);
    await city.locator("#hz-tab-manage").click();
    await city.locator("#hz-open-year").fill("2026");
    await city.locator("#hz-open-span").selectOption("Y");
    await city.locator("#hz-open-deadline").fill(deadlineLocal);
    await city.locator("#hz-open").click();
    const ok = city.locator("#hz-open-result .hz-bar-success span");
    await ok.waitFor();
    const shown = formatDateTime(new Date(`${deadlineLocal}:00+08:00`));
    expect(await ok.textContent()).toBe(`已开通 2026年全年报送，截止时间 ${shown}。`);
  });

  it("the city downloads the roster as Excel, adds a contact in it and uploads it; a roster with mistakes is refused with every problem listed", async () => {
    await expect.poll(() => city.locator("#hz-roster-now").textContent()).toMatch(/^当前名单共 8 个单位：市 1 个，区县 1 个，乡镇\/街道 6 个（.+ 更新）。$/);
    const [download] = await Promise.all([city.waitForEvent("download"), city.locator("#hz-roster-download").click()]);
    expect(download.suggestedFilename()).toBe("报送单位名单.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await download.path())!);
    const ws = wb.getWorksheet("报送单位名单")!;
    expect((ws.getRow(1).values as unknown[]).slice(1, 7)).toEqual(["名称", "区划代码", "上级代码", "单位类型", "联系人", "联系电话"]);
    const row = ws.getColumn(2).values.findIndex((v) => v === TOWNS[3]!.code);
    expect((ws.getRow(row).values as unknown[]).slice(1, 5)).toEqual([TOWNS[3]!.name, TOWNS[3]!.code, COUNTY, TOWNS[3]!.type]);
    ws.getCell(`E${row}`).value = "赵丽";
    ws.getCell(`F${row}`).value = "13857100001";
    const edited = Buffer.from(await wb.xlsx.writeBuffer());
    await city.locator("#hz-roster-file").setInputFiles({ name: "报送单位名单.xlsx", mimeType: XLSX, buffer: edited });
    await expect.poll(() => city.locator("#hz-roster-result .hz-bar-success span").textContent()).toBe("名单已保存：共 8 个单位：市 1 个，区县 1 个，乡镇/街道 6 个。新单位需要登录码，请在下方签发。");

    // Two mistakes a clerk makes: a code one digit short, and a town whose 上级代码 is not on the list.
    ws.getCell(`B${row}`).value = "33010200400";
    ws.getCell(`C${row + 1}`).value = "330199000000";
    const wrong = Buffer.from(await wb.xlsx.writeBuffer());
    await city.locator("#hz-roster-file").setInputFiles({ name: "报送单位名单.xlsx", mimeType: XLSX, buffer: wrong });
    await city.locator("#hz-roster-result .hz-bar-error").waitFor();
    expect(await city.locator("#hz-roster-result .hz-bar-error span").first().textContent()).toBe("名单有 1 处问题，没有保存。请在 Excel 中改正后重新上传：");
    expect(await city.locator("#hz-roster-result .hz-problems li").allTextContents()).toEqual([`名单第${row}行“${TOWNS[3]!.name}”的区划代码“33010200400”应为12位数字。`]);
    await city.screenshot({ path: "docs/roster.png", fullPage: true });
  });

  it("a wrong code is refused in Chinese, with the code only under 详情", async () => {
    town = await rolePage();
    await town.locator("#hz-tab-settings").click();
    await town.locator("#hz-code").fill("AAAA-BBBB");
    await town.locator("#hz-save").click();
    const bar = town.locator("#hz-settings-result .hz-bar-error");
    await bar.waitFor();
    expect(await bar.locator("span").textContent()).toBe("登录码不正确或已停用。请核对市科技局发的登录码（8 位字母和数字，不区分大小写）后重新输入。");
    expect(await bar.locator("details code").isVisible()).toBe(false);
    expect(await bar.locator("details code").textContent()).toBe("CODE_INVALID");
  });

  it("the town signs in, checks and submits its report", async () => {
    expect(await signIn(town, TOWN.code)).toBe("青阳镇（乡镇/街道）");
    expect(await tabs(town)).toEqual(["检查", "上传", "我的报送", "登录"]);
    await dropFile(town, "青阳镇.xlsx", first);
    expect(await upload(town)).toBe("上传成功：青阳镇 2026年全年报表，状态：已报送。");
  });

  it("with 2025年全年 still open beside 2026年全年, a cover naming either is that period's report; one naming a closed period is held to the chosen one", async () => {
    const rules = () => town.locator(".hz-finding").evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.rule));
    await dropFile(town, "青阳镇2025.xlsx", await buildTemplate({ fill: sampleFill(TOWN, "2025-Y", 6) }));
    expect(await rules()).toEqual([]);
    expect(await town.locator("#hz-period-note").textContent()).toBe("已按本次收集的报告期“2025年全年”核对封面的统计年度和报告期。");
    await dropFile(town, "青阳镇2024.xlsx", await buildTemplate({ fill: sampleFill(TOWN, "2024-Y", 6) }));
    expect(await rules()).toEqual(["PERIOD_MISMATCH"]);
    expect(await town.locator(".hz-finding .hz-msg").first().textContent()).toContain("本报表的报告期为“2024年全年”，但本次收集的是“2026年全年”。");
    // 上传 holds the clerk to the period picked there: the 2025 report is not 2026's.
    await dropFile(town, "青阳镇2025.xlsx", await buildTemplate({ fill: sampleFill(TOWN, "2025-Y", 6) }));
    await town.locator("#hz-tab-upload").click();
    await expect.poll(() => town.locator("#hz-upload-period").inputValue()).toBe("2025-Y");
    await town.locator("#hz-upload-period").selectOption(P);
    await town.locator("#hz-upload").click();
    await expect.poll(() => town.locator("#hz-upload-result .hz-bar-error").textContent()).toBe("报表还有 1 处错误，没有上传。请在“检查”中逐项修改后再上传。");
  });

  it("the county sees the deadline, the town's row, opens the report and returns it with a reason", async () => {
    // Two more towns report (one with an explained warning) so the reviewer's list has something in each state.
    const tok = (c: string) => server.tokens.find((t) => t.code === c)!.token;
    for (const [i, t] of [[1, TOWNS[1]!], [2, TOWNS[2]!]] as const) {
      const fill = sampleFill(t, P, 20 + i);
      if (i === 2) {
        fill.values!.G01!.current = Number(fill.values!.G01!.prior) * 5;
        fill.notes = { G01: "今年新建科普馆，活动大幅增加" };
      }
      const res = await fetch(`${server.url}/api/periods/${P}/units/${t.code}/reports`, { method: "POST", headers: { authorization: `Bearer ${tok(t.code)}`, "content-type": XLSX }, body: (await buildTemplate({ fill })) as unknown as BodyInit });
      expect(res.status).toBe(201);
    }
    county = await rolePage();
    expect(await signIn(county, COUNTY)).toBe("示例区（区县）");
    expect(await tabs(county)).toEqual(["报送情况", "催报", "登录"]);
    await county.locator(`#hz-status tr[data-unit="${TOWN.code}"]`).waitFor();
    expect(await county.locator("#hz-deadline").textContent()).toBe(`截止时间 ${formatDateTime(new Date(`${deadlineLocal}:00+08:00`))}，还剩7天`);
    expect(await county.locator(".hz-chip").allTextContents()).toEqual(["全部 6", "未报送 3", "已报送 2", "有警告 1", "已退回 0", "已通过 0", "逾期 0"]);
    await county.locator('.hz-chip[data-filter="missing"]').click();
    expect(await county.locator("#hz-status tbody tr").evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.state))).toEqual(["missing", "missing", "missing"]);
    await county.locator('.hz-chip[data-filter="all"]').click();
    await county.screenshot({ path: "docs/reviewer.png", fullPage: true });

    await county.locator(`#hz-status tr[data-unit="${TOWN.code}"] .hz-open`).click();
    await county.locator("#hz-review h2").waitFor();
    expect(await county.locator("#hz-review h2").textContent()).toBe("青阳镇已报送");
    expect(await county.locator("#hz-diff").count()).toBe(0);
    await county.locator("#hz-return").click();
    expect(await county.locator("#hz-review-result .hz-bar-warning").textContent()).toBe("退回时必须填写退回原因，以便乡镇修改。");
    await county.locator("#hz-reason").fill(REASON);
    await county.locator("#hz-return").click();
    await county.locator("#hz-review-result .hz-bar-success").waitFor();
    expect(await county.locator("#hz-review-result .hz-bar-success").textContent()).toBe("已退回青阳镇的报表，退回原因已告知该单位。");
  });

  it("the town opens the page again and sees the banner: reason, who, when; then resubmits", async () => {
    await town.reload();
    await town.locator("html[data-ready='1']").waitFor();
    const banner = town.locator("#hz-returned");
    await banner.waitFor();
    expect(await banner.locator("strong").textContent()).toBe("2026年全年报表已被退回，请修改后重新上报");
    expect(await banner.locator("span").textContent()).toBe(`退回原因：${REASON}`);
    expect(await banner.locator("small").textContent()).toMatch(/^示例区 于 \d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2} 退回第 1 版$/);
    await dropFile(town, "青阳镇-修改.xlsx", second);
    expect(await upload(town)).toBe("上传成功：青阳镇 2026年全年报表，状态：已报送。");
    await expect.poll(() => town.locator("#hz-returned").count()).toBe(0);
    await town.locator("#hz-tab-mine").click();
    await expect.poll(() => town.locator(".hz-versions li").count()).toBe(2);
    expect(await town.locator("#hz-returned").count()).toBe(0);
    await town.locator(".hz-versions li").first().locator(".hz-receipt-open").click();
    const receipt = town.locator("#hz-receipt");
    await receipt.waitFor();
    const cells = await receipt.locator("tr").evaluateAll((rows) => rows.map((r) => [r.querySelector("th")!.textContent, r.querySelector("td")!.textContent]));
    expect(cells.map(([k]) => k)).toEqual(["报送单位", "报告期", "版本", "报送时间", "文件校验码", "状态", "填报人"]);
    expect(cells[0]![1]).toBe(`青阳镇（${TOWN.code}）`);
    expect(cells[1]![1]).toBe("2026年全年");
    expect(cells[2]![1]).toBe("第 2 版");
    expect(cells[3]![1]).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/);
    expect(cells[4]![1]).toMatch(/^SHA-256 [0-9a-f]{12}…$/);
    expect(cells[5]![1]).toBe("已报送");
  });

  it("the county sees what changed and accepts", async () => {
    await county.locator("#hz-review-back").click();
    await county.locator(`#hz-status tr[data-unit="${TOWN.code}"][data-state="submitted"] .hz-open`).click();
    const diff = county.locator("#hz-diff");
    await diff.waitFor();
    expect(await diff.locator("h3").textContent()).toBe("与第 1 版相比");
    const g01 = sampleFill(TOWN, P, 5).values!.G01!.current as number;
    expect(await diff.locator("li").allTextContents()).toEqual([`科普活动：${g01} → ${g01 + 2}（+2场次）`, "文字材料“二、存在问题”有修改"]);
    await county.evaluate(() => window.scrollTo(0, 0));
    await county.screenshot({ path: "docs/review.png" });
    await county.locator("#hz-accept").click();
    await county.locator("#hz-review-result .hz-bar-success").waitFor();
    await expect.poll(() => county.locator("#hz-review h2 .hz-state").textContent()).toBe("已通过");
    expect(await county.locator("#hz-review-result .hz-bar-success").textContent()).toBe("已通过青阳镇的第 2 版报表。");
  });

  it("the county's 催报 list: who still owes, the contact, a ready text, copy one or all", async () => {
    // The roster's contact columns stand in for towns that never reported.
    // 赵丽 and her phone came from the roster the city uploaded as Excel (管理, above).
    await county.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.url });
    await county.locator("#hz-tab-reminders").click();
    const items = county.locator(".hz-reminders li");
    await expect.poll(() => items.count()).toBe(3);
    expect(await items.nth(0).locator("small").textContent()).toBe("联系人 赵丽　电话 13857100001（名单）");
    const md = new Intl.DateTimeFormat("en-US", { timeZone: "Asia/Shanghai", month: "numeric", day: "numeric" }).formatToParts(new Date(`${deadlineLocal}:00+08:00`));
    const mmdd = `${md.find((p) => p.type === "month")!.value}月${md.find((p) => p.type === "day")!.value}日17:00`;
    expect(await county.locator(".hz-reminder-text").allTextContents()).toEqual(
      TOWNS.slice(3).map((t) => `请${t.name}于${mmdd}前报送2026年全年科技工作统计报表，还剩7天。`),
    );
    await items.nth(0).locator(".hz-copy").click();
    await county.locator("#hz-reminders-result .hz-bar-success").waitFor();
    expect(await county.evaluate(() => navigator.clipboard.readText())).toBe(`请${TOWNS[3]!.name}于${mmdd}前报送2026年全年科技工作统计报表，还剩7天。`);
    await county.locator("#hz-copy-all").click();
    await expect.poll(() => county.evaluate(() => navigator.clipboard.readText())).toBe(TOWNS.slice(3).map((t) => `请${t.name}于${mmdd}前报送2026年全年科技工作统计报表，还剩7天。`).join("\n"));
    await county.screenshot({ path: "docs/reminders.png", fullPage: true });
  });

  it("bulk 通过 accepts the one still waiting", async () => {
    await county.locator("#hz-tab-status").click();
    await expect.poll(() => county.locator("#hz-bulk").textContent()).toBe("批量通过待审核的报表（2）");
    await county.locator("#hz-bulk").click();
    await county.locator("#hz-bulk-confirm").click();
    await expect.poll(() => county.locator("#hz-bulk-result .hz-bar-success").textContent()).toBe("已通过 2 份报表。");
    expect(await county.locator(".hz-chip").allTextContents()).toEqual(["全部 6", "未报送 3", "已报送 0", "有警告 0", "已退回 0", "已通过 3", "逾期 0"]);
  });

  it("the city consolidates with the counts shown before the click, and downloads the workbook", async () => {
    await city.locator("#hz-tab-status").click();
    await expect.poll(() => city.locator("#hz-status-period").inputValue()).toBe(P);
    await expect.poll(() => city.locator("#hz-include label").allTextContents()).toEqual(["汇总全部已报送的（3 份）", "只汇总审核通过的（3 份）"]);
    expect(await city.locator(".hz-county h3").allTextContents()).toEqual(["示例区（6）"]);
    await city.locator("#hz-consolidate").click();
    const link = city.locator("#hz-consolidation-link");
    await link.waitFor({ timeout: 30_000 });
    expect(await city.locator("#hz-consolidate-result .hz-bar-success span").textContent()).toBe("汇总表已生成（3 个单位，3 个单位未纳入），正在下载。");
    const href = (await link.getAttribute("href"))!;
    expect(await city.evaluate(() => (window as unknown as { opened: string[] }).opened)).toEqual([href]);
    const res = await city.request.get(href);
    expect(res.status()).toBe(200);
    expect((await res.body()).subarray(0, 2).toString()).toBe("PK");
    // The drafted summary is offered beside the workbook: a Word file (also a zip).
    const draft = city.locator("#hz-draft-link");
    expect(await draft.textContent()).toMatch(/^下载汇总材料初稿（.+\.docx）$/);
    const doc = await city.request.get((await draft.getAttribute("href"))!);
    expect([doc.status(), doc.headers()["content-type"]]).toEqual([200, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"]);
  });

  it("the city reissues one town's lost code (the others keep theirs), then revokes it, each after asking once more", async () => {
    const lost = TOWNS[5]!;
    const signInWith = (c: string) => fetch(`${server.url}/api/session`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ code: c }) }).then((r) => r.status);
    await city.locator("#hz-tab-manage").click();
    // The roster's 8 units less the city itself: a new code for it would end this very session.
    await expect.poll(() => city.locator("#hz-code-unit option").count()).toBe(7);
    expect(await city.locator("#hz-code-unit option").evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).not.toContain(CITY);
    expect(await city.locator("#hz-code-unit option").first().getAttribute("value")).toBe(COUNTY);
    await city.locator("#hz-code-unit").selectOption(lost.code);
    await city.locator("#hz-code-one").click();
    await city.locator("#hz-codes-result .hz-bar-success").waitFor();
    expect(await city.locator("#hz-codes-result .hz-bar-success span").textContent()).toBe(`已为${lost.name}签发新登录码，原登录码已作废。`);
    const fresh = (await city.locator(`#hz-codes-table tr[data-unit="${lost.code}"] code`).textContent())!;
    expect([await signInWith(fresh), await signInWith(code(lost.code)), await signInWith(code(TOWNS[4]!.code))]).toEqual([200, 401, 200]);

    await city.locator("#hz-code-revoke").click();
    expect(await city.locator("#hz-codes-result .hz-bar-warning span").textContent()).toBe("作废后，该单位的登录码和已登录的设备都不能再使用，直到重新签发。确定作废吗？");
    await city.locator("#hz-code-revoke-confirm").click();
    await expect.poll(() => city.locator("#hz-codes-result .hz-bar-success span").textContent()).toBe(`${lost.name}（${lost.code}）的登录码已作废。`);
    expect(await signInWith(fresh)).toBe(401);
  });

  it("the city ends collection for the period (a town's upload is then refused, the list shows it ended) and opens it again", async () => {
    const row = city.locator(`#hz-periods tr[data-period="${P}"]`);
    expect(await row.locator("td").allTextContents()).toEqual(["2026年全年", "收集中", formatDateTime(new Date(`${deadlineLocal}:00+08:00`)), "结束报送"]);
    await row.locator("button").click();
    await city.locator(`#hz-close-${P}-confirm`).click();
    await expect.poll(() => city.locator("#hz-periods-result .hz-bar-success span").textContent()).toBe("2026年全年报送已结束。需要补报时可重新开通。");
    expect(await city.locator(`#hz-periods tr[data-period="${P}"] td`).nth(1).textContent()).toMatch(/^已结束（\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}）$/);
    await city.screenshot({ path: "docs/manage.png", fullPage: true });
    // 报送情况 of the ended period: no countdown, but that it ended, and when.
    await city.locator("#hz-tab-status").click();
    await city.locator("#hz-status-period").selectOption(P);
    await expect.poll(() => city.locator("#hz-deadline").textContent()).toMatch(
      new RegExp(`^报送已结束（\\d{4}年\\d{1,2}月\\d{1,2}日 \\d{2}:\\d{2}），截止时间 ${formatDateTime(new Date(`${deadlineLocal}:00+08:00`))}。需要补报时可由市科技局在“管理”中重新开通。$`),
    );
    await city.locator("#hz-tab-manage").click();
    const late = await fetch(`${server.url}/api/periods/${P}/units/${TOWN.code}/reports`, {
      method: "POST",
      headers: { authorization: `Bearer ${server.tokens.find((t) => t.code === TOWN.code)!.token}`, "content-type": XLSX },
      body: Buffer.from(second),
    });
    expect([late.status, ((await late.json()) as { code: string }).code]).toEqual([409, "PERIOD_NOT_OPEN"]);

    // A late town asks to 补报: the city opens the period again (with its deadline), and it is collecting.
    await city.locator("#hz-open-deadline").fill(deadlineLocal);
    await city.locator("#hz-open").click();
    await expect.poll(() => city.locator(`#hz-periods tr[data-period="${P}"] td`).nth(1).textContent()).toBe("收集中");
  });
});

describe("the same people in the Excel pane at 350 px", () => {
  it("the town sees the banner when its report was returned; the county reviews in the narrow pane", async () => {
    // The town sends a third version (the same file); the county returns it from the narrow pane.
    const tok = (c: string) => server.tokens.find((t) => t.code === c)!.token;
    const sent = await fetch(`${server.url}/api/periods/${P}/units/${TOWN.code}/reports`, { method: "POST", headers: { authorization: `Bearer ${tok(TOWN.code)}`, "content-type": XLSX }, body: second as unknown as BodyInit });
    const { version } = (await sent.json()) as { version: string };
    const county = await rolePage(350, true);
    expect(await county.locator("html").getAttribute("data-host")).toBe("excel");
    expect(await signIn(county, COUNTY)).toBe("示例区（区县）");
    expect(await tabs(county)).toEqual(["报送情况", "催报", "登录"]);
    await county.locator(`#hz-status tr[data-unit="${TOWN.code}"] .hz-open`).click();
    await county.locator("#hz-diff").waitFor();
    expect(await county.locator("#hz-diff li").allTextContents()).toEqual([]);
    expect(await county.locator("#hz-diff p").textContent()).toBe("数据和文字材料都没有变化。");
    // The town sends yet another version while the county is reading: reviewing the one on screen is refused plainly.
    await fetch(`${server.url}/api/periods/${P}/units/${TOWN.code}/reports`, { method: "POST", headers: { authorization: `Bearer ${tok(TOWN.code)}`, "content-type": XLSX }, body: second as unknown as BodyInit });
    await county.locator("#hz-reason").fill("请附上科普活动台账");
    await county.locator("#hz-return").click();
    const stale = county.locator("#hz-review-result .hz-bar-error");
    await stale.waitFor();
    expect(await stale.locator("span").textContent()).toBe("该单位已重新上报了更新的版本，只能审核最新版本。请刷新报送情况后重试。");
    await county.locator("#hz-review-result button", { hasText: "查看最新版本" }).click();
    await expect.poll(() => county.locator("#hz-review .hz-muted").first().textContent()).toMatch(/^第 4 版，/);
    await county.locator("#hz-reason").fill("请附上科普活动台账");
    await county.locator("#hz-return").click();
    await county.locator("#hz-review-result .hz-bar-success").waitFor();
    // Nothing wider than the pane.
    expect(await county.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(350);

    const town = await rolePage(350, true);
    expect(await signIn(town, TOWN.code)).toBe("青阳镇（乡镇/街道）");
    expect(await tabs(town)).toEqual(["检查", "上传", "我的报送", "登录"]);
    await town.locator("#hz-returned").waitFor();
    expect(await town.locator("#hz-returned span").textContent()).toBe("退回原因：请附上科普活动台账");
    expect(await town.locator("#hz-new").textContent()).toBe("新建模板");
    expect(version).toMatch(/^v/);
  });

  it("a report returned in another open period is announced, whichever period the town's page opens on", async () => {
    const other = TOWNS[1]!;
    const tok = (c: string) => server.tokens.find((t) => t.code === c)!.token;
    const sent = await fetch(`${server.url}/api/periods/2025-Y/units/${other.code}/reports`, {
      method: "POST",
      headers: { authorization: `Bearer ${tok(other.code)}`, "content-type": XLSX },
      body: Buffer.from(await buildTemplate({ fill: sampleFill(other, "2025-Y", 7) })),
    });
    expect(sent.status).toBe(201);
    const { version } = (await sent.json()) as { version: string };
    const back = await fetch(`${server.url}/api/periods/2025-Y/units/${other.code}/reports/${version}/review`, {
      method: "POST",
      headers: { authorization: `Bearer ${tok(COUNTY)}`, "content-type": "application/json" },
      body: JSON.stringify({ action: "return", reason: "请补充2025年全年的科普活动台账" }),
    });
    expect(back.ok).toBe(true);
    const town = await rolePage(350, true);
    expect(await signIn(town, other.code)).toBe(`${other.name}（乡镇/街道）`);
    await town.locator("#hz-returned").waitFor();
    expect(await town.locator("#hz-returned strong").textContent()).toBe("2025年全年报表已被退回，请修改后重新上报");
    expect(await town.locator("#hz-returned span").textContent()).toBe("退回原因：请补充2025年全年的科普活动台账");
    // The page itself opens on the newest open period, not the one of the banner.
    await town.locator("#hz-tab-mine").click();
    expect(await town.locator("#hz-mine-period").inputValue()).toBe(P);
    expect(await town.locator("#hz-returned strong").textContent()).toBe("2025年全年报表已被退回，请修改后重新上报");
  });
});
