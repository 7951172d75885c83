/**
 * `huizong codes [--roster 名单.xlsx] -o 登录码.xlsx`: issue a fresh sign-in code
 * for every unit of the roster (or those given with --unit) in the storage the
 * environment names (HUIZONG_STORAGE, HUIZONG_DATA_DIR / HUIZONG_BUCKET,
 * HUIZONG_JWT_SECRET or HUIZONG_JWT_SECRET_ARN, as the service), and write them
 * as a list for printing. Every unit's previous code and sessions stop working.
 * With --roster the 名单 workbook (or CSV) is checked and stored first: the
 * first run of a new installation, before anyone can sign in to upload it.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { COMMANDS } from "./main";
import { writeOut } from "./output";

COMMANDS.codes = async (args, io) => {
  const { values } = parseArgs({ args, options: { output: { type: "string", short: "o" }, unit: { type: "string", multiple: true }, roster: { type: "string" } } });
  if (!values.output) {
    io.err("请用 -o 指定输出文件，例如：huizong codes -o 登录码.xlsx");
    return 2;
  }
  const [{ secretFromEnv }, { deriveKeys }, { createStoreFromEnv }, { loadRoster, rosterFromFile, saveRoster }, { issueCode }, { codesWorkbook }, { timeConfig }] = await Promise.all([
    import("../functions/auth/secret"),
    import("../functions/auth/tokens"),
    import("../functions/storage/index"),
    import("../functions/service/roster"),
    import("../functions/service/signin"),
    import("../functions/service/sheets"),
    import("../functions/config"),
  ]);
  const secret = await secretFromEnv(process.env);
  if (!secret) {
    io.err("没有签名密钥：请设置 HUIZONG_JWT_SECRET（或 HUIZONG_JWT_SECRET_ARN），与服务使用的相同 (NO_SECRET)。");
    return 2;
  }
  const keys = deriveKeys(secret);
  const store = createStoreFromEnv(process.env);
  if (values.roster) {
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(values.roster);
    } catch {
      io.err(`找不到名单文件：${values.roster} (FILE_NOT_FOUND)。`);
      return 2;
    }
    const sent = rosterFromFile(bytes, /\.(csv|txt)$/i.test(values.roster) ? "csv" : "xlsx");
    if (!sent.ok) {
      io.err(`名单有 ${sent.problems.length} 处问题，没有保存 (ROSTER_INVALID)：`);
      for (const p of sent.problems) io.err(`  ${p}`);
      return 2;
    }
    await saveRoster(store, sent.roster, "cli", new Date());
    io.out(`已保存报送单位名单：共 ${sent.roster.units.length} 个单位。`);
  }
  const roster = await loadRoster(store);
  const wanted = values.unit?.length ? roster.units.filter((u) => values.unit!.includes(u.code)) : roster.units;
  if (wanted.length === 0) {
    io.err("报送单位名单为空或没有指定的单位，没有签发登录码 (ROSTER_EMPTY)。");
    return 2;
  }
  const now = new Date();
  const codes: Array<{ unit: string; name: string; code: string }> = [];
  for (const u of wanted) codes.push({ unit: u.code, name: u.name, code: await issueCode(store, keys, u.code, "cli", now) });
  writeOut(values.output, await codesWorkbook(codes, roster, now, timeConfig(process.env).timeZone));
  io.out(`已为 ${codes.length} 个单位签发登录码，写入 ${values.output}。原登录码已作废。`);
  return 0;
};
