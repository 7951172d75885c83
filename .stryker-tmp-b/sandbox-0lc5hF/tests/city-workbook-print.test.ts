/**
 * The city workbook and the template as a bureau prints them: LibreOffice →
 * PDF → pdftotext. Every narrative's full text is on paper, every indicator's
 * name is on the same line (so the same page) as its values, 分单位明细 for 40
 * towns stays within a bounded number of pages, and the signing lines are there.
 */
// @ts-nocheck

import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INDICATORS, NARRATIVE_SECTIONS } from "../templates/catalog";
import { buildTemplate } from "../templates/build";
import { printedName } from "../templates/layout";
import { writeConsolidationWorkbook } from "../templates/merge/workbook";
import type { Consolidation } from "../templates/merge/merge";
import { sampleFill } from "../templates/samples";
import { printConsolidation, longText } from "./support/print-fixture";

const dir = mkdtempSync(join(tmpdir(), "hz-print-"));
/** Pages of 分单位明细 for 40 towns and 50 indicators: 13 blocks of four indicators, one page each (measured: 13–14). */
const DETAIL_PAGE_BOUND = 14;

function toPdf(file: string): void {
  execFileSync("soffice", [`-env:UserInstallation=file://${join(dir, "profile")}`, "--headless", "--convert-to", "pdf", "--outdir", dir, file], { timeout: 240_000, stdio: "pipe" });
}
function pages(pdf: string, layout: boolean): string[] {
  return execFileSync("pdftotext", [...(layout ? ["-layout"] : []), pdf, "-"], { maxBuffer: 64 << 20 }).toString("utf8").split("\f").slice(0, -1);
}
const FOOTER_LINE = /第\d+页 共\d+页/;
/** The sheet a page belongs to: the footer names it on the left. */
const sheetOf = (page: string) => (page.split("\n").reverse().find((l) => FOOTER_LINE.test(l)) ?? "").trim().split(/\s+/)[0] ?? "";
const squash = (s: string) => s.replace(/\s/g, "");
const bodyOf = (page: string) => squash(page.split("\n").filter((l) => !FOOTER_LINE.test(l) && !["文字材料汇编", "文字材料"].includes(squash(l))).join("\n"));

let c: Consolidation;
let layoutPages: string[];
let plainPages: string[];
/** Sheet of each page (from the layout text, where the footer's sheet name and page number share a line). */
let sheetsOfPages: string[];
const plainOf = (sheet: string) => plainPages.filter((_, i) => sheetsOfPages[i] === sheet);
let templatePages: string[];
let templatePlain: string[];
const templateText = { achievements: longText("青阳镇", "主要工作及成效", 600), problems: longText("青阳镇", "存在问题", 300), plans: longText("青阳镇", "下步工作打算", 300) };

