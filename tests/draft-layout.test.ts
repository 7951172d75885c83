/**
 * The drafted summary's Word layout as written (templates/draft/docx.ts), in-process: the other
 * draft tests read only its text, so fonts, bold, sizes, colours, alignment, the styles, the
 * 附表's grid and row flags, both sections' page setup and footers, footnote numbering and the
 * numbering of sub-headings and points went unchecked (docx.ts scored 31 % under Stryker).
 * Expectations come from the rules docx.ts's module note states (GB/T 9704: A4, 仿宋 三号 body at
 * a fixed 28-point line, 黑体 / 楷体 headings, "— 1 —", ①② restarting each page), not from its
 * output; the edge cases (title break, attribution limit, empty parts, 21 points) use Drafts
 * built here. tests/support/docx-layout.ts reads the XML.
 */
import { describe, expect, it } from "vitest";
import { attribution, noteText, pointNote, titleLines } from "../templates/draft/docx";
import type { Figure, Sentence } from "../templates/draft/figures";
import { draftDocx } from "../templates/draft/index";
import { buildDraft, type Draft } from "../templates/draft/model";
import type { MergedPoint } from "../templates/draft/narrative";
import { ATTRIBUTION_MAX_NAMES, DOC_TEXTS } from "../templates/draft/phrasing";
import { countyM10, demoCity } from "./support/draft-cases";
import { paragraphs, readDocxLayout, type DocxLayout, type Para, type Tbl } from "./support/docx-layout";
import { perMutant } from "./support/per-mutant";

/** 1 mm in twips (1440 a inch); the module rounds 56.7 twips a mm, so allow one twip. */
const mm = (x: number) => (x * 1440) / 25.4;
/** The 附表's columns: 行号, 指标名称, 单位, then five figures; 243 mm of landscape text width in all. */
const WIDTHS = [700, 3600, 800, 1655, 1655, 2055, 1655, 1655];
const TABLE_WIDTH = 13775;
const N = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五", "十六", "十七", "十八", "十九", "二十"];

const layoutOf = async (d: Draft) => readDocxLayout(await draftDocx(d));
const demo = perMutant(async () => {
  const draft = buildDraft(demoCity());
  return { draft, l: await layoutOf(draft) };
});
const county = perMutant(async () => {
  const draft = buildDraft(countyM10());
  return { draft, l: await layoutOf(draft) };
});

/** A paragraph's look: style, alignment, its first run's 中文 font and bold, its text. */
const look = (p: Para) => [p.style ?? "", p.align ?? "", p.runs[0]?.eastAsia ?? "", p.runs[0]?.bold ?? false, p.text];
const heading1 = (text: string) => ["HzBody", "", "黑体", false, text];
const heading2 = (text: string) => ["HzBody", "", "楷体", true, text];
const plain = (text: string) => ["HzBody", "", "", false, text];

// ---- Drafts built here ----
const fig = (label: string, text: string, ref: string): Figure => ({ label, text, ref });
const sentence = (text: string, ...figures: Figure[]): Sentence => ({ text, figures });
const theme = (title: string) => ({ key: title, title, keywords: [] });
function point(text: string, units: string[]): MergedPoint {
  return { text, theme: theme("t"), units, sources: units.map((unit, i) => ({ unitIndex: i, unit, text, cell: `文字材料汇编!C${3 + i}` })) };
}
const section = (key: "achievements" | "problems" | "plans", ...blocks: [string, MergedPoint[]][]) => ({ key, sources: [], blocks: blocks.map(([t, points]) => ({ theme: theme(t), points })) });
function draft(over: Partial<Draft>): Draft {
  return {
    title: "示例市2025年全年科技工作情况汇总（初稿）",
    titleBreak: DOC_TEXTS.titleBreak,
    base: sentence("全市本次汇总3个单位的报表。"),
    groups: [],
    targets: [],
    sections: [section("achievements"), section("problems"), section("plans")],
    tableTitle: "示例市2025年全年科技工作主要指标汇总表",
    table: [],
    ...over,
  };
}

