import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import "../cli/merge";
import "../cli/targets";
import { runCli } from "../cli/main";
import { startServer } from "../functions/local/server";
import { buildTemplate } from "../templates/build";
import { inspectWorkbook } from "../templates/inspect";
import { demoUnits, sampleFill } from "../templates/samples";
import { readXlsxGrid } from "../templates/xlsx/index";
import { parseRosterGrid } from "../templates/merge/roster";
import { Workbook } from "../templates/xlsx/writer/workbook";
import { buildRosterWorkbook } from "../templates/merge/workbook";

const dir = mkdtempSync(join(tmpdir(), "hz-cli-merge-"));
const units = demoUnits(4);
const files: string[] = [];

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

beforeAll(async () => {
  for (const [i, u] of units.slice(0, 3).entries()) {
    const file = join(dir, `${u.name}.xlsx`);
    writeFileSync(file, await buildTemplate({ fill: sampleFill(u, "2025-Y", 10 + i) }));
    files.push(file);
  }
  // A report with an error (text where a number belongs), one of another period, one that is not a workbook.
  const bad = sampleFill(units[3]!, "2025-Y", 40);
  bad.values!.D05 = { ...bad.values!.D05, current: "约90" };
  writeFileSync(join(dir, "bad.xlsx"), await buildTemplate({ fill: bad }));
  writeFileSync(join(dir, "h1.xlsx"), await buildTemplate({ fill: sampleFill(units[3]!, "2025-H1", 41) }));
  writeFileSync(join(dir, "notes.csv"), "a,b\n1,2\n");
  writeFileSync(join(dir, "roster.csv"), `名称,区划代码,上级代码\n${units.map((u) => `${u.name},${u.code},330102000000`).join("\n")}\n`);
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("huizong merge", () => {
  it("merges the good reports, lists the rejected ones, writes the workbook and prints JSON", async () => {
    const out = join(dir, "city.xlsx");
    const r = await run(["merge", ...files, join(dir, "bad.xlsx"), join(dir, "h1.xlsx"), join(dir, "notes.csv"), join(dir, "missing.xlsx"), "--roster", join(dir, "roster.csv"), "--period", "2025-Y", "--unit", "示范区", "-o", out, "--json"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    // Hand-summed from the three sample fills.
    const fills = units.slice(0, 3).map((u, i) => sampleFill(u, "2025-Y", 10 + i));
    const sum = (code: string, col: "current" | "prior" | "target") => Math.round(fills.reduce((a, f) => a + (f.values![code]![col] as number) * 10000, 0)) / 10000;
    expect(json.totals.D01).toEqual({
      current: sum("D01", "current"),
      prior: sum("D01", "prior"),
      target: sum("D01", "target"),
      delta: sum("D01", "current") - sum("D01", "prior"),
      growth: (sum("D01", "current") - sum("D01", "prior")) / sum("D01", "prior"),
      growthLabel: null,
      change: null,
      completion: sum("D01", "current") / sum("D01", "target"),
      units: { current: 3, prior: 3, target: 3 },
    });
    expect(json.totals.A03.current).toBe(sum("A01", "current") / sum("A02", "current"));
    expect(json.totals.A03.change).toBeCloseTo((sum("A01", "current") / sum("A02", "current") - sum("A01", "prior") / sum("A02", "prior")) * 100, 10);
    expect(json.totals.A03.growth).toBeNull();
    expect(json.units.map((u: { name: string; status: string }) => [u.name, u.status])).toEqual([
      ["青阳镇", "submitted"],
      ["清河街道", "submitted"],
      ["南山镇", "submitted"],
      ["东湖街道", "missing"],
    ]);
    expect(json.missing).toEqual([{ name: "东湖街道", code: units[3]!.code }]);
    expect(json.rejected.map((x: { file: string; code: string }) => [x.file.replace(dir, ""), x.code])).toEqual([
      ["/bad.xlsx", "HAS_ERRORS"],
      ["/h1.xlsx", "PERIOD_MISMATCH"],
      ["/notes.csv", "NOT_XLSX_CSV"],
      ["/missing.xlsx", "FILE_NOT_FOUND"],
    ]);
    expect(json.rejected[0].message).toMatch(/^检查发现1个错误，未汇总。第一个：指标!E\d+ /);
    const back = inspectWorkbook(new Uint8Array(readFileSync(out)));
    expect(back.ok && back.record?.values.D01?.current).toBe(sum("D01", "current"));
  });

  it("refuses an oversized file unread and an empty file, and reads the files after them whole", async () => {
    // Each file is read into one reused buffer: a small file after a large one must not see the large one's tail.
    const big = join(dir, "big.xlsx");
    writeFileSync(big, new Uint8Array(5 * 1024 * 1024 + 1));
    const empty = join(dir, "empty.xlsx");
    writeFileSync(empty, new Uint8Array(0));
    const tiny = join(dir, "tiny.csv");
    writeFileSync(tiny, "x,y\n");
    const r = await run(["merge", big, files[0]!, empty, tiny, files[1]!, "--period", "2025-Y", "-o", join(dir, "sizes.xlsx"), "--json"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.rejected.map((x: { file: string; code: string; message: string }) => [x.file.replace(dir, ""), x.code, x.message])).toEqual([
      ["/big.xlsx", "FILE_TOO_LARGE", expect.stringContaining("5.0 MB，上限 5.0 MB")],
      ["/empty.xlsx", "EMPTY_FILE", expect.any(String)],
      ["/tiny.csv", "NOT_XLSX_CSV", expect.any(String)],
    ]);
    expect(json.units.map((u: { name: string; status: string }) => [u.name, u.status])).toEqual([
      ["青阳镇", "submitted"],
      ["清河街道", "submitted"],
    ]);
  });

  it("prints a Chinese summary and where the workbook is", async () => {
    const out = join(dir, "city2.xlsx");
    const r = await run(["merge", ...files, join(dir, "bad.xlsx"), "--roster", join(dir, "roster.csv"), "-o", out]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("已汇总 3 个单位（应报 4 个，缺报 1 个）");
    expect(r.out).toContain("缺报单位（未计为0）：东湖街道");
    expect(r.out).toContain(`未汇总的文件 1 个：`);
    expect(r.out).toContain(`已写出汇总表：${out}`);
    expect(existsSync(out)).toBe(true);
  });

  it.each([
    [["merge", "-o", "x.xlsx"], 2, "用法：huizong merge"],
    [["merge", "a.xlsx"], 2, "用法：huizong merge"],
    [["merge", "a.xlsx", "-o", "x.xlsx", "--period", "2025-X"], 2, "(BAD_PERIOD)"],
    [["merge", "a.xlsx", "-o", "x.xlsx", "--code", "3301"], 2, "(BAD_CODE)"],
  ])("usage errors: %j", async (args, code, text) => {
    const r = await run(args);
    expect(r.code).toBe(code);
    expect(r.err).toContain(text);
  });

  it("--draft writes the drafted summary beside the workbook and says where", async () => {
    const out = join(dir, "draft-city.xlsx");
    const draft = join(dir, "汇总材料.docx");
    const r = await run(["merge", ...files, "--roster", join(dir, "roster.csv"), "--period", "2025-Y", "--unit", "示范区", "-o", out, "--draft", draft]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`已写出汇总材料初稿：${draft}`);
    const xml = new TextDecoder().decode(unzipSync(new Uint8Array(readFileSync(draft)))["word/document.xml"]!);
    expect(xml).toContain("示范区2025年全年");
    expect(xml).toContain(`全区应报4个单位，已报3个；${units[3]!.name}未报送，以下数据未含该单位。`);
    const json = JSON.parse((await run(["merge", ...files, "--period", "2025-Y", "-o", out, "--draft", draft, "--json"])).out);
    expect(json.draft).toBe(draft);
  });

  it("a bad roster is a usage error naming the row", async () => {
    writeFileSync(join(dir, "bad-roster.csv"), "名称,区划代码\n青阳镇,123\n");
    const r = await run(["merge", ...files, "--roster", join(dir, "bad-roster.csv"), "-o", join(dir, "x.xlsx")]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("名单第2行“青阳镇”的区划代码“123”应为12位数字。 (ROSTER_INVALID)");
  });

  it("of two reports of one town, the later 填报日期 counts, not the later file time (touch)", async () => {
    const old = sampleFill(units[0]!, "2025-Y", 10);
    const fixed = sampleFill(units[0]!, "2025-Y", 10);
    fixed.cover!.date = new Date(Date.UTC(2025, 11, 28));
    fixed.values!.D05 = { ...fixed.values!.D05, current: (fixed.values!.D05!.current as number) + 1 };
    writeFileSync(join(dir, "更正.xlsx"), await buildTemplate({ fill: fixed }));
    writeFileSync(join(dir, "原报.xlsx"), await buildTemplate({ fill: old }));
    // The old report is touched after the correction: its modified time is now the later one.
    utimesSync(join(dir, "更正.xlsx"), new Date("2025-12-28T08:00:00Z"), new Date("2025-12-28T08:00:00Z"));
    utimesSync(join(dir, "原报.xlsx"), new Date("2026-01-05T08:00:00Z"), new Date("2026-01-05T08:00:00Z"));
    const r = await run(["merge", join(dir, "原报.xlsx"), join(dir, "更正.xlsx"), "-o", join(dir, "dup.xlsx"), "--json"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.totals.D05.current).toBe(fixed.values!.D05!.current);
    expect(json.units[0]).toMatchObject({ source: join(dir, "更正.xlsx"), date: "2025-12-28", submittedAt: null, superseded: [{ source: join(dir, "原报.xlsx"), version: 1 }] });
  });

  it("inputs of two periods without --period: exit 1, the periods listed, nothing written", async () => {
    const r = await run(["merge", files[0]!, join(dir, "h1.xlsx"), "-o", join(dir, "mixed.xlsx")]);
    expect(r.code).toBe(1);
    expect(r.err).toBe("报表的报告期不一致，无法确定汇总哪一期：2025年上半年1份（h1.xlsx）；2025年全年1份（青阳镇.xlsx）。请用 --period 指定要汇总的期间（其他期间的报表将列为未汇总），或只选同一期间的报表。 (PERIOD_DISAGREE)");
    expect(existsSync(join(dir, "mixed.xlsx"))).toBe(false);
  });

  describe("files that are not reports are set aside and said, not read", () => {
    const LOCK = "这是 Excel 或 WPS 打开工作簿时在旁边生成的临时文件（文件名以 ~$ 开头），不是报表";
    const ITSELF = "这是本次要写出的汇总表（上次汇总的结果），不作为报表汇总";
    /** The three towns' files in a folder of their own, as a clerk keeps them. */
    function folder(name: string): string[] {
      const d = join(dir, name);
      mkdirSync(d);
      return files.map((f, i) => {
        const copy = join(d, `${i}.xlsx`);
        copyFileSync(f, copy);
        return copy;
      });
    }

    it("run again over 乡镇/*.xlsx -o 乡镇/汇总表.xlsx: the last run's workbook is not taken as a county's report", async () => {
      const towns = folder("again");
      const out = join(dir, "again", "汇总表.xlsx");
      const first = JSON.parse((await run(["merge", ...towns, "-o", out, "--json"])).out);
      // The pattern now matches the workbook too (sorted as the shell sorts it: after the digits).
      const r = await run(["merge", ...towns, out, "-o", out, "--json"]);
      expect(r.code).toBe(0);
      const second = JSON.parse(r.out);
      expect(second.setAside).toEqual([{ file: out, code: "OUTPUT_ITSELF", message: ITSELF }]);
      expect([second.counts.submitted, second.rejected, second.totals]).toEqual([3, [], first.totals]);
      expect(first.setAside).toBeUndefined();
    });

    it("the workbook named another way (…/../汇总表.xlsx) is still the workbook", async () => {
      const towns = folder("again2");
      const out = join(dir, "again2", "汇总表.xlsx");
      await run(["merge", ...towns, "-o", out]);
      const other = join(dir, "again2", "..", "again2", "汇总表.xlsx");
      const r = await run(["merge", ...towns, other, "-o", out]);
      expect(r.code).toBe(0);
      expect(r.out).toContain(`已跳过的文件 1 个（不是报表）：\n  ${other}: ${ITSELF} (OUTPUT_ITSELF)\n已写出汇总表：${out}`);
    });

    it("a folder names the reports in it; run again into the same folder, the workbook is set aside", async () => {
      folder("whole");
      const towns = join(dir, "whole");
      const out = join(towns, "汇总表.xlsx");
      const first = JSON.parse((await run(["merge", towns, "-o", out, "--json"])).out);
      expect([first.counts.submitted, first.rejected, first.setAside]).toEqual([3, [], undefined]);
      const second = JSON.parse((await run(["merge", towns, "-o", out, "--json"])).out);
      expect([second.counts.submitted, second.rejected, second.setAside, second.totals]).toEqual([3, [], [{ file: out, code: "OUTPUT_ITSELF", message: ITSELF }], first.totals]);
    });

    it("a pattern as Windows' shells pass it, unexpanded, is expanded", async () => {
      folder("pattern");
      const r = await run(["merge", join(dir, "pattern", "*.xlsx"), "-o", join(dir, "pattern-city.xlsx"), "--json"]);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.out).units.map((u: { source: string }) => u.source)).toEqual([0, 1, 2].map((i) => join(dir, "pattern", `${i}.xlsx`)));
    });

    it("Excel's ~$ owner file beside an open report: set aside, neither read nor listed as refused", async () => {
      const towns = folder("open");
      const lock = join(dir, "open", "~$1.xlsx");
      // Excel's owner file: the length of the user's name, the name, padding: 165 bytes, no workbook.
      writeFileSync(lock, Buffer.concat([Buffer.from([8]), Buffer.from("zhangsan".padEnd(164, " "))]));
      const out = join(dir, "open-city.xlsx");
      const r = await run(["merge", ...towns, lock, "-o", out, "--json"]);
      expect(r.code).toBe(0);
      const json = JSON.parse(r.out);
      expect([json.counts.submitted, json.rejected, json.setAside]).toEqual([3, [], [{ file: lock, code: "OFFICE_LOCK_FILE", message: LOCK }]]);
      // 报送情况 lists the reports read and refused; the owner file is neither.
      const grid = readXlsxGrid(new Uint8Array(readFileSync(out)));
      if (!grid.ok) throw new Error(grid.code);
      const status = grid.grid.sheets.find((x) => x.name === "报送情况")!;
      expect(Object.values(status.cells).some((cell) => String(cell.value).includes("~$"))).toBe(false);
    });

    it("huizong's own roster and target table kept beside the reports: set aside, saying what to do with them", async () => {
      const towns = folder("period");
      const roster = join(dir, "period", "报送单位名单.xlsx");
      const targets = join(dir, "period", "目标任务分解表.xlsx");
      writeFileSync(roster, await buildRosterWorkbook(units.map((u) => ({ name: u.name, code: u.code, parent: "330102000000" }))));
      expect((await run(["targets", "-o", targets, "--year", "2025"])).code).toBe(0);
      const other = join(dir, "period", "别的表.xlsx");
      const plain = new Workbook();
      plain.addWorksheet("Sheet1").getCell("A1").value = "别的表";
      writeFileSync(other, plain.finish());
      const r = await run(["merge", join(dir, "period"), "-o", join(dir, "period-city.xlsx"), "--json"]);
      expect(r.code).toBe(0);
      const json = JSON.parse(r.out);
      expect([json.counts.submitted, towns.length]).toEqual([3, 3]);
      expect(json.setAside).toEqual([
        { file: roster, code: "ROSTER_FILE", message: `这是报送单位名单，不是报表。如要按名单汇总，请加 --roster ${roster}` },
        { file: targets, code: "TARGETS_FILE", message: `这是目标任务分解表，不是报表。如要计算目标完成率，请加 --targets ${targets}` },
      ]);
      // A workbook that is neither the template nor one of these is still refused as not the template.
      expect(json.rejected.map((x: { file: string; code: string }) => [x.file, x.code])).toEqual([[other, "NOT_TEMPLATE"]]);
      const used = JSON.parse((await run(["merge", join(dir, "period"), "--roster", roster, "-o", join(dir, "period-city.xlsx"), "--json"])).out);
      expect(used.setAside[0]).toEqual({ file: roster, code: "ROSTER_FILE", message: "这是本次使用的报送单位名单（--roster），不是报表" });
    });

    it("nothing but set-aside files: nothing to merge, exit 1, and why each was set aside", async () => {
      const lock = join(dir, "~$only.xlsx");
      writeFileSync(lock, "x");
      const r = await run(["merge", lock, "-o", join(dir, "only.xlsx")]);
      expect([r.code, r.out]).toEqual([1, ""]);
      expect(r.err).toBe(`没有可汇总的报表，未生成汇总表。请指定要汇总的报表文件。 (NOTHING_TO_MERGE)\n已跳过的文件 1 个（不是报表）：\n  ${lock}: ${LOCK} (OFFICE_LOCK_FILE)`);
      expect(existsSync(join(dir, "only.xlsx"))).toBe(false);
    });
  });

  it("nothing to merge and no period: exit 1, nothing written", async () => {
    const r = await run(["merge", join(dir, "bad.xlsx"), "-o", join(dir, "none.xlsx")]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("没有可汇总的报表：1份报表都未能汇总（bad.xlsx：检查发现1个错误，未汇总。");
    expect(r.err).toContain("(NOTHING_TO_MERGE)");
    expect(existsSync(join(dir, "none.xlsx"))).toBe(false);
  });
});

describe("huizong roster and demo", () => {
  it("writes a blank roster that reads back as empty", async () => {
    const file = join(dir, "名单.xlsx");
    const r = await run(["roster", "-o", file]);
    expect(r.code).toBe(0);
    const g = readXlsxGrid(new Uint8Array(readFileSync(file)));
    if (!g.ok) throw new Error(g.code);
    expect(g.grid.sheets[0]!.cells.A1!.value).toBe("名称");
    expect(g.grid.sheets[0]!.cells.B1!.value).toBe("区划代码");
    expect(g.grid.sheets[0]!.cells.C1!.value).toBe("上级代码");
    expect(parseRosterGrid(g.grid)).toMatchObject({ ok: false, code: "ROSTER_EMPTY" });
  });

  it("demo: sample towns, a roster and the consolidation, with paths in Chinese", async () => {
    const out = join(dir, "demo");
    const r = await run(["demo", "-o", out]);
    expect(r.code).toBe(0);
    const year = new Date().getFullYear();
    expect(r.out).toContain(`乡镇报表 5 份：${join(out, "乡镇报表")}`);
    expect(r.out).toContain(`  报告期：${year}年全年；本机服务（npm start）演示开通的也是这一期，可用这些乡镇报表在网页中试检查、试上传\n`);
    expect(r.out).toContain("已汇总 5 个单位（应报 6 个，缺报 1 个）");
    expect(r.out).toContain(`请用 Excel 或 WPS 打开汇总表：${join(out, "示例区汇总表.xlsx")}`);
    const back = inspectWorkbook(new Uint8Array(readFileSync(join(out, "示例区汇总表.xlsx"))));
    if (!back.ok) throw new Error(back.code);
    expect(back.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(back.record!.unit).toEqual({ name: "示例区", code: "330102000000", type: "县（市、区）" });
    expect(back.record!.period.id).toBe(`${year}-Y`);
    const roster = readXlsxGrid(new Uint8Array(readFileSync(join(out, "报送单位名单.xlsx"))));
    if (!roster.ok) throw new Error(roster.code);
    expect(parseRosterGrid(roster.grid)).toMatchObject({ ok: true, units: { length: 6 } });

    // The local server's own demo (no period given) takes the demo's town report as it is.
    const server = await startServer({ port: 0, dataDir: join(dir, "demo-server"), secret: "cli-demo-secret-0123456789abcdef", demo: true, logLevel: "SILENT" });
    try {
      const town = server.tokens.find((t) => t.code === "330102001000")!;
      const res = await fetch(`${server.url}/api/periods/${year}-Y/units/330102001000/reports`, {
        method: "POST",
        headers: { authorization: `Bearer ${town.token}`, "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
        body: readFileSync(join(out, "乡镇报表", "青阳镇.xlsx")),
      });
      expect([res.status, ((await res.json()) as { state: string }).state]).toEqual([201, "submitted"]);
    } finally {
      await server.close();
    }
  }, 60_000);

  it("demo --period: the period given, and no word of the server's demo", async () => {
    const out = join(dir, "demo-h1");
    const r = await run(["demo", "-o", out, "--period", "2025年上半年"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("  报告期：2025年上半年\n");
    const back = inspectWorkbook(new Uint8Array(readFileSync(join(out, "示例区汇总表.xlsx"))));
    if (!back.ok) throw new Error(back.code);
    expect(back.record!.period.id).toBe("2025-H1");
    expect(await run(["demo", "-o", out, "--period", "2025年13月"])).toMatchObject({ code: 2, err: "期间“2025年13月”无法识别 (BAD_PERIOD)。请写成 2025-Y、2025-H1、2025-Q3、2025-M10 或 2025年1—10月。" });
  }, 60_000);
});

describe("huizong merge reads in parallel worker threads (the built CLI)", () => {
  it("gives the same consolidation and rejections with --jobs 2 as inline", async () => {
    const { spawnSync } = await import("node:child_process");
    const inputs = [...files, join(dir, "bad.xlsx"), join(dir, "notes.csv"), join(dir, "missing.xlsx")];
    const cli = (jobs: string) => {
      const r = spawnSync(process.execPath, ["bin/huizong.js", "merge", ...inputs, "--period", "2025-Y", "--jobs", jobs, "-o", join(dir, `jobs${jobs}.xlsx`), "--json"], { encoding: "utf8", timeout: 60_000 });
      expect(r.stderr).toBe("");
      expect(r.status).toBe(0);
      const json = JSON.parse(r.stdout);
      delete json.output;
      return json;
    };
    const inline = cli("1");
    const parallel = cli("2");
    expect(parallel).toEqual(inline);
    expect(parallel.rejected.map((r: { code: string }) => r.code)).toEqual(["HAS_ERRORS", "NOT_XLSX_CSV", "FILE_NOT_FOUND"]);
    expect(parallel.totals.D01.current).toBe(inline.totals.D01.current);
    expect(parallel.units.filter((u: { status: string }) => u.status !== "missing")).toHaveLength(3);
  });

  it("runs a merge of more than 500 files in a worker thread: the same answer and workbook as in this process", async () => {
    const { spawnSync } = await import("node:child_process");
    // 170 copies of each report (the later copies supersede the earlier; a file named twice is read once), and three files it refuses: 513 files.
    mkdirSync(join(dir, "copies"));
    const copies = Array.from({ length: 170 }, (_, k) =>
      files.map((f, i) => {
        const copy = join(dir, "copies", `${k}-${i}.xlsx`);
        copyFileSync(f, copy);
        return copy;
      }),
    ).flat();
    const inputs = [...copies, join(dir, "bad.xlsx"), join(dir, "notes.csv"), join(dir, "missing.xlsx")];
    const args = (out: string) => ["merge", ...inputs, "--period", "2025-Y", "-o", out, "--json"];
    const r = spawnSync(process.execPath, ["bin/huizong.js", ...args(join(dir, "worker.xlsx"))], { encoding: "utf8", timeout: 60_000 });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const here = await run(args(join(dir, "here.xlsx")));
    expect(here.code).toBe(0);
    const [viaWorker, inProcess] = [JSON.parse(r.stdout), JSON.parse(here.out)];
    delete viaWorker.output;
    delete inProcess.output;
    expect(viaWorker).toEqual(inProcess);
    expect(viaWorker.counts).toMatchObject({ submitted: 3, superseded: 507 });
    expect(viaWorker.rejected.map((x: { code: string }) => x.code)).toEqual(["HAS_ERRORS", "NOT_XLSX_CSV", "FILE_NOT_FOUND"]);
    expect(readFileSync(join(dir, "worker.xlsx")).equals(readFileSync(join(dir, "here.xlsx")))).toBe(true);
  }, 60_000);
});
