/**
 * The direct xlsx writer read back by LibreOffice, which recalculates every
 * formula: each recalculated value must equal the value the writer cached.
 * A file of its own because each run starts LibreOffice (the mutation run
 * leaves it out; xlsx-writer.test.ts holds the in-process cases).
 */
// @ts-nocheck

import { execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readXlsxGrid } from "../templates/xlsx/index";
import { Workbook } from "../templates/xlsx/writer/workbook";

describe("LibreOffice opens it and recalculates to the cached values", () => {
  const dir = mkdtempSync(join(tmpdir(), "hz-writer-"));
  const profile = join(dir, "profile");
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("every formula's recalculated value equals the one cached", async () => {
    const wb = new Workbook();
    const ws = wb.addWorksheet("数据");
    const cases: [formula: string, cached: number | string][] = [
      ["SUM(A1:A3)", 6.75],
      ['IF(COUNT(B1:B3)=0,"",SUM(B1:B3))', ""],
      ["A1/A2", 0.25],
      ['IF(A3>2,"新增","—")', "新增"],
      ['"填报单位："&D1', "填报单位：青阳镇"],
      ["'另一表'!A1*2", 84],
    ];
    [0.5, 2, 4.25].forEach((v, i) => (ws.getCell(i + 1, 1).value = v));
    ws.getCell("D1").value = "青阳镇";
    cases.forEach(([formula, result], i) => (ws.getCell(i + 1, 5).value = { formula, result }));
    ws.commit();
    wb.addWorksheet("另一表").getCell("A1").value = 42;
    mkdirSync(join(profile, "user"), { recursive: true });
    writeFileSync(
      join(profile, "user", "registrymodifications.xcu"),
      `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>`,
    );
    // A wrong cache on purpose in a second file proves the recalculation happened.
    const control = new Workbook();
    const cs = control.addWorksheet("s");
    cs.getCell("A1").value = 2;
    cs.getCell("A2").value = { formula: "A1*21", result: 7 };
    writeFileSync(join(dir, "w.xlsx"), wb.finish());
    writeFileSync(join(dir, "control.xlsx"), control.finish());
    const out = join(dir, "lo");
    for (const f of ["w.xlsx", "control.xlsx"]) {
      execFileSync("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "xlsx", "--outdir", out, join(dir, f)], { timeout: 240_000, stdio: "pipe" });
    }
    const read = (f: string) => {
      const g = readXlsxGrid(new Uint8Array(readFileSync(f)));
      if (!g.ok) throw new Error(g.message);
      return g.grid;
    };
    expect(read(join(out, "control.xlsx")).sheets[0]!.cells.A2!.value).toBe(42);
    const again = read(join(out, "w.xlsx")).sheets.find((s) => s.name === "数据")!;
    expect(cases.map((_, i) => again.cells[`E${i + 1}`]?.value ?? "")).toEqual(cases.map(([, cached]) => cached));
  }, 600_000);
});
