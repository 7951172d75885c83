/**
 * Writing a command's file (-o, --draft): whole or not at all, and a failure said in Chinese.
 *
 * The bytes go to a temporary file beside the target, which is then renamed over it: a merge stopped
 * half-way (the window closed, the disk full) leaves the previous workbook as it was, never a
 * half-written one. The commonest failure at a bureau is the previous 汇总表 still open in Excel or
 * WPS (on Windows that is EBUSY or EPERM): the message says to close it.
 */
import { lstatSync, mkdirSync, readlinkSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";

/** Why a file could not be written: a stable code and what to tell the clerk. */
export class OutputError extends Error {
  constructor(
    readonly code: OutputErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export type OutputErrorCode = "OUTPUT_IN_USE" | "OUTPUT_IS_FOLDER" | "OUTPUT_FOLDER_INVALID" | "DISK_FULL" | "WRITE_FAILED";

/** Each system error a write can meet (Node's errno codes), as the clerk is told it. */
const BY_ERRNO: Readonly<Record<string, { code: OutputErrorCode; message: (file: string) => string }>> = {
  EBUSY: { code: "OUTPUT_IN_USE", message: (f) => `无法写出 ${f}：文件正被其他程序（如 Excel 或 WPS）打开。请关闭该文件后重试，或用 -o 换一个文件名` },
  EPERM: { code: "OUTPUT_IN_USE", message: (f) => `无法写出 ${f}：文件正被其他程序（如 Excel 或 WPS）打开，或没有写入该位置的权限。请关闭该文件后重试，或用 -o 换一个文件名或文件夹` },
  EACCES: { code: "OUTPUT_IN_USE", message: (f) => `无法写出 ${f}：没有写入该位置的权限，或文件正被其他程序打开。请用 -o 换一个文件夹（如“文档”或桌面）后重试` },
  EROFS: { code: "OUTPUT_IN_USE", message: (f) => `无法写出 ${f}：该位置只读（如光盘或写保护的U盘）。请用 -o 换一个文件夹后重试` },
  EISDIR: { code: "OUTPUT_IS_FOLDER", message: (f) => `无法写出 ${f}：这是一个文件夹。请在 -o 后写文件名，例如 -o ${join(f, "汇总表.xlsx")}` },
  ENOTDIR: { code: "OUTPUT_FOLDER_INVALID", message: (f) => `无法写出 ${f}：路径中的“${dirname(f)}”不是文件夹。请检查 -o 后的路径` },
  ENOENT: { code: "OUTPUT_FOLDER_INVALID", message: (f) => `无法写出 ${f}：找不到或无法创建所在的文件夹。请检查 -o 后的路径` },
  ENAMETOOLONG: { code: "OUTPUT_FOLDER_INVALID", message: (f) => `无法写出 ${f}：路径太长。请换一个短一些的文件名或文件夹` },
  ENOSPC: { code: "DISK_FULL", message: (f) => `无法写出 ${f}：磁盘空间不足。请清理磁盘或用 -o 换到另一个磁盘后重试` },
  EDQUOT: { code: "DISK_FULL", message: (f) => `无法写出 ${f}：磁盘配额已用完。请清理文件或用 -o 换到另一个磁盘后重试` },
};

/** The OutputError of a failed write to `file`. */
export function outputError(file: string, e: unknown): OutputError {
  const errno = (e as NodeJS.ErrnoException | null)?.code;
  const known = errno ? BY_ERRNO[errno] : undefined;
  if (known) return new OutputError(known.code, known.message(file));
  // Beyond those, the system's own code says more to whoever helps the clerk.
  return new OutputError("WRITE_FAILED", `无法写出 ${file}（系统错误 ${errno ?? "未知"}）。请用 -o 换一个文件夹后重试`);
}

/** Where a link that points to nothing yet points; the path itself when it is no link. */
function linkedPath(file: string): string {
  return lstatSync(file, { throwIfNoEntry: false })?.isSymbolicLink() ? resolve(dirname(file), readlinkSync(file)) : file;
}

/**
 * Write `bytes` to `file`, creating its folder: whole, or not at all.
 * @throws OutputError when the file cannot be written (the target is then as it was).
 */
export function writeOut(file: string, bytes: Uint8Array): void {
  let temp: string | null = null;
  try {
    const existing = statSync(file, { throwIfNoEntry: false });
    // A folder named as the file: said as such before anything is written (Windows would say EPERM).
    if (existing?.isDirectory()) throw Object.assign(new Error("EISDIR"), { code: "EISDIR" });
    // A device or a pipe (-o /dev/stdout) is written to, never replaced.
    if (existing && !existing.isFile()) return writeFileSync(file, bytes);
    // Through a link, the file it points to is the one replaced (or made); the link stays.
    const target = existing ? realpathSync(file) : linkedPath(file);
    mkdirSync(dirname(target), { recursive: true });
    temp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
    writeFileSync(temp, bytes);
    renameSync(temp, target);
  } catch (e) {
    try {
      if (temp) rmSync(temp, { force: true });
    } catch {
      // The write's own failure is what the clerk needs to hear.
    }
    throw outputError(file, e);
  }
}
