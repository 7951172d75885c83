/**
 * The files a merge is named, as a clerk names them on any system.
 *
 * Only POSIX shells expand `乡镇/*.xlsx`: Windows' cmd and PowerShell hand the pattern to the
 * program as typed, so on a bureau's PC a merge found no file "乡镇\*.xlsx" and merged nothing. A
 * pattern is therefore expanded here when no file has that very name (a WeChat copy is called
 * "青阳镇(1).xlsx"). Patterns are what cmd itself knows: `*` and `?` in the file's name, the folder
 * written out (`D:\报表\2025\*.xlsx`). A folder names the workbooks in it, not in its subfolders.
 * Hand-written (twenty lines) rather than a glob library: a library's `**`, braces and classes are
 * more than a clerk types, and each runtime dependency is one more package a bureau's intranet
 * install must carry.
 */
import { readdirSync, statSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/** What makes a name a pattern: `*` or `?`. */
const PATTERN = /[*?]/;
/** A workbook's name. */
const WORKBOOK = /\.xlsx$/i;

/** A path's entry, or undefined where there is none (or the path runs through a file). */
function entry(path: string) {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

/** The files directly in `folder` whose names pass `wanted`, by name. */
function filesIn(folder: string, wanted: RegExp): string[] {
  return readdirSync(folder, { withFileTypes: true })
    .filter((e) => e.isFile() && wanted.test(e.name))
    .map((e) => join(folder, e.name))
    .sort();
}

/** The files in the pattern's folder whose names it matches (`*` any run, `?` one character), by name. */
function matching(pattern: string): string[] {
  const name = basename(pattern);
  const folder = dirname(pattern);
  // A pattern in a folder's part is not one cmd would expand either: it names no file.
  if (PATTERN.test(folder) || !entry(folder)?.isDirectory()) return [];
  return filesIn(folder, new RegExp(`^${name.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`, process.platform === "win32" ? "iu" : "u"));
}

/**
 * The files to read for `args`, each path once, in the order named: a file as it is; a folder as the
 * .xlsx files in it; a pattern that names no file as the files it matches. A name that is none of
 * these stays, to be refused by name (FILE_NOT_FOUND).
 */
export function namedFiles(args: readonly string[]): string[] {
  const files: string[] = [];
  for (const arg of args) {
    // A workbook's name, as a shell's expansion gives a thousand of them, is taken as it is: no look at the disk.
    if (WORKBOOK.test(arg) && !PATTERN.test(arg)) {
      files.push(arg);
      continue;
    }
    const found = entry(arg);
    if (found?.isDirectory()) files.push(...filesIn(arg, WORKBOOK));
    else if (!found && PATTERN.test(arg)) {
      const matched = matching(arg);
      files.push(...(matched.length ? matched : [arg]));
    } else files.push(arg);
  }
  // By the path as written (a folder's and a pattern's files are written as joined paths): tidying a
  // thousand names with path.normalize cost ~14 ms of a merge, for spellings a clerk does not mix.
  return [...new Set(files)];
}
