/**
 * The checks: one pure function from a submission to findings. The task pane,
 * the command line and the server all call this, so a clerk sees the same
 * findings everywhere.
 */
import { UNIT_TYPES, isOfWhich, type Indicator } from "./catalog";
import { BUILTIN, indicatorIn, indexOf, type Catalogue } from "./catalogue";
import type { Finding, RuleId, Severity } from "./findings";
import { COLUMN_TITLES, COVER_FIELDS, SHEETS, VALUE_COLUMNS, type CoverKey, type ValueColumn } from "./layout";
import { fmt, readNumber, type NumberForm } from "./numbers";
import { parsePeriodId, periodFromLabel, samePeriod, spanLabel, type Period } from "./period";
import type { Field, IndicatorEntry, Submission } from "./read";
import { parseAddress } from "./grid";

export interface CheckOptions {
  /** The period id the file is uploaded to ("2025-Y"); a different cover period is an error. */
  expectedPeriod?: string;
  /** The library the submission was read with (ReadResult.catalogue); default the built-in one. */
  catalogue?: Catalogue;
}

/** Growth outside this band (as a fraction) earns a warning asking for a 备注 (the built-in library's setting). */
export const GROWTH_BAND = { min: BUILTIN.rules.growthMin, max: BUILTIN.rules.growthMax } as const;
/** A figure this many times its own last year is the 元-vs-万元 slip (the built-in library's setting). */
export const UNIT_SLIP_FACTOR = BUILTIN.rules.unitSlipFactor;

/** Figures carry at most this many decimals (0.0001 万元 = 1 元); the merge sums them exactly at this scale. */
export const AMOUNT_DECIMALS = 4;

/** True when a number has at most AMOUNT_DECIMALS decimals (as Excel shows it: the shortest round-trip text). */
export function withinPrecision(v: number): boolean {
  return Number(v.toFixed(AMOUNT_DECIMALS)) === v;
}

/** The number rounded to AMOUNT_DECIMALS, as text without trailing zeros ("123.4568"). */
function roundedText(v: number): string {
  return String(Number(v.toFixed(AMOUNT_DECIMALS)));
}

const FORM_RULE: Record<Exclude<NumberForm, "empty" | "number">, RuleId> = {
  "numeric-text": "NUMBER_AS_TEXT",
  spaces: "NUMBER_AS_TEXT",
  "full-width": "NUMBER_FULL_WIDTH",
  thousands: "NUMBER_THOUSANDS",
  approximate: "NUMBER_APPROXIMATE",
  "with-unit": "NUMBER_WITH_UNIT",
  wan: "NUMBER_WAN",
  placeholder: "NUMBER_PLACEHOLDER",
  text: "NUMBER_TEXT",
};

function label(ind: Indicator, cat: Catalogue): string {
  return isOfWhich(ind) ? `${indicatorIn(cat, ind.partOf!)!.name}（其中：${ind.name}）` : ind.name;
}

function where(ind: Indicator, col: ValueColumn, f: Field, cat: Catalogue): string {
  return `“${label(ind, cat)}”${COLUMN_TITLES[col]}（${f.sheet}!${f.cell}）`;
}

/** Excel serial day number → Date (the 1900 date system). */
function serialToDate(serial: number): Date {
  return new Date(Date.UTC(1899, 11, 30) + Math.round(serial * 86400000));
}

/** Parse the cover's 填报日期: an Excel date serial or "2025-12-20" / "2025年12月20日" / "2025/12/20". */
export function parseReportDate(raw: unknown): string | null {
  if (typeof raw === "number" && raw > 36526 && raw < 73051) return serialToDate(raw).toISOString().slice(0, 10);
  if (typeof raw !== "string") return null;
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T].*)?$/.exec(raw.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || y < 2000 || y > 2100) return null;
  return date.toISOString().slice(0, 10);
}

