/**
 * Library workbook (指标库.xlsx) → Catalogue, or every problem at its cell.
 * Reads a Grid (the project's own xlsx reader gives one), so it is pure and
 * runs wherever the core runs.
 */
// @ts-nocheck

import { BUILTIN, DEFAULT_RULES, WARNING_RULES, type Catalogue, type CatalogueGroup, type Indicator, type LibraryRules } from "../catalogue";
import type { IndicatorKind } from "../catalog";
import type { RuleId } from "../findings";
import { sheetByName, type CellValue, type Grid, type GridSheet } from "../grid";
import { readXlsxGrid } from "../xlsx/index";
import { EXPLAIN_ROWS, GROUP_HEADERS, INDICATOR_COLUMNS, INFO_ROWS, KIND_WORDS, LIBRARY_SHEETS, NO, RULE_HEADERS, RULE_ROWS, YES, columnOf, explainKey, type InfoKey, type LibraryColumn } from "./format";
import { libraryFailure, problem, type LibraryFailure, type LibraryProblem, type LibraryProblemCode } from "./problems";
import { crossCheck } from "./validate";

export type LibraryResult = { ok: true; catalogue: Catalogue } | LibraryFailure;

export interface ReadLibraryOptions {
  /** The library this one follows (last year's): a code may not change its meaning. */
  previous?: Catalogue;
}

const text = (v: CellValue | undefined): string => (v === null || v === undefined ? "" : String(v).trim());
const cellOf = (s: GridSheet, addr: string) => s.cells[addr]?.value ?? null;
const ID_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;
const VERSION_RE = /^\d{4}\.\d{1,3}$/;
const CODE_RE = /^[A-Za-z][A-Za-z0-9_-]{0,15}$/;
const KINDS = new Map<string, IndicatorKind>([
  ...Object.entries(KIND_WORDS).map(([k, w]) => [w, k as IndicatorKind] as const),
  ["count", "count"],
  ["amount", "amount"],
  ["ratio", "ratio"],
]);

/** A number from a cell: a real number, or numeric text ("30%" → 0.3); null when empty, NaN when not a number. */
function numberOf(v: CellValue): number | null {
  if (v === null || v === "") return null;
  if (typeof v === "number") return v;
  const t = String(v).trim().replace(/[,，]/g, "");
  if (!t) return null;
  const pct = /^(-?\d+(?:\.\d+)?)\s*[%％]$/.exec(t);
  if (pct) return Number(pct[1]) / 100;
  return /^-?\d+(?:\.\d+)?$/.test(t) ? Number(t) : NaN;
}

/** Read a library workbook's bytes. */
export function readLibraryXlsx(bytes: Uint8Array, options: ReadLibraryOptions = {}): LibraryResult {
  const grid = readXlsxGrid(bytes, { sheets: Object.values(LIBRARY_SHEETS) });
  if (!grid.ok) return libraryFailure([problem("LIB_NOT_XLSX", "文件", "-", `无法作为 Excel 工作簿读取：${grid.message}`)]);
  return readLibraryGrid(grid.grid, options);
}

