/**
 * The command line as clerks' IT staff use it: the built bin/huizong.js in a
 * child process, exit codes and output asserted.
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { goodWorkbook, setCells, valueEdit } from "./support/workbooks";

const dir = mkdtempSync(join(tmpdir(), "huizong-cli-"));
function huizong(...args: string[]) {
  const r = spawnSync(process.execPath, ["bin/huizong.js", ...args], { encoding: "utf8", timeout: 30_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

let good: string;
let bad: string;
beforeAll(async () => {
  good = join(dir, "good.xlsx");
  bad = join(dir, "bad.xlsx");
  writeFileSync(good, await goodWorkbook());
  writeFileSync(bad, await setCells(await goodWorkbook(), [valueEdit("D01", "current", "约200"), valueEdit("D07", "current", 300), valueEdit("D07", "prior", 60)]));
});

describe("huizong CLI", () => {
  it("template -o writes a blank template that reads as the template", () => {
    const out = join(dir, "blank.xlsx");
    const r = huizong("template", "-o", out);
    expect(r.code).toBe(0);
    expect(r.out).toContain("已写出空白模板");
    const check = huizong("check", out, "--json");
    expect(check.code).toBe(1);
    expect(JSON.parse(check.out).submission.templateVersion).toBe("2026.2");
  });

  it("catalog --json prints id, version and every indicator with its relations", () => {
    const r = huizong("catalog", "--json");
    expect(r.code).toBe(0);
    const cat = JSON.parse(r.out);
    expect(cat.id).toBe("HZ-KJ-01");
    expect(cat.version).toBe("2026.2");
    expect(cat.indicators).toHaveLength(50);
    expect(cat.indicators.find((i: { code: string }) => i.code === "D01")).toMatchObject({ name: "专利申请", unit: "件", kind: "count", components: ["D02", "D03", "D04"], partOf: null });
    expect(cat.indicators.find((i: { code: string }) => i.code === "D06")).toMatchObject({ partOf: "D05" });
    expect(cat.indicators.find((i: { code: string }) => i.code === "A09")).toMatchObject({ kind: "ratio", numerator: "A07", denominator: "A08" });
  });

  it("check exits 0 on a clean report and says it can be uploaded", () => {
    const r = huizong("check", good, "--period", "2025年全年");
    expect(r.code).toBe(0);
    expect(r.out).toContain("0 个错误，0 个警告");
    expect(r.out).toContain("检查通过");
  });

  it("check exits 1 with findings, human-readable and as JSON", () => {
    const text = huizong("check", bad);
    expect(text.code).toBe(1);
    expect(text.out).toContain("1 个错误，1 个警告");
    expect(text.out).toContain("错误 指标!E37 [NUMBER_APPROXIMATE]");
    expect(text.out).toContain("警告 指标!E43 [GROWTH_IMPLAUSIBLE]");
    const json = huizong("check", bad, "--json");
    expect(json.code).toBe(1);
    const parsed = JSON.parse(json.out);
    expect(parsed.findings.map((f: { rule: string; cell: string }) => `${f.rule}@${f.cell}`)).toEqual(["NUMBER_APPROXIMATE@E37", "GROWTH_IMPLAUSIBLE@E43"]);
    expect(parsed.submission.indicators.D01.current).toMatchObject({ sheet: "指标", cell: "E37", raw: "约200", value: null });
  });

  it("check --period flags a report for another period", () => {
    const r = huizong("check", good, "--period", "2025-H1", "--json");
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).findings).toEqual([expect.objectContaining({ rule: "PERIOD_MISMATCH", cell: "C9" })]);
  });

  it.each([
    ["a CSV file", "a.csv", "名称,数量\n青阳镇,12\n", "NOT_XLSX_CSV"],
    ["an empty file", "empty.xlsx", "", "EMPTY_FILE"],
    ["HTML saved as .xls", "report.xls", '<html xmlns:x="urn:schemas-microsoft-com:office:excel"><body><table><tr><td>1</td></tr></table></body></html>', "NOT_XLSX_HTML"],
  ])("check exits 2 on %s with a Chinese message and the code", (_n, name, content, code) => {
    const file = join(dir, name);
    writeFileSync(file, content);
    const r = huizong("check", file);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`(${code})`);
    expect(r.err).not.toMatch(/at .*\.(ts|js|mjs):\d+/);
  });

  it("usage errors exit 2 in Chinese without a stack trace", () => {
    expect(huizong("check").code).toBe(2);
    const missing = huizong("check", join(dir, "nope.xlsx"));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("找不到文件");
    const badPeriod = huizong("check", good, "--period", "明年");
    expect(badPeriod.code).toBe(2);
    expect(badPeriod.err).toContain("BAD_PERIOD");
    const unknown = huizong("frobnicate");
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain("未知命令");
  });

  it("a reader slow to read gets every byte of a long answer before the command exits", async () => {
    // 2,000 missing files: nothing to merge, and a JSON answer of ~300 KB listing each of them, far more
    // than a pipe holds (64 KB). The exit waits for stdout to drain; exiting at once cut it at 65,536 bytes.
    const files = Array.from({ length: 2000 }, (_, i) => join(dir, `缺报${i}.xlsx`));
    const child = spawn(process.execPath, ["bin/huizong.js", "merge", ...files, "-o", join(dir, "none.xlsx"), "--json"], { stdio: ["ignore", "pipe", "pipe"] });
    const closed = new Promise<number | null>((done) => child.on("close", done));
    const chunks: Buffer[] = [];
    child.stdout.on("data", (c: Buffer) => chunks.push(c));
    child.stdout.pause();
    await new Promise((r) => setTimeout(r, 1000));
    child.stdout.resume();
    expect(await closed).toBe(1);
    const text = Buffer.concat(chunks).toString("utf8");
    expect(text.length).toBeGreaterThan(200_000);
    const answer = JSON.parse(text) as { error: { code: string }; rejected: { file: string; code: string }[] };
    expect(answer.error.code).toBe("NOTHING_TO_MERGE");
    expect(answer.rejected).toHaveLength(2000);
    expect(answer.rejected[1999]).toMatchObject({ file: files[1999], code: "FILE_NOT_FOUND" });
  });
});