describe("titleLines: a title over 18 characters breaks before 科技工作情况汇总, if that is not at its start", () => {
  it.each([
    ["一二三四五六七八九十科技工作情况汇总", ["一二三四五六七八九十科技工作情况汇总"]], // 18
    ["一二三四五六七八九十甲科技工作情况汇总", ["一二三四五六七八九十甲", "科技工作情况汇总"]], // 19
    ["科技工作情况汇总一二三四五六七八九十甲", ["科技工作情况汇总一二三四五六七八九十甲"]], // break at 0
    ["一二三四五六七八九十甲乙丙丁戊己庚辛", ["一二三四五六七八九十甲乙丙丁戊己庚辛"]], // no break
  ])("%s", async (title, lines) => {
    expect(titleLines(draft({ title }))).toEqual(lines);
    const l = await layoutOf(draft({ title }));
    // 宋体 二号 (22 pt) bold, centred, 35-point exact lines; 14 points after the title.
    expect(paragraphs(l).slice(0, lines.length).map((p) => [p.align, p.spacing, p.runs.map((r) => [r.text, r.eastAsia, r.ascii, r.hAnsi, r.bold, r.size])])).toEqual(
      lines.map((line, i) => ["center", { line: 700, lineRule: "exact", before: undefined, after: i === lines.length - 1 ? 280 : 0 }, [[line, "宋体", "宋体", "宋体", true, 44]]]),
    );
    expect(paragraphs(l)[lines.length]!.text).toBe("全市本次汇总3个单位的报表。");
  });
});

describe("attribution, noteText, pointNote", () => {
  const names = ["青阳镇", "白塔镇", "东湖街道", "南山镇", "西溪街道", "龙泉镇", "北岭镇", "石门镇", "清河镇"];
  it.each([
    [1, "（青阳镇）"],
    [ATTRIBUTION_MAX_NAMES, "（青阳镇、白塔镇、东湖街道、南山镇、西溪街道、龙泉镇、北岭镇、石门镇）"],
    [ATTRIBUTION_MAX_NAMES + 1, "（青阳镇、白塔镇、东湖街道、南山镇、西溪街道、龙泉镇、北岭镇、石门镇等9个单位）"],
  ])("%i towns: %s", (n, text) => {
    expect(ATTRIBUTION_MAX_NAMES).toBe(8);
    expect(attribution(names.slice(0, n))).toBe(text);
  });

  it.each([
    [[fig("专利申请", "1050件", "汇总!E30")], "来源：专利申请1050件（汇总!E30）"],
    [[fig("完成率80%", "80%", "汇总!J6"), fig("应报", "6", "汇总!A2")], "来源：完成率80%（汇总!J6）；应报6（汇总!A2）"],
    [[fig("80%完成率", "80%", "汇总!J6")], "来源：80%完成率80%（汇总!J6）"],
  ])("noteText %#: the label once, the figure unless the label ends with it", (figures, text) => {
    expect(noteText(figures)).toBe(text);
  });

  it("pointNote lists each (town, cell) once, in order", () => {
    const p = point("加强科普宣传", ["青阳镇", "白塔镇"]);
    const src = (unit: string, cell: string) => ({ unitIndex: 0, unit, text: "x", cell });
    p.sources = [src("青阳镇", "文字材料汇编!C3"), src("青阳镇", "文字材料汇编!C3"), src("白塔镇", "文字材料汇编!C3"), src("青阳镇", "文字材料汇编!C4")];
    expect(pointNote(p)).toBe("来源：青阳镇（文字材料汇编!C3）；白塔镇（文字材料汇编!C3）；青阳镇（文字材料汇编!C4）");
  });
});