/** The cover's year + 报告期 as a period, or null. */
export function coverPeriod(sub: Submission): Period | null {
  const yearRaw = sub.cover.year.raw;
  const year = typeof yearRaw === "number" ? yearRaw : Number(sub.cover.year.text);
  return periodFromLabel(year, sub.cover.periodSpan.text);
}

/** Normalise the division code cell (text or a 12-digit number) to its digits. */
export function divisionCodeOf(sub: Submission): string {
  const raw = sub.cover.divisionCode.raw;
  return typeof raw === "number" && Number.isInteger(raw) ? String(raw) : sub.cover.divisionCode.text.replace(/\s/g, "");
}

const PHONE = /^(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(?:-\d{1,6})?|\d{7,8})$/;

/**
 * Check a submission and return every finding, in sheet and cell order.
 * Errors block a submission; warnings do not (but must be explained in 备注
 * to be accepted by the server).
 */
export function checkSubmission(sub: Submission, options: CheckOptions = {}): Finding[] {
  const out: Finding[] = [];
  const push = (severity: Severity, rule: RuleId, sheet: string, cell: string, message: string, extra: Partial<Finding> = {}) =>
    out.push({ severity, rule, sheet, cell, message, ...extra });

  const cat = options.catalogue ?? BUILTIN;
  checkCover(sub, options, push);
  for (const ind of cat.indicators) checkIndicator(sub, ind, push, cat);
  checkRelations(sub, push, cat);
  for (const s of cat.narrative) {
    const f = sub.narrative[s.key];
    if (!f.text) push("error", "NARRATIVE_REQUIRED", f.sheet, f.cell, `文字材料“${s.title.slice(2)}”（${f.sheet}!${f.cell}）还没有填写，请补充。`);
  }
  // Warnings the library lets pass without a 备注.
  const explain = new Set(cat.rules.explain);
  for (const f of out) if (f.severity === "warning" && !explain.has(f.rule)) f.explained = true;
  return sortFindings(out);
}

type Push = (severity: Severity, rule: RuleId, sheet: string, cell: string, message: string, extra?: Partial<Finding>) => void;

