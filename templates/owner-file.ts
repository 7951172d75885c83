/**
 * The owner files Excel and WPS keep beside an open workbook ("~$青阳镇.xlsx": a few hundred bytes
 * naming who has it open; for a long name "~$" replaces its first two letters). They sit next to a
 * town's report in its folder, so a clerk picks one by mistake and a `*.xlsx` pattern matches them.
 * Known by name, in the command line and the web page alike.
 */

/** True for the name of an Excel or WPS owner file. */
export const isOwnerFile = (name: string): boolean => name.startsWith("~$");

/** The stable code, and what such a file is, said after its name ("文件“~$青阳镇.xlsx”" or "这"). */
export const OWNER_FILE = {
  code: "OFFICE_LOCK_FILE",
  is: "是 Excel 或 WPS 打开工作簿时在旁边生成的临时文件（文件名以 ~$ 开头），不是报表",
} as const;
