/**
 * `huizong codes -o 登录码.xlsx`: issue a fresh sign-in code for every unit
 * of the roster (or those given with --unit) in the storage the environment
 * names (HUIZONG_STORAGE, HUIZONG_DATA_DIR / HUIZONG_BUCKET, HUIZONG_JWT_SECRET
 * or HUIZONG_JWT_SECRET_ARN, as the service), and write them as a list for
 * printing. Every unit's previous code and sessions stop working.
 */
import { parseArgs } from "node:util";
import { COMMANDS, writeOut } from "./main";

COMMANDS.codes = async (args, io) => {
  const { values } = parseArgs({ args, options: { output: { type: "string", short: "o" }, unit: { type: "string", multiple: true } } });
  if (!values.output) {
    io.err("请用 -o 指定输出文件，例如：huizong codes -o 登录码.xlsx");
    return 2;
  }
  const [{ secretFromEnv }, { deriveKeys }, { createStoreFromEnv }, { loadRoster }, { issueCode }, { codesWorkbook }, { timeConfig }] = await Promise.all([
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
