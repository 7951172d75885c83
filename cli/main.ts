/**
 * The `huizong` command line: template, catalog, check (and merge, roster).
 * A thin adapter: files in, core calls, text or JSON out. Exit codes:
 * 0 ok, 1 the file has errors (check) , 2 cannot be read or written / bad usage.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { catalogueJson } from "../templates/catalogue";
import { hasErrors, type Finding } from "../templates/findings";
import { inspectWorkbook } from "../templates/inspect";
import { nativeUnzip } from "../functions/service/native-deflate";
import { parsePeriod } from "../templates/period";
import { OutputError, writeOut } from "./output";
import { fileReadError } from "./read-report";

export interface CliIO {
  out: (s: string) => void;
  err: (s: string) => void;
}

const USAGE = `用法 (usage):
  huizong template -o FILE.xlsx [--library 指标库.xlsx]
                                           写出空白标准模板（或按指标库生成的模板）
  huizong library -o 指标库.xlsx            写出内置指标库，供在 Excel 中修改
  huizong library --check 指标库.xlsx [--previous 上一版.xlsx]
                                           检查修改后的指标库
  huizong catalog [--json]                 打印指标目录
  huizong check FILE.xlsx [--period P] [--library 指标库.xlsx] [--json]
                                           检查一个报表（退出码：0 无错误，1 有错误，2 无法读取）
  huizong merge FILE.xlsx…|文件夹|乡镇/*.xlsx [--roster R] [--period P] [--targets T] [--library 指标库.xlsx] -o OUT.xlsx [--json]
                                           合并多个报表为汇总表
  huizong roster -o ROSTER.xlsx            写出空白报送单位名单
  huizong targets -o T.xlsx [--roster R] [--year Y]
                                           写出空白目标任务分解表（本级目标＋各单位下达目标）
  huizong demo [-o DIR] [--period P]       生成示例乡镇报表并合并（演示；默认本年全年，与 npm start 的演示一致）
  huizong codes -o 登录码.xlsx [--unit CODE…]
                                           为名单中的单位签发登录码（旧登录码作废），写出打印清单
报表自带其指标库；--library 指定本次收集的指标库（另一种报表的文件将被拒收）。
期间 P 可写为 2025-Y、2025-H1、2025-Q3、2025-M10，或 2025年度、2025年上半年、2025年一季度、2025年1—10月。`;

type Command = (args: string[], io: CliIO) => Promise<number>;

/** Extra commands registered by other modules (merge, roster, demo) to keep this file small. */
export const COMMANDS: Record<string, Command> = {
  template: async (args, io) => {
    const { values } = parseArgs({ args, options: { output: { type: "string", short: "o" }, library: { type: "string" } } });
    if (!values.output) {
      io.err("请用 -o 指定输出文件，例如：huizong template -o 科技统计报表.xlsx");
      return 2;
    }
    const { libraryOption } = await import("./library");
    const catalogue = libraryOption(values.library, io);
    if (catalogue === null) return 2;
    const { buildTemplate } = await import("../templates/build");
    writeOut(values.output, await buildTemplate({ catalogue }));
    io.out(`已写出空白模板：${values.output}${catalogue ? `（${catalogue.title} ${catalogue.id} 版本 ${catalogue.version}）` : ""}`);
    return 0;
  },
  catalog: async (args, io) => {
    const { values } = parseArgs({ args, options: { json: { type: "boolean" }, library: { type: "string" } } });
    const { libraryOption } = await import("./library");
    const library = libraryOption(values.library, io);
    if (library === null) return 2;
    const cat = catalogueJson(library);
    if (values.json) io.out(JSON.stringify(cat, null, 2));
    else {
      io.out(`${cat.title}  ${cat.id} 版本 ${cat.version}`);
      for (const i of cat.indicators) io.out(`${i.code}\t${i.name}\t${i.unit}\t${i.kind}${i.components.length ? `\t= ${i.components.join("+")}` : ""}${i.partOf ? `\t≤ ${i.partOf}` : ""}${i.numerator ? `\t= ${i.numerator}/${i.denominator}` : ""}`);
    }
    return 0;
  },
  check: async (args, io) => {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: "boolean" }, period: { type: "string" }, library: { type: "string" } } });
    const file = positionals[0];
    if (!file) {
      io.err("请指定要检查的文件，例如：huizong check 青阳镇.xlsx");
      return 2;
    }
    const expectedPeriod = periodOption(values.period, io);
    if (expectedPeriod === null) return 2;
    const { libraryOption } = await import("./library");
    const catalogue = libraryOption(values.library, io);
    if (catalogue === null) return 2;
    const bytes = readInput(file, io);
    if (!bytes) return 2;
    const result = inspectWorkbook(bytes, { expectedPeriod, catalogue, codec: nativeUnzip });
    if (!result.ok) {
      if (values.json) io.out(JSON.stringify({ error: { code: result.code, message: result.message } }, null, 2));
      else io.err(`${file}: ${result.message} (${result.code})`);
      return 2;
    }
    if (values.json) {
      io.out(JSON.stringify({ submission: result.submission, findings: result.findings, record: result.record }, null, 2));
    } else {
      io.out(formatFindings(file, result.findings));
    }
    return hasErrors(result.findings) ? 1 : 0;
  },
};

