/**
 * `huizong merge`, `huizong roster`, `huizong demo`: the consolidation on the
 * command line. Each input file is read, checked and reduced to its record
 * (numbers and text) before the next is read, so memory stays flat in the
 * number of files.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { BUILTIN, type Catalogue } from "../templates/catalogue";
import { compareVersions } from "../templates/library/validate";
import { libraryOption } from "./library";
import { DEMO_COUNTY, demoPeriodId, demoUnits, sampleFill } from "../templates/samples";
import { parsePeriod } from "../templates/period";
import { readXlsxGrid } from "../templates/xlsx/index";
import { growthText } from "../templates/merge/growth";
import { consolidationJson, mergeReports, versionNoteText, nothingToMerge, type MergeInput, type Rejection } from "../templates/merge/merge";
import { parseRosterFile, type RosterResult, type RosterUnit } from "../templates/merge/roster";
import { COMMANDS, periodOption, readInput, type CliIO } from "./main";
import { writeOut } from "./output";
import { namedFiles } from "./named-files";
import { companionWorkbook, setAside } from "./set-aside";
import { readReportFiles } from "./read-pool";
import type { TargetTable } from "../templates/targets/table";
import { writeConsolidationWorkbook } from "../templates/merge/workbook";
import { nativeZip } from "../functions/service/native-deflate";

/** The units of `--roster FILE`: undefined without the option, null when the file is refused (said on `io`). */
export function rosterOption(file: string | undefined, io: CliIO): RosterUnit[] | null | undefined {
  if (!file) return undefined;
  const r = readRosterFile(file, io);
  if (!r) return null;
  if (!r.ok) {
    io.err(`${file}: ${r.message} (${r.code})`);
    return null;
  }
  return r.units;
}

/** Read a roster file: .csv (UTF-8) or a workbook. */
export function readRosterFile(file: string, io: CliIO): RosterResult | null {
  const bytes = readInput(file, io);
  if (!bytes) return null;
  return parseRosterFile(bytes, /\.(csv|txt)$/i.test(file) ? "csv" : "xlsx");
}

/** 1,234.50 as zh-CN writes it (by hand: the first toLocaleString call costs ~20 ms of ICU start-up). */
export function fmtNum(n: number | null, digits: number): string {
  if (n === null) return "—";
  const [int, frac] = Math.abs(n).toFixed(digits).split(".");
  return `${n < 0 && Number(n.toFixed(digits)) !== 0 ? "-" : ""}${int!.replace(/\B(?=(\d{3})+$)/g, ",")}${frac ? `.${frac}` : ""}`;
}

