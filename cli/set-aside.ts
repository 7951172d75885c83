/**
 * Which of the files a merge is named are not reports, and why: set aside and said, never read and
 * never listed as a unit's refused report.
 *
 * - The workbook this merge writes. A clerk who keeps the 汇总表 beside the towns' files and runs
 *   `huizong merge 乡镇/*.xlsx -o 乡镇/汇总表.xlsx` again would otherwise hand the last run's result
 *   in as a report: a county's consolidation among its own towns, refused as double counting.
 * - The owner files Excel and WPS keep beside an open workbook (templates/owner-file.ts): a `*.xlsx`
 *   pattern picks them up while a town's report is open.
 * - huizong's own 报送单位名单 and 目标任务分解表, which a clerk keeps in the period's folder beside the
 *   towns' reports (found after the read, among the files refused as not the template: they are few).
 */
import { readFileSync, realpathSync } from "node:fs";
import { basename, sep } from "node:path";
import { ROSTER_SHEET } from "../templates/merge/roster";
import { OWNER_FILE, isOwnerFile } from "../templates/owner-file";
import { TARGET_SHEET } from "../templates/targets/layout";
import { readXlsxGrid } from "../templates/xlsx/index";

export interface SetAside {
  file: string;
  code: "OUTPUT_ITSELF" | "OFFICE_LOCK_FILE" | "ROSTER_FILE" | "TARGETS_FILE";
  message: string;
}

/** The path as the file system knows it (links resolved; on Windows its letters' case); null when there is none. */
function known(file: string): string | null {
  try {
    return realpathSync.native(file);
  } catch {
    return null;
  }
}

/**
 * The named files split into those to read and those set aside.
 * @param outputs the files this command writes (-o, --draft), there or not yet
 */
export function setAside(files: readonly string[], outputs: readonly string[]): { read: string[]; setAside: SetAside[] } {
  const written = new Set(outputs.map(known).filter((p): p is string => p !== null));
  // Only a file of an output's name can be it (links aside): the others are not looked up on disk.
  const names = new Set(outputs.map((o) => basename(o).toLowerCase()));
  const read: string[] = [];
  const aside: SetAside[] = [];
  for (const file of files) {
    // The name after the last separator (path.basename, run cold a thousand times, cost ~5 ms of a merge).
    const name = file.slice(Math.max(file.lastIndexOf("/"), file.lastIndexOf(sep)) + 1);
    const path = names.has(name.toLowerCase()) ? known(file) : null;
    if (path !== null && written.has(path)) aside.push({ file, code: "OUTPUT_ITSELF", message: "这是本次要写出的汇总表（上次汇总的结果），不作为报表汇总" });
    else if (isOwnerFile(name)) aside.push({ file, code: OWNER_FILE.code, message: `这${OWNER_FILE.is}` });
    else read.push(file);
  }
  return { read, setAside: aside };
}

/**
 * A file the merge refused as not the template (NOT_TEMPLATE), set aside when it is huizong's roster or
 * target table, with what to do with it; null when it is neither.
 * @param options the --roster and --targets files of this merge, when given
 */
export function companionWorkbook(file: string, options: { roster?: string; targets?: string }): SetAside | null {
  let sheets: string[];
  try {
    const grid = readXlsxGrid(new Uint8Array(readFileSync(file)));
    if (!grid.ok) return null;
    sheets = grid.grid.sheets.map((s) => s.name);
  } catch {
    return null;
  }
  const same = (other: string | undefined) => other !== undefined && known(other) === known(file);
  if (sheets.includes(ROSTER_SHEET)) {
    return { file, code: "ROSTER_FILE", message: same(options.roster) ? "这是本次使用的报送单位名单（--roster），不是报表" : `这是报送单位名单，不是报表。如要按名单汇总，请加 --roster ${file}` };
  }
  if (sheets.includes(TARGET_SHEET)) {
    return { file, code: "TARGETS_FILE", message: same(options.targets) ? "这是本次使用的目标任务分解表（--targets），不是报表" : `这是目标任务分解表，不是报表。如要计算目标完成率，请加 --targets ${file}` };
  }
  return null;
}
