/**
 * Builds the standard template workbook (bytes out), optionally pre-filled.
 *
 * The template is written with exceljs, loaded only when a template is built:
 * the task pane never loads this module (Office.js reads the cells there), and
 * the city workbook adds the same sheets through the direct writer
 * (templates/xlsx/writer), so neither loads exceljs.
 */
// @ts-nocheck

import type * as Xlsx from "./xlsx/writer/types";
import { COLORS, FONT, rowHeightFor, solid, THIN_BORDER } from "./style";
import { UNIT_TYPES, type NarrativeKey } from "./catalog";
import { BUILTIN, type Catalogue } from "./catalogue";
import { embedLibrary } from "./library/embed";
import {
  COLS,
  COLUMN_MARKS,
  COLUMN_TITLES,
  COVER_FIELDS,
  COVER_INPUT_COL,
  COVER_LABEL_COL,
  DEFINED_NAMES,
  INDICATOR_HEADER_ROW,
  INDICATOR_MARK_ROW,
  INFO,
  NARRATIVE_ROWS,
  SHEETS,
  VALUE_COLUMNS,
  layoutOf,
  printedName,
  type CoverKey,
  type ValueColumn,
} from "./layout";
import { PERIOD_SPANS } from "./period";

/** Values to pre-fill (tests, samples, consolidations). Strings are written as typed text. */
export interface TemplateFill {
  cover?: Partial<Record<CoverKey, string | number | Date>>;
  values?: Record<string, Partial<Record<ValueColumn, number | string | null>>>;
  notes?: Record<string, string>;
  narrative?: Partial<Record<NarrativeKey, string>>;
}

export interface BuildOptions {
  fill?: TemplateFill;
  /** Override the version written (tests of old/unknown versions); such a template carries no library. */
  version?: string;
  /** Codes whose 全年目标 the city assigned (filled from `fill`): written locked, not as input cells. */
  lockedTargets?: readonly string[];
  /** The library the template is built from (default: the built-in one); the template carries it. */
  catalogue?: Catalogue;
}

const INPUT_FILL = solid(COLORS.input);
const HEADER_FILL = solid(COLORS.header);
const GROUP_FILL = solid(COLORS.group);
const RATIO_FILL = solid(COLORS.ratio);
const THIN = THIN_BORDER;
const FIXED_DATE = new Date(Date.UTC(2026, 0, 1));
const PROTECT: Partial<Xlsx.WorksheetProtection> = {
  selectLockedCells: true,
  selectUnlockedCells: true,
  formatColumns: true,
  formatRows: true,
};

/** Number format for an indicator's unit kind. */
export function numberFormat(kind: "count" | "amount" | "ratio"): string {
  return kind === "count" ? "#,##0" : kind === "amount" ? "#,##0.00" : "0.00%";
}

/** A data validation that stops a wrong entry with a titled message; blanks are allowed. */
function validation(rule: Pick<Xlsx.DataValidation, "type" | "operator" | "formulae">, errorTitle: string, error: string): Xlsx.DataValidation {
  return { ...rule, allowBlank: true, showErrorMessage: true, errorTitle, error };
}

function markInput(cell: Xlsx.Cell): void {
  cell.fill = INPUT_FILL;
  cell.border = THIN;
  cell.protection = { locked: false };
}

function ratioFormula(num: string, den: string): string {
  return `IF(AND(ISNUMBER(${num}),ISNUMBER(${den}),${den}>0),${num}/${den},"")`;
}

/** Computed ratio for the cached value of a ratio formula (what Excel would show). */
function ratioResult(numerator: unknown, denominator: unknown): number | string {
  return typeof numerator === "number" && typeof denominator === "number" && denominator > 0 ? numerator / denominator : "";
}

/**
 * Build the standard report template (封面, 指标, 文字材料, 填表说明 and a very
 * hidden 模板信息 sheet), optionally pre-filled, and return the .xlsx bytes.
 */
export async function buildTemplate(options: BuildOptions = {}): Promise<Uint8Array> {
  // Loaded here, not at the top: the city workbook adds these sheets with the direct writer and never loads exceljs.
  const { default: ExcelJS } = await import("exceljs");
  const wb = new ExcelJS.Workbook();
  wb.creator = "huizong";
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  await addTemplateSheets(wb as unknown as Xlsx.Workbook, options);
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}

/**
 * Add the template's sheets (封面, 指标, 文字材料, 填表说明, 模板信息), filled and
 * protected exactly as {@link buildTemplate} writes them, to a workbook that may
 * hold other sheets (the consolidation workbook is itself a template input).
 * Works with an exceljs workbook (the template) and with the direct writer (the city workbook).
 * @returns the added worksheets, in order (uncommitted).
 */
