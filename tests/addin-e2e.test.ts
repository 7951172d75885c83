/**
 * The pane end to end in real headless Chromium against the real local server.
 *
 * Standalone page: in real headless Chromium against the real local server:
 * a clerk drops a bad workbook, sees the findings the core finds (same rules, same cells),
 * clicks one and sees it in the preview; drops a good one, signs in with the town's token,
 * uploads it and sees it accepted; the status view shows it, and the county can consolidate.
 * Also the errors a clerk meets (bad token, server unreachable) as plain Chinese sentences.
 *
 * Inside Excel: the same built page with office.js replaced by a small in-page stand-in for
 * Excel (a workbook of used ranges, conditional formats, getFileAsync slices), so the Office
 * path — reading, jumping to a cell, marking, uploading the document — runs in a browser too.
 * Saves docs/taskpane.png (the pane in Excel with findings) and docs/standalone.png.
 */
import path from "node:path";

import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { RunningServer } from "../functions/local/server";
import { startPaneServer, type PaneServer } from "./support/pane-server";
import { buildTemplate } from "../templates/build";
import { inspectWorkbook } from "../templates/inspect";
import { readXlsxGrid } from "../templates/xlsx/index";
import { indicatorCell, SHEETS } from "../templates/layout";
import { sampleFill } from "../templates/samples";
import type { RangeData } from "../addin/office/excel";
import { OFFICE_VISIBILITY, usedRange } from "./fixtures/office-range";

const PERIOD = "2025-Y";
const TOWN = { name: "青阳镇", code: "330102001000", type: "乡镇" as const };
const COUNTY = "330102000000";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

let pane: PaneServer;
let tmp: string;
let server: RunningServer;
let browser: Browser;
let page: Page;
let good: Uint8Array;
/** A02 (an amount) of the bad report as the sheet's #,##0.00 shows it. */
let A02_SHOWN = "";
let bad: Uint8Array;

/** The demo sign-in code of a unit (printed by the local server in demo mode). */
function signinCode(unit: string): string {
  const c = server.codes.find((x) => x.unit === unit);
  if (!c) throw new Error(`no demo code for ${unit}`);
  return c.code;
}

async function dropFile(name: string, bytes: Uint8Array): Promise<void> {
  await page.locator("#hz-tab-check").click();
  await page.locator("#hz-file").setInputFiles({ name, mimeType: XLSX, buffer: Buffer.from(bytes) });
  await page.locator("#hz-drop .hz-file-name", { hasText: name }).waitFor();
}

async function signIn(code: string): Promise<string> {
  await page.locator("#hz-tab-settings").click();
  await page.locator("#hz-code").fill(code);
  await page.locator("#hz-save").click();
  const bar = page.locator("#hz-settings-result .hz-bar").filter({ hasNotText: "正在登录" });
  // A county or the city is taken to its list at once, so the answer may already be on a hidden tab.
  await bar.waitFor({ state: "attached" });
  return (await bar.locator("span").first().textContent()) ?? "";
}

beforeAll(async () => {
  pane = await startPaneServer("hz-addin-e2e-", PERIOD);
  ({ tmp, server, browser } = pane);

  const fill = sampleFill(TOWN, PERIOD, 11);
  good = await buildTemplate({ fill });
  const badFill = sampleFill(TOWN, PERIOD, 11);
  badFill.values!.D02 = { ...badFill.values!.D02, current: "约200" };
  badFill.values!.C02 = { ...badFill.values!.C02, current: -3 };
  badFill.cover!.phone = "12345";
  bad = await buildTemplate({ fill: badFill });
  A02_SHOWN = (badFill.values!.A02!.current as number).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

  page = await browser.newPage({ viewport: { width: 420, height: 860 }, locale: "zh-CN" });
  await page.goto(`${server.url}/addin/taskpane.html`);
  await page.locator("html[data-ready='1']").waitFor({ timeout: 20_000 });
});

afterAll(async () => {
  await pane?.close();
});

