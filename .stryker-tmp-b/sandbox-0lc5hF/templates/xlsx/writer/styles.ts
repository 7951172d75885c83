/**
 * The style registry of the direct writer: every distinct cell style becomes
 * one `xf` in styles.xml, interned by a key built from its parts (fonts, fills,
 * borders and number formats are interned the same way), so a million cells
 * that share a style cost one entry. Style objects are also remembered by
 * identity, so the key is built once per object, not once per cell.
 */
// @ts-nocheck

import { esc } from "./escape";
import type { Alignment, Border, Borders, Fill, Font, Protection, Style } from "./types";

/** Excel's built-in number formats the writer refers to by id (no numFmt entry needed). */
const BUILTIN_FORMATS: Record<string, number> = { General: 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10, "0.00E+00": 11, "@": 49 };
const DEFAULT_FONT: Partial<Font> = { name: "Calibri", size: 11 };

class Interner<T> {
  readonly items: T[] = [];
  private readonly ids = new Map<string, number>();
  constructor(initial: readonly T[], private readonly key: (t: T) => string) {
    for (const t of initial) this.id(t);
  }
  id(t: T): number {
    const k = this.key(t);
    let id = this.ids.get(k);
    if (id === undefined) {
      id = this.items.length;
      this.items.push(t);
      this.ids.set(k, id);
    }
    return id;
  }
}

const color = (tag: string, c: { argb: string } | undefined) => (c ? `<${tag} rgb="${esc(c.argb)}"/>` : "");

function fontXml(f: Partial<Font>): string {
  return `<font>${f.bold ? "<b/>" : ""}${f.italic ? "<i/>" : ""}${f.underline ? "<u/>" : ""}<sz val="${f.size ?? 11}"/>${color("color", f.color)}<name val="${esc(f.name ?? "Calibri")}"/></font>`;
}
function fillXml(f: Fill): string {
  if (f.pattern === "none") return `<fill><patternFill patternType="none"/></fill>`;
  return `<fill><patternFill patternType="${f.pattern}">${color("fgColor", f.fgColor)}<bgColor indexed="64"/></patternFill></fill>`;
}
function edge(tag: string, b: Border | undefined): string {
  return b?.style ? `<${tag} style="${b.style}">${color("color", b.color)}</${tag}>` : `<${tag}/>`;
}
function borderXml(b: Partial<Borders>): string {
  return `<border>${edge("left", b.left)}${edge("right", b.right)}${edge("top", b.top)}${edge("bottom", b.bottom)}<diagonal/></border>`;
}
function alignmentXml(a: Partial<Alignment>): string {
  const attrs = [
    a.horizontal ? ` horizontal="${a.horizontal}"` : "",
    a.vertical ? ` vertical="${a.vertical === "middle" ? "center" : a.vertical}"` : "",
    a.wrapText ? ` wrapText="1"` : "",
    a.shrinkToFit ? ` shrinkToFit="1"` : "",
    a.indent ? ` indent="${a.indent}"` : "",
  ].join("");
  return attrs ? `<alignment${attrs}/>` : "";
}
function protectionXml(p: Partial<Protection>): string {
  const attrs = `${p.locked === false ? ` locked="0"` : ""}${p.hidden ? ` hidden="1"` : ""}`;
  return attrs ? `<protection${attrs}/>` : "";
}

interface Xf {
  font: number;
  fill: number;
  border: number;
  numFmt: number;
  alignment: string;
  protection: string;
}

export class StyleRegistry {
  private readonly fonts = new Interner<Partial<Font>>([DEFAULT_FONT], fontXml);
  // The two fills every styles.xml starts with.
  private readonly fills = new Interner<string>(["<fill><patternFill patternType=\"none\"/></fill>", "<fill><patternFill patternType=\"gray125\"/></fill>"], (s) => s);
  private readonly borders = new Interner<string>(["<border><left/><right/><top/><bottom/><diagonal/></border>"], (s) => s);
  private readonly numFmts = new Map<string, number>();
  private readonly xfs = new Interner<Xf>([{ font: 0, fill: 0, border: 0, numFmt: 0, alignment: "", protection: "" }], (x) => `${x.font}|${x.fill}|${x.border}|${x.numFmt}|${x.alignment}|${x.protection}`);
  private readonly dxfs: string[] = [];
  private readonly byObject = new WeakMap<object, number>();