function checkCover(sub: Submission, options: CheckOptions, push: Push): void {
  const c = sub.cover;
  const at = (k: CoverKey) => c[k];
  const labelOf = (k: CoverKey) => COVER_FIELDS.find((f) => f.key === k)!.label;
  for (const f of COVER_FIELDS) {
    if (!at(f.key).text) push("error", "COVER_REQUIRED", SHEETS.cover, at(f.key).cell, `封面“${f.label}”（${SHEETS.cover}!${at(f.key).cell}）不能为空，请填写。`);
  }
  const unitType = at("unitType").text;
  if (unitType && !(UNIT_TYPES as readonly string[]).includes(unitType)) {
    push("error", "UNIT_TYPE_INVALID", SHEETS.cover, at("unitType").cell, `单位类型“${unitType}”无效，请从下拉列表选择：${UNIT_TYPES.join("、")}。`);
  }
  const code = divisionCodeOf(sub);
  if (at("divisionCode").text) {
    if (!/^\d{12}$/.test(code)) {
      push("error", "DIVISION_CODE_FORMAT", SHEETS.cover, at("divisionCode").cell, `统计用区划代码“${at("divisionCode").text}”应为12位数字（乡镇/街道为9位代码后加000），请核对后重新填写。`);
    } else if (unitType === "乡镇" || unitType === "街道") {
      if (!code.endsWith("000") || code.endsWith("000000")) push("error", "DIVISION_CODE_LEVEL", SHEETS.cover, at("divisionCode").cell, `乡镇/街道的统计用区划代码应为9位乡镇代码加“000”（如 330102001000），“${code}”不符合，请核对。`);
    } else if (unitType === "县（市、区）") {
      if (!code.endsWith("000000") || code.endsWith("00000000")) push("error", "DIVISION_CODE_LEVEL", SHEETS.cover, at("divisionCode").cell, `县（市、区）的统计用区划代码应为6位代码加“000000”（如 330102000000），“${code}”不符合，请核对。`);
    } else if (unitType === "市") {
      if (!code.endsWith("00000000")) push("error", "DIVISION_CODE_LEVEL", SHEETS.cover, at("divisionCode").cell, `市的统计用区划代码应为4位代码加“00000000”（如 330100000000），“${code}”不符合，请核对。`);
    }
  }
  const yearF = at("year");
  const spanF = at("periodSpan");
  if (yearF.text && spanF.text) {
    const period = coverPeriod(sub);
    if (!period) {
      push("error", "PERIOD_INVALID", SHEETS.cover, typeof yearF.raw === "number" && Number.isInteger(yearF.raw) ? spanF.cell : yearF.cell, `报告期“${yearF.text}年${spanF.text}”无效：年度填4位数字（如 2025），报告期从下拉列表选择。`);
    } else if (options.expectedPeriod) {
      const expected = parsePeriodId(options.expectedPeriod);
      if (expected && !samePeriod(expected, period)) {
        // Point at the field that differs: 统计年度 when the year does, else 报告期.
        const wrongYear = expected.year !== period.year;
        const what = wrongYear ? `请把封面的${labelOf("year")}改为 ${expected.year}` : `请把封面的${labelOf("periodSpan")}改为“${spanLabel(expected)}”`;
        push("error", "PERIOD_MISMATCH", SHEETS.cover, wrongYear ? yearF.cell : spanF.cell, `本报表的报告期为“${period.label}”，但本次收集的是“${expected.label}”。${what}，或上传到正确的收集批次。`);
      }
    }
  }
  const phone = at("phone").text.replace(/[\s（）()]/g, "");
  if (phone && !PHONE.test(phone)) {
    push("error", "PHONE_INVALID", SHEETS.cover, at("phone").cell, `联系电话“${at("phone").text}”格式不对，请填写11位手机号或带区号的座机号（如 0571-87654321）。`);
  }
  if (at("date").text && !parseReportDate(at("date").raw)) {
    push("error", "DATE_INVALID", SHEETS.cover, at("date").cell, `${labelOf("date")}“${at("date").text}”不是有效日期，请填写如 2025-12-20。`);
  }
}

function checkIndicator(sub: Submission, ind: Indicator, push: Push, cat: Catalogue): void {
  const entry = sub.indicators[ind.code]!;
  if (ind.kind === "ratio") {
    for (const col of VALUE_COLUMNS) {
      const f = entry[col];
      if (!f.formula) {
        push("error", "RATIO_OVERWRITTEN", f.sheet, f.cell, `${where(ind, col, f, cat)}是自动计算的比重，公式被改写或删除了。请重新下载标准模板，或撤销对该单元格的修改。`, { indicator: ind.code });
      }
    }
    return;
  }
  for (const col of VALUE_COLUMNS) {
    const f = entry[col];
    if (f.error) {
      push("error", "FORMULA_ERROR", f.sheet, f.cell, `${where(ind, col, f, cat)}的公式结果是错误值 ${f.error}，请直接填写数字。`, { indicator: ind.code });
      continue;
    }
    const reading = readNumber(f.raw, ind.unit);
    if (reading.form === "empty") {
      if (col === "current") push("error", "VALUE_REQUIRED", f.sheet, f.cell, `${where(ind, col, f, cat)}没有填写。本期没有发生请填 0。`, { indicator: ind.code });
      continue;
    }
    if (reading.form !== "number") {
      push("error", FORM_RULE[reading.form], f.sheet, f.cell, textMessage(ind, col, f, reading.form, reading.suggestion, cat), { indicator: ind.code });
      continue;
    }
    const v = reading.value!;
    if (v < 0) push("error", "NEGATIVE", f.sheet, f.cell, `${where(ind, col, f, cat)}为负数 ${fmt(v)}，请填写不小于0的数。`, { indicator: ind.code });
    else if (ind.kind === "count" && !Number.isInteger(v)) {
      push("error", "FRACTIONAL_COUNT", f.sheet, f.cell, `${where(ind, col, f, cat)}应为整数（单位：${ind.unit}），现为 ${v}，请填写如 ${Math.round(v)}。`, { indicator: ind.code });
    } else if (!withinPrecision(v)) {
      push("error", "AMOUNT_PRECISION", f.sheet, f.cell, `${where(ind, col, f, cat)}为 ${v}，小数超过${AMOUNT_DECIMALS}位（${ind.unit === "万元" ? "万元的4位小数即1元" : `最小到0.0001${ind.unit}`}），汇总时无法精确相加。请填写 ${roundedText(v)}。`, { indicator: ind.code });
    }
  }
  checkPlausibility(entry, ind, isTownLevel(sub), push, cat);
}