describe("the demo city's draft: styles, page setup, footers", () => {
  it("document defaults: 仿宋 (Times New Roman for Latin) 三号; HzBody 28-point exact lines, two-character indent, justified", async () => {
    const { l } = await demo();
    expect(l.defaults).toEqual({ eastAsia: "仿宋", ascii: "Times New Roman", hAnsi: "Times New Roman", bold: false, size: 32, color: undefined });
    const style = (id: string) => {
      const s = l.styles[id]!;
      return [s.name, s.basedOn, s.quick, s.spacing.line, s.spacing.lineRule, s.firstLine, s.align, s.eastAsia, s.ascii, s.hAnsi, s.bold, s.size];
    };
    expect(style("HzBody")).toEqual(["汇总材料正文", "Normal", true, 560, "exact", 640, "both", undefined, undefined, undefined, false, undefined]);
    expect(style("HzNote")).toEqual(["汇总材料脚注", "Normal", false, undefined, undefined, undefined, undefined, undefined, undefined, undefined, false, 18]);
    expect(style("HzTable")).toEqual(["汇总材料附表", "Normal", false, undefined, undefined, undefined, undefined, "宋体", "宋体", "宋体", false, 21]);
  });

  it.each([
    // GB/T 9704 portrait: 37 mm top, 35 bottom, 28 left, 26 right, footer 20 mm; ① … restarting each page.
    [0, { width: 11906, height: 16838, orient: "portrait", margin: { top: 2098, bottom: 1985, left: 1588, right: 1474, footer: 1134 }, footnote: { numFmt: "decimalEnclosedCircle", restart: "eachPage" } }],
    // 附表 landscape: 28 mm top and left, 26 bottom and right, footer 15 mm.
    [1, { width: 16838, height: 11906, orient: "landscape", margin: { top: 1588, bottom: 1474, left: 1588, right: 1474, footer: 851 }, footnote: undefined }],
  ])("section %i: A4, margins in twips, page number — N — in 宋体 四号", async (i, page) => {
    const { l } = await demo();
    expect(l.sections.length).toBe(2);
    const s = l.sections[i]!;
    expect({ width: s.width, height: s.height, orient: s.orient, margin: s.margin, footnote: s.footnote }).toEqual(page);
    const sizes = { 0: [37, 35, 28, 26, 20], 1: [28, 26, 28, 26, 15] }[i]!;
    [page.margin.top, page.margin.bottom, page.margin.left, page.margin.right, page.margin.footer].forEach((tw, k) => expect(Math.abs(tw - mm(sizes[k]!))).toBeLessThanOrEqual(1));
    expect(s.footer.map((p) => [p.align, p.text, p.runs.map((r) => r.field ?? "").join("")])).toEqual([["center", "—  —", "PAGE"]]);
    for (const r of s.footer[0]!.runs) expect([r.eastAsia, r.ascii, r.size, r.bold]).toEqual(["宋体", "宋体", 28, false]);
  });

  it("core properties name the title and huizong", async () => {
    const { draft: d, l } = await demo();
    expect(l.core).toEqual({ title: d.title, creator: "huizong", description: "由 huizong 根据汇总结果生成的初稿" });
  });
});

describe("the demo city's draft: the body", () => {
  it("title, base, the grey 楷体 draft note, 一、 and each group's （一） in bold 楷体, then the narrative sections", async () => {
    const { draft: d, l } = await demo();
    const expected: unknown[] = [
      ["", "center", "宋体", true, "示例市2025年全年"],
      ["", "center", "宋体", true, "科技工作情况汇总（初稿）"],
      plain(d.base.text),
      ["HzBody", "", "楷体", false, DOC_TEXTS.draftNote],
      heading1("一、主要指标完成情况"),
      ...d.groups.map((g, i) => heading2(`（${N[i + 1]}）${g.title}。${g.sentences.map((s) => s.text).join("")}`)),
    ];
    for (const s of d.sections) {
      expected.push(heading1(DOC_TEXTS.sections[s.key]));
      s.blocks.forEach((b, k) => {
        expected.push(heading2(`（${N[k + 1]}）${b.theme.title}`));
        b.points.forEach((p, i) => expected.push(plain(`${b.points.length > 1 ? `${N[i + 1]}是` : ""}${p.text}${attribution(p.units)}。`)));
      });
    }
    expect(d.groups.length).toBe(7);
    expect(d.sections.map((s) => s.blocks.some((b) => b.points.length > 1))).toEqual([true, true, true]);
    const body = paragraphs(l);
    expect(l.stray).toBe("");
    expect(body.slice(0, expected.length).map(look)).toEqual(expected);
    expect(body[expected.length]!.text).toBe("附表");
  });

  it("runs: headings carry their font only, the draft note its colour; body text and note marks carry no font", async () => {
    const { l } = await demo();
    const body = paragraphs(l);
    const note = body[3]!.runs[0]!;
    expect([note.eastAsia, note.ascii, note.hAnsi, note.bold, note.size, note.color]).toEqual(["楷体", "楷体", "楷体", false, undefined, "595959"]);
    const head = body[4]!.runs[0]!;
    expect([head.eastAsia, head.ascii, head.hAnsi, head.bold, head.size, head.color]).toEqual(["黑体", "黑体", "黑体", false, undefined, undefined]);
    const sub = body[5]!.runs[0]!;
    expect([sub.eastAsia, sub.ascii, sub.hAnsi, sub.bold, sub.size, sub.color]).toEqual(["楷体", "楷体", "楷体", true, undefined, undefined]);
    const end = body.findIndex((p) => p.text === "附表");
    const rest = body.slice(2, end).flatMap((p) => (p.runs[0]!.eastAsia ? p.runs.slice(1) : p.runs));
    expect(rest.length).toBeGreaterThan(100);
    for (const r of rest) expect([r.own, r.eastAsia, r.bold, r.size, r.color]).toEqual([false, undefined, false, undefined, undefined]);
  });

  it("footnote marks run 1, 2, … in body order; each note is one HzNote paragraph with its text", async () => {
    const { draft: d, l } = await demo();
    const marks = paragraphs(l).flatMap((p) => p.runs.filter((r) => r.note !== undefined).map((r) => r.note));
    expect(marks).toEqual(marks.map((_, i) => i + 1));
    const texts = [d.base, ...d.groups.flatMap((g) => g.sentences)].map((s) => noteText(s.figures));
    texts.push(...d.sections.flatMap((s) => s.blocks.flatMap((b) => b.points.map(pointNote))));
    expect(marks.length).toBe(texts.length);
    expect([...l.notes.keys()]).toEqual(marks);
    expect([...l.notes.values()].map((ps) => ps.map((p) => [p.style, p.text]))).toEqual(texts.map((t) => [["HzNote", t]]));
  });
});

