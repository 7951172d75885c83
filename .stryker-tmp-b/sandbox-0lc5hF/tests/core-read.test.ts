/**
 * The reader's answers to workbooks that are not (this version of) the
 * template: renamed or missing sheets, rows inserted or deleted, the version
 * edited, another workbook altogether — and a LibreOffice-saved report read
 * exactly like an Excel-saved one.
 */
// @ts-nocheck

import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTemplate } from "../templates/build";
import { SHEETS } from "../templates/layout";
import { editWorkbook, goodFill, goodWorkbook, inspectFail, inspectOk, setCells, tuples, valueEdit } from "./support/workbooks";

type Mutation = (wb: ExcelJS.Workbook) => void;
const sheet = (wb: ExcelJS.Workbook, name: string) => wb.getWorksheet(name)!;

const CASES: { name: string; mutate: Mutation; code: string; says: string[] }[] = [
  { name: "indicator sheet renamed", mutate: (wb) => (sheet(wb, "指标").name = "指标表"), code: "SHEET_MISSING", says: ["找不到工作表“指标”", "“指标表”", "改回原名"] },
  { name: "narrative sheet deleted", mutate: (wb) => wb.removeWorksheet(sheet(wb, "文字材料").id), code: "SHEET_MISSING", says: ["文字材料"] },
  { name: "info sheet deleted", mutate: (wb) => wb.removeWorksheet(sheet(wb, "模板信息").id), code: "SHEET_MISSING", says: ["模板信息"] },
  { name: "version cell edited to a newer version", mutate: (wb) => (sheet(wb, "模板信息").getCell("B2").value = "2026.9"), code: "UNKNOWN_VERSION", says: ["2026.9"] },
  { name: "version cell edited to garbage", mutate: (wb) => (sheet(wb, "模板信息").getCell("B2").value = "最新版"), code: "UNKNOWN_VERSION", says: ["最新版"] },
  { name: "old version", mutate: (wb) => (sheet(wb, "模板信息").getCell("B2").value = "2025.3"), code: "OLD_VERSION", says: ["旧版模板", "2025.3"] },
  { name: "template id changed", mutate: (wb) => (sheet(wb, "模板信息").getCell("B1").value = "OTHER-01"), code: "NOT_TEMPLATE", says: ["OTHER-01"] },
  { name: "row inserted in the indicator table", mutate: (wb) => sheet(wb, "指标").spliceRows(20, 0, ["", "", "新增指标"]), code: "ROWS_CHANGED", says: ["第20行", "B03"] },
  { name: "row deleted from the indicator table", mutate: (wb) => sheet(wb, "指标").spliceRows(38, 1), code: "ROWS_CHANGED", says: ["第38行", "D02"] },
  { name: "row appended below the table", mutate: (wb) => (sheet(wb, "指标").getCell("B63").value = "H01"), code: "ROWS_CHANGED", says: ["第63行", "H01"] },
  {
    name: "计量单位 changed to 亿元 on an unprotected sheet",
    mutate: (wb) => {
      sheet(wb, "指标").unprotect();
      sheet(wb, "指标").getCell("D7").value = "亿元";
    },
    code: "ROWS_CHANGED",
    says: ["指标表D7“财政科技拨款”的计量单位应为“万元”，实际为“亿元”", "换算成万元"],
  },
  { name: "计量单位 changed with the protection still on (edited in the file)", mutate: (wb) => (sheet(wb, "指标").getCell("D7").value = "元"), code: "ROWS_CHANGED", says: ["D7", "实际为“元”"] },
  { name: "计量单位 cleared", mutate: (wb) => (sheet(wb, "指标").getCell("D7").value = null), code: "ROWS_CHANGED", says: ["D7", "实际为“空”"] },
  {
    name: "指标名称 changed on an unprotected sheet",
    mutate: (wb) => {
      sheet(wb, "指标").unprotect();
      sheet(wb, "指标").getCell("C7").value = "财政科技拨款（亿元）";
    },
    code: "ROWS_CHANGED",
    says: ["指标表C7的指标名称应为“财政科技拨款”，实际为“财政科技拨款（亿元）”"],
  },
  { name: "cover row deleted", mutate: (wb) => sheet(wb, "封面").spliceRows(7, 1), code: "ROWS_CHANGED", says: ["封面第7行", "单位类型"] },
];