function textMessage(ind: Indicator, col: ValueColumn, f: Field, form: NumberForm, suggestion: number | null, cat: Catalogue): string {
  const typed = `“${String(f.raw)}”`;
  const s = suggestion === null ? "" : fmt(suggestion);
  const w = where(ind, col, f, cat);
  switch (form) {
    case "full-width":
      return `${w}填的是全角数字${typed}，请切换到半角（英文）输入法，填写数字 ${s}。`;
    case "thousands":
      return `${w}填的是带逗号的文本${typed}，请去掉逗号，填写数字 ${s}。`;
    case "approximate":
      return `${w}填的是${typed}，这里只能填确切的数字，如 ${s}；如为估算数，请在备注中注明“估算”。`;
    case "with-unit":
      return `${w}填的是${typed}，计量单位已固定为“${ind.unit}”，请只填数字 ${s}。`;
    case "wan":
      return `${w}填的是${typed}，请换算成“${ind.unit}”后填写数字 ${s}。`;
    case "placeholder":
      return col === "current"
        ? `${w}填的是${typed}，本期没有发生请填 0。`
        : `${w}填的是${typed}，没有数据请留空（不要填“无”或“—”），${col === "prior" ? "并在备注中说明" : "没有目标的不填"}。`;
    case "numeric-text":
    case "spaces":
      return `${w}是文本格式的${typed}，不能参与汇总。请删除后重新输入数字 ${s}（不要带空格或前导撇号）。`;
    default:
      return `${w}填的是${typed}，这里只能填数字（单位：${ind.unit}）。`;
  }
}

/** Town-scale limits (townMax) only make sense for a town or street, not a merged county or city. */
function isTownLevel(sub: Submission): boolean {
  return sub.cover.unitType.text === "乡镇" || sub.cover.unitType.text === "街道";
}

function num(f: Field): number | null {
  return f.error ? null : f.value;
}

function explained(entry: IndicatorEntry): boolean {
  return entry.note.text.length > 0;
}