export async function addTemplateSheets(wb: Xlsx.Workbook, options: BuildOptions = {}): Promise<Xlsx.Worksheet[]> {
  const fill = options.fill ?? {};
  const cat = options.catalogue ?? BUILTIN;
  const added = [
    addCover(wb, fill, cat),
    addIndicators(wb, fill, cat, new Set(options.lockedTargets ?? [])),
    addNarrative(wb, fill, cat),
    addInstructions(wb, cat),
    addInfo(wb, cat, options.version),
  ];
  for (const ws of added) {
    if (ws.name !== SHEETS.info) await ws.protect("", PROTECT);
  }
  return added;
}

/** Portrait A4 scaled to the page width (cover, indicator table). */
const PORTRAIT_FIT: Partial<Xlsx.PageSetup> = { paperSize: 9, orientation: "portrait", fitToPage: true, fitToWidth: 1, fitToHeight: 0, firstPageNumber: 1 };
/** Text sheets print at 100%: their one column is as wide as portrait A4 allows, rows as tall as their text. */
const PORTRAIT_TEXT: Partial<Xlsx.PageSetup> = { paperSize: 9, orientation: "portrait", fitToPage: false, scale: 100, firstPageNumber: 1, margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 } };
/** Text column width (characters) that fits portrait A4 between 0.5" margins at 100%. */
const TEXT_WIDTH = 72;
/** Page numbers per sheet. */
const PAGE_FOOTER = { oddFooter: "&C第&P页 共&N页" };

function title(ws: Xlsx.Worksheet, text: string, lastCol: string): void {
  ws.mergeCells(`A1:${lastCol}1`);
  const t = ws.getCell("A1");
  t.value = text;
  t.font = { name: FONT, size: 16, bold: true };
  t.alignment = { horizontal: "center", vertical: "middle" };
  ws.getRow(1).height = 30;
}

function addCover(wb: Xlsx.Workbook, fill: TemplateFill, cat: Catalogue): Xlsx.Worksheet {
  // Page setup is given at creation (fit-to-page is part of the sheet's head, written before its cells).
  const ws = wb.addWorksheet(SHEETS.cover, { views: [{ showGridLines: false }], pageSetup: PORTRAIT_FIT, headerFooter: PAGE_FOOTER });
  ws.columns = [{ width: 4 }, { width: 20 }, { width: 44 }, { width: 30 }];
  const FORM_HEADER = cat.formHeader;
  title(ws, cat.title, "D");
  ws.getCell("B2").value = `表号：${FORM_HEADER.formNumber}`;
  ws.getCell("C2").value = `制定机关：${FORM_HEADER.issuer}`;
  ws.getCell("B3").value = `批准文号：${FORM_HEADER.approval}`;
  ws.getCell("C3").value = `有效期至：${FORM_HEADER.validUntil}`;
  for (const a of ["B2", "C2", "B3", "C3"]) ws.getCell(a).font = { name: FONT, size: 9, color: { argb: "FF595959" } };
  const hints: Record<CoverKey, string> = {
    unitName: "填写单位全称，如“青阳镇人民政府”",
    divisionCode: "12位统计用区划代码，乡镇/街道为9位+000",
    unitType: "从下拉列表选择",
    year: "4位年份，如 2025",
    periodSpan: "从下拉列表选择：全年、上半年、季度或1—N月",
    preparer: "填报人姓名",
    phone: "手机号或带区号的座机号",
    head: "单位负责人姓名",
    date: "如 2025-12-20",
  };
  for (const f of COVER_FIELDS) {
    const label = ws.getCell(`${COVER_LABEL_COL}${f.row}`);
    label.value = f.label;
    label.font = { name: FONT, bold: true };
    label.alignment = { horizontal: "right" };
    const input = ws.getCell(`${COVER_INPUT_COL}${f.row}`);
    markInput(input);
    input.font = { name: FONT };
    const v = fill.cover?.[f.key];
    if (v !== undefined) input.value = v;
    const hint = ws.getCell(`D${f.row}`);
    hint.value = hints[f.key];
    hint.font = { name: FONT, size: 9, color: { argb: "FF808080" } };
    ws.getRow(f.row).height = 22;
  }
  const cell = (key: CoverKey) => ws.getCell(`${COVER_INPUT_COL}${COVER_FIELDS.find((f) => f.key === key)!.row}`);
  cell("divisionCode").numFmt = "@";
  cell("divisionCode").dataValidation = validation({ type: "textLength", operator: "equal", formulae: [12] }, "区划代码", "统计用区划代码为12位数字。");
  cell("unitType").dataValidation = validation({ type: "list", formulae: [DEFINED_NAMES.unitTypeList] }, "单位类型", "请从下拉列表中选择单位类型。");
  cell("year").dataValidation = validation({ type: "whole", operator: "between", formulae: [2000, 2100] }, "统计年度", "请填写4位年份，如 2025。");
  cell("periodSpan").dataValidation = validation({ type: "list", formulae: [DEFINED_NAMES.periodList] }, "报告期", "请从下拉列表中选择报告期。");
  cell("phone").numFmt = "@";
  cell("date").numFmt = "yyyy-mm-dd";
  cell("date").dataValidation = validation({ type: "date", operator: "greaterThan", formulae: [new Date(Date.UTC(2000, 0, 1))] }, "填报日期", "请填写日期，如 2025-12-20。");
  ws.getCell("B15").value = "黄色单元格为填报区，其余单元格已保护。填完后请在任务窗格中点击“检查”。";
  ws.getCell("B15").font = { name: FONT, size: 9, color: { argb: "FF808080" } };
  ws.pageSetup = { paperSize: 9, orientation: "portrait", fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true };
  return ws;
}

