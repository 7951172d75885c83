/**
 * The drafted summary's cases, read from what a reader gets: tests/draft-document.test.ts runs
 * them on the PDF LibreOffice prints, tests/draft-docx.test.ts on the .docx's own XML (in-process,
 * so the mutation run sees the draft's code). Figures are checked against independent arithmetic,
 * every note's cells against the written city workbook.
 */
import ExcelJS from "exceljs";
import { expect, it } from "vitest";
import { INDICATORS, NARRATIVE_SECTIONS, indicator } from "../../templates/catalog";
import { attribution, noteText } from "../../templates/draft/docx";
import { formatFigure, formatPercent, formatPoints } from "../../templates/draft/format";
import { buildDraft, type Draft } from "../../templates/draft/model";
import { figuresIn, splitPoints } from "../../templates/draft/narrative";
import { DOC_TEXTS } from "../../templates/draft/phrasing";
import { mergeReports, type Consolidation, type MergeInput } from "../../templates/merge/merge";
import { SUMMARY_ROWS, writeConsolidationWorkbook } from "../../templates/merge/workbook";
import { demoUnits } from "../../templates/samples";
import type { DraftText } from "./draft-docx";
import { sampleRecord } from "./records";

export interface DraftCase {
  c: Consolidation;
  draft: Draft;
  printed: DraftText;
}

export const CITY = { name: "示例市", code: "330100000000" };
export const strip = (s: string) => s.replace(/\s+/g, "");

export function cityConsolidation(period: string, reported: number, rosterSize: number, unitName = CITY.name): Consolidation {
  const units = demoUnits(rosterSize, "330102000000");
  const inputs: MergeInput[] = units.slice(0, reported).map((u, i) => ({ record: sampleRecord(u, period, 101 + i, 1 + i * 0.4), source: `${u.name}.xlsx` }));
  const r = mergeReports(inputs, { roster: units.map((u) => ({ ...u, parent: CITY.code })), unit: { name: unitName, code: CITY.code }, period });
  if (!r.ok) throw new Error(r.message);
  return r.consolidation;
}

/** The body between a heading and the next one. */
export function segment(body: string, from: string, to?: string): string {
  const a = body.indexOf(from);
  expect(a).toBeGreaterThanOrEqual(0);
  const b = to ? body.indexOf(to, a) : body.length;
  return body.slice(a, b < 0 ? body.length : b);
}

/** Independent formatting for the checks (not the draft's own formatter). */
export const oneDecimal = (x: number) => String(Math.round(x * 10 + (x >= 0 ? 1e-7 : -1e-7)) / 10);
const asWritten = (v: number, kind: string) => (kind === "count" ? String(Math.round(v)) : String(Math.round(v * 100 + 1e-7) / 100));

/** Every figure of the text sits before a note mark whose note lists it with a cell. */
export function expectEveryFigureNoted(printed: DraftText, afterTitle: string): void {
  const body = printed.body.slice(printed.body.indexOf(afterTitle) + afterTitle.length);
  const parts = body.split(/〔(\d+)〕/);
  // parts: text, mark, text, mark, ..., trailing text
  for (let i = 0; i + 1 < parts.length; i += 2) {
    const span = parts[i]!;
    const note = printed.notes[Number(parts[i + 1]) - 1]!;
    expect(note, `note ${parts[i + 1]}`).toMatch(/^来源：/);
    expect(note).toMatch(/(汇总|分单位明细|文字材料汇编)![A-Z]+\d+/);
    if (note.includes("文字材料汇编!")) continue; // a town's own words: the note gives each town's cell
    for (const n of span.match(/\d+(?:\.\d+)?/g) ?? []) expect(note, `“${n}” in “${span}”`).toContain(n);
  }
  const trailing = parts[parts.length - 1]!;
  expect(trailing.match(/\d/g), `figures without a note: ${trailing}`).toBeNull();
}

/** Read a cell's shown value (formula result or value). */
function cellValue(wb: ExcelJS.Workbook, ref: string): ExcelJS.CellValue {
  const [sheet, addr] = ref.split("!") as [string, string];
  const v = wb.getWorksheet(sheet)!.getCell(addr).value;
  // exceljs' streaming writer leaves out a cached result of 0 (Excel and LibreOffice compute it on opening).
  if (v !== null && typeof v === "object" && "formula" in v) return "result" in v && v.result !== undefined ? (v.result as ExcelJS.CellValue) : 0;
  return v;
}

const ROW_CODE = new Map(Object.entries(SUMMARY_ROWS).map(([code, row]) => [row, code]));