async function merge(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      output: { type: "string", short: "o" },
      roster: { type: "string" },
      period: { type: "string" },
      json: { type: "boolean" },
      unit: { type: "string" },
      code: { type: "string" },
      preparer: { type: "string" },
      phone: { type: "string" },
      head: { type: "string" },
      jobs: { type: "string" },
      "consolidations-only": { type: "boolean" },
      draft: { type: "string" },
      targets: { type: "string" },
      library: { type: "string" },
    },
  });
  if (positionals.length === 0 || !values.output) {
    io.err("用法：huizong merge 报表1.xlsx 报表2.xlsx…（或报表所在的文件夹，或 乡镇/*.xlsx） [--roster 名单.xlsx] [--period 2025-Y] [--consolidations-only] [--targets 目标任务分解表.xlsx] -o 汇总.xlsx [--draft 汇总材料.docx] [--json]");
    return 2;
  }
  const expectedPeriod = periodOption(values.period, io);
  if (expectedPeriod === null) return 2;
  if (values.jobs !== undefined && !/^[1-9]\d{0,2}$/.test(values.jobs)) {
    io.err(`--jobs 应为正整数（同时读取文件的线程数），现为“${values.jobs}” (BAD_JOBS)。`);
    return 2;
  }
  if (values.code && !/^\d{12}$/.test(values.code)) {
    io.err(`汇总单位的区划代码“${values.code}”应为12位数字 (BAD_CODE)。`);
    return 2;
  }
  const roster = rosterOption(values.roster, io);
  if (roster === null) return 2;

  let targets: TargetTable | undefined;
  if (values.targets) {
    // Registered by ./targets (imported lazily: that module imports this one).
    const { readTargetsFile } = await import("./targets");
    const t = readTargetsFile(values.targets, io, roster);
    if (!t) return 2;
    targets = t;
  }
  const library = libraryOption(values.library, io);
  if (library === null) return 2;

  const { read, setAside: aside } = setAside(namedFiles(positionals), [values.output, ...(values.draft ? [values.draft] : [])]);
  const inputs: MergeInput[] = [];
  const rejected: Rejection[] = [];
  // Without --library: the newest version of the library the first readable file carries.
  let catalogue: Catalogue | undefined = library;
  for (const outcome of await readReportFiles(read, expectedPeriod, values.jobs ? Number(values.jobs) : undefined, library)) {
    if (outcome.ok) {
      inputs.push(outcome.input);
      if (!library && (!catalogue || (outcome.catalogue.id === catalogue.id && compareVersions(outcome.catalogue.version, catalogue.version) > 0))) catalogue = outcome.catalogue;
    } else {
      const companion = outcome.rejection.code === "NOT_TEMPLATE" ? companionWorkbook(outcome.rejection.source, { roster: values.roster, targets: values.targets }) : null;
      if (companion) aside.push(companion);
      else rejected.push(outcome.rejection);
    }
  }
  catalogue ??= BUILTIN;
  const asideLines = aside.length ? [`已跳过的文件 ${aside.length} 个（不是报表）：`, ...aside.map((a) => `  ${a.file}: ${a.message} (${a.code})`)] : [];
  const asideJson = aside.length ? { setAside: aside } : {};

  const merged = inputs.length === 0 ? nothingToMerge(rejected) : mergeReports(inputs, {
    roster,
    period: expectedPeriod,
    consolidationsOnly: values["consolidations-only"],
    unit: { name: values.unit, code: values.code },
    meta: { preparer: values.preparer, phone: values.phone, head: values.head },
    ...(targets ? { targets } : {}),
    catalogue,
  });
  if (!merged.ok) {
    if (values.json) io.out(JSON.stringify({ error: { code: merged.code, message: merged.message }, rejected: rejected.map((r) => ({ file: r.source, code: r.code, message: r.message })), ...asideJson }, null, 2));
    else {
      io.err(`${merged.message} (${merged.code})`);
      for (const r of rejected) io.err(`  未汇总 ${r.source}: ${r.message} (${r.code})`);
      for (const l of asideLines) io.err(l);
    }
    return 1;
  }
  const c = merged.consolidation;
  writeOut(values.output, await writeConsolidationWorkbook(c, { rejected, zip: nativeZip }));
  if (values.draft) {
    const { writeDraft } = await import("../templates/draft/index");
    writeOut(values.draft, await writeDraft(c));
  }

  if (values.json) {
    io.out(JSON.stringify({ output: values.output, ...(values.draft ? { draft: values.draft } : {}), ...consolidationJson(c, rejected), ...asideJson }, null, 2));
    return 0;
  }
  const lines = [
    `${c.unit.name} ${c.period.label}：已汇总 ${c.counts.submitted} 个单位${c.counts.expected !== null ? `（应报 ${c.counts.expected} 个，缺报 ${c.counts.missing} 个）` : ""}${c.counts.unlisted && roster ? `，名单外 ${c.counts.unlisted} 个` : ""}${c.counts.superseded ? `，${c.counts.superseded} 份重复报送已被最新版本替代` : ""}。`,
  ];
  for (const ind of c.catalogue.indicators.filter((i) => i.headline)) {
    const t = c.totals[ind.code]!;
    lines.push(`  ${ind.name}：${fmtNum(t.current, ind.kind === "count" ? 0 : 2)}${ind.unit}，同比${growthText(t.current, t.prior)}`);
  }
  for (const n of c.versionNotes) lines.push(versionNoteText(n));
  const missing = c.units.filter((u) => u.status === "missing");
  if (missing.length) lines.push(`缺报单位（未计为0）：${missing.map((u) => u.name).join("、")}`);
  const unlisted = c.units.filter((u) => u.unlisted);
  if (unlisted.length) lines.push(`不在名单中的单位（已计入汇总，请核实）：${unlisted.map((u) => `${u.name}（${u.code}）`).join("、")}`);
  for (const u of c.units.filter((x) => x.superseded.length)) {
    lines.push(`${u.name} 重复报送：采用 ${u.report!.source ?? "最新版本"}（${u.chosen}），替代 ${u.superseded.map((s) => s.source ?? `第${s.version}版`).join("、")}`);
  }
  const allRejected = [...rejected, ...c.rejected];
  if (allRejected.length) {
    lines.push(`未汇总的文件 ${allRejected.length} 个：`);
    for (const r of allRejected) lines.push(`  ${r.source}: ${r.message} (${r.code})`);
  }
  lines.push(...asideLines);
  lines.push(`已写出汇总表：${values.output}`);
  if (values.draft) lines.push(`已写出汇总材料初稿：${values.draft}（每个数字的脚注注明其在汇总表中的单元格，请核对后定稿）`);
  io.out(lines.join("\n"));
  return 0;
}

