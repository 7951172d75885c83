/**
 * `huizong targets -o` (the blank table from a roster) and `huizong merge --targets`
 * (完成率 against the assigned targets; the county's own target from its row);
 * a table with problems is refused with every problem at its cell.
 */
// @ts-nocheck

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import "../cli/merge";
import "../cli/targets";
import { runCli } from "../cli/main";
import { buildTemplate } from "../templates/build";
import { demoUnits, sampleFill } from "../templates/samples";
import { readTargetWorkbook } from "../templates/targets/read";

const dir = mkdtempSync(join(tmpdir(), "hz-cli-targets-"));
const COUNTY = "330102000000";
const units = demoUnits(3, COUNTY);
const files: string[] = [];

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

beforeAll(async () => {
  for (const [i, u] of units.entries()) {
    const file = join(dir, `${u.name}.xlsx`);
    const fill = sampleFill(u, "2025-Q1", 20 + i);
    fill.values!.E02 = { ...fill.values!.E02, current: [300, 100, 50][i]! };
    writeFileSync(file, await buildTemplate({ fill }));
    files.push(file);
  }
  writeFileSync(join(dir, "roster.csv"), `名称,区划代码,上级代码\n${units.map((u) => `${u.name},${u.code},${COUNTY}`).join("\n")}\n`);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function fillTable(file: string, cells: Record<string, number | string>): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  for (const [a, v] of Object.entries(cells)) wb.getWorksheet("目标任务分解")!.getCell(a).value = v;
  writeFileSync(file, new Uint8Array(await wb.xlsx.writeBuffer()));
}

describe("huizong targets", () => {
  it("writes the blank table: the roster's parent as the own row, then its units", async () => {
    const out = join(dir, "目标任务分解表.xlsx");
    const r = await run(["targets", "-o", out, "--roster", join(dir, "roster.csv"), "--year", "2025", "--unit", "示范区"]);
    expect([r.code, r.out]).toEqual([0, `已写出2025年度目标任务分解表：${out}（第5行填本级目标，第6行起填下达到3个单位的全年目标；上传到系统或用 huizong merge --targets 使用）`]);
    expect(readTargetWorkbook(new Uint8Array(readFileSync(out)))).toEqual({
      ok: true,
      table: { year: 2025, own: { code: COUNTY, name: "示范区", values: {} }, units: units.map((u) => ({ code: u.code, name: u.name, values: {} })) },
    });
  });

  it("merge --targets: 完成率 against the county's own 技术合同成交额 target (2000), 序时进度 25% at 第一季度", async () => {
    const table = join(dir, "目标任务分解表.xlsx");
    // X = E02 技术合同成交额; row 5 the county, rows 6–8 the towns.
    await fillTable(table, { X5: 2000, X6: 1000, X7: 400, X8: 200 });
    const r = await run(["merge", ...files, "--roster", join(dir, "roster.csv"), "--targets", table, "--unit", "示范区", "--code", COUNTY, "-o", join(dir, "汇总.xlsx"), "--json"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.totals.E02).toMatchObject({ current: 450, target: 2000, completion: 450 / 2000, assigned: true });
    expect(json.units.map((u: { name: string }) => u.name)).toEqual(units.map((u) => u.name));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(join(dir, "汇总.xlsx")) as unknown as ArrayBuffer);
    const row = (await import("../templates/merge/workbook")).SUMMARY_ROWS.E02!;
    const ws = wb.getWorksheet("汇总")!;
    const result = (a: string) => {
      const v = ws.getCell(a).value;
      return v && typeof v === "object" && "result" in v ? v.result : v;
    };
    expect([result(`I${row}`), result(`J${row}`), result(`K${row}`), result(`L${row}`)]).toEqual([2000, 0.225, 0.25, "落后序时进度 2.5 个百分点"]);
  });

  it("a table with problems is refused: every problem at its cell, in sheet order, exit code 2", async () => {
    const table = join(dir, "坏表.xlsx");
    expect((await run(["targets", "-o", table, "--roster", join(dir, "roster.csv"), "--year", "2025"])).code).toBe(0);
    await fillTable(table, { X6: "一千", A7: "330102999000" });
    const r = await run(["merge", ...files, "--roster", join(dir, "roster.csv"), "--targets", table, "-o", join(dir, "x.xlsx")]);
    expect([r.code, r.err.split("\n")]).toEqual([
      2,
      [
        `${table}: 目标任务分解表有 2 处问题，未采用 (TARGETS_INVALID)`,
        `  目标任务分解!X6 [TARGET_NOT_NUMBER] 目标任务分解!X6（${units[0]!.name}“技术合同成交额”）填的是“一千”，目标只能填数字（单位：万元），不要带单位或文字；没有目标的留空。`,
        `  目标任务分解!A7 [TARGET_UNIT_UNKNOWN] 目标任务分解!A7的区划代码 330102999000（${units[1]!.name}）不在报送单位名单中。请核对代码，或先把该单位加入名单后再上传。`,
      ],
    ]);
  });
});