beforeAll(async () => {
  c = printConsolidation(40);
  writeFileSync(join(dir, "city.xlsx"), await writeConsolidationWorkbook(c, { generatedAt: "2026-01-10T02:30:00Z" }));
  toPdf(join(dir, "city.xlsx"));
  layoutPages = pages(join(dir, "city.pdf"), true);
  plainPages = pages(join(dir, "city.pdf"), false);
  sheetsOfPages = layoutPages.map(sheetOf);
  const fill = sampleFill({ name: "青阳镇", code: "330102001000", type: "乡镇" }, "2025-Y", 7);
  fill.narrative = templateText;
  writeFileSync(join(dir, "town.xlsx"), await buildTemplate({ fill }));
  toPdf(join(dir, "town.xlsx"));
  templatePages = pages(join(dir, "town.pdf"), true);
  templatePlain = pages(join(dir, "town.pdf"), false);
}, 600_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const fmt = (n: number, kind: string) =>
  kind === "ratio" ? `${(n * 100).toFixed(1)}%` : n.toLocaleString("en-US", { minimumFractionDigits: kind === "count" ? 0 : 2, maximumFractionDigits: kind === "count" ? 0 : 2 });

describe("the city workbook on paper", () => {
  it("汇总: every indicator's name on the same line as its 本期 and 上年同期; 表号 and the signing line", () => {
    const summary = layoutPages.filter((p) => sheetOf(p) === "汇总");
    expect(summary.length).toBe(2);
    const lines = summary.flatMap((p) => p.split("\n"));
    for (const ind of INDICATORS) {
      const t = c.totals[ind.code]!;
      const line = lines.find((l) => l.includes(` ${ind.code} `) && l.includes(printedName(ind).trim()));
      expect(line, ind.code).toBeDefined();
      expect(line).toContain(fmt(t.current!, ind.kind));
      expect(line).toContain(fmt(t.prior!, ind.kind));
    }
    const text = summary.join("\n");
    expect(text).toContain("表号：汇总科统1表");
    expect(squash(text)).toContain(squash("单位负责人：陈志远　　　　统计负责人：＿＿＿＿＿＿　　　　填表人：张明　　　　报出日期：2026年1月10日"));
    expect(text).toMatch(/第1页 共\d+页/);
  });

  it(`分单位明细: 合计 on the first page, whole indicator blocks per page, at most ${DETAIL_PAGE_BOUND} pages for 40 towns`, () => {
    const detail = layoutPages.filter((p) => sheetOf(p) === "分单位明细");
    expect(detail.length).toBeGreaterThanOrEqual(13);
    expect(detail.length).toBeLessThanOrEqual(DETAIL_PAGE_BOUND);
    expect(detail[0]).toContain("合计（40个单位）");
    // Page numbers start again on every sheet.
    expect(detail.map((p) => /第(\d+)页/.exec(p)?.[1])).toEqual(detail.map((_, i) => String(i + 1)));
    // No blank continuation pages: every page shows unit rows.
    for (const p of detail) expect(p).toMatch(/第\d+镇/);
    // Every indicator's heading and its three columns are on one page.
    for (const ind of INDICATORS) {
      const page = detail.find((p) => squash(p).includes(squash(`${ind.code} ${printedName(ind).trim()}`)));
      expect(page, ind.code).toBeDefined();
    }
  });

  it("排名: one whole block per page, every town on it", () => {
    const rank = layoutPages.filter((p) => sheetOf(p) === "排名");
    const heads = INDICATORS.filter((i) => i.headline);
    expect(rank.length).toBe(heads.length);
    heads.forEach((ind, b) => {
      expect(rank[b]).toContain(`${ind.name}（${ind.unit}）`);
      expect(rank[b]!.match(/第\d+镇/g)).toHaveLength(40);
    });
  });

  it("文字材料汇编: every unit's three texts in full, nothing lost at the right edge", () => {
    const body = plainOf("文字材料汇编").map(bodyOf).join("");
    expect(body).toContain(squash(`${c.unit.name}2025年全年科技工作情况汇总表——文字材料汇编`));
    for (const u of c.units) {
      for (const s of NARRATIVE_SECTIONS) expect(body, `${u.name} ${s.key}`).toContain(squash(u.report!.record.narrative[s.key]));
    }
  });

  it("报送情况: file names, not server paths; times in the bureau's zone; why a report counted", () => {
    const status = plainOf("报送情况").join("\n");
    expect(status).not.toContain("/srv/");
    expect(status).toContain("第1镇.xlsx");
    // 2025-12-20T00:30:00Z is 08:30 in Beijing.
    expect(squash(status)).toContain("2025年12月20日08:30");
  });

  it("校验问题: the rule in Chinese and the clerk's 备注 explanation", () => {
    const issues = squash(plainOf("校验问题").join(""));
    expect(issues).toContain("增幅异常");
    expect(issues).toContain("GROWTH_IMPLAUSIBLE");
    expect(issues).toContain("本年新建科创园区，财政拨款大幅增加，已核实。");
  });
});

describe("the template on paper", () => {
  it("指标: every indicator's name on the same line as its figures, on one page", () => {
    const ind = templatePages.filter((p) => p.includes("主要指标"));
    expect(ind.length).toBe(1);
    for (const i of INDICATORS) expect(ind[0], i.code).toMatch(new RegExp(`${i.code}\\s+${printedName(i).trim().replace(/[()（）]/g, ".")}`));
  });

  it("文字材料: the three texts in full", () => {
    const body = templatePlain.filter((_, i) => templatePages[i]!.includes("文字材料")).map(bodyOf).join("");
    for (const s of NARRATIVE_SECTIONS) expect(body, s.key).toContain(squash(templateText[s.key]));
  });
});
