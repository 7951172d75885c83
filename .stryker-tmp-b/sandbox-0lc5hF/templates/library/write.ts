/**
 * Catalogue → library workbook (指标库.xlsx) a city administrator edits in
 * Excel. exceljs writes it (like build.ts, never bundled into the task pane);
 * read.ts reads it back with the project's own reader.
 */
// @ts-nocheck

import ExcelJS from "exceljs";
import { BUILTIN, type Catalogue } from "../catalogue";
import { COLORS, FONT, solid, THIN_BORDER } from "../style";
import { EXPLAIN_ROWS, GROUP_HEADERS, INDICATOR_COLUMNS, INFO_ROWS, KIND_WORDS, LIBRARY_SHEETS, NO, RULE_HEADERS, RULE_ROWS, YES, explainKey } from "./format";

const HEADER: Partial<ExcelJS.Style> = { font: { name: FONT, bold: true }, fill: solid(COLORS.header), border: THIN_BORDER, alignment: { horizontal: "center", vertical: "middle" } };
const BODY: Partial<ExcelJS.Style> = { font: { name: FONT, size: 10 }, border: THIN_BORDER };

function header(ws: ExcelJS.Worksheet, titles: readonly string[]): void {
  const row = ws.getRow(1);
  titles.forEach((t, i) => {
    const c = row.getCell(i + 1);
    c.value = t;
    c.style = HEADER;
  });
  ws.views = [{ state: "frozen", ySplit: 1, xSplit: 0 }];
}

function body(ws: ExcelJS.Worksheet, values: readonly (string | number | null)[]): ExcelJS.Row {
  const row = ws.addRow([...values]);
  // A copy per cell: exceljs keeps the object, and setting one cell's numFmt would set it on every cell sharing it.
  row.eachCell({ includeEmpty: true }, (c) => (c.style = { ...BODY }));
  return row;
}

/** Write a catalogue (default: the built-in one) as a library workbook; returns the .xlsx bytes. */
export async function writeLibraryXlsx(cat: Catalogue = BUILTIN): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "huizong";
  wb.created = new Date(Date.UTC(2026, 0, 1));
  wb.modified = wb.created;

  const ind = wb.addWorksheet(LIBRARY_SHEETS.indicators);
  ind.columns = INDICATOR_COLUMNS.map((c) => ({ width: c.width }));
  header(ind, INDICATOR_COLUMNS.map((c) => c.header));
  for (const i of cat.indicators) {
    const row = body(ind, [
      i.code,
      i.name,
      i.nameEn,
      i.unit,
      KIND_WORDS[i.kind],
      i.group,
      (i.components ?? []).join("、"),
      i.ofWhich ? (i.partOf ?? "") : "",
      !i.ofWhich ? (i.partOf ?? "") : "",
      i.numerator ?? "",
      i.denominator ?? "",
      i.townMax ?? null,
      i.kind === "ratio" ? (i.plausibleMaxRatio ?? null) : null,
      i.headline ? YES : "",
      i.notes ?? "",
    ]);
    row.getCell(12).numFmt = "#,##0";
    row.getCell(13).numFmt = "0%";
  }
  const kinds = `"${Object.values(KIND_WORDS).join(",")}"`;
  const last = Math.max(cat.indicators.length + 200, 500);
  for (let r = 2; r <= last; r++) {
    ind.getCell(`E${r}`).dataValidation = { type: "list", allowBlank: true, formulae: [kinds], showErrorMessage: true, errorTitle: "类型", error: "请选择：数量、金额或比重。" };
    ind.getCell(`N${r}`).dataValidation = { type: "list", allowBlank: true, formulae: [`"${YES},${NO}"`] };
  }

  const groups = wb.addWorksheet(LIBRARY_SHEETS.groups);
  groups.columns = [{ width: 8 }, { width: 20 }, { width: 36 }];
  header(groups, GROUP_HEADERS);
  for (const g of cat.groups) body(groups, [g.code, g.name, g.nameEn ?? ""]);

  const rules = wb.addWorksheet(LIBRARY_SHEETS.rules);
  rules.columns = [{ width: 28 }, { width: 30 }, { width: 10 }, { width: 64 }];
  header(rules, RULE_HEADERS);
  for (const r of RULE_ROWS) body(rules, [r.label, r.key, cat.rules[r.key], r.note]);
  for (const r of EXPLAIN_ROWS) body(rules, [r.label, explainKey(r.rule), cat.rules.explain.includes(r.rule) ? YES : NO, "填“否”则该提示不要求在备注中说明"]);

  const info = wb.addWorksheet(LIBRARY_SHEETS.info);
  info.columns = [{ width: 14 }, { width: 40 }];
  const values: Record<(typeof INFO_ROWS)[number]["key"], string> = {
    id: cat.id,
    version: cat.version,
    title: cat.title,
    formNumber: cat.formHeader.formNumber,
    issuer: cat.formHeader.issuer,
    approval: cat.formHeader.approval,
    validUntil: cat.formHeader.validUntil,
  };
  INFO_ROWS.forEach((r, i) => {
    info.getCell(`A${i + 1}`).value = r.label;
    info.getCell(`A${i + 1}`).style = { ...BODY, font: { name: FONT, bold: true } };
    info.getCell(`B${i + 1}`).value = values[r.key];
    info.getCell(`B${i + 1}`).style = { ...BODY };
  });
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