describe("the demo city's 附表", () => {
  const table = (l: DocxLayout) => l.body.find((x): x is Tbl => x.kind === "tbl")!;

  it("附表 in 黑体 on a 28-point line, its title in 宋体 15 pt bold, centred, 10 points after", async () => {
    const { draft: d, l } = await demo();
    const body = paragraphs(l);
    const at = body.findIndex((p) => p.text === "附表");
    const [h, t] = [body[at]!, body[at + 1]!];
    expect([h.style, h.align, h.spacing, h.firstLine, h.runs.map((r) => [r.eastAsia, r.ascii, r.bold, r.size])]).toEqual([undefined, undefined, { line: 560, lineRule: "exact", before: undefined, after: undefined }, undefined, [["黑体", "黑体", false, undefined]]]);
    expect([t.style, t.align, t.spacing.after, t.text, t.runs.map((r) => [r.eastAsia, r.ascii, r.bold, r.size])]).toEqual([undefined, "center", 200, d.tableTitle, [["宋体", "宋体", true, 30]]]);
    expect(l.body.indexOf(t) + 1).toBe(l.body.indexOf(table(l)));
  });

  it("fixed grid of the eight column widths, 13775 twips, single black borders, narrow cell margins", async () => {
    const { l } = await demo();
    const t = table(l);
    expect(WIDTHS.reduce((a, b) => a + b, 0)).toBe(TABLE_WIDTH);
    expect([t.grid, t.width, t.widthType, t.layout, t.margins]).toEqual([WIDTHS, TABLE_WIDTH, "dxa", "fixed", { top: 20, left: 60, bottom: 20, right: 60 }]);
    const b = "single 4 000000";
    expect(t.borders).toEqual({ top: b, left: b, bottom: b, right: b, insideH: b, insideV: b });
  });

  it("the header row repeats on each page and never splits: bold 宋体, centred", async () => {
    const { l } = await demo();
    const head = table(l).rows[0]!;
    expect([head.header, head.cantSplit]).toEqual([true, true]);
    expect(head.cells.map((c) => [c.text, c.width, c.span, c.vAlign])).toEqual(
      ["行号", "指标名称", "单位", "本期（E）", "上年同期（F）", "增减%（H）", "全年目标（I）", "完成率%（J）"].map((h, i) => [h, WIDTHS[i], 1, "center"]),
    );
    for (const c of head.cells) expect(c.paragraphs.map((p) => [p.style, p.align, p.runs.map((r) => [r.eastAsia, r.bold])])).toEqual([["HzTable", "center", [["宋体", true]]]]);
  });

  it("group rows span all eight columns, bold and left; indicator rows plain, centre/left/centre/right×5; no row splits", async () => {
    const { draft: d, l } = await demo();
    const rows = table(l).rows.slice(1);
    expect(rows.length).toBe(d.table.length);
    expect(d.table.filter((r) => r.heading).length).toBe(7);
    rows.forEach((row, k) => {
      const r = d.table[k]!;
      expect([row.header, row.cantSplit]).toEqual([false, true]);
      const cells = row.cells.map((c) => [c.text, c.width, c.span, c.vAlign, c.paragraphs.map((p) => [p.style, p.align, p.runs.map((x) => [x.own, x.eastAsia, x.bold])])]);
      if (r.heading) expect(cells).toEqual([[r.heading, TABLE_WIDTH, 8, "center", [["HzTable", "left", [[true, "宋体", true]]]]]]);
      else {
        const aligns = ["center", "left", "center", "right", "right", "right", "right", "right"];
        const texts = [r.row, r.name, r.unit, r.current, r.prior, r.change, r.target, r.completion];
        expect(cells).toEqual(texts.map((t, i) => [t, WIDTHS[i], 1, "center", [["HzTable", aligns[i], [[false, undefined, false]]]]]));
      }
    });
  });
});