/**
 * The --period option as a period id: undefined when absent, null (after telling the clerk) when
 * it cannot be read.
 */
export function periodOption(text: string | undefined, io: CliIO): string | undefined | null {
  if (!text) return undefined;
  const p = parsePeriod(text);
  if (!p) {
    io.err(`期间“${text}”无法识别 (BAD_PERIOD)。请写成 2025-Y、2025-H1、2025-Q3、2025-M10 或 2025年1—10月。`);
    return null;
  }
  return p.id;
}

/** Human-readable findings, grouped by severity. */
export function formatFindings(file: string, findings: readonly Finding[]): string {
  const errors = findings.filter((f) => f.severity === "error");
  const warnings = findings.filter((f) => f.severity === "warning");
  const lines = [`${file}: ${errors.length} 个错误，${warnings.length} 个警告`];
  for (const f of errors) lines.push(`  错误 ${f.sheet}!${f.cell} [${f.rule}] ${f.message}`);
  for (const f of warnings) lines.push(`  警告 ${f.sheet}!${f.cell} [${f.rule}]${f.explained ? "（已在备注说明）" : ""} ${f.message}`);
  if (findings.length === 0) lines.push("  检查通过，可以上传。");
  return lines.join("\n");
}

export function readInput(file: string, io: CliIO): Uint8Array | null {
  try {
    return new Uint8Array(readFileSync(file));
  } catch (e) {
    const { code, message } = fileReadError(file, e);
    // Beyond the two a clerk can fix by name, the system's own code (EACCES, …) says more than READ_FAILED.
    io.err(`${message} (${code === "READ_FAILED" ? ((e as NodeJS.ErrnoException).code ?? code) : code})`);
    return null;
  }
}

/** Run the CLI with arguments (without node and script). Returns the exit code. */
export async function runCli(argv: string[], io: CliIO = { out: (s) => console.log(s), err: (s) => console.error(s) }): Promise<number> {
  const [cmd, ...rest] = argv;
  const command = cmd ? COMMANDS[cmd] : undefined;
  if (!command) {
    if (!cmd || cmd === "help" || cmd === "--help") {
      io.out(USAGE);
      return 0;
    }
    io.err(`未知命令：${cmd}\n${USAGE}`);
    return 2;
  }
  try {
    return await command(rest, io);
  } catch (e) {
    if (e instanceof OutputError) {
      io.err(`${e.message} (${e.code})`);
      return 2;
    }
    // parseArgs reports unknown options by throwing; show it as a usage error, never a stack trace.
    if (String((e as NodeJS.ErrnoException).code).startsWith("ERR_PARSE_ARGS")) {
      io.err(`参数有误：${(e as Error).message}\n${USAGE}`);
      return 2;
    }
    io.err(`处理未能完成：${(e as Error).message}。请重试；若再次出现，请把这条信息发给技术支持 (INTERNAL_ERROR)`);
    return 1;
  }
}
