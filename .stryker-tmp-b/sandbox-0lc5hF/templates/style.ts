/**
 * The look shared by every workbook huizong writes (the template and the
 * city workbook): one type face, one border, one palette.
 */
// @ts-nocheck

import type * as Xlsx from "./xlsx/writer/types";

/** The type face of every sheet. */
export const FONT = "宋体";

/** Fill colours (ARGB). */
export const COLORS = {
  /** Cells a clerk fills in; also the total rows of the city workbook. */
  input: "FFFFF2CC",
  header: "FFD9E1F2",
  group: "FFEDEDED",
  /** Ratio cells (computed). */
  ratio: "FFE2EFDA",
  border: "FF8EA9DB",
} as const;

/** A solid fill of one colour. */
export function solid(argb: string): Xlsx.Fill {
  return { type: "pattern", pattern: "solid", fgColor: { argb } };
}

/** The thin blue grid around table cells. */
export const THIN_BORDER: Partial<Xlsx.Borders> = {
  top: { style: "thin", color: { argb: COLORS.border } },
  left: { style: "thin", color: { argb: COLORS.border } },
  bottom: { style: "thin", color: { argb: COLORS.border } },
  right: { style: "thin", color: { argb: COLORS.border } },
};

/** Points per line of wrapped text, as LibreOffice and Excel lay out 宋体/Noto CJK (with leading). */
const LINE_FACTOR = 1.45;
/** Tallest row a sheet allows (Excel's limit, in points). */
export const MAX_ROW_HEIGHT = 409;

/**
 * Lines a wrapped cell needs: CJK characters are a full em wide, Latin letters and
 * digits about half; a column `width` characters wide is `width × 7 + 5` pixels.
 */
export function wrappedLines(text: string, width: number, fontPt: number): number {
  const perLine = Math.max(1, Math.floor(((width * 7 + 5) * 0.92) / ((fontPt * 4) / 3)));
  let lines = 0;
  for (const para of text.split("\n")) {
    let units = 0;
    for (const ch of para) units += ch.charCodeAt(0) < 0x2e80 ? 0.55 : 1;
    lines += Math.max(1, Math.ceil(units / perLine));
  }
  return lines;
}

/** Row height (points) that shows all of a wrapped text, capped at the sheet's limit. */
export function rowHeightFor(text: string, width: number, fontPt: number): number {
  return Math.min(MAX_ROW_HEIGHT, Math.ceil(wrappedLines(text, width, fontPt) * fontPt * LINE_FACTOR + 4));
}

/** Characters of wrapped text that fit in one row of the tallest height (for splitting long texts over rows). */
export function charsPerRow(width: number, fontPt: number): number {
  const perLine = Math.max(1, Math.floor(((width * 7 + 5) * 0.92) / ((fontPt * 4) / 3)));
  return perLine * Math.floor((MAX_ROW_HEIGHT - 4) / (fontPt * LINE_FACTOR));
}