describe("standalone page in Chromium", () => {
  it("knows it is outside Office and shows the file picker", async () => {
    expect(await page.locator("html").getAttribute("data-host")).toBe("browser");
    expect(await page.locator("#hz-drop strong").textContent()).toBe("把填好的报表（.xlsx）拖到这里");
    expect(await page.locator(".hz-tabs [role=tab]").allTextContents()).toEqual(["检查", "上传", "登录"]);
  });

  it("an Excel owner file (~$…) picked beside the report is named as such, not read", async () => {
    await page.locator("#hz-tab-check").click();
    const owner = Buffer.concat([Buffer.from([8]), Buffer.from("zhangsan".padEnd(164, " "))]);
    await page.locator("#hz-file").setInputFiles({ name: "~$青阳镇.xlsx", mimeType: XLSX, buffer: owner });
    const bar = page.locator("#hz-check-result .hz-bar");
    await bar.waitFor();
    expect(await bar.textContent()).toContain("文件“~$青阳镇.xlsx”是 Excel 或 WPS 打开工作簿时在旁边生成的临时文件（文件名以 ~$ 开头），不是报表。请选择同一文件夹中不带 ~$ 的那个报表文件。");
    expect(await bar.locator("code").textContent()).toBe("OFFICE_LOCK_FILE");
    expect(await page.locator(".hz-finding").count()).toBe(0);
  });

  it("lists a bad workbook's findings by severity, with the core's rules and cells", async () => {
    await dropFile("青阳镇-有错.xlsx", bad);
    await page.locator(".hz-result").waitFor();
    const expected = inspectWorkbook(bad);
    if (!expected.ok) throw new Error(expected.message);
    const shown = await page.locator(".hz-finding").evaluateAll((els) => els.map((e) => [(e as HTMLElement).dataset.rule, (e as HTMLElement).dataset.sheet, (e as HTMLElement).dataset.cell]));
    const errors = expected.findings.filter((f) => f.severity === "error");
    const warnings = expected.findings.filter((f) => f.severity === "warning");
    expect(shown).toEqual([...errors, ...warnings].map((f) => [f.rule, f.sheet, f.cell]));
    expect(shown).toEqual(
      expect.arrayContaining([
        ["PHONE_INVALID", SHEETS.cover, "C11"],
        ["NUMBER_APPROXIMATE", SHEETS.indicators, indicatorCell("D02", "current")],
        ["NEGATIVE", SHEETS.indicators, indicatorCell("C02", "current")],
      ]),
    );
    expect(await page.locator(".hz-summary").textContent()).toContain(`${errors.length} 处错误`);
    expect(await page.locator(".hz-group-error h3").textContent()).toContain(`错误（${errors.length}）`);
  });

  it("clicking a finding shows its cell in the sheet preview", async () => {
    const cell = indicatorCell("D02", "current");
    const item = page.locator(`.hz-finding[data-rule="NUMBER_APPROXIMATE"]`);
    await item.click();
    await expect.poll(() => page.locator("#hz-preview td.is-focus").getAttribute("data-cell")).toBe(cell);
    expect(await page.locator("#hz-preview .hz-preview-title").textContent()).toBe(`工作表：${SHEETS.indicators}　单元格 ${cell}`);
    expect(await page.locator("#hz-preview td.is-focus").textContent()).toBe("约200");
    // An amount with the sheet's thousands separator and two decimals, on the right.
    const amount = page.locator(`#hz-preview td[data-cell="${indicatorCell("A02", "current")}"]`);
    expect([await amount.textContent(), await amount.getAttribute("class")]).toEqual([A02_SHOWN, "is-number"]);
    expect(await page.locator("#hz-preview td.is-focus").getAttribute("class")).toContain("is-error");
    expect(await item.locator("xpath=..").getAttribute("class")).toContain("is-current");
    await page.locator(`.hz-finding[data-rule="PHONE_INVALID"]`).click();
    await expect.poll(() => page.locator("#hz-preview .hz-preview-title").textContent()).toBe(`工作表：${SHEETS.cover}　单元格 C11`);
    // 填报日期 as the sheet shows it, not the serial number the file stores; text stays on the left.
    const date = page.locator(`#hz-preview td[data-cell="C13"]`);
    expect([await date.textContent(), await date.getAttribute("class")]).toEqual(["2025-12-20", "is-number"]);
    expect([await page.locator(`#hz-preview td[data-cell="C11"]`).textContent(), await page.locator(`#hz-preview td[data-cell="C11"]`).getAttribute("class")]).toEqual(["12345", "is-error is-focus"]);
    await page.locator(`.hz-finding[data-rule="NUMBER_APPROXIMATE"]`).click();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: "docs/standalone.png", fullPage: true });
  });

  it("says in Chinese when the code is wrong, and when the server cannot be reached", async () => {
    expect(await signIn("not-a-code")).toBe("登录码不正确或已停用。请核对市科技局发的登录码（8 位字母和数字，不区分大小写）后重新输入。");
    expect(await page.locator("#hz-settings-result details summary").textContent()).toBe("详情");
    expect(await page.locator("#hz-settings-result details code").textContent()).toBe("CODE_INVALID");
    await page.locator(".hz-advanced summary").click();
    await page.locator("#hz-server").fill("http://127.0.0.1:9");
    expect(await signIn(signinCode(TOWN.code))).toContain("无法连接到服务器");
    await page.locator("#hz-server").fill("");
  });

  it("refuses to upload a workbook with errors before sending it", async () => {
    expect(await signIn(signinCode(TOWN.code))).toBe("已登录：青阳镇（乡镇/街道）。");
    await page.locator("#hz-tab-upload").click();
    expect(await page.locator("#hz-upload-period option").allTextContents()).toEqual(["2025年全年"]);
    await page.locator("#hz-upload").click();
    const msg = page.locator("#hz-upload-result .hz-bar");
    await msg.waitFor();
    expect(await msg.textContent()).toMatch(/^报表还有 \d+ 处错误，没有上传。/);
  });

  it("uploads a good workbook with the town's token and shows it accepted", async () => {
    await dropFile("青阳镇-2025年全年.xlsx", good);
    await page.locator(".hz-summary.is-ok").waitFor();
    expect(await page.locator(".hz-summary").textContent()).toBe("报表检查通过，没有发现问题，可以上传。");
    await page.locator("#hz-tab-upload").click();
    await page.locator("#hz-upload").click();
    const ok = page.locator("#hz-upload-result .hz-bar-success");
    await ok.waitFor({ timeout: 30_000 });
    expect(await ok.locator("span").textContent()).toBe("上传成功：青阳镇 2025年全年报表，状态：已报送。");
    expect(await ok.locator("small").textContent()).toBe("第 1 版");
    expect(await page.locator("#hz-progress").isHidden()).toBe(true);
  });

  it("the town's own history shows the report; a town has no status list or consolidation", async () => {
    expect(await page.locator(".hz-tabs [role=tab]").allTextContents()).toEqual(["检查", "上传", "我的报送", "登录"]);
    await page.locator("#hz-tab-mine").click();
    await expect.poll(() => page.locator(".hz-versions li").count()).toBe(1);
    expect(await page.locator("#hz-mine .hz-status-summary strong").textContent()).toBe("当前状态：已报送");
    expect(await page.locator("#hz-consolidate").isVisible()).toBe(false);
  });

  it("the county sees who reported and who is missing, and downloads the consolidation", async () => {
    expect(await signIn(signinCode(COUNTY))).toBe("已登录：示例区（区县）。");
    await page.locator("#hz-tab-status").click();
    await expect.poll(() => page.locator("#hz-status tbody tr").count()).toBe(6);
    const states = await page.locator("#hz-status tbody tr").evaluateAll((rows) => rows.map((r) => [(r as HTMLElement).dataset.unit, (r as HTMLElement).dataset.state]));
    expect(states).toHaveLength(6);
    expect(states.filter(([, s]) => s === "missing")).toHaveLength(5);
    expect(states.find(([u]) => u === TOWN.code)).toEqual([TOWN.code, "submitted"]);
    expect(await page.locator("#hz-status .hz-status-summary").textContent()).toContain("已报送 1 / 6");

    await page.evaluate(() => {
      (window as unknown as { opened: string[] }).opened = [];
      window.open = ((u: string) => {
        (window as unknown as { opened: string[] }).opened.push(u);
        return null;
      }) as typeof window.open;
    });
    await expect.poll(() => page.locator("#hz-include label").allTextContents()).toEqual(["汇总全部已报送的（1 份）", "只汇总审核通过的（0 份）"]);
    expect(await page.locator('#hz-include input[value="submitted"]').isChecked()).toBe(true);
    await page.locator("#hz-consolidate").click();
    const link = page.locator("#hz-consolidation-link");
    await link.waitFor({ timeout: 30_000 });
    const href = (await link.getAttribute("href"))!;
    expect(href).toContain("/api/download?t=");
    expect(await page.evaluate(() => (window as unknown as { opened: string[] }).opened)).toEqual([href]);
    const res = await page.request.get(href);
    expect(res.status()).toBe(200);
    expect((await res.body()).subarray(0, 2).toString()).toBe("PK");
  });
});

