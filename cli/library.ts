/**
 * `huizong library`: the indicator library as an .xlsx a city administrator
 * edits in Excel (-o writes the built-in one; --check reads one and lists every
 * problem at its cell), and the `--library` option every report command takes.
 */
import { parseArgs } from "node:util";
import type { Catalogue } from "../templates/catalogue";
import { readLibraryXlsx } from "../templates/library/read";
import { COMMANDS, readInput, type CliIO } from "./main";
import { writeOut } from "./output";

/**
 * Read a library file for a command: the Catalogue, or null after listing every problem
 * (sheet!cell, code, message) on the error stream.
 */
export function loadLibrary(file: string, io: CliIO, previous?: Catalogue): Catalogue | null {
  const bytes = readInput(file, io);
  if (!bytes) return null;
  const r = readLibraryXlsx(bytes, { previous });
  if (r.ok) return r.catalogue;
  io.err(`${file}: 指标库有 ${r.problems.length} 处问题，未采用 (${r.code})：`);
  for (const p of r.problems) io.err(`  ${p.sheet}!${p.cell} [${p.code}] ${p.message}`);
  return null;
}

/** The --library option: undefined when absent, null (after telling why) when it cannot be used. */
export function libraryOption(file: string | undefined, io: CliIO): Catalogue | undefined | null {
  return file === undefined ? undefined : loadLibrary(file, io);
}

COMMANDS.library = async (args, io) => {
  const { values } = parseArgs({ args, options: { output: { type: "string", short: "o" }, check: { type: "string" }, previous: { type: "string" }, json: { type: "boolean" } } });
  if (values.check) {
    const previous = values.previous ? loadLibrary(values.previous, io) : undefined;
    if (previous === null) return 2;
    const bytes = readInput(values.check, io);
    if (!bytes) return 2;
    const r = readLibraryXlsx(bytes, { previous });
    if (values.json) {
      io.out(JSON.stringify(r.ok ? { ok: true, id: r.catalogue.id, version: r.catalogue.version, indicators: r.catalogue.indicators.length } : { ok: false, code: r.code, problems: r.problems }, null, 2));
      return r.ok ? 0 : 1;
    }
    if (!r.ok) {
      io.err(`${values.check}: 指标库有 ${r.problems.length} 处问题，未采用 (${r.code})：`);
      for (const p of r.problems) io.err(`  ${p.sheet}!${p.cell} [${p.code}] ${p.message}`);
      return 1;
    }
    io.out(`${values.check}: 指标库“${r.catalogue.title}”（${r.catalogue.id} 版本 ${r.catalogue.version}），${r.catalogue.indicators.length} 个指标，检查通过。`);
    return 0;
  }
  if (!values.output) {
    io.err("请用 -o 指定输出文件，例如：huizong library -o 指标库.xlsx；检查修改后的指标库：huizong library --check 指标库.xlsx [--previous 上一版指标库.xlsx]");
    return 2;
  }
  const { writeLibraryXlsx } = await import("../templates/library/write");
  writeOut(values.output, await writeLibraryXlsx());
  io.out(`已写出指标库：${values.output}（在 Excel 中修改后，用 huizong template --library ${values.output} -o 报表.xlsx 生成模板）`);
  return 0;
};