async function roster(args: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({ args, options: { output: { type: "string", short: "o" } } });
  if (!values.output) {
    io.err("请用 -o 指定输出文件，例如：huizong roster -o 报送单位名单.xlsx");
    return 2;
  }
  const { buildRosterWorkbook } = await import("../templates/merge/workbook");
  writeOut(values.output, await buildRosterWorkbook());
  io.out(`已写出空白报送单位名单：${values.output}（按“名称、区划代码、上级代码”三列填写，每行一个单位）`);
  return 0;
}

/**
 * Demo: sample town reports from the template, a roster, and their consolidation. The county,
 * its towns and the period are the local server's demo ones (`npm start`), so its town reports
 * can be checked and uploaded there as they are.
 */
async function demo(args: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({ args, options: { output: { type: "string", short: "o" }, period: { type: "string" }, json: { type: "boolean" } } });
  const chosen = periodOption(values.period, io);
  if (chosen === null) return 2;
  const period = chosen ?? demoPeriodId(new Date());
  const dir = resolve(values.output ?? join("out", "demo"));
  const townDir = join(dir, "乡镇报表");
  mkdirSync(townDir, { recursive: true });
  const countyCode = DEMO_COUNTY.code;
  const units = demoUnits(6, countyCode);
  const files: string[] = [];
  const { buildTemplate } = await import("../templates/build");
  const { buildRosterWorkbook } = await import("../templates/merge/workbook");
  // One town has not reported yet, to show how a missing unit looks.
  for (const [i, u] of units.slice(0, 5).entries()) {
    const file = join(townDir, `${u.name}.xlsx`);
    writeFileSync(file, await buildTemplate({ fill: sampleFill(u, period, 101 + i, 1 + i * 0.4) }));
    files.push(file);
  }
  const rosterFile = join(dir, "报送单位名单.xlsx");
  writeOut(rosterFile, await buildRosterWorkbook(units.map((u) => ({ name: u.name, code: u.code, parent: countyCode }))));
  const out = join(dir, `${DEMO_COUNTY.name}汇总表.xlsx`);
  const draft = join(dir, `${DEMO_COUNTY.name}汇总材料（初稿）.docx`);
  const collected: string[] = [];
  const code = await merge([...files, "--roster", rosterFile, "--period", period, "--unit", DEMO_COUNTY.name, "--code", countyCode, "--preparer", "张明", "--phone", "0571-87654321", "--head", "陈志远", "-o", out, "--draft", draft, ...(values.json ? ["--json"] : [])], {
    out: (s) => collected.push(s),
    err: io.err,
  });
  if (code !== 0) return code;
  if (values.json) {
    io.out(collected.join("\n"));
    return 0;
  }
  io.out(
    [
      `示例数据已生成（${basename(dir)}）：`,
      `  乡镇报表 ${files.length} 份：${townDir}`,
      `  报送单位名单：${rosterFile}`,
      `  报告期：${parsePeriod(period)!.label}${chosen ? "" : "；本机服务（npm start）演示开通的也是这一期，可用这些乡镇报表在网页中试检查、试上传"}`,
      "",
      ...collected,
      "",
      `请用 Excel 或 WPS 打开汇总表：${out}；汇总材料初稿：${draft}`,
      "  工作表：汇总、分单位明细、排名、报送情况、校验问题、文字材料汇编；封面/指标/文字材料可直接作为上一级汇总的输入。",
    ].join("\n"),
  );
  return 0;
}

COMMANDS.merge = merge;
COMMANDS.roster = roster;
COMMANDS.demo = demo;

/** Registered on import; exported for tests that call them directly. */
export const MERGE_COMMANDS = { merge, roster, demo };