// ---------------------------------------------------------------- inside Excel (stand-in host)

interface FakeSheet {
  name: string;
  visibility: string;
  range: RangeData | null;
}

/** What Excel's getUsedRange would load for each sheet of a workbook. */
function excelSheets(bytes: Uint8Array): FakeSheet[] {
  const r = readXlsxGrid(bytes);
  if (!r.ok) throw new Error(r.message);
  return r.grid.sheets.map((sheet) => ({ name: sheet.name, visibility: OFFICE_VISIBILITY[sheet.state], range: usedRange(sheet) }));
}

/** Runs in the page before any script: `Office` and `Excel` over the workbook in `window.__wb`. */
function installFakeExcel(): void {
  type W = { __wb: { sheets: FakeSheet[]; file: string }; __excelLog: string[]; __marks: Map<string, { sheet: string; cell: string; custom: { format: { fill: { color?: string } } } }> };
  const w = window as unknown as W & Record<string, unknown>;
  const log: string[] = (w.__excelLog = []);
  const marks = (w.__marks = new Map());
  let next = 1;
  const noop = () => {};
  const range = (sheet: string, cell: string) => ({
    select: () => log.push(`select ${sheet}!${cell}`),
    conditionalFormats: {
      items: [] as { id: string }[],
      load() {
        this.items = [...marks.entries()].filter(([, m]) => m.sheet === sheet && m.cell === cell).map(([id]) => ({ id }));
      },
      add() {
        const cf = { id: `{cf-${next++}}`, sheet, cell, custom: { rule: {}, format: { fill: {}, font: {} } }, load: noop };
        marks.set(cf.id, cf);
        log.push(`mark ${sheet}!${cell}`);
        return cf;
      },
      getItem: (id: string) => ({
        delete: () => {
          marks.delete(id);
          log.push(`unmark ${sheet}!${cell}`);
        },
      }),
    },
  });
  const sheetObj = (s: FakeSheet) => ({
    name: s.name,
    visibility: s.visibility,
    protection: { protected: false, options: {}, load: noop, unprotect: noop, protect: noop },
    getUsedRange: () => ({ ...s.range, load: noop }),
    activate: () => log.push(`activate ${s.name}`),
    getRange: (cell: string) => range(s.name, cell),
  });
  const context = {
    workbook: {
      get worksheets() {
        const items = w.__wb.sheets.map(sheetObj);
        return {
          items,
          load: noop,
          getItem(name: string) {
            const found = items.find((x) => x.name === name);
            if (!found) throw Object.assign(new Error("ItemNotFound"), { code: "ItemNotFound" });
            return found;
          },
        };
      },
      insertWorksheetsFromBase64: noop,
    },
    sync: async () => {},
  };
  w.Excel = { run: async (fn: (c: unknown) => unknown) => fn(context), createWorkbook: async () => {} };
  w.Office = {
    HostType: { Excel: "Excel" },
    onReady: () => Promise.resolve({ host: "Excel", platform: "PC" }),
    context: {
      requirements: { isSetSupported: () => true },
      ui: {},
      document: {
        getFileAsync(_type: string, opts: { sliceSize: number }, cb: (r: unknown) => void) {
          const bytes = Uint8Array.from(atob(w.__wb.file), (c) => c.charCodeAt(0));
          const count = Math.ceil(bytes.length / opts.sliceSize);
          log.push(`getFile ${count} slices, ${marks.size} marks`);
          cb({
            status: "succeeded",
            value: {
              sliceCount: count,
              getSliceAsync: (i: number, scb: (r: unknown) => void) => scb({ status: "succeeded", value: { index: i, data: Array.from(bytes.subarray(i * opts.sliceSize, (i + 1) * opts.sliceSize)) } }),
              closeAsync: (ccb: () => void) => {
                log.push("closeFile");
                ccb();
              },
            },
          });
        },
      },
    },
  };
}