/** Each figure's note cell, read from the written workbook, shows that very figure. */
export async function expectFiguresInWorkbook(c: Consolidation, draft: Draft): Promise<number> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await writeConsolidationWorkbook(c)) as unknown as ArrayBuffer);
  const sentences = [draft.base, ...draft.groups.flatMap((g) => g.sentences), ...draft.targets];
  let checked = 0;
  for (const f of sentences.flatMap((s) => s.figures)) {
    const m = /^(汇总|分单位明细)!([A-Z]+)(\d+)/.exec(f.ref)!;
    expect(m, f.ref).not.toBeNull();
    const v = cellValue(wb, `${m[1]}!${m[2]}${m[3]}`);
    if (f.ref === "汇总!A2") {
      expect(String(v)).toMatch(new RegExp(`(应报|已报)${f.text}个`));
    } else if (m[1] === "分单位明细") {
      const code = draft.groups.flatMap((g) => g.sentences).find((s) => s.figures.includes(f))!.code!;
      expect(formatFigure(v as number, indicator(code)!)).toBe(f.text);
    } else {
      const ind = indicator(ROW_CODE.get(Number(m[3]))!)!;
      const col = m[2]!;
      if (f.ref.includes("序时进度")) continue; // a difference of two cells, checked case by case in draft-phrasing
      const expected =
        col === "H" ? (typeof v === "number" ? (v === 0 ? "0%" : formatPercent(Math.abs(v))) : String(v)) : col === "J" ? formatPercent(v as number) : col === "G" ? formatPoints(v as number) : ind.kind === "ratio" ? formatPercent(v as number) : formatFigure(v as number, ind);
      expect(expected, f.ref).toBe(f.text === "0个百分点" ? formatPoints(v as number) : f.text);
    }
    checked++;
  }
  // Narrative notes point at the towns' texts on 文字材料汇编.
  for (const section of draft.sections) {
    for (const p of section.blocks.flatMap((b) => b.points)) {
      for (const s of p.sources) {
        const u = c.units[s.unitIndex]!;
        const text = String(cellValue(wb, s.cell));
        expect(u.report!.record.narrative[section.key].startsWith(text.slice(0, 200))).toBe(true);
        checked++;
      }
    }
  }
  return checked;
}

/** The demo city, 2025 全年, 5 of 6 units reported. */
export function demoCity(): DraftCase["c"] {
  return cityConsolidation("2025-Y", 5, 6);
}

/** The demo city's draft: title, base, every headline and ratio sentence, leading units, every point, every note. */
export function demoCityCases(load: () => Promise<DraftCase>): void {
  it("title and reporting base: the missing unit is named", async () => {
    const { c, draft, printed } = await load();
    expect(printed.body.startsWith("示例市2025年全年科技工作情况汇总（初稿）")).toBe(true);
    expect(printed.body).toContain("全市应报6个单位，已报5个；西溪街道未报送，以下数据未含该单位。〔1〕");
    expect(printed.notes[0]).toBe("来源：应报6（汇总!A2）；已报5（汇总!A2）");
  });

  it("every headline figure: its number, unit, sign word, completion, and the cells in its note", async () => {
    const { c, draft, printed } = await load();
    const figures = segment(printed.body, "一、主要指标完成情况", "二、主要工作及成效");
    const heads = INDICATORS.filter((i) => i.headline);
    expect(heads.length).toBe(9);
    for (const ind of heads) {
      const t = c.totals[ind.code]!;
      const name = ind.name;
      const start = `全市${name}${asWritten(t.current!, ind.kind)}${ind.unit}`;
      const g = (t.current! - t.prior!) / t.prior!;
      const change = oneDecimal(Math.abs(g) * 100) === "0" ? "与上年同期持平" : `${g > 0 ? "同比增长" : "同比下降"}${oneDecimal(Math.abs(g) * 100)}%`;
      const done = `完成全年目标（${asWritten(t.target!, ind.kind)}${ind.unit}）的${oneDecimal((t.current! / t.target!) * 100)}%`;
      const m = new RegExp(`${start.replace(/[&/]/g, "\\$&")}[^。]*?${change}，${done.replace(/[()（）]/g, "\\$&")}。〔(\\d+)〕`).exec(figures);
      expect(m, `${ind.code}: ${start} … ${change} … ${done}`).not.toBeNull();
      const note = printed.notes[Number(m![1]) - 1]!;
      const row = SUMMARY_ROWS[ind.code];
      for (const col of ["E", "H", "I", "J"]) expect(note).toContain(`汇总!${col}${row}`);
    }
  });

  it("ratio sentences change in 个百分点, with the 增减 cell", async () => {
    const { c, draft, printed } = await load();
    for (const ind of INDICATORS.filter((i) => i.kind === "ratio")) {
      const t = c.totals[ind.code]!;
      const pts = oneDecimal(Math.abs((t.current! - t.prior!) * 100));
      const word = pts === "0" ? "与上年持平" : `比上年${t.current! > t.prior! ? "增长" : "下降"}${pts}个百分点`;
      const m = new RegExp(`比重达${oneDecimal(t.current! * 100)}%，${word}。〔(\\d+)〕`).exec(printed.body);
      expect(m, `${ind.code} ${word}`).not.toBeNull();
      expect(printed.notes[Number(m![1]) - 1]).toContain(`汇总!G${SUMMARY_ROWS[ind.code]}`);
    }
  });

  it("leading units are named with their figures", async () => {
    const { c, draft, printed } = await load();
    const units = c.units.filter((u) => u.report).map((u) => ({ name: u.name, v: u.report!.record.values.D01!.current! }));
    const top = [...units].sort((a, b) => b.v - a.v).slice(0, 3);
    expect(printed.body).toContain(`专利申请量居前三位的是${top[0]!.name}（${top[0]!.v}件）、${top[1]!.name}（${top[1]!.v}件）和${top[2]!.name}（${top[2]!.v}件）。〔`);
  });

  it("every town's narrative point appears in exactly one section, with its town", async () => {
    const { c, draft, printed } = await load();
    const headings = Object.values(DOC_TEXTS.sections);
    const segments = headings.map((h, i) => segment(printed.body, h, headings[i + 1]));
    let points = 0;
    NARRATIVE_SECTIONS.forEach((s, k) => {
      for (const u of c.units.filter((x) => x.report)) {
        for (const text of splitPoints(u.report!.record.narrative[s.key])) {
          const merged = draft.sections[k]!.blocks.flatMap((b) => b.points).filter((p) => p.sources.some((x) => x.unit === u.name && x.text === text));
          expect(merged.length, `${u.name}: ${text}`).toBe(1);
          const p = merged[0]!;
          expect(p.units).toContain(u.name);
          expect(figuresIn(p.text)).toBe(figuresIn(text));
          const printedPoint = strip(`${p.text}${attribution(p.units)}。〔`);
          const where = segments.map((seg) => seg.split(printedPoint).length - 1);
          expect(where, `${u.name}: ${text}`).toEqual(segments.map((_, j) => (j === k ? 1 : 0)));
          points++;
        }
      }
    });
    expect(points).toBeGreaterThan(40);
  });

  it("no figure without its cell: every number before a note mark is listed in that note", async () => {
    const { c, draft, printed } = await load();
    expectEveryFigureNoted(printed, "（初稿）");
    // The printed notes are the model's notes.
    const sentences = [draft.base, ...draft.groups.flatMap((g) => g.sentences)];
    for (const s of sentences) expect(printed.notes).toContain(strip(noteText(s.figures)));
  });

  it("every note's cell shows that very figure in the city workbook", async () => {
    const { c, draft, printed } = await load();
    expect(await expectFiguresInWorkbook(c, draft)).toBeGreaterThan(150);
  });

  it("附表: the 汇总 rows with 本期, 上年同期, 增减%, 目标, 完成率", async () => {
    const { c, draft, printed } = await load();
    expect(printed.table).toContain("本期（E）上年同期（F）增减%（H）全年目标（I）完成率%（J）");
    for (const code of ["A01", "D01", "D02", "G02"]) {
      const ind = indicator(code)!;
      const t = c.totals[code]!;
      const name = ind.partOf && ind.nameEn.startsWith("of which") ? `其中：${ind.name}` : ind.name;
      const fixed = (x: number) => (ind.kind === "count" ? String(x) : x.toFixed(2));
      const growth = (((t.current! - t.prior!) / t.prior!) * 100).toFixed(1);
      const done = ((t.current! / t.target!) * 100).toFixed(1);
      expect(printed.table).toContain(`${SUMMARY_ROWS[code]}${name}${ind.unit}${fixed(t.current!)}${fixed(t.prior!)}${growth}${fixed(t.target!)}${done}`);
    }
  });
}

