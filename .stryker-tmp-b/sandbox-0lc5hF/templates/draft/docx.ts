/**
 * The draft as a Word document (bytes out, through the `docx` package: a
 * well-kept, dependency-light writer of real .docx that runs in Node and the
 * browser alike). Laid out as Chinese official documents are (GB/T 9704): A4,
 * 仿宋 三号 body at a fixed 28-point line, 黑体 first-level and 楷体
 * second-level headings, page numbers "— 1 —". Every sentence that states a
 * figure carries a footnote (①②…, restarting on each page) listing each figure
 * with its city-workbook cell; a clerk checks them and deletes the notes when
 * the text is final.
 */
// @ts-nocheck

import {
  AlignmentType,
  BorderStyle,
  Document,
  FootnoteReferenceRun,
  Footer,
  LineRuleType,
  NoteNumberRestart,
  NumberFormat,
  Packer,
  PageOrientation,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow as DocxRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from "docx";
import type { Figure, Sentence } from "./figures";
import type { Draft, TableRow } from "./model";
import type { MergedPoint } from "./narrative";
import { ATTRIBUTION_MAX_NAMES, CN_NUMERALS, DOC_TEXTS, fillPattern } from "./phrasing";
import { SUMMARY_COLS } from "../merge/workbook";

const FONTS = { body: "仿宋", heading1: "黑体", heading2: "楷体", title: "宋体", table: "宋体" } as const;
const font = (name: string) => ({ ascii: name === FONTS.body ? "Times New Roman" : name, hAnsi: name === FONTS.body ? "Times New Roman" : name, eastAsia: name });
/** Half-points: 三号 16pt, 二号 22pt, 五号 10.5pt, 小五 9pt. */
const SIZE = { body: 32, title: 44, table: 21, note: 18 } as const;
/** A fixed 28-point line (in twips), the official layout's 22 lines a page. */
const LINE = { line: 560, lineRule: LineRuleType.EXACT } as const;
const INDENT = { firstLine: 640 } as const;
const MM = 56.7; // twips per millimetre

/** A run; the body font and size come from the document's defaults, so plain runs carry no formatting of their own. */
const run = (text: string, name: string = FONTS.body, extra: { bold?: boolean; size?: number; color?: string } = {}) =>
  name === FONTS.body && extra.size === undefined && !extra.bold && !extra.color
    ? new TextRun(text)
    : new TextRun({ text, font: name === FONTS.body ? undefined : font(name), size: extra.size, bold: extra.bold, color: extra.color });

/** The note of a sentence: each figure as written, with its cell. */
export function noteText(figures: readonly Figure[]): string {
  return DOC_TEXTS.sourcePrefix + figures.map((f) => `${f.label}${f.label.endsWith(f.text) ? "" : f.text}（${f.ref}）`).join("；");
}

/** The footnotes of one document, by id (from 1, in body order), gathered while its body is laid out. */
class NoteBook {
  readonly notes: Record<string, { children: Paragraph[] }> = {};
  private count = 0;
  /** A reference run to a new footnote with this text. */
  add(text: string): FootnoteReferenceRun {
    const id = ++this.count;
    this.notes[String(id)] = { children: [new Paragraph({ style: NOTE_STYLE, children: [new TextRun(text)] })] };
    return new FootnoteReferenceRun(id);
  }
}

function sentenceRuns(s: Sentence, nb: NoteBook): (TextRun | FootnoteReferenceRun)[] {
  return s.figures.length ? [run(s.text), nb.add(noteText(s.figures))] : [run(s.text)];
}

const BODY_STYLE = "HzBody";
const TABLE_STYLE = "HzTable";
const NOTE_STYLE = "HzNote";
const bodyParagraph = (children: (TextRun | FootnoteReferenceRun)[]) => new Paragraph({ style: BODY_STYLE, children });
const heading1 = (text: string) => new Paragraph({ style: BODY_STYLE, children: [run(text, FONTS.heading1)] });

/** "（一）" … "（二十）", then "（21）". */
const sub = (n: number) => `（${CN_NUMERALS[n] ?? n}）`;
/** "一是" … "二十是", then "21．". */
const ordinal = (n: number) => (CN_NUMERALS[n] && n > 0 ? `${CN_NUMERALS[n]}是` : `${n}．`);

/** "（青阳镇、白塔镇）", or "（青阳镇、…等28个单位）" beyond the inline limit (the note lists all). */
export function attribution(units: readonly string[]): string {
  if (units.length <= ATTRIBUTION_MAX_NAMES) return `（${units.join("、")}）`;
  return `（${units.slice(0, ATTRIBUTION_MAX_NAMES).join("、")}${fillPattern(DOC_TEXTS.otherUnits, { count: String(units.length) })}）`;
}

/** The note of a narrative point: every town with the cell of its text. */
export function pointNote(p: MergedPoint): string {
  const seen = new Set<string>();
  const items: string[] = [];
  for (const s of p.sources) {
    const key = `${s.unit}\u0000${s.cell}`;
    if (seen.has(key)) continue;
    seen.add(key);
    items.push(`${s.unit}（${s.cell}）`);
  }
  return DOC_TEXTS.sourcePrefix + items.join("；");
}

/** A point's paragraph; `n` is its place in its theme (0: the theme's only point, no "一是"). */
function pointParagraph(p: MergedPoint, n: number, nb: NoteBook): Paragraph {
  return bodyParagraph([run(`${n ? ordinal(n) : ""}${p.text}${attribution(p.units)}。`), nb.add(pointNote(p))]);
}

const cellBorder = { style: BorderStyle.SINGLE, size: 4, color: "000000" } as const;
/** Column widths of the 附表 in twips (A4 landscape text width 243 mm ≈ 13776 twips). */
const TABLE_WIDTHS = [700, 3600, 800, 1655, 1655, 2055, 1655, 1655];

function tableCell(text: string, options: { bold?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; span?: number; width: number }): TableCell {
  return new TableCell({
    children: [new Paragraph({ style: TABLE_STYLE, children: [options.bold ? run(text, FONTS.table, { bold: true }) : new TextRun(text)], alignment: options.align ?? AlignmentType.RIGHT })],
    columnSpan: options.span,
    width: { size: options.width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
  });
}

function summaryTable(rows: readonly TableRow[]): Table {
  const L = SUMMARY_COLS;
  const head = ["行号", "指标名称", "单位", `本期（${L.current}）`, `上年同期（${L.prior}）`, `增减%（${L.growth}）`, `全年目标（${L.target}）`, `完成率%（${L.completion}）`];
  const header = new DocxRow({
    tableHeader: true,
    cantSplit: true,
    children: head.map((h, i) => tableCell(h, { bold: true, align: AlignmentType.CENTER, width: TABLE_WIDTHS[i]! })),
  });
  const body = rows.map((r) =>
    r.heading
      ? new DocxRow({ cantSplit: true, children: [tableCell(r.heading, { bold: true, align: AlignmentType.LEFT, span: 8, width: TABLE_WIDTHS.reduce((a, b) => a + b, 0) })] })
      : new DocxRow({
          cantSplit: true,
          children: [r.row, r.name, r.unit, r.current, r.prior, r.change, r.target, r.completion].map((t, i) =>
            tableCell(t, { width: TABLE_WIDTHS[i]!, align: i === 1 ? AlignmentType.LEFT : i === 0 || i === 2 ? AlignmentType.CENTER : AlignmentType.RIGHT }),
          ),
        }),
  );
  return new Table({
    rows: [header, ...body],
    columnWidths: TABLE_WIDTHS,
    layout: TableLayoutType.FIXED,
    width: { size: TABLE_WIDTHS.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    margins: { left: 60, right: 60, top: 20, bottom: 20 },
    borders: { top: cellBorder, bottom: cellBorder, left: cellBorder, right: cellBorder, insideHorizontal: cellBorder, insideVertical: cellBorder },
  });
}

/** The document's paragraphs and table, in order. */
function body(d: Draft, nb: NoteBook): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  titleLines(d).forEach((line, i, all) =>
    out.push(new Paragraph({ children: [run(line, FONTS.title, { size: SIZE.title, bold: true })], alignment: AlignmentType.CENTER, spacing: { line: 700, lineRule: LineRuleType.EXACT, after: i === all.length - 1 ? 280 : 0 } })),
  );
  out.push(bodyParagraph(sentenceRuns(d.base, nb)));
  out.push(bodyParagraph([run(DOC_TEXTS.draftNote, FONTS.heading2, { color: "595959" })]));

  out.push(heading1(DOC_TEXTS.figuresHeading));
  let g = 0;
  for (const group of d.groups) {
    if (!group.sentences.length) continue;
    out.push(bodyParagraph([run(`${sub(++g)}${group.title}。`, FONTS.heading2, { bold: true }), ...group.sentences.flatMap((x) => sentenceRuns(x, nb))]));
  }
  if (g === 0) out.push(bodyParagraph([run(`${DOC_TEXTS.noFigure}。`)]));

  for (const section of d.sections) {
    out.push(heading1(DOC_TEXTS.sections[section.key]));
    let k = 0;
    if (section.key === "plans" && d.targets.length) {
      out.push(bodyParagraph([run(`${sub(++k)}目标任务。`, FONTS.heading2, { bold: true }), ...d.targets.flatMap((x) => sentenceRuns(x, nb))]));
    }
    if (!section.blocks.length && k === 0) out.push(bodyParagraph([run(DOC_TEXTS.emptySection)]));
    for (const block of section.blocks) {
      out.push(bodyParagraph([run(`${sub(++k)}${block.theme.title}`, FONTS.heading2, { bold: true })]));
      block.points.forEach((p, i) => out.push(pointParagraph(p, block.points.length > 1 ? i + 1 : 0, nb)));
    }
  }

  return out;
}

/** 附表, on its own landscape A4 pages. */
function appendix(d: Draft): (Paragraph | Table)[] {
  return [
    new Paragraph({ children: [run(DOC_TEXTS.tableHeading, FONTS.heading1)], spacing: LINE }),
    new Paragraph({ children: [run(d.tableTitle, FONTS.title, { bold: true, size: 30 })], alignment: AlignmentType.CENTER, spacing: { after: 200 } }),
    summaryTable(d.table),
  ];
}

/** The title in lines: the unit and period, then the rest ("科技工作情况汇总（初稿）"). */
export function titleLines(d: Draft): string[] {
  const cut = d.title.indexOf(d.titleBreak);
  return cut > 0 && d.title.length > 18 ? [d.title.slice(0, cut), d.title.slice(cut)] : [d.title];
}

/** Write the draft as .docx bytes. */
export async function draftDocx(d: Draft): Promise<Uint8Array> {
  const nb = new NoteBook();
  const main = body(d, nb);
  const doc = new Document({
    footnotes: nb.notes,
    creator: "huizong",
    title: d.title,
    description: "由 huizong 根据汇总结果生成的初稿",
    styles: {
      default: { document: { run: { font: font(FONTS.body), size: SIZE.body } } },
      paragraphStyles: [
        { id: BODY_STYLE, name: "汇总材料正文", basedOn: "Normal", quickFormat: true, paragraph: { spacing: LINE, indent: INDENT, alignment: AlignmentType.JUSTIFIED } },
        { id: NOTE_STYLE, name: "汇总材料脚注", basedOn: "Normal", run: { size: SIZE.note } },
        { id: TABLE_STYLE, name: "汇总材料附表", basedOn: "Normal", run: { font: font(FONTS.table), size: SIZE.table } },
      ],
    },
    sections: [
      {
        properties: {
          page: { size: { width: 11906, height: 16838 }, margin: { top: Math.round(37 * MM), bottom: Math.round(35 * MM), left: Math.round(28 * MM), right: Math.round(26 * MM), footer: Math.round(20 * MM) } },
          footnoteProperties: { numberFormat: { type: NumberFormat.DECIMAL_ENCLOSED_CIRCLE }, restart: NoteNumberRestart.EACH_PAGE },
        },
        footers: {
          default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ["— ", PageNumber.CURRENT, " —"], font: font(FONTS.title), size: 28 })] })] }),
        },
        children: main,
      },
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838, orientation: PageOrientation.LANDSCAPE },
            margin: { top: Math.round(28 * MM), bottom: Math.round(26 * MM), left: Math.round(28 * MM), right: Math.round(26 * MM), footer: Math.round(15 * MM) },
          },
        },
        footers: {
          default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ["— ", PageNumber.CURRENT, " —"], font: font(FONTS.title), size: 28 })] })] }),
        },
        children: appendix(d),
      },
    ],
  });
  return Packer.pack(doc, "uint8array");
}
