/**
 * The look shared by every workbook huizong writes (the template and the
 * city workbook): one type face, one border, one palette.
 */
import type ExcelJS from "exceljs";

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
export function solid(argb: string): ExcelJS.Fill {
  return { type: "pattern", pattern: "solid", fgColor: { argb } };
}

/** The thin blue grid around table cells. */
export const THIN_BORDER: Partial<ExcelJS.Borders> = {
  top: { style: "thin", color: { argb: COLORS.border } },
  left: { style: "thin", color: { argb: COLORS.border } },
  bottom: { style: "thin", color: { argb: COLORS.border } },
  right: { style: "thin", color: { argb: COLORS.border } },
};
