/**
 * The files a merge is named (cli/named-files.ts), on the real file system: patterns as Windows'
 * shells pass them (unexpanded), folders, names that look like patterns, each path once.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { namedFiles } from "../cli/named-files";

const root = mkdtempSync(join(tmpdir(), "huizong-named-"));
const towns = join(root, "乡镇");
const at = (...parts: string[]) => join(root, ...parts);

beforeAll(() => {
  mkdirSync(join(towns, "旧"), { recursive: true });
  for (const name of ["青阳镇.xlsx", "南山镇.XLSX", "说明.csv", "~$青阳镇.xlsx"]) writeFileSync(join(towns, name), "x");
  writeFileSync(join(towns, "旧", "白塔镇.xlsx"), "x");
  writeFileSync(at("青阳镇(1).xlsx"), "x");
  writeFileSync(at("报表[1].xlsx"), "x");
});

describe("the files a merge is named", () => {
  it.each<[string, string[], string[]]>([
    // By name is by code point: "~$…" (ASCII) before the Chinese names.
    ["a folder: the workbooks directly in it, by name (not its subfolder's, not the CSV)", [towns], [at("乡镇", "~$青阳镇.xlsx"), at("乡镇", "南山镇.XLSX"), at("乡镇", "青阳镇.xlsx")]],
    ["a pattern, as cmd and PowerShell pass it (case as this system matches it)", [join(towns, "*.xlsx")], [at("乡镇", "~$青阳镇.xlsx"), at("乡镇", "青阳镇.xlsx")]],
    ["a pattern with ? for one character", [join(towns, "?山镇.XLSX")], [at("乡镇", "南山镇.XLSX")]],
    ["letters of a pattern match as this system's names do (Linux: by case)", [join(towns, "*.XLSX")], [at("乡镇", "南山镇.XLSX")]],
    ["brackets and parentheses in a pattern are letters", [at("*[1].xlsx"), at("青阳镇(*).xlsx")], [at("报表[1].xlsx"), at("青阳镇(1).xlsx")]],
    ["a pattern in a folder's part is none cmd knows: it stays", [join(towns, "*", "*镇.xlsx")], [join(towns, "*", "*镇.xlsx")]],
    ["a pattern in a folder that is not there stays", [at("无", "*.xlsx")], [at("无", "*.xlsx")]],
    ["a WeChat copy's name, which a matcher would read as syntax, is that file", [at("青阳镇(1).xlsx")], [at("青阳镇(1).xlsx")]],
    ["a name with brackets that exists is that file", [at("报表[1].xlsx")], [at("报表[1].xlsx")]],
    ["a pattern that matches nothing stays, to be refused by name", [join(towns, "东*.xlsx")], [join(towns, "东*.xlsx")]],
    ["a file that is not there stays", [at("缺.xlsx")], [at("缺.xlsx")]],
    ["a path through a file stays", [join(towns, "说明.csv", "x.xlsx")], [join(towns, "说明.csv", "x.xlsx")]],
    ["each file once, where first named", [join(towns, "青阳镇.xlsx"), towns, join(towns, "..", "乡镇", "南山镇.XLSX")], [at("乡镇", "青阳镇.xlsx"), at("乡镇", "~$青阳镇.xlsx"), at("乡镇", "南山镇.XLSX")]],
  ])("%s", (_case, args, files) => {
    expect(namedFiles(args)).toEqual(files);
  });

  it("a relative pattern gives paths from the working folder, as typed", () => {
    const pattern = join(relative(process.cwd(), towns), "青*.xlsx");
    expect(namedFiles([pattern])).toEqual([join(relative(process.cwd(), towns), "青阳镇.xlsx")]);
  });
});
