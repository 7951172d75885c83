/**
 * Writing a command's file: whole or not at all, on the real file system, and every failure said
 * in Chinese with its code (cli/output.ts); then as a clerk meets it, through the built command.
 */
import { spawnSync } from "node:child_process";
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { OutputError, outputError, writeOut, type OutputErrorCode } from "../cli/output";

const dir = mkdtempSync(join(tmpdir(), "huizong-output-"));
const bytes = (text: string) => new TextEncoder().encode(text);
/** What writeOut threw, as [code, message]. */
function failure(file: string, data = bytes("x")): [string, string] {
  try {
    writeOut(file, data);
  } catch (e) {
    expect(e).toBeInstanceOf(OutputError);
    return [(e as OutputError).code, (e as OutputError).message];
  }
  throw new Error("no failure");
}
const leftovers = (folder: string) => readdirSync(folder).filter((n) => n.endsWith(".tmp"));
/**
 * A device that is always full, like /dev/full (char 1,7), made here: a regression that replaced
 * devices would replace this one, not the machine's. Making it needs root, as CI runs.
 */
function fullDevice(name: string): string {
  const path = join(dir, name);
  const made = spawnSync("mknod", [path, "c", "1", "7"], { encoding: "utf8" });
  expect(made.status, `mknod ${path}: ${made.stderr} (the tests run as root, as CI does)`).toBe(0);
  return path;
}

describe("each system error, as the clerk is told it", () => {
  const f = "/home/kjj/汇总/汇总表.xlsx";
  it.each<[string, OutputErrorCode, string]>([
    ["EBUSY", "OUTPUT_IN_USE", `无法写出 ${f}：文件正被其他程序（如 Excel 或 WPS）打开。请关闭该文件后重试，或用 -o 换一个文件名`],
    ["EPERM", "OUTPUT_IN_USE", `无法写出 ${f}：文件正被其他程序（如 Excel 或 WPS）打开，或没有写入该位置的权限。请关闭该文件后重试，或用 -o 换一个文件名或文件夹`],
    ["EACCES", "OUTPUT_IN_USE", `无法写出 ${f}：没有写入该位置的权限，或文件正被其他程序打开。请用 -o 换一个文件夹（如“文档”或桌面）后重试`],
    ["EROFS", "OUTPUT_IN_USE", `无法写出 ${f}：该位置只读（如光盘或写保护的U盘）。请用 -o 换一个文件夹后重试`],
    ["EISDIR", "OUTPUT_IS_FOLDER", `无法写出 ${f}：这是一个文件夹。请在 -o 后写文件名，例如 -o ${join(f, "汇总表.xlsx")}`],
    ["ENOTDIR", "OUTPUT_FOLDER_INVALID", `无法写出 ${f}：路径中的“/home/kjj/汇总”不是文件夹。请检查 -o 后的路径`],
    ["ENOENT", "OUTPUT_FOLDER_INVALID", `无法写出 ${f}：找不到或无法创建所在的文件夹。请检查 -o 后的路径`],
    ["ENAMETOOLONG", "OUTPUT_FOLDER_INVALID", `无法写出 ${f}：路径太长。请换一个短一些的文件名或文件夹`],
    ["ENOSPC", "DISK_FULL", `无法写出 ${f}：磁盘空间不足。请清理磁盘或用 -o 换到另一个磁盘后重试`],
    ["EDQUOT", "DISK_FULL", `无法写出 ${f}：磁盘配额已用完。请清理文件或用 -o 换到另一个磁盘后重试`],
    ["EIO", "WRITE_FAILED", `无法写出 ${f}（系统错误 EIO）。请用 -o 换一个文件夹后重试`],
  ])("%s → %s", (errno, code, message) => {
    const e = outputError(f, Object.assign(new Error(errno), { code: errno }));
    expect([e.code, e.message]).toEqual([code, message]);
  });

  it("an error without a system code is WRITE_FAILED, 未知", () => {
    const e = outputError("a.xlsx", new Error("?"));
    expect([e.code, e.message]).toEqual(["WRITE_FAILED", "无法写出 a.xlsx（系统错误 未知）。请用 -o 换一个文件夹后重试"]);
  });
});

