/** Checks of the cover (封面) and the narrative (文字材料), and the helpers that read the cover. */
// @ts-nocheck

import { NARRATIVE_SECTIONS, UNIT_TYPES } from "../catalog";
import { COVER_FIELDS, SHEETS, type CoverKey } from "../layout";
import { parsePeriodId, periodFromLabel, samePeriod, spanLabel, type Period } from "../period";
import type { Submission } from "../read";
import { at, type CheckContext } from "./context";

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

/** The level a division code must have for a unit type, and whether the code has it. */
const LEVELS: { types: readonly string[]; level: "town" | "county" | "city"; fits: (code: string) => boolean }[] = [
  { types: ["乡镇", "街道"], level: "town", fits: (code) => code.endsWith("000") && !code.endsWith("000000") },
  { types: ["县（市、区）"], level: "county", fits: (code) => code.endsWith("000000") && !code.endsWith("00000000") },
  { types: ["市"], level: "city", fits: (code) => code.endsWith("00000000") },
];

export function checkCover(ctx: CheckContext): void {
  const { sub, emit } = ctx;
  const c = sub.cover;
  const labelOf = (k: CoverKey) => COVER_FIELDS.find((f) => f.key === k)!.label;
  for (const f of COVER_FIELDS) {
    if (!c[f.key].text) emit("COVER_REQUIRED", c[f.key], { label: f.label, at: `${SHEETS.cover}!${c[f.key].cell}` });
  }
  const unitType = c.unitType.text;
  if (unitType && !(UNIT_TYPES as readonly string[]).includes(unitType)) emit("UNIT_TYPE_INVALID", c.unitType, { typed: unitType, choices: UNIT_TYPES });
  const code = divisionCodeOf(sub);
  if (c.divisionCode.text) {
    if (!/^\d{12}$/.test(code)) emit("DIVISION_CODE_FORMAT", c.divisionCode, { typed: c.divisionCode.text });
    else {
      const level = LEVELS.find((l) => l.types.includes(unitType));
      if (level && !level.fits(code)) emit("DIVISION_CODE_LEVEL", c.divisionCode, { level: level.level, code });
    }
  }
  const yearF = c.year;
  const spanF = c.periodSpan;
  if (yearF.text && spanF.text) {
    const period = coverPeriod(sub);
    if (!period) {
      emit("PERIOD_INVALID", typeof yearF.raw === "number" && Number.isInteger(yearF.raw) ? spanF : yearF, { year: yearF.text, span: spanF.text });
    } else if (ctx.expectedPeriod) {
      const expected = parsePeriodId(ctx.expectedPeriod);
      if (expected && !samePeriod(expected, period)) {
        // Point at the field that differs: 统计年度 when the year does, else 报告期.
        const wrongYear = expected.year !== period.year;
        emit("PERIOD_MISMATCH", wrongYear ? yearF : spanF, {
          found: period.label,
          expected: expected.label,
          fix: wrongYear ? { field: labelOf("year"), year: expected.year } : { field: labelOf("periodSpan"), span: spanLabel(expected) },
        });
      }
    }
  }
  const phone = c.phone.text.replace(/[\s（）()]/g, "");
  if (phone && !PHONE.test(phone)) emit("PHONE_INVALID", c.phone, { typed: c.phone.text });
  if (c.date.text && !parseReportDate(c.date.raw)) emit("DATE_INVALID", c.date, { label: labelOf("date"), typed: c.date.text });
}

export function checkNarrative(ctx: CheckContext): void {
  for (const s of NARRATIVE_SECTIONS) {
    const f = ctx.sub.narrative[s.key];
    if (!f.text) ctx.emit("NARRATIVE_REQUIRED", f, { title: s.title.slice(2), at: at(f) });
  }
}