describe("parts present or left out", () => {
  it("四、下步工作打算 opens with （一）目标任务 before the themes when targets remain (1—10月)", async () => {
    const { draft: d, l } = await county();
    expect(d.targets.length).toBeGreaterThan(0);
    const body = paragraphs(l);
    const at = body.findIndex((p) => p.text === DOC_TEXTS.sections.plans);
    expect(look(body[at + 1]!)).toEqual(heading2(`（一）目标任务。${d.targets.map((t) => t.text).join("")}`));
    expect(look(body[at + 2]!)).toEqual(heading2(`（二）${d.sections[2]!.blocks[0]!.theme.title}`));
    expect(body.filter((p) => p.text.includes("目标任务。")).length).toBe(1);
  });

  const pts = (n: number) => Array.from({ length: n }, (_, i) => point(`第${i + 1}项工作`, ["青阳镇"]));
  const withEverything = draft({
    base: sentence("全市应报3个单位。", fig("应报", "3", "汇总!A2")),
    groups: [
      { code: "A", title: "科技投入", sentences: [sentence("全市科技投入持续增加。")] },
      { code: "B", title: "科技项目", sentences: [] },
      { code: "C", title: "创新主体", sentences: [sentence("全市高新技术企业12家。", fig("高新技术企业", "12家", "汇总!E20"))] },
    ],
    targets: [sentence("全年专利申请达700件。", fig("专利申请全年目标", "700件", "汇总!I30"))],
    sections: [section("achievements"), section("problems", ["人才", pts(21)], ["科普", [point("科普进社区", ["青阳镇", "白塔镇"])]]), section("plans")],
  });

  it("empty groups are skipped in the （一） count; 21 points read 一是 … 二十是, 21．; an empty section says so, unless targets fill it", async () => {
    const l = await layoutOf(withEverything);
    const expected = [
      plain("全市应报3个单位。"),
      ["HzBody", "", "楷体", false, DOC_TEXTS.draftNote],
      heading1("一、主要指标完成情况"),
      heading2("（一）科技投入。全市科技投入持续增加。"),
      heading2("（二）创新主体。全市高新技术企业12家。"),
      heading1("二、主要工作及成效"),
      plain("各单位均未填写此部分内容。"),
      heading1("三、存在问题"),
      heading2("（一）人才"),
      ...Array.from({ length: 21 }, (_, i) => plain(`${i < 20 ? `${N[i + 1]}是` : "21．"}第${i + 1}项工作（青阳镇）。`)),
      heading2("（二）科普"),
      plain("科普进社区（青阳镇、白塔镇）。"),
      heading1("四、下步工作打算"),
      heading2("（一）目标任务。全年专利申请达700件。"),
      ["", "", "黑体", false, "附表"],
    ];
    expect(paragraphs(l).slice(2, 2 + expected.length).map(look)).toEqual(expected); // after the title's two lines
    // Sentences without figures have no mark; each point and figure sentence has one.
    expect([...l.notes.values()].map((ps) => ps[0]!.text)).toEqual([
      "来源：应报3（汇总!A2）",
      "来源：高新技术企业12家（汇总!E20）",
      ...Array.from({ length: 21 }, () => "来源：青阳镇（文字材料汇编!C3）"),
      "来源：青阳镇（文字材料汇编!C3）；白塔镇（文字材料汇编!C4）",
      "来源：专利申请全年目标700件（汇总!I30）",
    ]);
  });

  it("no group with a sentence: 本期暂无数据; no targets: 四、 has no 目标任务 and says it is empty", async () => {
    const l = await layoutOf(draft({ groups: [{ code: "A", title: "科技投入", sentences: [] }], sections: [section("achievements", ["科普", [point("科普进社区", ["青阳镇"])]]), section("problems"), section("plans")] }));
    expect(paragraphs(l).slice(4).map(look)).toEqual([
      heading1("一、主要指标完成情况"),
      plain("本期暂无数据。"),
      heading1("二、主要工作及成效"),
      heading2("（一）科普"),
      plain("科普进社区（青阳镇）。"),
      heading1("三、存在问题"),
      plain(DOC_TEXTS.emptySection),
      heading1("四、下步工作打算"),
      plain(DOC_TEXTS.emptySection),
      ["", "", "黑体", false, "附表"],
      ["", "center", "宋体", true, "示例市2025年全年科技工作主要指标汇总表"],
    ]);
    expect(l.notes.size).toBe(1);
  });
});