/** Read a library from a grid: the Catalogue, or every problem found. */
export function readLibraryGrid(grid: Grid, options: ReadLibraryOptions = {}): LibraryResult {
  const problems: LibraryProblem[] = [];
  const push = (code: LibraryProblemCode, sheet: string, cell: string, message: string) => problems.push(problem(code, sheet, cell, message));
  const sheets = {} as Record<keyof typeof LIBRARY_SHEETS, GridSheet>;
  for (const [key, name] of Object.entries(LIBRARY_SHEETS) as [keyof typeof LIBRARY_SHEETS, string][]) {
    const s = sheetByName(grid, name);
    if (!s) push("LIB_SHEET_MISSING", name, "A1", `找不到工作表“${name}”。请用“huizong library”写出的指标库修改，不要删除或改名工作表。`);
    else sheets[key] = s;
  }
  if (problems.length) return libraryFailure(problems);

  // 报表信息
  const info = {} as Record<InfoKey, string>;
  const infoCell = {} as Record<InfoKey, string>;
  const infoSheet = sheets.info;
  for (const row of INFO_ROWS) {
    let found = 0;
    for (let r = 1; r <= infoSheet.rowCount; r++) if (text(cellOf(infoSheet, `A${r}`)) === row.label) found = r;
    if (!found) {
      push("LIB_INFO_REQUIRED", LIBRARY_SHEETS.info, "A1", `缺少“${row.label}”一行。请在A列写“${row.label}”，B列写它的值。`);
      infoCell[row.key] = "A1";
      info[row.key] = "";
      continue;
    }
    infoCell[row.key] = `B${found}`;
    info[row.key] = text(cellOf(infoSheet, `B${found}`));
  }
  for (const key of ["id", "version", "title"] as const) {
    if (infoCell[key] !== "A1" && !info[key]) push("LIB_INFO_REQUIRED", LIBRARY_SHEETS.info, infoCell[key], `“${INFO_ROWS.find((r) => r.key === key)!.label}”不能为空。`);
  }
  if (info.id && !ID_RE.test(info.id)) push("LIB_BAD_ID", LIBRARY_SHEETS.info, infoCell.id, `指标库标识“${info.id}”只能用英文字母、数字、点、短横线（如 HZ-KJ-01），最长40个字符。`);
  if (info.version && !VERSION_RE.test(info.version)) push("LIB_BAD_VERSION", LIBRARY_SHEETS.info, infoCell.version, `版本“${info.version}”应写成“年份.序号”，如 2027.1。`);

  // 分组
  const groups: CatalogueGroup[] = [];
  const groupRows: number[] = [];
  const gs = sheets.groups;
  GROUP_HEADERS.forEach((h, i) => {
    const addr = `${String.fromCharCode(65 + i)}1`;
    if (text(cellOf(gs, addr)) !== h) push("LIB_HEADER_CHANGED", LIBRARY_SHEETS.groups, addr, `表头应为“${h}”，实际为“${text(cellOf(gs, addr)) || "空"}”。请不要改动表头。`);
  });
  for (let r = 2; r <= gs.rowCount; r++) {
    const code = text(cellOf(gs, `A${r}`));
    const name = text(cellOf(gs, `B${r}`));
    const nameEn = text(cellOf(gs, `C${r}`));
    if (!code && !name && !nameEn) continue;
    if (!CODE_RE.test(code)) push("LIB_BAD_CODE", LIBRARY_SHEETS.groups, `A${r}`, code ? `分组代码“${code}”只能以英文字母开头，由字母、数字组成（如 G）。` : `分组代码为空，请填写（如 G）。`);
    if (!name) push("LIB_NAME_EMPTY", LIBRARY_SHEETS.groups, `B${r}`, `分组“${code}”没有名称，请填写（如“科学普及”）。`);
    groups.push({ code, name, ...(nameEn ? { nameEn } : {}) });
    groupRows.push(r);
  }

  // 指标
  const is = sheets.indicators;
  INDICATOR_COLUMNS.forEach((c) => {
    const addr = `${columnOf(c.key)}1`;
    if (text(cellOf(is, addr)) !== c.header) push("LIB_HEADER_CHANGED", LIBRARY_SHEETS.indicators, addr, `表头应为“${c.header}”，实际为“${text(cellOf(is, addr)) || "空"}”。请不要增删、移动或改名列。`);
  });
  const indicators: Indicator[] = [];
  const rows: number[] = [];
  for (let r = 2; r <= is.rowCount; r++) {
    const get = (key: LibraryColumn) => cellOf(is, `${columnOf(key)}${r}`);
    const t = (key: LibraryColumn) => text(get(key));
    if (INDICATOR_COLUMNS.every((c) => !t(c.key))) continue;
    const a = (key: LibraryColumn) => `${columnOf(key)}${r}`;
    const bad = (code: LibraryProblemCode, key: LibraryColumn, message: string) => push(code, LIBRARY_SHEETS.indicators, a(key), message);
    const code = t("code");
    const name = t("name");
    const label = name || code || `第${r}行`;
    if (!code) bad("LIB_BAD_CODE", "code", `“${label}”没有代码。每个指标要有一个唯一的代码（如 G06），填报和汇总都按代码对应。`);
    else if (!CODE_RE.test(code)) bad("LIB_BAD_CODE", "code", `代码“${code}”只能以英文字母开头，由字母、数字组成，最长16个字符（如 G06）。`);
    if (!name) bad("LIB_NAME_EMPTY", "name", `代码“${code}”的指标名称为空，请填写。`);
    const kindText = t("kind");
    const kind = KINDS.get(kindText);
    if (!kind) bad("LIB_UNKNOWN_KIND", "kind", `类型“${kindText || "空"}”无效，请填写“数量”“金额”或“比重”。`);
    let unit = t("unit");
    if (!unit && kind === "ratio") unit = "%";
    if (!unit) bad("LIB_UNIT_EMPTY", "unit", `“${label}”没有计量单位，请填写（如 场次、人次、万元）。`);
    // An empty group is said by the cross-check (crossCheck), once.
    const group = t("group");
    const townMax = numberOf(get("townMax"));
    if (townMax !== null && !(Number.isFinite(townMax) && townMax > 0)) bad("LIB_BAD_NUMBER", "townMax", `乡镇上限“${t("townMax")}”应为大于0的数字（单位同计量单位），或留空表示不设上限。`);
    const ratioMax = numberOf(get("ratioMax"));
    if (ratioMax !== null && !(Number.isFinite(ratioMax) && ratioMax > 0 && ratioMax <= 1)) bad("LIB_BAD_NUMBER", "ratioMax", `比重上限“${t("ratioMax")}”应为0%到100%之间的百分比，如 30%。`);
    const headline = t("headline");
    if (headline && headline !== YES && headline !== NO) bad("LIB_BAD_FLAG", "headline", `重点指标填“${YES}”或“${NO}”（或留空），现为“${headline}”。`);
    const ofWhich = t("ofWhich");
    const atMost = t("atMost");
    if (ofWhich && atMost) bad("LIB_TWO_TOTALS", "atMost", `“${label}”同时填了“其中属于”（${ofWhich}）和“不超过”（${atMost}），只能填一个。`);
    const components = t("components").split(/[、,，+＋;；\s]+/).filter(Boolean);
    const ind: Indicator = {
      code,
      name,
      nameEn: t("nameEn"),
      unit,
      kind: kind ?? "count",
      group,
      aggregate: kind === "ratio" ? "ratio" : "sum",
    };
    if (components.length) ind.components = components;
    if (ofWhich || atMost) ind.partOf = ofWhich || atMost;
    if (ofWhich) ind.ofWhich = true;
    if (t("numerator")) ind.numerator = t("numerator");
    if (t("denominator")) ind.denominator = t("denominator");
    if (headline === YES) ind.headline = true;
    if (townMax !== null && Number.isFinite(townMax) && townMax > 0) ind.townMax = townMax;
    if (kind === "ratio") ind.plausibleMaxRatio = ratioMax !== null && Number.isFinite(ratioMax) && ratioMax > 0 && ratioMax <= 1 ? ratioMax : 1;
    else if (ratioMax !== null) bad("LIB_NOT_A_RATIO", "ratioMax", `“${label}”不是比重，不能填比重上限。`);
    if (t("notes")) ind.notes = t("notes");
    indicators.push(ind);
    rows.push(r);
  }
  if (indicators.length === 0) push("LIB_NO_INDICATORS", LIBRARY_SHEETS.indicators, "A2", "指标库中没有指标。请从第2行起每行填写一个指标。");

  // 规则设置
  const rules = readRules(sheets.rules, push);

  const catalogue: Catalogue = {
    id: info.id,
    version: info.version,
    title: info.title,
    formHeader: { formNumber: info.formNumber, issuer: info.issuer, approval: info.approval, validUntil: info.validUntil },
    groups,
    indicators,
    narrative: BUILTIN.narrative,
    rules,
  };
  problems.push(
    ...crossCheck(
      catalogue,
      (i, column) => ({ sheet: LIBRARY_SHEETS.indicators, cell: `${columnOf(column)}${rows[i]}` }),
      (i) => ({ sheet: LIBRARY_SHEETS.groups, cell: `A${groupRows[i]}` }),
      options.previous,
      (key) => ({ sheet: LIBRARY_SHEETS.info, cell: infoCell[key] }),
    ),
  );
  return problems.length ? libraryFailure(problems) : { ok: true, catalogue };
}