describe("reading workbooks that are not the template as built", () => {
  it.each(CASES)("$name → $code", async ({ mutate, code, says }) => {
    const failure = inspectFail(await editWorkbook(await goodWorkbook(), mutate));
    expect(failure.code).toBe(code);
    for (const s of says) expect(failure.message).toContain(s);
  });

  it("an ordinary workbook is not the template", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Sheet1").getCell("A1").value = "专利申请";
    const failure = inspectFail(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    expect(failure).toEqual({ ok: false, code: "NOT_TEMPLATE", message: expect.stringContaining("新建模板") });
  });

  it("a report filled on template 2026.1 (F03/F04 then both named 科技培训) still reads", async () => {
    const r = inspectOk(await buildTemplate({ fill: goodFill(), version: "2026.1" }));
    expect([r.submission.templateVersion, r.findings]).toEqual(["2026.1", []]);
  });

  it("records the sheet and cell every value came from", async () => {
    const r = inspectOk(await goodWorkbook());
    expect(r.submission.templateVersion).toBe("2026.2");
    expect(r.submission.cover.unitName).toMatchObject({ sheet: "封面", cell: "C5", text: "青阳镇" });
    expect(r.submission.cover.divisionCode).toMatchObject({ sheet: "封面", cell: "C6", text: "330102001000" });
    expect(r.submission.indicators.A01).toMatchObject({
      current: { sheet: "指标", cell: "E7" },
      prior: { sheet: "指标", cell: "F7" },
      target: { sheet: "指标", cell: "G7" },
      note: { sheet: "指标", cell: "H7" },
    });
    expect(r.submission.indicators.A03!.current.formula).toBe('IF(AND(ISNUMBER(E7),ISNUMBER(E8),E8>0),E7/E8,"")');
    expect(r.submission.narrative.plans).toMatchObject({ sheet: "文字材料", cell: "A8" });
  });
});

describe("a report saved by LibreOffice (the closest to WPS here)", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "huizong-lo-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function resaveWithLibreOffice(bytes: Uint8Array, name: string): Uint8Array {
    const input = join(dir, `${name}.xlsx`);
    writeFileSync(input, bytes);
    const outDir = join(dir, `out-${name}`);
    execFileSync("soffice", [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--calc", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", outDir, input], { stdio: "pipe", timeout: 120_000 });
    return new Uint8Array(readFileSync(join(outDir, `${name}.xlsx`)));
  }

  it("reads the same submission and findings as the exceljs-written file", async () => {
    const original = await setCells(await goodWorkbook(), [valueEdit("D07", "current", 300), valueEdit("D07", "prior", 60), valueEdit("B01", "current", "约20")]);
    const saved = resaveWithLibreOffice(original, "filled");
    const a = inspectOk(original);
    const b = inspectOk(saved);
    expect(tuples(b)).toEqual([
      ["NUMBER_APPROXIMATE", "error", "指标!E18"],
      ["GROWTH_IMPLAUSIBLE", "warning", "指标!E43"],
    ]);
    expect(tuples(b)).toEqual(tuples(a));
    const fill = goodFill();
    for (const [code, v] of Object.entries(fill.values!)) {
      if (code === "D07" || code === "B01") continue;
      expect(b.submission.indicators[code]!.current.value, code).toBe(v.current);
      expect(b.submission.indicators[code]!.prior.value, code).toBe(v.prior);
    }
    expect(b.submission.narrative.achievements.text).toBe(fill.narrative!.achievements);
    expect(b.submission.cover.date.raw).toBe(a.submission.cover.date.raw);
  }, 180_000);

  it("a blank template re-saved by LibreOffice is still the template", async () => {
    const r = inspectOk(resaveWithLibreOffice(await buildTemplate(), "blank"));
    expect(r.findings.filter((f) => f.rule === "VALUE_REQUIRED")).toHaveLength(47);
    expect(r.submission.templateVersion).toBe("2026.2");
  }, 180_000);
});

// The info sheet must stay out of the clerk's way yet survive an edit-and-save.
describe("template identity survives a clerk's save", () => {
  it("keeps id and version after exceljs load/save", async () => {
    const r = inspectOk(await setCells(await goodWorkbook(), [{ sheet: SHEETS.cover, cell: "C10", value: "张三" }]));
    expect(r.findings).toEqual([]);
    expect(r.record!.meta.preparer).toBe("张三");
  });
});
