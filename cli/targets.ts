/**
 * `huizong targets -o 目标任务分解表.xlsx [--roster 名单.xlsx] [--year 2026]`: the blank
 * target table (the city's own row, then every unit of the roster); and reading a
 * filled one back for `huizong merge --targets` (refused whole, every problem at its cell).
 */
import { parseArgs } from "node:util";
import { readTargetWorkbook } from "../templates/targets/read";
import type { TargetTable } from "../templates/targets/table";
import type { RosterUnit } from "../templates/merge/roster";
import { COMMANDS, readInput, type CliIO } from "./main";
import { writeOut } from "./output";
import { rosterOption } from "./merge";

/** The unit the roster's units report to: the one parent code not itself on the roster ("" when none or several). */
export function rosterRoot(units: readonly RosterUnit[]): string {
  const codes = new Set(units.map((u) => u.code));
  const roots = new Set(units.map((u) => u.parent).filter((p) => p && !codes.has(p)));
  return roots.size === 1 ? [...roots][0]! : "";
}

/** Read a filled target table; null after telling the clerk every problem. */
export function readTargetsFile(file: string, io: CliIO, roster?: readonly RosterUnit[]): TargetTable | null {
  const bytes = readInput(file, io);
  if (!bytes) return null;
  const r = readTargetWorkbook(bytes, roster ? { units: roster.map((u) => u.code) } : {});
  if (r.ok) return r.table;
  io.err(`${file}: ${r.code === "TARGETS_INVALID" ? `目标任务分解表有 ${r.problems.length} 处问题，未采用 (TARGETS_INVALID)` : `${r.message} (${r.code})`}`);
  for (const p of r.problems) io.err(`  ${p.sheet}!${p.cell} [${p.code}] ${p.message}`);
  return null;
}

async function targets(args: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { output: { type: "string", short: "o" }, roster: { type: "string" }, year: { type: "string" }, unit: { type: "string" }, code: { type: "string" } },
  });
  if (!values.output) {
    io.err("请用 -o 指定输出文件，例如：huizong targets -o 目标任务分解表.xlsx --roster 报送单位名单.xlsx");
    return 2;
  }
  const year = values.year === undefined ? new Date().getFullYear() : Number(values.year);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) {
    io.err(`--year 应为4位年份，如 2026，现为“${values.year}” (BAD_YEAR)。`);
    return 2;
  }
  if (values.code && !/^\d{12}$/.test(values.code)) {
    io.err(`本级单位的区划代码“${values.code}”应为12位数字 (BAD_CODE)。`);
    return 2;
  }
  const listed = rosterOption(values.roster, io);
  if (listed === null) return 2;
  const units: RosterUnit[] = listed ?? [];
  const ownCode = values.code ?? rosterRoot(units);
  const own = units.find((u) => u.code === ownCode);
  const { buildTargetWorkbook } = await import("../templates/targets/workbook");
  writeOut(
    values.output,
    await buildTargetWorkbook({ year, own: { code: ownCode, name: values.unit ?? own?.name ?? "本市" }, units: units.filter((u) => u.code !== ownCode).map((u) => ({ code: u.code, name: u.name })) }),
  );
  io.out(`已写出${year}年度目标任务分解表：${values.output}（第5行填本级目标，第6行起填下达到${units.length ? `${units.length}个单位` : "各单位"}的全年目标；上传到系统或用 huizong merge --targets 使用）`);
  return 0;
}

COMMANDS.targets = targets;
