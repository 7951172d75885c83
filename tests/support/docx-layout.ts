/**
 * The drafted summary's .docx read for its layout, not just its text (tests/support/draft-docx.ts
 * reads the text): word/document.xml as paragraphs (style, alignment, spacing, indent, runs with
 * their own fonts, bold, size, colour, footnote references) and tables (grid, width, margins,
 * borders, rows with their header / cantSplit flags, cells with span, width and alignment), each
 * section's page setup and footer, styles.xml (document defaults and paragraph styles),
 * footnotes.xml and the core properties. Parsed with saxes (tests/support/saxes-oracle.ts), so
 * prefixes are gone: `w:p` is `p`, `w:val` is `val`. A property the XML leaves out is undefined.
 */
import { strFromU8, unzipSync } from "fflate";
import { saxParse } from "./saxes-oracle";

interface Node {
  name: string;
  attrs: Record<string, string>;
  children: Node[];
  text: string;
}

function parse(xml: string): Node {
  const root: Node = { name: "#root", attrs: {}, children: [], text: "" };
  const stack = [root];
  const err = saxParse(xml, {
    open(name, attrs) {
      const n: Node = { name, attrs, children: [], text: "" };
      stack[stack.length - 1]!.children.push(n);
      stack.push(n);
    },
    text(t) {
      stack[stack.length - 1]!.text += t;
    },
    close() {
      stack.pop();
    },
  });
  if (err) throw new Error(err);
  return root;
}

const kid = (n: Node | undefined, name: string) => n?.children.find((c) => c.name === name);
const kids = (n: Node | undefined, name: string) => n?.children.filter((c) => c.name === name) ?? [];
/** An attribute of a descendant along `path` ("pPr/jc" → its val). */
const at = (n: Node | undefined, path: string, attr = "val") => path.split("/").reduce<Node | undefined>(kid, n)?.attrs[attr];
const num = (v: string | undefined) => (v === undefined ? undefined : Number(v));
/** An on/off property: present without val, or with a val other than false/off/0. */
const flag = (n: Node | undefined) => n !== undefined && !["false", "off", "0"].includes(n.attrs["val"] ?? "");

export interface RunProps {
  eastAsia?: string;
  ascii?: string;
  hAnsi?: string;
  bold: boolean;
  size?: number;
  color?: string;
}

export interface Run extends RunProps {
  text: string;
  /** The run carries an rPr at all (plain body runs do not). */
  own: boolean;
  /** A footnote reference's id. */
  note?: number;
  /** A field's instruction (PAGE). */
  field?: string;
}

export interface Para {
  kind: "p";
  style?: string;
  align?: string;
  spacing: { line?: number; lineRule?: string; before?: number; after?: number };
  firstLine?: number;
  runs: Run[];
  text: string;
}

export interface Cell {
  text: string;
  width?: number;
  span: number;
  vAlign?: string;
  paragraphs: Para[];
}

export interface Row {
  header: boolean;
  cantSplit: boolean;
  cells: Cell[];
}

export interface Tbl {
  kind: "tbl";
  width?: number;
  widthType?: string;
  layout?: string;
  grid: number[];
  margins: Record<string, number | undefined>;
  borders: Record<string, string>;
  rows: Row[];
}

export interface Section {
  width?: number;
  height?: number;
  orient?: string;
  margin: Record<"top" | "right" | "bottom" | "left" | "footer", number | undefined>;
  footnote?: { numFmt?: string; restart?: string };
  footer: Para[];
}

export interface Style extends RunProps {
  name?: string;
  basedOn?: string;
  quick: boolean;
  spacing: Para["spacing"];
  firstLine?: number;
  align?: string;
}

export interface DocxLayout {
  body: (Para | Tbl)[];
  /** Whatever else w:body holds: its own text, other elements' names (a valid body has none). */
  stray: string;
  sections: Section[];
  defaults: RunProps;
  styles: Record<string, Style>;
  /** Footnote paragraphs by id (from 1). */
  notes: Map<number, Para[]>;
  core: { title?: string; creator?: string; description?: string };
}

function runProps(rPr: Node | undefined): RunProps {
  const fonts = kid(rPr, "rFonts");
  return { eastAsia: fonts?.attrs["eastAsia"], ascii: fonts?.attrs["ascii"], hAnsi: fonts?.attrs["hAnsi"], bold: flag(kid(rPr, "b")), size: num(at(rPr, "sz")), color: at(rPr, "color") };
}

const spacing = (pPr: Node | undefined): Para["spacing"] => ({
  line: num(at(pPr, "spacing", "line")),
  lineRule: at(pPr, "spacing", "lineRule"),
  before: num(at(pPr, "spacing", "before")),
  after: num(at(pPr, "spacing", "after")),
});

function paragraph(p: Node): Para {
  const pPr = kid(p, "pPr");
  const runs = kids(p, "r").map((r): Run => {
    const rPr = kid(r, "rPr");
    const ref = kid(r, "footnoteReference");
    return { ...runProps(rPr), own: rPr !== undefined && kid(rPr, "rStyle") === undefined, text: kids(r, "t").map((t) => t.text).join(""), note: num(ref?.attrs["id"]), field: kid(r, "instrText")?.text };
  });
  return { kind: "p", style: at(pPr, "pStyle"), align: at(pPr, "jc"), spacing: spacing(pPr), firstLine: num(at(pPr, "ind", "firstLine")), runs, text: runs.map((r) => r.text).join("") };
}