describe("the pane inside Excel (stand-in host)", () => {
  let pane: Page;
  const setWorkbook = (bytes: Uint8Array) =>
    pane.evaluate((wb) => {
      (window as unknown as { __wb: unknown }).__wb = wb;
    }, { sheets: excelSheets(bytes), file: Buffer.from(bytes).toString("base64") });
  const excelLog = () => pane.evaluate(() => (window as unknown as { __excelLog: string[] }).__excelLog.splice(0));

  beforeAll(async () => {
    pane = await browser.newPage({ viewport: { width: 360, height: 900 }, locale: "zh-CN" });
    await pane.route("**/addin/office-js/office.js", (route) => route.fulfill({ contentType: "text/javascript", body: "/* Excel stand-in installed by the test */" }));
    await pane.addInitScript(installFakeExcel);
    // As Office opens an add-in page: with _host_Info (the pane decides from it to load office.js).
    await pane.goto(`${server.url}/addin/taskpane.html?_host_Info=Excel$Win32$16.01$zh-CN$$$$0`);
    await pane.locator("html[data-ready='1']").waitFor({ timeout: 20_000 });
    await setWorkbook(bad);
  });

  it("runs as the Excel pane: 新建模板, the marking switch, no file picker", async () => {
    expect(await pane.locator("html").getAttribute("data-host")).toBe("excel");
    expect(await pane.locator("#hz-new").textContent()).toBe("新建模板");
    expect(await pane.locator("#hz-file").count()).toBe(0);
    expect(await pane.locator("#hz-mark").isDisabled()).toBe(true);
  });

  it("checks the open workbook and lists the same findings as the core", async () => {
    await pane.locator("#hz-tab-check").click();
    await pane.locator("#hz-check").click();
    await pane.locator(".hz-result").waitFor();
    const expected = inspectWorkbook(bad);
    if (!expected.ok) throw new Error(expected.message);
    const shown = await pane.locator(".hz-finding").evaluateAll((els) => els.map((e) => `${(e as HTMLElement).dataset.sheet}!${(e as HTMLElement).dataset.cell}`));
    expect(shown.sort()).toEqual(expected.findings.map((f) => `${f.sheet}!${f.cell}`).sort());
    expect(await pane.locator("#hz-mark").isDisabled()).toBe(false);
    await excelLog();
  });

  it("clicking a finding activates its sheet, then selects its cell", async () => {
    await pane.locator(`.hz-finding[data-rule="NEGATIVE"]`).click();
    await expect.poll(excelLog).toEqual([`activate ${SHEETS.indicators}`, `select ${SHEETS.indicators}!${indicatorCell("C02", "current")}`]);
    await pane.locator(`.hz-finding[data-rule="PHONE_INVALID"]`).click();
    await expect.poll(excelLog).toEqual([`activate ${SHEETS.cover}`, `select ${SHEETS.cover}!C11`]);
  });

  it("marks the offending cells with the switch and removes exactly those marks again", async () => {
    const cells = await pane.locator(".hz-finding").evaluateAll((els) => [...new Set(els.map((e) => `${(e as HTMLElement).dataset.sheet}!${(e as HTMLElement).dataset.cell}`))]);
    await pane.locator("label[for=hz-mark]").click();
    await expect.poll(() => pane.evaluate(() => (window as unknown as { __marks: Map<string, unknown> }).__marks.size)).toBe(cells.length);
    expect((await excelLog()).sort()).toEqual(cells.map((c) => `mark ${c}`).sort());
    await pane.screenshot({ path: "docs/taskpane.png", fullPage: true });
    await pane.locator("label[for=hz-mark]").click();
    await expect.poll(() => pane.evaluate(() => (window as unknown as { __marks: Map<string, unknown> }).__marks.size)).toBe(0);
    expect((await excelLog()).sort()).toEqual(cells.map((c) => `unmark ${c}`).sort());
  });

  it("uploads the open workbook, read in 64 KiB slices, and shows the server's answer", async () => {
    await setWorkbook(good);
    await pane.locator("#hz-tab-settings").click();
    await pane.locator("#hz-code").fill(signinCode(TOWN.code));
    await pane.locator("#hz-save").click();
    await pane.locator("#hz-settings-result .hz-bar-success").waitFor();
    await pane.locator("#hz-tab-upload").click();
    await pane.locator("#hz-upload").click();
    const ok = pane.locator("#hz-upload-result .hz-bar-success");
    await ok.waitFor({ timeout: 30_000 });
    expect(await ok.locator("span").textContent()).toBe("上传成功：青阳镇 2025年全年报表，状态：已报送。");
    const slices = Math.ceil(good.length / 65536);
    expect(await excelLog()).toEqual([`getFile ${slices} slices, 0 marks`, "closeFile"]);
  });

  it("uploads the workbook without the pane's marks, and puts them back afterwards", async () => {
    const warnFill = sampleFill(TOWN, PERIOD, 11);
    warnFill.values!.D07 = { ...warnFill.values!.D07, current: 300, prior: 60 };
    warnFill.notes = { ...warnFill.notes, D07: "新引进两家企业，数据已核实" };
    const warned = await buildTemplate({ fill: warnFill });
    const cell = `${SHEETS.indicators}!${indicatorCell("D07", "current")}`;
    await setWorkbook(warned);
    await pane.locator("#hz-tab-check").click();
    await pane.locator("#hz-check").click();
    await pane.locator(`.hz-finding[data-rule="GROWTH_IMPLAUSIBLE"]`).waitFor();
    await pane.locator("label[for=hz-mark]").click();
    await expect.poll(() => pane.evaluate(() => (window as unknown as { __marks: Map<string, unknown> }).__marks.size)).toBe(1);
    await excelLog();
    // Checking again with the switch on finds the same cell: nothing is written to the workbook.
    await pane.locator("#hz-check").click();
    await pane.locator("#hz-check:not(.is-busy)").waitFor();
    await pane.locator(`.hz-finding[data-rule="GROWTH_IMPLAUSIBLE"]`).waitFor();
    expect(await excelLog()).toEqual([]);
    await pane.locator("#hz-tab-upload").click();
    await pane.locator("#hz-upload").click();
    await pane.locator("#hz-upload-result .hz-bar").first().waitFor({ timeout: 30_000 });
    const slices = Math.ceil(warned.length / 65536);
    // The check before upload finds the same cell and writes nothing; the mark is lifted while the file is read, then restored.
    await expect.poll(excelLog).toEqual([`unmark ${cell}`, `getFile ${slices} slices, 0 marks`, "closeFile", `mark ${cell}`]);
    await pane.locator("#hz-tab-check").click();
    await pane.locator("label[for=hz-mark]").click();
    await expect.poll(() => pane.evaluate(() => (window as unknown as { __marks: Map<string, unknown> }).__marks.size)).toBe(0);
  });
});