describe("writeOut on the file system", () => {
  it("makes the folders and writes the file whole, leaving no temporary file", () => {
    const file = join(dir, "新建", "县", "汇总表.xlsx");
    writeOut(file, bytes("第一版"));
    expect(readFileSync(file, "utf8")).toBe("第一版");
    expect(leftovers(join(dir, "新建", "县"))).toEqual([]);
  });

  it("replaces a file that is there", () => {
    const file = join(dir, "replace.xlsx");
    writeFileSync(file, "旧的汇总表，比新的长很多很多很多");
    writeOut(file, bytes("新的"));
    expect(readFileSync(file, "utf8")).toBe("新的");
    expect(leftovers(dir)).toEqual([]);
  });

  it("refuses a folder named as the file, and leaves it as it was", () => {
    const folder = join(dir, "一个文件夹");
    mkdirSync(folder);
    writeFileSync(join(folder, "里面.txt"), "留着");
    expect(failure(folder)).toEqual(["OUTPUT_IS_FOLDER", `无法写出 ${folder}：这是一个文件夹。请在 -o 后写文件名，例如 -o ${join(folder, "汇总表.xlsx")}`]);
    expect(readdirSync(folder)).toEqual(["里面.txt"]);
    expect(leftovers(dir)).toEqual([]);
  });

  it("refuses a path through a file", () => {
    const notFolder = join(dir, "not-a-folder.txt");
    writeFileSync(notFolder, "x");
    const file = join(notFolder, "汇总表.xlsx");
    expect(failure(file)).toEqual(["OUTPUT_FOLDER_INVALID", `无法写出 ${file}：路径中的“${notFolder}”不是文件夹。请检查 -o 后的路径`]);
  });

  it("writes to a device rather than replacing it: a full one says the disk is full", () => {
    const full = fullDevice("full-1");
    expect(failure(full)).toEqual(["DISK_FULL", `无法写出 ${full}：磁盘空间不足。请清理磁盘或用 -o 换到另一个磁盘后重试`]);
    expect(lstatSync(full).isCharacterDevice()).toBe(true);
    expect(leftovers(dir)).toEqual([]);
  });

  it("through a link, replaces the file it points to and keeps the link", () => {
    const real = join(dir, "real.xlsx");
    const link = join(dir, "link.xlsx");
    writeFileSync(real, "旧");
    symlinkSync(real, link);
    writeOut(link, bytes("新"));
    expect([lstatSync(link).isSymbolicLink(), readlinkSync(link), readFileSync(real, "utf8")]).toEqual([true, real, "新"]);
  });

  it("through a link to nothing yet, makes that file and keeps the link", () => {
    const link = join(dir, "dangling.xlsx");
    symlinkSync("later/made.xlsx", link);
    writeOut(link, bytes("新"));
    expect([lstatSync(link).isSymbolicLink(), readFileSync(join(dir, "later", "made.xlsx"), "utf8")]).toEqual([true, "新"]);
  });
});

describe("as the clerk meets it: the built command", () => {
  const huizong = (...args: string[]) => {
    const r = spawnSync(process.execPath, ["bin/huizong.js", ...args], { encoding: "utf8", timeout: 30_000 });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };

  it("-o naming a folder: exit 2, one line saying what to type, no usage, nothing written", () => {
    const folder = join(dir, "输出");
    mkdirSync(folder);
    const r = huizong("template", "-o", folder);
    expect([r.code, r.out, r.err]).toEqual([2, "", `无法写出 ${folder}：这是一个文件夹。请在 -o 后写文件名，例如 -o ${join(folder, "汇总表.xlsx")} (OUTPUT_IS_FOLDER)\n`]);
    expect(readdirSync(folder)).toEqual([]);
  });

  it("a full disk: exit 2 and DISK_FULL", () => {
    const full = fullDevice("full-2");
    const r = huizong("template", "-o", full);
    expect([r.code, r.out, r.err]).toEqual([2, "", `无法写出 ${full}：磁盘空间不足。请清理磁盘或用 -o 换到另一个磁盘后重试 (DISK_FULL)\n`]);
  });

  it("an unknown option is still a usage error, with the usage", () => {
    const r = huizong("template", "--bogus");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^参数有误：Unknown option '--bogus'/);
    expect(r.err).toContain("用法 (usage):");
  });

  it("a written file is whole and nothing is left beside it", () => {
    const file = join(dir, "cmd", "模板.xlsx");
    const r = huizong("template", "-o", file);
    expect(r.code).toBe(0);
    expect(readFileSync(file).subarray(0, 2).toString("latin1")).toBe("PK");
    expect([existsSync(file), leftovers(join(dir, "cmd"))]).toEqual([true, []]);
  });
});