function addIndicators(wb: Xlsx.Workbook, fill: TemplateFill, cat: Catalogue, lockedTargets: ReadonlySet<string> = new Set()): Xlsx.Worksheet {
  const { rows: INDICATOR_ROWS, indicatorRow, groupTitle } = layoutOf(cat);
  const FORM_HEADER = cat.formHeader;
  const ws = wb.addWorksheet(SHEETS.indicators, {
    pageSetup: { ...PORTRAIT_FIT, horizontalCentered: true, printTitlesRow: `1:${INDICATOR_MARK_ROW}` },
    headerFooter: PAGE_FOOTER,
    views: [{ state: "frozen", ySplit: INDICATOR_MARK_ROW, xSplit: 0, showGridLines: false }],
  });
  ws.columns = [
    { width: 6 },
    { width: 9 },
    { width: 34 },
    { width: 9 },
    { width: 15 },
    { width: 15 },
    { width: 15 },
    { width: 30 },
  ];
  title(ws, `${cat.title}——主要指标`, "H");
  ws.getCell("A2").value = `表号：${FORM_HEADER.formNumber}　制定机关：${FORM_HEADER.issuer}　批准文号：${FORM_HEADER.approval}　有效期至：${FORM_HEADER.validUntil}`;
  ws.getCell("A2").font = { name: FONT, size: 9, color: { argb: "FF595959" } };
  ws.getCell("A3").value = { formula: `"填报单位："&${SHEETS.cover}!C5&"　　报告期："&${SHEETS.cover}!C8&"年"&${SHEETS.cover}!C9`, result: `填报单位：${fill.cover?.unitName ?? ""}　　报告期：${fill.cover?.year ?? ""}年${fill.cover?.periodSpan ?? ""}` };
  ws.getCell("A3").font = { name: FONT, size: 10 };
  const keys = Object.keys(COLS) as (keyof typeof COLS)[];
  keys.forEach((k, i) => {
    const h = ws.getCell(`${COLS[k]}${INDICATOR_HEADER_ROW}`);
    h.value = COLUMN_TITLES[k];
    h.font = { name: FONT, bold: true };
    h.fill = HEADER_FILL;
    h.border = THIN;
    h.alignment = { horizontal: "center", vertical: "middle" };
    const m = ws.getCell(`${COLS[k]}${INDICATOR_MARK_ROW}`);
    m.value = COLUMN_MARKS[i]!;
    m.font = { name: FONT, size: 9 };
    m.fill = HEADER_FILL;
    m.border = THIN;
    m.alignment = { horizontal: "center" };
  });
  ws.getRow(INDICATOR_HEADER_ROW).height = 24;

  let seq = 0;
  for (const row of INDICATOR_ROWS) {
    if (row.kind === "group") {
      const g = ws.getCell(`${COLS.name}${row.row}`);
      g.value = groupTitle(row.group);
      for (const col of Object.values(COLS)) {
        const cell = ws.getCell(`${col}${row.row}`);
        cell.fill = GROUP_FILL;
        cell.border = THIN;
        cell.font = { name: FONT, bold: true };
      }
      continue;
    }
    const ind = row.indicator!;
    const at = (col: keyof typeof COLS) => ws.getCell(`${COLS[col]}${row.row}`);
    at("seq").value = ++seq;
    at("code").value = ind.code;
    at("name").value = printedName(ind);
    at("unit").value = ind.unit;
    for (const col of ["seq", "code", "name", "unit", "note"] as const) {
      at(col).border = THIN;
      at(col).font = { name: FONT, size: 10, color: col === "code" ? { argb: "FF808080" } : undefined };
    }
    at("seq").alignment = { horizontal: "center" };
    at("code").alignment = { horizontal: "center" };
    at("unit").alignment = { horizontal: "center" };
    for (const col of VALUE_COLUMNS) {
      const cell = at(col);
      cell.numFmt = numberFormat(ind.kind);
      cell.font = { name: FONT, size: 10 };
      if (ind.kind === "ratio") {
        const num = `${COLS[col]}${indicatorRow(ind.numerator!)}`;
        const den = `${COLS[col]}${indicatorRow(ind.denominator!)}`;
        const vals = fill.values ?? {};
        cell.value = {
          formula: ratioFormula(num, den),
          result: ratioResult(vals[ind.numerator!]?.[col], vals[ind.denominator!]?.[col]),
        } as Xlsx.CellFormulaValue;
        cell.fill = RATIO_FILL;
        cell.border = THIN;
        continue;
      }
      const v = fill.values?.[ind.code]?.[col];
      if (v !== undefined && v !== null) cell.value = v;
      if (col === "target" && lockedTargets.has(ind.code)) {
        // Assigned by the city (目标任务分解): shown, locked, not an input.
        cell.fill = GROUP_FILL;
        cell.border = THIN;
        continue;
      }
      markInput(cell);
      const whole = ind.kind === "count";
      cell.dataValidation = validation(
        { type: whole ? "whole" : "decimal", operator: "greaterThanOrEqual", formulae: [0] },
        ind.name,
        `请填写不小于0的${whole ? "整数" : "数字"}（单位：${ind.unit}），不要带单位或文字。`,
      );
    }
    if (ind.kind !== "ratio") {
      markInput(at("note"));
      at("note").alignment = { wrapText: true, vertical: "top" };
      const note = fill.notes?.[ind.code];
      if (note !== undefined) at("note").value = note;
    } else {
      at("note").value = "自动计算";
      at("note").font = { name: FONT, size: 9, color: { argb: "FF808080" } };
    }
  }
  ws.pageSetup = {
    paperSize: 9,
    orientation: "portrait",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    printTitlesRow: `1:${INDICATOR_MARK_ROW}`,
  };
  ws.headerFooter = PAGE_FOOTER;
  return ws;
}