function readRules(sheet: GridSheet, push: (code: LibraryProblemCode, sheet: string, cell: string, message: string) => void): LibraryRules {
  const out: { -readonly [K in keyof LibraryRules]: LibraryRules[K] } = { ...DEFAULT_RULES };
  RULE_HEADERS.forEach((h, i) => {
    const addr = `${String.fromCharCode(65 + i)}1`;
    if (text(cellOf(sheet, addr)) !== h) push("LIB_HEADER_CHANGED", LIBRARY_SHEETS.rules, addr, `表头应为“${h}”，实际为“${text(cellOf(sheet, addr)) || "空"}”。请不要改动表头。`);
  });
  const explain = new Set<RuleId>(WARNING_RULES);
  for (let r = 2; r <= sheet.rowCount; r++) {
    const key = text(cellOf(sheet, `B${r}`));
    if (!key) continue;
    const raw = cellOf(sheet, `C${r}`);
    const addr = `C${r}`;
    const setting = RULE_ROWS.find((x) => x.key === key);
    if (setting) {
      const v = numberOf(raw);
      const ok =
        v !== null && Number.isFinite(v) && (setting.key === "growthMin" ? v > -1 && v < 0 : setting.key === "growthMax" ? v > 0 : v > 1);
      if (!ok) {
        const hint = setting.key === "growthMin" ? "-1 到 0 之间的数（如 -0.5 即下降50%）" : setting.key === "growthMax" ? "大于0的数（如 2 即增长200%）" : "大于1的数（如 1000）";
        push("LIB_BAD_SETTING", LIBRARY_SHEETS.rules, addr, `“${setting.label}”应为${hint}，现为“${text(raw) || "空"}”。`);
      } else out[setting.key] = v!;
      continue;
    }
    const ex = EXPLAIN_ROWS.find((x) => explainKey(x.rule) === key);
    if (ex) {
      const t = text(raw);
      if (t === NO) explain.delete(ex.rule);
      else if (t !== YES) push("LIB_BAD_SETTING", LIBRARY_SHEETS.rules, addr, `“${ex.label}”填“${YES}”或“${NO}”，现为“${t || "空"}”。`);
      continue;
    }
    push("LIB_BAD_SETTING", LIBRARY_SHEETS.rules, `B${r}`, `设置代码“${key}”无法识别。请不要修改“代码”列。`);
  }
  out.explain = WARNING_RULES.filter((r) => explain.has(r));
  return out;
}