function checkPlausibility(entry: IndicatorEntry, ind: Indicator, townLevel: boolean, push: Push, cat: Catalogue): void {
  const UNIT_SLIP_FACTOR = cat.rules.unitSlipFactor;
  const GROWTH_BAND = { min: cat.rules.growthMin, max: cat.rules.growthMax };
  const cur = num(entry.current);
  const prior = num(entry.prior);
  const note = `（${entry.note.sheet}!${entry.note.cell}）`;
  const extra = { indicator: ind.code, explained: explained(entry) };
  if (cur !== null && entry.prior.raw === null && !entry.prior.error) {
    push("warning", "PRIOR_MISSING", entry.prior.sheet, entry.prior.cell, `“${label(ind, cat)}”没有填上年同期数，无法计算增长。请补填；确实没有的（如新设单位），请在备注${note}中说明。`, extra);
  }
  if (cur === null || cur < 0) return;
  let slip = false;
  if (ind.kind === "amount" && prior !== null && prior > 0 && cur > 0) {
    const factor = cur / prior;
    if (factor >= UNIT_SLIP_FACTOR || factor <= 1 / UNIT_SLIP_FACTOR) {
      slip = true;
      const which = factor >= UNIT_SLIP_FACTOR ? "本期" : "上年同期";
      const cell = factor >= UNIT_SLIP_FACTOR ? entry.current : entry.prior;
      push("warning", "UNIT_SLIP", cell.sheet, cell.cell, `“${label(ind, cat)}”${factor >= 1 ? `本期 ${fmt(cur)} 是上年同期 ${fmt(prior)} 的 ${fmt(factor)} 倍` : `上年同期 ${fmt(prior)} 是本期 ${fmt(cur)} 的 ${fmt(1 / factor)} 倍`}，${which}可能把“元”当成了“${ind.unit}”填写。请核对单位（本表金额单位为${ind.unit}）；确认无误的，请在备注${note}中说明。`, extra);
    }
  }
  if (!slip && townLevel && ind.townMax !== undefined && cur > ind.townMax) {
    push(
      "warning",
      ind.kind === "amount" ? "UNIT_SLIP" : "VALUE_IMPLAUSIBLE",
      entry.current.sheet,
      entry.current.cell,
      ind.kind === "amount"
        ? `“${label(ind, cat)}”本期 ${fmt(cur)}${ind.unit}，远超一个乡镇的常见规模，可能把“元”当成了“${ind.unit}”。请核对单位；确认无误的，请在备注${note}中说明。`
        : `“${label(ind, cat)}”本期 ${fmt(cur)}${ind.unit}，远超一个乡镇的常见规模，请核对；确认无误的，请在备注${note}中说明。`,
      extra,
    );
    slip = true;
  }
  if (!slip && prior !== null && prior > 0) {
    const growth = (cur - prior) / prior;
    const big = ind.kind === "count" ? Math.max(cur, prior) >= 10 : ind.unit === "亿元" ? Math.max(cur, prior) >= 1 : Math.max(cur, prior) >= 10;
    if (big && (growth > GROWTH_BAND.max || growth < GROWTH_BAND.min)) {
      push("warning", "GROWTH_IMPLAUSIBLE", entry.current.sheet, entry.current.cell, `“${label(ind, cat)}”本期 ${fmt(cur)}，上年同期 ${fmt(prior)}，同比${growth > 0 ? "增长" : "下降"} ${(Math.abs(growth) * 100).toFixed(1)}%，超出常见范围（${pct(GROWTH_BAND.min)}～+${pct(GROWTH_BAND.max)}）。请核对；确认无误的，请在备注${note}中说明原因。`, extra);
    }
  }
}

/** A growth fraction as whole percent ("-50%", "200%"). */
const pct = (v: number) => `${Math.round(v * 100)}%`;

type Bounded = { total: Indicator; children: Indicator[]; jointOfWhich: Indicator[] | null };
const BOUNDED_OF = new WeakMap<Catalogue, Bounded[]>();

/** Per total: the items bounded by it, and its "其中" items that are bounded together (only without a components rule). */
function boundedOf(cat: Catalogue): Bounded[] {
  let b = BOUNDED_OF.get(cat);
  if (!b) {
    b = cat.indicators.map((total) => {
      const children = cat.indicators.filter((i) => i.partOf === total.code);
      const ofWhich = children.filter(isOfWhich);
      return { total, children, jointOfWhich: !total.components && ofWhich.length > 1 ? ofWhich : null };
    });
    BOUNDED_OF.set(cat, b);
  }
  return b;
}

