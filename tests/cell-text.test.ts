/**
 * A cell's text as the spreadsheet shows it (templates/cell-text.ts), for the web page's sheet
 * preview: a table of (value, number format → text). LibreOffice's own text for the same
 * formats: tests/cell-text-libreoffice.test.ts.
 */
import { describe, expect, it } from "vitest";
import { cellText, isDateFormat } from "../templates/cell-text";
import type { GridCell } from "../templates/grid";

const cases: Array<[GridCell | undefined, string]> = [
  [undefined, ""],
  [{ value: null }, ""],
  [{ value: null, error: "#DIV/0!" }, "#DIV/0!"],
  [{ value: true }, "TRUE"],
  [{ value: false }, "FALSE"],
  [{ value: "约200", numFmt: "#,##0.00" }, "约200"],
  // 填报日期 as the template formats it, and as Excel/WPS format a retyped date.
  [{ value: 46011, numFmt: "yyyy-mm-dd" }, "2025-12-20"],
  [{ value: 46011, numFmt: 'yyyy"年"m"月"d"日"' }, "2025年12月20日"],
  [{ value: 46011, numFmt: 'm"月"d"日"' }, "12月20日"],
  [{ value: 45658, numFmt: "m/d/yy" }, "1/1/25"],
  [{ value: 45658, numFmt: "mm-dd-yy" }, "01-01-25"],
  [{ value: 45658, numFmt: "[$-804]yyyy/m/d" }, "2025/1/1"],
  [{ value: 46011.5, numFmt: "yyyy-mm-dd hh:mm" }, "2025-12-20 12:00"],
  [{ value: 46011 + (9 * 60 + 5) / 1440, numFmt: "h:mm" }, "9:05"],
  [{ value: 46011 + (9 * 60 + 5) / 1440 + 7 / 86400, numFmt: "hh:mm:ss" }, "09:05:07"],
  [{ value: 46011 + 18 / 24, numFmt: '上午/下午h"时"mm"分"' }, "下午6时00分"],
  [{ value: 46011 + 9 / 24, numFmt: "h:mm AM/PM" }, "9:00 AM"],
  [{ value: 46011 + 12 / 24, numFmt: "h:mm AM/PM" }, "12:00 PM"],
  [{ value: 46011, numFmt: "mmm-yy" }, "12月-25"],
  [{ value: 46011, numFmt: "yyyy-mm-dd dddd" }, "2025-12-20 星期六"],
  [{ value: 46011, numFmt: "ddd" }, "星期六"],
  [{ value: 46011, numFmt: "yyyy mmmm" }, "2025 12月"],
  [{ value: 46011, numFmt: 'yyyy"年度"' }, "2025年度"],
  [{ value: 46011, numFmt: "yyyy\\年m\\月" }, "2025年12月"],
  [{ value: 46011, numFmt: "[$-804]yyyy;@" }, "2025"],
  [{ value: 46011, numFmt: 'yyyy"年"m"月"d"日";@' }, "2025年12月20日"],
  // m is minutes right after an hour or right before seconds, else the month.
  [{ value: 46011 + (9 * 60 + 5) / 1440 + 7 / 86400, numFmt: "mm:ss" }, "05:07"],
  [{ value: 46011 + (9 * 60 + 30) / 1440, numFmt: "h:mm yyyy/m/d" }, "9:30 2025/12/20"],
  [{ value: 46011 + (9 * 60 + 5) / 1440 + 7 / 86400, numFmt: "h:m:s" }, "9:5:7"],
  [{ value: 46011 + (9 * 60 + 5) / 1440 + 7 / 86400, numFmt: 'mm" min "ss' }, "05 min 07"],
  [{ value: 46011 + 12 / 24, numFmt: '上午/下午h"时"' }, "下午12时"],
  [{ value: 46011 + 11 / 24, numFmt: '上午/下午h"时"' }, "上午11时"],
  [{ value: 46011, numFmt: "h:mm AM/PM" }, "12:00 AM"],
  // Amounts (万元), counts and ratios as the template formats them.
  [{ value: 22463.58, numFmt: "#,##0.00" }, "22,463.58"],
  [{ value: 999.995, numFmt: "#,##0.00" }, "1,000.00"],
  [{ value: 999, numFmt: "#,##0" }, "999"],
  [{ value: 1000, numFmt: "#,##0" }, "1,000"],
  [{ value: 1234567, numFmt: "#,##0" }, "1,234,567"],
  [{ value: 0.1584, numFmt: "0.00%" }, "15.84%"],
  [{ value: 1, numFmt: "0%" }, "100%"],
  [{ value: -1234.5, numFmt: "#,##0.00" }, "-1,234.50"],
  [{ value: -1234.5, numFmt: "#,##0.00;(#,##0.00)" }, "(1,234.50)"],
  [{ value: -1234.5, numFmt: "#,##0.00;[Red](#,##0.00)" }, "(1,234.50)"],
  [{ value: 0, numFmt: '#,##0.00;-#,##0.00;"-"' }, "-"],
  [{ value: 0, numFmt: "#,##0.00;(#,##0.00)" }, "0.00"],
  [{ value: 1234.5, numFmt: "#,##0.00;(#,##0.00)" }, "1,234.50"],
  [{ value: -2, numFmt: '0;"负"' }, "负"],
  [{ value: 5, numFmt: '0"件;次"' }, "5件;次"],
  [{ value: 5, numFmt: "0\\;" }, "5;"],
  [{ value: 5, numFmt: '"共"0"件"' }, "共5件"],
  [{ value: 5, numFmt: '"共计"0" 件"' }, "共计5 件"],
  [{ value: 0.5, numFmt: '0%" of plan"' }, "50% of plan"],
  [{ value: 12.5, numFmt: '0.0"%"' }, "12.5%"],
  [{ value: 1234, numFmt: "* #,##0" }, "1,234"],
  [{ value: 5, numFmt: '0"件"' }, "5件"],
  [{ value: 5, numFmt: '0\\件' }, "5件"],
  [{ value: 1234.5, numFmt: "#,##0.00_ " }, "1,234.50 "],
  [{ value: 3.14159, numFmt: "0.0" }, "3.1"],
  [{ value: 3.14159, numFmt: "0" }, "3"],
  [{ value: 1234.5, numFmt: "0.0" }, "1234.5"],
  [{ value: 5, numFmt: '#,##0.00;-#,##0.00;"-"' }, "5.00"],
  [{ value: 0, numFmt: "0;-0;0.0" }, "0.0"],
  [{ value: 5, numFmt: "0\\" }, "5\\"],
  // General, text and no format: as typed, ten significant digits at most.
  [{ value: 12 }, "12"],
  [{ value: 12.5, numFmt: "General" }, "12.5"],
  [{ value: 0.123456789012, numFmt: "General" }, "0.123456789"],
  [{ value: 330102001000, numFmt: "@" }, "330102001000"],
  [{ value: 12345678901234, numFmt: "General" }, "12345678901234"],
  [{ value: 7, numFmt: '"件"' }, "7"],
  // A date format on a number outside the calendar stays a number.
  [{ value: -1, numFmt: "yyyy-mm-dd" }, "-1"],
  [{ value: 2958466, numFmt: "yyyy-mm-dd" }, "2958466"],
  [{ value: 2958465, numFmt: "yyyy-mm-dd" }, "9999-12-31"],
  [{ value: 0, numFmt: "yyyy-mm-dd" }, "1899-12-30"],
];

describe("cellText", () => {
  it.each(cases)("%j → %j", (cell, text) => {
    expect(cellText(cell)).toBe(text);
  });

  it.each([
    ["yyyy-mm-dd", true],
    ["m/d/yy", true],
    ["h:mm", true],
    ["[$-804]mmm", true],
    ["mm:ss", true],
    ['yyyy"年"m"月"', true],
    ["General", false],
    ["#,##0.00", false],
    ["0.00%", false],
    ["@", false],
    ['0"天"', false],
    ['0"月"', false],
    ['0" days"', false],
    ['0"天数 d"', false],
    ['#,##0 "hrs"', false],
    ["[h]:mm", true],
    ["mm", true],
    ["[Red]#,##0", false],
    ["", false],
  ])("isDateFormat(%j) is %j", (code, date) => {
    expect(isDateFormat(code)).toBe(date);
  });
});