function addNarrative(wb: Xlsx.Workbook, fill: TemplateFill, cat: Catalogue): Xlsx.Worksheet {
  const ws = wb.addWorksheet(SHEETS.narrative, { views: [{ showGridLines: false }], pageSetup: PORTRAIT_TEXT, headerFooter: PAGE_FOOTER });
  ws.columns = [{ width: TEXT_WIDTH }];
  ws.getCell("A1").value = `${cat.title}——文字材料`;
  ws.getCell("A1").font = { name: FONT, size: 16, bold: true };
  ws.getCell("A1").alignment = { horizontal: "center" };
  ws.getCell("A2").value = "请在黄色区域分段填写，每项一般不少于200字；可从Word中直接粘贴文字。";
  ws.getCell("A2").font = { name: FONT, size: 9, color: { argb: "FF808080" } };
  for (const s of cat.narrative) {
    const rows = NARRATIVE_ROWS[s.key];
    const t = ws.getCell(`A${rows.titleRow}`);
    t.value = `${s.title}（${s.hint}）`;
    t.font = { name: FONT, bold: true, size: 12 };
    const input = ws.getCell(`A${rows.inputRow}`);
    markInput(input);
    input.alignment = { wrapText: true, vertical: "top" };
    input.font = { name: FONT, size: 11 };
    const text = fill.narrative?.[s.key];
    if (text !== undefined) input.value = text;
    // Room to write in when blank; as tall as the text when filled (up to the sheet's limit).
    ws.getRow(rows.inputRow).height = text ? Math.max(60, rowHeightFor(text, TEXT_WIDTH, 11)) : 180;
  }
  ws.pageSetup = { ...PORTRAIT_TEXT, printTitlesRow: "1:1" };
  return ws;
}

/** Instruction 五 for a library: its sums (分项) and "其中" items, from the library itself. */
function relationsLine(cat: Catalogue): string {
  const name = (code: string) => cat.indicators.find((i) => i.code === code)?.name ?? code;
  const sums = cat.indicators.filter((i) => i.components?.length).map((i) => `${i.name}＝${i.components!.map(name).join("＋")}`);
  return `五、“其中”项不得大于合计${sums.length ? `；${sums.join("；")}` : ""}。`;
}

