/**
 * Reads 目标任务分解表 back with the project's own reader (templates/xlsx) and
 * validates it: every problem at its cell, in Chinese, with a stable English
 * code. A table with any problem is refused whole (a half-read table would
 * give some units a target and silently drop others').
 */
// @ts-nocheck
function stryNS_9fa48() {
  var g = typeof globalThis === 'object' && globalThis && globalThis.Math === Math && globalThis || new Function("return this")();
  var ns = g.__stryker__ || (g.__stryker__ = {});
  if (ns.activeMutant === undefined && g.process && g.process.env && g.process.env.__STRYKER_ACTIVE_MUTANT__) {
    ns.activeMutant = g.process.env.__STRYKER_ACTIVE_MUTANT__;
  }
  function retrieveNS() {
    return ns;
  }
  stryNS_9fa48 = retrieveNS;
  return retrieveNS();
}
stryNS_9fa48();
function stryCov_9fa48() {
  var ns = stryNS_9fa48();
  var cov = ns.mutantCoverage || (ns.mutantCoverage = {
    static: {},
    perTest: {}
  });
  function cover() {
    var c = cov.static;
    if (ns.currentTestId) {
      c = cov.perTest[ns.currentTestId] = cov.perTest[ns.currentTestId] || {};
    }
    var a = arguments;
    for (var i = 0; i < a.length; i++) {
      c[a[i]] = (c[a[i]] || 0) + 1;
    }
  }
  stryCov_9fa48 = cover;
  cover.apply(null, arguments);
}
function stryMutAct_9fa48(id) {
  var ns = stryNS_9fa48();
  function isActive(id) {
    if (ns.activeMutant === id) {
      if (ns.hitCount !== void 0 && ++ns.hitCount > ns.hitLimit) {
        throw new Error('Stryker: Hit count limit reached (' + ns.hitCount + ')');
      }
      return true;
    }
    return false;
  }
  stryMutAct_9fa48 = isActive;
  return isActive(id);
}
import { indicator } from "../catalog";
import { address, parseAddress, sheetByName, type CellValue, type GridSheet } from "../grid";
import { readXlsxGrid } from "../xlsx/index";
import { CODE_COL, FIRST_UNIT_ROW, FIRST_VALUE_COL, HEADER_ROW, NAME_COL, OWN_ROW, TARGET_SHEET, YEAR_CELL } from "./layout";
import { TARGET_INDICATORS, type TargetRow, type TargetTable } from "./table";
import { ownName } from "./names";
export type TargetProblemCode = "TARGET_YEAR_INVALID" | "TARGET_YEAR_MISMATCH" | "TARGET_INDICATOR_UNKNOWN" | "TARGET_UNIT_CODE_FORMAT" | "TARGET_UNIT_UNKNOWN" | "TARGET_UNIT_DUPLICATE" | "TARGET_NOT_NUMBER" | "TARGET_NEGATIVE";

/** One problem of the table, at its cell. */
export interface TargetProblem {
  code: TargetProblemCode;
  sheet: string;
  cell: string;
  message: string;
}
export type TargetReadResult = {
  ok: true;
  table: TargetTable;
} | {
  ok: false;
  code: "TARGETS_UNREADABLE" | "TARGETS_NOT_TABLE";
  message: string;
  problems: [];
} | {
  ok: false;
  code: "TARGETS_INVALID";
  message: string;
  problems: TargetProblem[];
};
export interface TargetReadOptions {
  /** Codes of the units targets may be assigned to (the roster); without it any 12-digit code is taken. */
  units?: readonly string[];
  /** The year the table is uploaded for; a table of another year is refused. */
  year?: number;
}
const KNOWN = new Set(TARGET_INDICATORS.map(stryMutAct_9fa48("144") ? () => undefined : (stryCov_9fa48("144"), i => i.code)));
function text(v: CellValue | undefined): string {
  if (stryMutAct_9fa48("145")) {
    {}
  } else {
    stryCov_9fa48("145");
    return (stryMutAct_9fa48("148") ? v === null && v === undefined : stryMutAct_9fa48("147") ? false : stryMutAct_9fa48("146") ? true : (stryCov_9fa48("146", "147", "148"), (stryMutAct_9fa48("150") ? v !== null : stryMutAct_9fa48("149") ? false : (stryCov_9fa48("149", "150"), v === null)) || (stryMutAct_9fa48("152") ? v !== undefined : stryMutAct_9fa48("151") ? false : (stryCov_9fa48("151", "152"), v === undefined)))) ? stryMutAct_9fa48("153") ? "Stryker was here!" : (stryCov_9fa48("153"), "") : stryMutAct_9fa48("154") ? String(v).replace(/\u3000/g, " ") : (stryCov_9fa48("154"), String(v).replace(/\u3000/g, stryMutAct_9fa48("155") ? "" : (stryCov_9fa48("155"), " ")).trim());
  }
}

