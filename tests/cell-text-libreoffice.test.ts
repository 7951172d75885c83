/**
 * templates/cell-text.ts against LibreOffice: formats written by exceljs, read back by our
 * reader, shown by LibreOffice (a CSV of the displayed text); the two texts must agree.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import { cellText } from "../templates/cell-text";
import { readXlsxGrid } from "../templates/xlsx/index";

describe("cellText against LibreOffice's shown text", () => {
  const dir = mkdtempSync(join(tmpdir(), "hz-cell-text-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // Formats whose text does not depend on the locale LibreOffice runs in.
  const shown: Array<[number, string]> = [
    [46011, "yyyy-mm-dd"],
    [46011, 'yyyy"年"m"月"d"日"'],
    [46011, 'm"月"d"日"'],
    [45658, "m/d/yy"],
    [46011 + (9 * 60 + 5) / 1440, "yyyy-mm-dd hh:mm"],
    [46011 + (9 * 60 + 5) / 1440 + 7 / 86400, "h:mm:ss"],
    [22463.58, "#,##0.00"],
    [999.995, "#,##0.00"],
    [1234567, "#,##0"],
    [0.1584, "0.00%"],
    [-1234.5, "#,##0.00;(#,##0.00)"],
    [-1234.5, "#,##0.00"],
    [0, '#,##0.00;-#,##0.00;"-"'],
    [5, '0"件"'],
    [3.14159, "0.0"],
    [12.5, "General"],
    [330102001000, "@"],
    [46011, 'yyyy"年"m"月"d"日";@'],
    [46011 + (9 * 60 + 5) / 1440 + 7 / 86400, "mm:ss"],
    [46011 + (9 * 60 + 30) / 1440, "h:mm yyyy/m/d"],
    [0, "#,##0.00;(#,##0.00)"],
    [-2, '0;"负"'],
    [5, '0"件;次"'],
    [5, "0\\;"],
    [5, '"共"0"件"'],
    [0.5, '0%" of plan"'],
    [1234.5, "0.0"],
    [12345678901234, "General"],
    [46011 + (9 * 60 + 5) / 1440 + 7 / 86400, "h:m:s"],
  ];

  it("shows every format as LibreOffice does, read back through our reader", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("格式");
    shown.forEach(([value, numFmt], i) => {
      const cell = ws.getCell(i + 1, 1);
      cell.value = value;
      cell.numFmt = numFmt;
    });
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const input = join(dir, "formats.xlsx");
    writeFileSync(input, bytes);
    execFileSync("soffice", [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,true", "--outdir", dir, input], { stdio: "pipe", timeout: 120_000 });
    const office = readFileSync(join(dir, "formats.csv"), "utf8")
      .split(/\r?\n/)
      .slice(0, shown.length)
      .map((line) => line.replace(/^"(.*)"$/, "$1"));
    const read = readXlsxGrid(bytes);
    if (!read.ok) throw new Error(read.message);
    const sheet = read.grid.sheets[0]!;
    const ours = shown.map((_, i) => cellText(sheet.cells[`A${i + 1}`]));
    expect(ours).toEqual(office);
    // And the formats came through the reader as written, so the comparison is of these formats.
    expect(shown.map((_, i) => sheet.cells[`A${i + 1}`]?.numFmt ?? "General")).toEqual(shown.map(([, f]) => f));
  });
});