function addInstructions(wb: Xlsx.Workbook, cat: Catalogue): Xlsx.Worksheet {
  const ws = wb.addWorksheet(SHEETS.instructions, { views: [{ showGridLines: false }], pageSetup: PORTRAIT_TEXT, headerFooter: PAGE_FOOTER });
  ws.columns = [{ width: TEXT_WIDTH }];
  const lines = [
    "填表说明",
    "一、本表由各乡镇（街道）科技干事填报，县（市、区）汇总后报市科技局。黄色单元格为填报区，其余单元格已保护，请勿改动表格结构、增删行或修改工作表名称。",
    "二、“本期”填写报告期内的累计数；“上年同期”填写上年相同期间的数；“全年目标”填写本年度下达的目标任务，没有目标的不填。",
    "三、计量单位以表中“计量单位”列为准：金额以“万元”或“亿元”为单位，保留两位小数；件数、家数等填写整数。不要在数字后面加单位或文字（如“12件”“约200”“1.2万”），也不要用全角数字。",
    "四、本期没有发生的填 0，不要填“无”“—”或留空。",
    cat === BUILTIN ? "五、“其中”项不得大于合计；专利申请＝发明＋实用新型＋外观设计；高新技术企业＝国家级＋省级＋市级。" : relationsLine(cat),
    "六、比重类指标（%）由表格自动计算，无需填写。",
    "七、同比增减幅度异常（如增长超过200%或下降超过50%）、或金额疑似把“元”填成“万元”的，请核实；确认无误的，请在“备注”栏说明原因。",
    "八、文字材料分“主要工作及成效”“存在问题”“下步工作打算”三部分填写。",
    "九、填完后在Excel任务窗格中点击“检查”，按提示逐项修改，检查通过后点击“上传”。没有安装加载项的，可在浏览器中打开报送网页上传本文件。",
  ];
  lines.forEach((text, i) => {
    const cell = ws.getCell(`A${i + 1}`);
    cell.value = text;
    cell.alignment = { wrapText: true, vertical: "top" };
    cell.font = i === 0 ? { name: FONT, size: 16, bold: true } : { name: FONT, size: 11 };
    ws.getRow(i + 1).height = rowHeightFor(text, TEXT_WIDTH, i === 0 ? 16 : 11);
  });
  ws.pageSetup = PORTRAIT_TEXT;
  return ws;
}

function addInfo(wb: Xlsx.Workbook, cat: Catalogue, versionOverride: string | undefined): Xlsx.Worksheet {
  const ws = wb.addWorksheet(SHEETS.info);
  ws.state = "veryHidden";
  ws.getCell(INFO.idLabel).value = "模板标识";
  ws.getCell(INFO.id).value = cat.id;
  ws.getCell(INFO.versionLabel).value = "模板版本";
  ws.getCell(INFO.version).value = versionOverride ?? cat.version;
  // The template carries its library (a template written as another version, for tests of old files, carries none).
  if (versionOverride === undefined || versionOverride === cat.version) {
    const lib = embedLibrary(cat);
    ws.getCell(INFO.hashLabel).value = "指标库校验值";
    ws.getCell(INFO.hash).value = lib.hash;
    ws.getCell(INFO.libraryLabel).value = "指标库";
    lib.chunks.forEach((chunk, i) => (ws.getCell(`${INFO.libraryCol}${INFO.libraryFirstRow + i}`).value = chunk));
  }
  PERIOD_SPANS.forEach((s, i) => (ws.getCell(`${INFO.periodListCol}${i + 1}`).value = s.label));
  UNIT_TYPES.forEach((u, i) => (ws.getCell(`${INFO.unitTypeListCol}${i + 1}`).value = u));
  wb.definedNames.add(`'${SHEETS.info}'!$${INFO.id.replace(/\d+/, "")}$1`, DEFINED_NAMES.templateId);
  wb.definedNames.add(`'${SHEETS.info}'!$B$2`, DEFINED_NAMES.templateVersion);
  wb.definedNames.add(`'${SHEETS.info}'!$${INFO.periodListCol}$1:$${INFO.periodListCol}$${PERIOD_SPANS.length}`, DEFINED_NAMES.periodList);
  wb.definedNames.add(`'${SHEETS.info}'!$${INFO.unitTypeListCol}$1:$${INFO.unitTypeListCol}$${UNIT_TYPES.length}`, DEFINED_NAMES.unitTypeList);
  return ws;
}