function checkRelations(sub: Submission, push: Push, cat: Catalogue): void {
  const BOUNDED = boundedOf(cat);
  const RATIOS = indexOf(cat).ratios;
  const indicator = (code: string) => indicatorIn(cat, code);
  const entry = (code: string) => sub.indicators[code]!;
  for (const { total, children, jointOfWhich: ofWhich } of BOUNDED) {
    for (const col of VALUE_COLUMNS) {
      const t = num(entry(total.code)[col]);
      if (total.components) {
        const parts = total.components.map((c) => num(entry(c)[col]));
        if (t !== null && parts.every((p): p is number => p !== null)) {
          const sum = parts.reduce((a, b) => a + b, 0);
          if (Math.abs(sum - t) > 1e-9) {
            const f = entry(total.code)[col];
            const names = total.components.map((c) => indicator(c)!.name).join("＋");
            const range = `${entry(total.components[0]!)[col].cell}:${entry(total.components[total.components.length - 1]!)[col].cell}`;
            push("error", "COMPONENTS_SUM", f.sheet, f.cell, `“${total.name}”${COLUMN_TITLES[col]}（${f.sheet}!${f.cell}）为 ${fmt(t)}，应等于${names}之和（${range} 合计 ${fmt(sum)}）。请核对后修改。`, { indicator: total.code });
          }
        }
      }
      if (t === null || children.length === 0) continue;
      for (const child of children) {
        const v = num(entry(child.code)[col]);
        if (v !== null && v > t + 1e-9) {
          const f = entry(child.code)[col];
          const tf = entry(total.code)[col];
          push("error", "PART_EXCEEDS_TOTAL", f.sheet, f.cell, `${where(child, col, f, cat)}为 ${fmt(v)}，不能大于“${total.name}”（${tf.sheet}!${tf.cell}）的 ${fmt(t)}。请核对后修改。`, { indicator: child.code });
        }
      }
      // "of which" items without a components rule (A05+A06 ≤ A04) may not exceed the total together.
      if (ofWhich) {
        const vals = ofWhich.map((c) => num(entry(c.code)[col]));
        // Items that exceed the total alone already have a PART_EXCEEDS_TOTAL finding.
        if (vals.every((v): v is number => v !== null && v <= t + 1e-9)) {
          const sum = vals.reduce((a, b) => a + b, 0);
          // Relative slack for float rounding: decimals that add up exactly (33333333.33 + 66666666.66) may not in binary.
          if (sum > t + Math.max(1e-9, 4 * Number.EPSILON * t)) {
            const f = entry(total.code)[col];
            push("error", "PARTS_EXCEED_TOTAL", f.sheet, f.cell, `“${total.name}”${COLUMN_TITLES[col]}（${f.sheet}!${f.cell}）为 ${fmt(t)}，小于其中各项之和 ${fmt(sum)}（${ofWhich.map((c) => c.name).join("＋")}）。请核对后修改。`, { indicator: total.code });
          }
        }
      }
    }
  }
  for (const ratio of RATIOS) {
    const n = num(entry(ratio.numerator!).current);
    const d = num(entry(ratio.denominator!).current);
    if (n === null || d === null || d <= 0 || n > d) continue;
    const value = n / d;
    if (value > ratio.plausibleMaxRatio!) {
      const f = entry(ratio.code).current;
      push("warning", "RATIO_IMPLAUSIBLE", f.sheet, f.cell, `“${ratio.name}”为 ${(value * 100).toFixed(2)}%，明显偏高（一般不超过 ${(ratio.plausibleMaxRatio! * 100).toFixed(0)}%）。请核对“${indicator(ratio.numerator!)!.name}”和“${indicator(ratio.denominator!)!.name}”；确认无误的，请在“${indicator(ratio.numerator!)!.name}”的备注中说明。`, {
        indicator: ratio.code,
        explained: explained(entry(ratio.numerator!)) || explained(entry(ratio.denominator!)),
      });
    }
  }
}

const SHEET_ORDER: string[] = [SHEETS.cover, SHEETS.indicators, SHEETS.narrative];

function sortFindings(list: Finding[]): Finding[] {
  return list
    .map((f, i) => ({ f, i }))
    .sort((a, b) => {
      const s = SHEET_ORDER.indexOf(a.f.sheet) - SHEET_ORDER.indexOf(b.f.sheet);
      if (s) return s;
      const pa = parseAddress(a.f.cell) ?? { row: 0, col: 0 };
      const pb = parseAddress(b.f.cell) ?? { row: 0, col: 0 };
      return pa.row - pb.row || pa.col - pb.col || a.i - b.i;
    })
    .map((x) => x.f);
}