/** Read and validate the table's bytes. */
export function readTargetWorkbook(bytes: Uint8Array, options: TargetReadOptions = {}): TargetReadResult {
  if (stryMutAct_9fa48("156")) {
    {}
  } else {
    stryCov_9fa48("156");
    const grid = readXlsxGrid(bytes);
    if (stryMutAct_9fa48("159") ? false : stryMutAct_9fa48("158") ? true : stryMutAct_9fa48("157") ? grid.ok : (stryCov_9fa48("157", "158", "159"), !grid.ok)) return stryMutAct_9fa48("160") ? {} : (stryCov_9fa48("160"), {
      ok: stryMutAct_9fa48("161") ? true : (stryCov_9fa48("161"), false),
      code: stryMutAct_9fa48("162") ? "" : (stryCov_9fa48("162"), "TARGETS_UNREADABLE"),
      message: stryMutAct_9fa48("163") ? `` : (stryCov_9fa48("163"), `目标任务分解表无法读取：${grid.message}`),
      problems: stryMutAct_9fa48("164") ? ["Stryker was here"] : (stryCov_9fa48("164"), [])
    });
    const ws = sheetByName(grid.grid, TARGET_SHEET);
    if (stryMutAct_9fa48("167") ? !ws && text(ws.cells[`${CODE_COL}${HEADER_ROW}`]?.value) !== "区划代码" : stryMutAct_9fa48("166") ? false : stryMutAct_9fa48("165") ? true : (stryCov_9fa48("165", "166", "167"), (stryMutAct_9fa48("168") ? ws : (stryCov_9fa48("168"), !ws)) || (stryMutAct_9fa48("170") ? text(ws.cells[`${CODE_COL}${HEADER_ROW}`]?.value) === "区划代码" : stryMutAct_9fa48("169") ? false : (stryCov_9fa48("169", "170"), text(stryMutAct_9fa48("171") ? ws.cells[`${CODE_COL}${HEADER_ROW}`].value : (stryCov_9fa48("171"), ws.cells[stryMutAct_9fa48("172") ? `` : (stryCov_9fa48("172"), `${CODE_COL}${HEADER_ROW}`)]?.value)) !== (stryMutAct_9fa48("173") ? "" : (stryCov_9fa48("173"), "区划代码")))))) {
      if (stryMutAct_9fa48("174")) {
        {}
      } else {
        stryCov_9fa48("174");
        return stryMutAct_9fa48("175") ? {} : (stryCov_9fa48("175"), {
          ok: stryMutAct_9fa48("176") ? true : (stryCov_9fa48("176"), false),
          code: stryMutAct_9fa48("177") ? "" : (stryCov_9fa48("177"), "TARGETS_NOT_TABLE"),
          message: stryMutAct_9fa48("178") ? `` : (stryCov_9fa48("178"), `文件中找不到“${TARGET_SHEET}”工作表（第${HEADER_ROW}行表头应为“区划代码、单位名称、各指标”）。请用 huizong targets 或系统下载的空白目标任务分解表填写后上传。`),
          problems: stryMutAct_9fa48("179") ? ["Stryker was here"] : (stryCov_9fa48("179"), [])
        });
      }
    }
    return readSheet(ws, options);
  }
}
function readSheet(ws: GridSheet, options: TargetReadOptions): TargetReadResult {
  if (stryMutAct_9fa48("180")) {
    {}
  } else {
    stryCov_9fa48("180");
    const problems: TargetProblem[] = stryMutAct_9fa48("181") ? ["Stryker was here"] : (stryCov_9fa48("181"), []);
    const problem = stryMutAct_9fa48("182") ? () => undefined : (stryCov_9fa48("182"), (() => {
      const problem = (code: TargetProblemCode, cell: string, message: string) => problems.push(stryMutAct_9fa48("183") ? {} : (stryCov_9fa48("183"), {
        code,
        sheet: ws.name,
        cell,
        message
      }));
      return problem;
    })());
    const at = stryMutAct_9fa48("184") ? () => undefined : (stryCov_9fa48("184"), (() => {
      const at = (cell: string) => stryMutAct_9fa48("185") ? `` : (stryCov_9fa48("185"), `${ws.name}!${cell}`);
      return at;
    })());
    const yearRaw = stryMutAct_9fa48("186") ? ws.cells[YEAR_CELL]?.value && null : (stryCov_9fa48("186"), (stryMutAct_9fa48("187") ? ws.cells[YEAR_CELL].value : (stryCov_9fa48("187"), ws.cells[YEAR_CELL]?.value)) ?? null);
    const year = (stryMutAct_9fa48("190") ? typeof yearRaw !== "number" : stryMutAct_9fa48("189") ? false : stryMutAct_9fa48("188") ? true : (stryCov_9fa48("188", "189", "190"), typeof yearRaw === (stryMutAct_9fa48("191") ? "" : (stryCov_9fa48("191"), "number")))) ? yearRaw : Number(text(yearRaw));
    if (stryMutAct_9fa48("194") ? (!Number.isInteger(year) || year < 2000) && year > 2100 : stryMutAct_9fa48("193") ? false : stryMutAct_9fa48("192") ? true : (stryCov_9fa48("192", "193", "194"), (stryMutAct_9fa48("196") ? !Number.isInteger(year) && year < 2000 : stryMutAct_9fa48("195") ? false : (stryCov_9fa48("195", "196"), (stryMutAct_9fa48("197") ? Number.isInteger(year) : (stryCov_9fa48("197"), !Number.isInteger(year))) || (stryMutAct_9fa48("200") ? year >= 2000 : stryMutAct_9fa48("199") ? year <= 2000 : stryMutAct_9fa48("198") ? false : (stryCov_9fa48("198", "199", "200"), year < 2000)))) || (stryMutAct_9fa48("203") ? year <= 2100 : stryMutAct_9fa48("202") ? year >= 2100 : stryMutAct_9fa48("201") ? false : (stryCov_9fa48("201", "202", "203"), year > 2100)))) {
      if (stryMutAct_9fa48("204")) {
        {}
      } else {
        stryCov_9fa48("204");
        problem(stryMutAct_9fa48("205") ? "" : (stryCov_9fa48("205"), "TARGET_YEAR_INVALID"), YEAR_CELL, stryMutAct_9fa48("206") ? `` : (stryCov_9fa48("206"), `年度（${at(YEAR_CELL)}）为“${stryMutAct_9fa48("209") ? text(yearRaw) && "空" : stryMutAct_9fa48("208") ? false : stryMutAct_9fa48("207") ? true : (stryCov_9fa48("207", "208", "209"), text(yearRaw) || (stryMutAct_9fa48("210") ? "" : (stryCov_9fa48("210"), "空")))}”，请填写4位年份，如 2026。`));
      }
    } else if (stryMutAct_9fa48("213") ? options.year !== undefined || year !== options.year : stryMutAct_9fa48("212") ? false : stryMutAct_9fa48("211") ? true : (stryCov_9fa48("211", "212", "213"), (stryMutAct_9fa48("215") ? options.year === undefined : stryMutAct_9fa48("214") ? true : (stryCov_9fa48("214", "215"), options.year !== undefined)) && (stryMutAct_9fa48("217") ? year === options.year : stryMutAct_9fa48("216") ? true : (stryCov_9fa48("216", "217"), year !== options.year)))) {
      if (stryMutAct_9fa48("218")) {
        {}
      } else {
        stryCov_9fa48("218");
        problem(stryMutAct_9fa48("219") ? "" : (stryCov_9fa48("219"), "TARGET_YEAR_MISMATCH"), YEAR_CELL, stryMutAct_9fa48("220") ? `` : (stryCov_9fa48("220"), `本表的年度（${at(YEAR_CELL)}）为 ${year}，但上传到了 ${options.year} 年。请核对年度，或上传到 ${year} 年。`));
      }
    }

    // Columns: every header from column C on names one indicator by its code.
    const columns: Array<{
      col: number;
      code: string;
    }> = stryMutAct_9fa48("221") ? ["Stryker was here"] : (stryCov_9fa48("221"), []);
    const maxCol = stryMutAct_9fa48("222") ? Math.min(0, ...Object.keys(ws.cells).map(a => parseAddress(a)?.col ?? 0)) : (stryCov_9fa48("222"), Math.max(0, ...Object.keys(ws.cells).map(stryMutAct_9fa48("223") ? () => undefined : (stryCov_9fa48("223"), a => stryMutAct_9fa48("224") ? parseAddress(a)?.col && 0 : (stryCov_9fa48("224"), (stryMutAct_9fa48("225") ? parseAddress(a).col : (stryCov_9fa48("225"), parseAddress(a)?.col)) ?? 0)))));
    for (let col = FIRST_VALUE_COL; stryMutAct_9fa48("228") ? col > maxCol : stryMutAct_9fa48("227") ? col < maxCol : stryMutAct_9fa48("226") ? false : (stryCov_9fa48("226", "227", "228"), col <= maxCol); stryMutAct_9fa48("229") ? col-- : (stryCov_9fa48("229"), col++)) {
      if (stryMutAct_9fa48("230")) {
        {}
      } else {
        stryCov_9fa48("230");
        const cell = address(col, HEADER_ROW);
        const h = text(stryMutAct_9fa48("231") ? ws.cells[cell].value : (stryCov_9fa48("231"), ws.cells[cell]?.value));
        if (stryMutAct_9fa48("234") ? false : stryMutAct_9fa48("233") ? true : stryMutAct_9fa48("232") ? h : (stryCov_9fa48("232", "233", "234"), !h)) continue;
        const code = stryMutAct_9fa48("235") ? /^([A-Z]\d{2})(?:\s|$)/.exec(h)?.[1] && "" : (stryCov_9fa48("235"), (stryMutAct_9fa48("236") ? /^([A-Z]\d{2})(?:\s|$)/.exec(h)[1] : (stryCov_9fa48("236"), (stryMutAct_9fa48("242") ? /^([A-Z]\d{2})(?:\S|$)/ : stryMutAct_9fa48("241") ? /^([A-Z]\d{2})(?:\s)/ : stryMutAct_9fa48("240") ? /^([A-Z]\D{2})(?:\s|$)/ : stryMutAct_9fa48("239") ? /^([A-Z]\d)(?:\s|$)/ : stryMutAct_9fa48("238") ? /^([^A-Z]\d{2})(?:\s|$)/ : stryMutAct_9fa48("237") ? /([A-Z]\d{2})(?:\s|$)/ : (stryCov_9fa48("237", "238", "239", "240", "241", "242"), /^([A-Z]\d{2})(?:\s|$)/)).exec(h)?.[1])) ?? (stryMutAct_9fa48("243") ? "Stryker was here!" : (stryCov_9fa48("243"), "")));
        if (stryMutAct_9fa48("246") ? false : stryMutAct_9fa48("245") ? true : stryMutAct_9fa48("244") ? KNOWN.has(code) : (stryCov_9fa48("244", "245", "246"), !KNOWN.has(code))) {
          if (stryMutAct_9fa48("247")) {
            {}
          } else {
            stryCov_9fa48("247");
            const ind = indicator(code);
            const why = ind ? stryMutAct_9fa48("248") ? `` : (stryCov_9fa48("248"), `：“${ind.name}”不是可下达目标的指标（比重、“其中”项和分母类指标不下达目标）`) : stryMutAct_9fa48("249") ? "" : (stryCov_9fa48("249"), "不是指标库中的指标代码");
            problem(stryMutAct_9fa48("250") ? "" : (stryCov_9fa48("250"), "TARGET_INDICATOR_UNKNOWN"), cell, stryMutAct_9fa48("251") ? `` : (stryCov_9fa48("251"), `表头${at(cell)}“${h}”${why}。请删除该列，或改回空白表的表头（如“D01 专利申请（件）”）。`));
            continue;
          }
        }
        columns.push(stryMutAct_9fa48("252") ? {} : (stryCov_9fa48("252"), {
          col,
          code
        }));
      }
    }
    const roster = options.units ? new Set(options.units) : null;
    const seen = new Map<string, string>();
    const rows: TargetRow[] = stryMutAct_9fa48("253") ? ["Stryker was here"] : (stryCov_9fa48("253"), []);
    let own: TargetRow | null = null;
    for (let row = OWN_ROW; stryMutAct_9fa48("256") ? row > ws.rowCount : stryMutAct_9fa48("255") ? row < ws.rowCount : stryMutAct_9fa48("254") ? false : (stryCov_9fa48("254", "255", "256"), row <= ws.rowCount); stryMutAct_9fa48("257") ? row-- : (stryCov_9fa48("257"), row++)) {
      if (stryMutAct_9fa48("258")) {
        {}
      } else {
        stryCov_9fa48("258");
        const codeCell = stryMutAct_9fa48("259") ? `` : (stryCov_9fa48("259"), `${CODE_COL}${row}`);
        const rawCode = stryMutAct_9fa48("260") ? ws.cells[codeCell]?.value && null : (stryCov_9fa48("260"), (stryMutAct_9fa48("261") ? ws.cells[codeCell].value : (stryCov_9fa48("261"), ws.cells[codeCell]?.value)) ?? null);
        const code = (stryMutAct_9fa48("264") ? typeof rawCode === "number" || Number.isInteger(rawCode) : stryMutAct_9fa48("263") ? false : stryMutAct_9fa48("262") ? true : (stryCov_9fa48("262", "263", "264"), (stryMutAct_9fa48("266") ? typeof rawCode !== "number" : stryMutAct_9fa48("265") ? true : (stryCov_9fa48("265", "266"), typeof rawCode === (stryMutAct_9fa48("267") ? "" : (stryCov_9fa48("267"), "number")))) && Number.isInteger(rawCode))) ? String(rawCode) : text(rawCode).replace(stryMutAct_9fa48("268") ? /\S/g : (stryCov_9fa48("268"), /\s/g), stryMutAct_9fa48("269") ? "Stryker was here!" : (stryCov_9fa48("269"), ""));
        const name = text(stryMutAct_9fa48("270") ? ws.cells[`${NAME_COL}${row}`].value : (stryCov_9fa48("270"), ws.cells[stryMutAct_9fa48("271") ? `` : (stryCov_9fa48("271"), `${NAME_COL}${row}`)]?.value));
        const filled = stryMutAct_9fa48("272") ? columns : (stryCov_9fa48("272"), columns.filter(stryMutAct_9fa48("273") ? () => undefined : (stryCov_9fa48("273"), c => stryMutAct_9fa48("276") ? text(ws.cells[address(c.col, row)]?.value) === "" : stryMutAct_9fa48("275") ? false : stryMutAct_9fa48("274") ? true : (stryCov_9fa48("274", "275", "276"), text(stryMutAct_9fa48("277") ? ws.cells[address(c.col, row)].value : (stryCov_9fa48("277"), ws.cells[address(c.col, row)]?.value)) !== (stryMutAct_9fa48("278") ? "Stryker was here!" : (stryCov_9fa48("278"), ""))))));
        if (stryMutAct_9fa48("281") ? !code && !name || filled.length === 0 : stryMutAct_9fa48("280") ? false : stryMutAct_9fa48("279") ? true : (stryCov_9fa48("279", "280", "281"), (stryMutAct_9fa48("283") ? !code || !name : stryMutAct_9fa48("282") ? true : (stryCov_9fa48("282", "283"), (stryMutAct_9fa48("284") ? code : (stryCov_9fa48("284"), !code)) && (stryMutAct_9fa48("285") ? name : (stryCov_9fa48("285"), !name)))) && (stryMutAct_9fa48("287") ? filled.length !== 0 : stryMutAct_9fa48("286") ? true : (stryCov_9fa48("286", "287"), filled.length === 0)))) continue;
        const isOwn = stryMutAct_9fa48("290") ? row !== OWN_ROW : stryMutAct_9fa48("289") ? false : stryMutAct_9fa48("288") ? true : (stryCov_9fa48("288", "289", "290"), row === OWN_ROW);
        const who = stryMutAct_9fa48("293") ? (name || code) && `第${row}行` : stryMutAct_9fa48("292") ? false : stryMutAct_9fa48("291") ? true : (stryCov_9fa48("291", "292", "293"), (stryMutAct_9fa48("295") ? name && code : stryMutAct_9fa48("294") ? false : (stryCov_9fa48("294", "295"), name || code)) || (stryMutAct_9fa48("296") ? `` : (stryCov_9fa48("296"), `第${row}行`)));
        if (stryMutAct_9fa48("299") ? false : stryMutAct_9fa48("298") ? true : stryMutAct_9fa48("297") ? /^\d{12}$/.test(code) : (stryCov_9fa48("297", "298", "299"), !(stryMutAct_9fa48("303") ? /^\D{12}$/ : stryMutAct_9fa48("302") ? /^\d$/ : stryMutAct_9fa48("301") ? /^\d{12}/ : stryMutAct_9fa48("300") ? /\d{12}$/ : (stryCov_9fa48("300", "301", "302", "303"), /^\d{12}$/)).test(code))) {
          if (stryMutAct_9fa48("304")) {
            {}
          } else {
            stryCov_9fa48("304");
            if (stryMutAct_9fa48("307") ? false : stryMutAct_9fa48("306") ? true : stryMutAct_9fa48("305") ? isOwn && code === "" : (stryCov_9fa48("305", "306", "307"), !(stryMutAct_9fa48("310") ? isOwn || code === "" : stryMutAct_9fa48("309") ? false : stryMutAct_9fa48("308") ? true : (stryCov_9fa48("308", "309", "310"), isOwn && (stryMutAct_9fa48("312") ? code !== "" : stryMutAct_9fa48("311") ? true : (stryCov_9fa48("311", "312"), code === (stryMutAct_9fa48("313") ? "Stryker was here!" : (stryCov_9fa48("313"), "")))))))) problem(stryMutAct_9fa48("314") ? "" : (stryCov_9fa48("314"), "TARGET_UNIT_CODE_FORMAT"), codeCell, stryMutAct_9fa48("315") ? `` : (stryCov_9fa48("315"), `${at(codeCell)}“${who}”的区划代码“${stryMutAct_9fa48("318") ? code && "空" : stryMutAct_9fa48("317") ? false : stryMutAct_9fa48("316") ? true : (stryCov_9fa48("316", "317", "318"), code || (stryMutAct_9fa48("319") ? "" : (stryCov_9fa48("319"), "空")))}”应为12位数字，请核对。`));
          }
        } else if (stryMutAct_9fa48("322") ? !isOwn && roster || !roster.has(code) : stryMutAct_9fa48("321") ? false : stryMutAct_9fa48("320") ? true : (stryCov_9fa48("320", "321", "322"), (stryMutAct_9fa48("324") ? !isOwn || roster : stryMutAct_9fa48("323") ? true : (stryCov_9fa48("323", "324"), (stryMutAct_9fa48("325") ? isOwn : (stryCov_9fa48("325"), !isOwn)) && roster)) && (stryMutAct_9fa48("326") ? roster.has(code) : (stryCov_9fa48("326"), !roster.has(code))))) {
          if (stryMutAct_9fa48("327")) {
            {}
          } else {
            stryCov_9fa48("327");
            problem(stryMutAct_9fa48("328") ? "" : (stryCov_9fa48("328"), "TARGET_UNIT_UNKNOWN"), codeCell, stryMutAct_9fa48("329") ? `` : (stryCov_9fa48("329"), `${at(codeCell)}的区划代码 ${code}（${who}）不在报送单位名单中。请核对代码，或先把该单位加入名单后再上传。`));
          }
        } else if (stryMutAct_9fa48("331") ? false : stryMutAct_9fa48("330") ? true : (stryCov_9fa48("330", "331"), seen.has(code))) {
          if (stryMutAct_9fa48("332")) {
            {}
          } else {
            stryCov_9fa48("332");
            problem(stryMutAct_9fa48("333") ? "" : (stryCov_9fa48("333"), "TARGET_UNIT_DUPLICATE"), codeCell, stryMutAct_9fa48("334") ? `` : (stryCov_9fa48("334"), `${at(codeCell)}的区划代码 ${code}（${who}）与${seen.get(code)}重复，每个单位只能有一行。请合并后删除多余的行。`));
          }
        }
        if (stryMutAct_9fa48("336") ? false : stryMutAct_9fa48("335") ? true : (stryCov_9fa48("335", "336"), code)) seen.set(code, at(codeCell));
        const values: Record<string, number> = {};
        for (const {
          col,
          code: ind
        } of columns) {
          if (stryMutAct_9fa48("337")) {
            {}
          } else {
            stryCov_9fa48("337");
            const cell = address(col, row);
            const v = stryMutAct_9fa48("338") ? ws.cells[cell]?.value && null : (stryCov_9fa48("338"), (stryMutAct_9fa48("339") ? ws.cells[cell].value : (stryCov_9fa48("339"), ws.cells[cell]?.value)) ?? null);
            if (stryMutAct_9fa48("342") ? v === null && text(v) === "" : stryMutAct_9fa48("341") ? false : stryMutAct_9fa48("340") ? true : (stryCov_9fa48("340", "341", "342"), (stryMutAct_9fa48("344") ? v !== null : stryMutAct_9fa48("343") ? false : (stryCov_9fa48("343", "344"), v === null)) || (stryMutAct_9fa48("346") ? text(v) !== "" : stryMutAct_9fa48("345") ? false : (stryCov_9fa48("345", "346"), text(v) === (stryMutAct_9fa48("347") ? "Stryker was here!" : (stryCov_9fa48("347"), "")))))) continue;
            const meta = indicator(ind)!;
            if (stryMutAct_9fa48("350") ? typeof v !== "number" && !Number.isFinite(v) : stryMutAct_9fa48("349") ? false : stryMutAct_9fa48("348") ? true : (stryCov_9fa48("348", "349", "350"), (stryMutAct_9fa48("352") ? typeof v === "number" : stryMutAct_9fa48("351") ? false : (stryCov_9fa48("351", "352"), typeof v !== (stryMutAct_9fa48("353") ? "" : (stryCov_9fa48("353"), "number")))) || (stryMutAct_9fa48("354") ? Number.isFinite(v) : (stryCov_9fa48("354"), !Number.isFinite(v))))) {
              if (stryMutAct_9fa48("355")) {
                {}
              } else {
                stryCov_9fa48("355");
                problem(stryMutAct_9fa48("356") ? "" : (stryCov_9fa48("356"), "TARGET_NOT_NUMBER"), cell, stryMutAct_9fa48("357") ? `` : (stryCov_9fa48("357"), `${at(cell)}（${who}“${meta.name}”）填的是“${text(v)}”，目标只能填数字（单位：${meta.unit}），不要带单位或文字；没有目标的留空。`));
              }
            } else if (stryMutAct_9fa48("361") ? v >= 0 : stryMutAct_9fa48("360") ? v <= 0 : stryMutAct_9fa48("359") ? false : stryMutAct_9fa48("358") ? true : (stryCov_9fa48("358", "359", "360", "361"), v < 0)) {
              if (stryMutAct_9fa48("362")) {
                {}
              } else {
                stryCov_9fa48("362");
                problem(stryMutAct_9fa48("363") ? "" : (stryCov_9fa48("363"), "TARGET_NEGATIVE"), cell, stryMutAct_9fa48("364") ? `` : (stryCov_9fa48("364"), `${at(cell)}（${who}“${meta.name}”）为负数 ${v}，目标应不小于0。请改正。`));
              }
            } else values[ind] = v;
          }
        }
        const entry: TargetRow = stryMutAct_9fa48("365") ? {} : (stryCov_9fa48("365"), {
          code,
          name: isOwn ? ownName(name) : name,
          values
        });
        if (stryMutAct_9fa48("367") ? false : stryMutAct_9fa48("366") ? true : (stryCov_9fa48("366", "367"), isOwn)) own = entry;else rows.push(entry);
      }
    }
    if (stryMutAct_9fa48("369") ? false : stryMutAct_9fa48("368") ? true : (stryCov_9fa48("368", "369"), problems.length)) {
      if (stryMutAct_9fa48("370")) {
        {}
      } else {
        stryCov_9fa48("370");
        // Each message names its cell already and ends in "。": listed as written, not prefixed with the cell again.
        const list = stryMutAct_9fa48("371") ? problems.map(p => p.message).join("") : (stryCov_9fa48("371"), problems.slice(0, 3).map(stryMutAct_9fa48("372") ? () => undefined : (stryCov_9fa48("372"), p => p.message)).join(stryMutAct_9fa48("373") ? "Stryker was here!" : (stryCov_9fa48("373"), "")));
        return stryMutAct_9fa48("374") ? {} : (stryCov_9fa48("374"), {
          ok: stryMutAct_9fa48("375") ? true : (stryCov_9fa48("375"), false),
          code: stryMutAct_9fa48("376") ? "" : (stryCov_9fa48("376"), "TARGETS_INVALID"),
          message: stryMutAct_9fa48("377") ? `` : (stryCov_9fa48("377"), `目标任务分解表有 ${problems.length} 处问题，未采用：${list}${(stryMutAct_9fa48("381") ? problems.length <= 3 : stryMutAct_9fa48("380") ? problems.length >= 3 : stryMutAct_9fa48("379") ? false : stryMutAct_9fa48("378") ? true : (stryCov_9fa48("378", "379", "380", "381"), problems.length > 3)) ? stryMutAct_9fa48("382") ? "" : (stryCov_9fa48("382"), "……") : stryMutAct_9fa48("383") ? "Stryker was here!" : (stryCov_9fa48("383"), "")}`),
          problems
        });
      }
    }
    return stryMutAct_9fa48("384") ? {} : (stryCov_9fa48("384"), {
      ok: stryMutAct_9fa48("385") ? false : (stryCov_9fa48("385"), true),
      table: stryMutAct_9fa48("386") ? {} : (stryCov_9fa48("386"), {
        year,
        own: stryMutAct_9fa48("387") ? own && {
          code: "",
          name: "",
          values: {}
        } : (stryCov_9fa48("387"), own ?? (stryMutAct_9fa48("388") ? {} : (stryCov_9fa48("388"), {
          code: stryMutAct_9fa48("389") ? "Stryker was here!" : (stryCov_9fa48("389"), ""),
          name: stryMutAct_9fa48("390") ? "Stryker was here!" : (stryCov_9fa48("390"), ""),
          values: {}
        }))),
        units: rows
      })
    });
  }
}