  /** The `s` index of a cell style (0 for none). */
  id(style: Partial<Style> | undefined): number {
    if (!style) return 0;
    const known = this.byObject.get(style);
    if (known !== undefined) return known;
    const id = this.xfs.id({
      font: style.font ? this.fonts.id({ ...DEFAULT_FONT, ...style.font }) : 0,
      fill: style.fill ? this.fills.id(fillXml(style.fill)) : 0,
      border: style.border ? this.borders.id(borderXml(style.border)) : 0,
      numFmt: style.numFmt ? this.numFmt(style.numFmt) : 0,
      alignment: style.alignment ? alignmentXml(style.alignment) : "",
      protection: style.protection ? protectionXml(style.protection) : "",
    });
    this.byObject.set(style, id);
    return id;
  }

  /** A differential style (conditional formatting): its index in `dxfs`. */
  dxf(style: Partial<Style>): number {
    const f = style.font;
    const font = f ? `<font>${f.bold ? "<b/>" : ""}${f.italic ? "<i/>" : ""}${f.size ? `<sz val="${f.size}"/>` : ""}${color("color", f.color)}${f.name ? `<name val="${esc(f.name)}"/>` : ""}</font>` : "";
    // A differential fill names its colour as the background.
    const fill = style.fill?.fgColor ? `<fill><patternFill patternType="solid"><bgColor rgb="${esc(style.fill.fgColor.argb)}"/></patternFill></fill>` : "";
    const xml = `<dxf>${font}${fill}</dxf>`;
    const at = this.dxfs.indexOf(xml);
    if (at >= 0) return at;
    this.dxfs.push(xml);
    return this.dxfs.length - 1;
  }

  private numFmt(code: string): number {
    const builtin = BUILTIN_FORMATS[code];
    if (builtin !== undefined) return builtin;
    let id = this.numFmts.get(code);
    if (id === undefined) {
      id = 164 + this.numFmts.size;
      this.numFmts.set(code, id);
    }
    return id;
  }

  /** xl/styles.xml. */
  xml(): string {
    const numFmts = [...this.numFmts].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${esc(code)}"/>`);
    const xfs = this.xfs.items.map((x) => {
      const inner = `${x.alignment}${x.protection}`;
      const attrs = `numFmtId="${x.numFmt}" fontId="${x.font}" fillId="${x.fill}" borderId="${x.border}" xfId="0"${x.numFmt ? ` applyNumberFormat="1"` : ""}${x.font ? ` applyFont="1"` : ""}${x.fill ? ` applyFill="1"` : ""}${x.border ? ` applyBorder="1"` : ""}${x.alignment ? ` applyAlignment="1"` : ""}${x.protection ? ` applyProtection="1"` : ""}`;
      return inner ? `<xf ${attrs}>${inner}</xf>` : `<xf ${attrs}/>`;
    });
    return (
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
      (numFmts.length ? `<numFmts count="${numFmts.length}">${numFmts.join("")}</numFmts>` : "") +
      `<fonts count="${this.fonts.items.length}">${this.fonts.items.map(fontXml).join("")}</fonts>` +
      `<fills count="${this.fills.items.length}">${this.fills.items.join("")}</fills>` +
      `<borders count="${this.borders.items.length}">${this.borders.items.join("")}</borders>` +
      `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
      `<cellXfs count="${xfs.length}">${xfs.join("")}</cellXfs>` +
      `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
      `<dxfs count="${this.dxfs.length}">${this.dxfs.join("")}</dxfs>` +
      `<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>`
    );
  }
}