/** A county at 1—10月, 5 of 7 reported. */
export function countyM10(): DraftCase["c"] {
  return cityConsolidation("2025-M10", 5, 7, "示例区");
}

/** The county's 1—10月 draft: 序时进度, targets still to reach, two units missing. */
export function countyM10Cases(load: () => Promise<DraftCase>): void {
  it("names both missing units and compares completion with 序时进度", async () => {
    const { c, draft, printed } = await load();
    expect(printed.body).toContain("全区应报7个单位，已报5个；西溪街道、龙泉镇未报送，以下数据未含上述单位。〔1〕");
    const t = c.totals.D01!;
    const done = (t.current! / t.target!) * 100;
    const diff = Number(oneDecimal(done)) - Number(oneDecimal((10 / 12) * 100));
    const word = diff > 0 ? "超过序时进度" : diff < 0 ? "落后序时进度" : "与序时进度持平";
    expect(printed.body).toContain(`完成全年目标（${t.target}件）的${oneDecimal(done)}%，${word}${diff ? `${oneDecimal(Math.abs(diff))}个百分点` : ""}。〔`);
  });

  it("四、下步工作打算 opens with the targets still to reach", async () => {
    const { c, draft, printed } = await load();
    const plans = segment(printed.body, "四、下步工作打算");
    expect(plans).toContain(`（一）目标任务。围绕全年目标任务，全年财政科技拨款达`);
    expect(plans).toContain(`全年专利申请达${c.totals.D01!.target}件，确保专利授权${c.totals.D05!.target}件。〔`);
    expectEveryFigureNoted(printed, "（初稿）");
  });
}

/** A case's draft from a consolidation: model, then the document read back. */
export async function draftCase(c: Consolidation, read: (docx: Uint8Array) => DraftText | Promise<DraftText>, write: (d: Draft) => Promise<Uint8Array>): Promise<DraftCase> {
  const draft = buildDraft(c);
  return { c, draft, printed: await read(await write(draft)) };
}