function table(t: Node): Tbl {
  const tblPr = kid(t, "tblPr");
  const borders: Record<string, string> = {};
  for (const b of kid(tblPr, "tblBorders")?.children ?? []) borders[b.name] = `${b.attrs["val"]} ${b.attrs["sz"]} ${b.attrs["color"]}`;
  const margins: Record<string, number | undefined> = {};
  for (const m of kid(tblPr, "tblCellMar")?.children ?? []) margins[m.name] = num(m.attrs["w"]);
  const rows = kids(t, "tr").map((tr): Row => {
    const trPr = kid(tr, "trPr");
    const cells = kids(tr, "tc").map((tc): Cell => {
      const tcPr = kid(tc, "tcPr");
      const paragraphs = kids(tc, "p").map(paragraph);
      return { text: paragraphs.map((x) => x.text).join(""), width: num(at(tcPr, "tcW", "w")), span: num(at(tcPr, "gridSpan")) ?? 1, vAlign: at(tcPr, "vAlign"), paragraphs };
    });
    return { header: flag(kid(trPr, "tblHeader")), cantSplit: flag(kid(trPr, "cantSplit")), cells };
  });
  const grid = kids(kid(t, "tblGrid"), "gridCol").map((g) => Number(g.attrs["w"]));
  return { kind: "tbl", width: num(at(tblPr, "tblW", "w")), widthType: at(tblPr, "tblW", "type"), layout: at(tblPr, "tblLayout", "type"), grid, margins, borders, rows };
}

export function readDocxLayout(docx: Uint8Array): DocxLayout {
  const parts = unzipSync(docx);
  const part = (name: string) => {
    const bytes = parts[name];
    if (!bytes) throw new Error(`no ${name}`);
    return parse(strFromU8(bytes));
  };
  const rels = new Map(kids(kid(part("word/_rels/document.xml.rels"), "Relationships"), "Relationship").map((r) => [r.attrs["Id"], r.attrs["Target"]]));
  const section = (s: Node): Section => {
    const target = rels.get(kid(s, "footerReference")?.attrs["id"]);
    const fn = kid(s, "footnotePr");
    return {
      width: num(at(s, "pgSz", "w")),
      height: num(at(s, "pgSz", "h")),
      orient: at(s, "pgSz", "orient"),
      margin: { top: num(at(s, "pgMar", "top")), right: num(at(s, "pgMar", "right")), bottom: num(at(s, "pgMar", "bottom")), left: num(at(s, "pgMar", "left")), footer: num(at(s, "pgMar", "footer")) },
      footnote: fn && { numFmt: at(fn, "numFmt"), restart: at(fn, "numRestart") },
      footer: target ? kids(kid(part(`word/${target}`), "ftr"), "p").map(paragraph) : [],
    };
  };
  const bodyNode = kid(kid(part("word/document.xml"), "document"), "body");
  const body: (Para | Tbl)[] = [];
  const sections: Section[] = [];
  let stray = bodyNode?.text.trim() ?? "";
  for (const n of bodyNode?.children ?? []) {
    if (!["p", "tbl", "sectPr"].includes(n.name)) stray += `<${n.name}>`;
    if (n.name === "p") body.push(paragraph(n));
    if (n.name === "tbl") body.push(table(n));
    const s = n.name === "sectPr" ? n : kid(kid(n, "pPr"), "sectPr");
    if (s) sections.push(section(s));
  }
  const stylesNode = kid(part("word/styles.xml"), "styles");
  const styles: Record<string, Style> = {};
  for (const s of kids(stylesNode, "style")) {
    const pPr = kid(s, "pPr");
    styles[s.attrs["styleId"]!] = { ...runProps(kid(s, "rPr")), name: at(s, "name"), basedOn: at(s, "basedOn"), quick: flag(kid(s, "qFormat")), spacing: spacing(pPr), firstLine: num(at(pPr, "ind", "firstLine")), align: at(pPr, "jc") };
  }
  const notes = new Map<number, Para[]>();
  for (const f of kids(kid(part("word/footnotes.xml"), "footnotes"), "footnote")) if (Number(f.attrs["id"]) >= 1) notes.set(Number(f.attrs["id"]), kids(f, "p").map(paragraph));
  const core = kid(part("docProps/core.xml"), "coreProperties");
  return {
    body,
    stray,
    sections,
    defaults: runProps(kid(kid(kid(stylesNode, "docDefaults"), "rPrDefault"), "rPr")),
    styles,
    notes,
    core: { title: kid(core, "title")?.text, creator: kid(core, "creator")?.text, description: kid(core, "description")?.text },
  };
}

/** The body's paragraphs only, in order. */
export const paragraphs = (l: DocxLayout): Para[] => l.body.filter((x): x is Para => x.kind === "p");
