/**
 * Writes 目标任务分解表 (bytes out): rows = the issuing unit (its own targets,
 * received from above) then the units from the roster with 区划代码 and 名称;
 * columns = the indicators a target makes sense for, headed "代码 名称（单位）".
 * Values may be given (tests, a table carried from last year).
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
import ExcelJS from "exceljs";
import { FONT, solid, COLORS, THIN_BORDER } from "../style";
import { numberFormat } from "../build";
import { CODE_COL, FIRST_UNIT_ROW, FIRST_VALUE_COL, HEADER_ROW, NAME_COL, OWN_ROW, TARGET_COLUMNS, TARGET_SHEET, YEAR_CELL, YEAR_LABEL_CELL, targetHeader } from "./layout";
import { TARGET_INDICATORS } from "./table";
import { OWN_SUFFIX } from "./names";
export interface TargetWorkbookInput {
  year: number;
  /** The issuing unit (the city); code may be "" when not known yet. */
  own: {
    code: string;
    name: string;
    values?: Record<string, number>;
  };
  units: ReadonlyArray<{
    code: string;
    name: string;
    values?: Record<string, number>;
  }>;
}
const HINT = stryMutAct_9fa48("466") ? "" : (stryCov_9fa48("466"), "说明：第5行为本级目标（上级下达给本市的全年目标，市的完成率按此计算，不是各单位目标之和）；第6行起为分解下达到各单位的全年目标。只填数字（单位见表头），没有目标的留空；不要修改表头和区划代码。");

/** Build the target table; returns the .xlsx bytes. */
export async function buildTargetWorkbook(input: TargetWorkbookInput): Promise<Uint8Array> {
  if (stryMutAct_9fa48("467")) {
    {}
  } else {
    stryCov_9fa48("467");
    const wb = new ExcelJS.Workbook();
    wb.creator = stryMutAct_9fa48("468") ? "" : (stryCov_9fa48("468"), "huizong");
    wb.created = new Date(Date.UTC(input.year, 0, 1));
    wb.modified = wb.created;
    const ws = wb.addWorksheet(TARGET_SHEET, stryMutAct_9fa48("469") ? {} : (stryCov_9fa48("469"), {
      views: stryMutAct_9fa48("470") ? [] : (stryCov_9fa48("470"), [stryMutAct_9fa48("471") ? {} : (stryCov_9fa48("471"), {
        state: stryMutAct_9fa48("472") ? "" : (stryCov_9fa48("472"), "frozen"),
        xSplit: 2,
        ySplit: HEADER_ROW,
        showGridLines: stryMutAct_9fa48("473") ? true : (stryCov_9fa48("473"), false)
      })]),
      pageSetup: stryMutAct_9fa48("474") ? {} : (stryCov_9fa48("474"), {
        paperSize: 9,
        orientation: stryMutAct_9fa48("475") ? "" : (stryCov_9fa48("475"), "landscape"),
        fitToPage: stryMutAct_9fa48("476") ? false : (stryCov_9fa48("476"), true),
        fitToWidth: 1,
        fitToHeight: 0,
        printTitlesRow: stryMutAct_9fa48("477") ? `` : (stryCov_9fa48("477"), `1:${HEADER_ROW}`)
      })
    }));
    ws.columns = stryMutAct_9fa48("478") ? [] : (stryCov_9fa48("478"), [stryMutAct_9fa48("479") ? {} : (stryCov_9fa48("479"), {
      width: 15
    }), stryMutAct_9fa48("480") ? {} : (stryCov_9fa48("480"), {
      width: 22
    }), ...TARGET_INDICATORS.map(stryMutAct_9fa48("481") ? () => undefined : (stryCov_9fa48("481"), () => stryMutAct_9fa48("482") ? {} : (stryCov_9fa48("482"), {
      width: 14
    })))]);
    const last = TARGET_COLUMNS.get(TARGET_INDICATORS[stryMutAct_9fa48("483") ? TARGET_INDICATORS.length + 1 : (stryCov_9fa48("483"), TARGET_INDICATORS.length - 1)]!.code)!;
    ws.mergeCells(stryMutAct_9fa48("484") ? `` : (stryCov_9fa48("484"), `A1:${last}1`));
    ws.getCell(stryMutAct_9fa48("485") ? "" : (stryCov_9fa48("485"), "A1")).value = stryMutAct_9fa48("486") ? `` : (stryCov_9fa48("486"), `${input.year}年度科技工作目标任务分解表`);
    ws.getCell(stryMutAct_9fa48("487") ? "" : (stryCov_9fa48("487"), "A1")).font = stryMutAct_9fa48("488") ? {} : (stryCov_9fa48("488"), {
      name: FONT,
      size: 16,
      bold: stryMutAct_9fa48("489") ? false : (stryCov_9fa48("489"), true)
    });
    ws.getCell(stryMutAct_9fa48("490") ? "" : (stryCov_9fa48("490"), "A1")).alignment = stryMutAct_9fa48("491") ? {} : (stryCov_9fa48("491"), {
      horizontal: stryMutAct_9fa48("492") ? "" : (stryCov_9fa48("492"), "center")
    });
    ws.getCell(YEAR_LABEL_CELL).value = stryMutAct_9fa48("493") ? "" : (stryCov_9fa48("493"), "年度");
    ws.getCell(YEAR_CELL).value = input.year;
    ws.getCell(YEAR_CELL).fill = solid(COLORS.input);
    ws.mergeCells(stryMutAct_9fa48("494") ? `` : (stryCov_9fa48("494"), `C2:${last}3`));
    ws.getCell(stryMutAct_9fa48("495") ? "" : (stryCov_9fa48("495"), "C2")).value = HINT;
    ws.getCell(stryMutAct_9fa48("496") ? "" : (stryCov_9fa48("496"), "C2")).font = stryMutAct_9fa48("497") ? {} : (stryCov_9fa48("497"), {
      name: FONT,
      size: 9,
      color: stryMutAct_9fa48("498") ? {} : (stryCov_9fa48("498"), {
        argb: stryMutAct_9fa48("499") ? "" : (stryCov_9fa48("499"), "FF595959")
      })
    });
    ws.getCell(stryMutAct_9fa48("500") ? "" : (stryCov_9fa48("500"), "C2")).alignment = stryMutAct_9fa48("501") ? {} : (stryCov_9fa48("501"), {
      wrapText: stryMutAct_9fa48("502") ? false : (stryCov_9fa48("502"), true),
      vertical: stryMutAct_9fa48("503") ? "" : (stryCov_9fa48("503"), "top")
    });
    const head = ws.getRow(HEADER_ROW);
    head.height = 42;
    const headers = stryMutAct_9fa48("504") ? [] : (stryCov_9fa48("504"), [stryMutAct_9fa48("505") ? "" : (stryCov_9fa48("505"), "区划代码"), stryMutAct_9fa48("506") ? "" : (stryCov_9fa48("506"), "单位名称"), ...TARGET_INDICATORS.map(targetHeader)]);
    headers.forEach((h, i) => {
      if (stryMutAct_9fa48("507")) {
        {}
      } else {
        stryCov_9fa48("507");
        const cell = head.getCell(stryMutAct_9fa48("508") ? i - 1 : (stryCov_9fa48("508"), i + 1));
        cell.value = h;
        cell.font = stryMutAct_9fa48("509") ? {} : (stryCov_9fa48("509"), {
          name: FONT,
          size: 10,
          bold: stryMutAct_9fa48("510") ? false : (stryCov_9fa48("510"), true)
        });
        cell.fill = solid(COLORS.header);
        cell.border = THIN_BORDER;
        cell.alignment = stryMutAct_9fa48("511") ? {} : (stryCov_9fa48("511"), {
          horizontal: stryMutAct_9fa48("512") ? "" : (stryCov_9fa48("512"), "center"),
          vertical: stryMutAct_9fa48("513") ? "" : (stryCov_9fa48("513"), "middle"),
          wrapText: stryMutAct_9fa48("514") ? false : (stryCov_9fa48("514"), true)
        });
      }
    });
    const rows: Array<{
      row: number;
      unit: TargetWorkbookInput["own"];
      own: boolean;
    }> = stryMutAct_9fa48("515") ? [] : (stryCov_9fa48("515"), [stryMutAct_9fa48("516") ? {} : (stryCov_9fa48("516"), {
      row: OWN_ROW,
      unit: input.own,
      own: stryMutAct_9fa48("517") ? false : (stryCov_9fa48("517"), true)
    }), ...input.units.map(stryMutAct_9fa48("518") ? () => undefined : (stryCov_9fa48("518"), (u, i) => stryMutAct_9fa48("519") ? {} : (stryCov_9fa48("519"), {
      row: stryMutAct_9fa48("520") ? FIRST_UNIT_ROW - i : (stryCov_9fa48("520"), FIRST_UNIT_ROW + i),
      unit: u,
      own: stryMutAct_9fa48("521") ? true : (stryCov_9fa48("521"), false)
    })))]);
    for (const {
      row,
      unit,
      own
    } of rows) {
      if (stryMutAct_9fa48("522")) {
        {}
      } else {
        stryCov_9fa48("522");
        const code = ws.getCell(stryMutAct_9fa48("523") ? `` : (stryCov_9fa48("523"), `${CODE_COL}${row}`));
        code.value = unit.code;
        code.numFmt = stryMutAct_9fa48("524") ? "" : (stryCov_9fa48("524"), "@");
        const name = ws.getCell(stryMutAct_9fa48("525") ? `` : (stryCov_9fa48("525"), `${NAME_COL}${row}`));
        name.value = own ? stryMutAct_9fa48("526") ? `` : (stryCov_9fa48("526"), `${unit.name}${OWN_SUFFIX}`) : unit.name;
        for (const c of stryMutAct_9fa48("527") ? [] : (stryCov_9fa48("527"), [code, name])) {
          if (stryMutAct_9fa48("528")) {
            {}
          } else {
            stryCov_9fa48("528");
            c.font = stryMutAct_9fa48("529") ? {} : (stryCov_9fa48("529"), {
              name: FONT,
              size: 10,
              bold: own
            });
            c.border = THIN_BORDER;
          }
        }
        TARGET_INDICATORS.forEach((ind, i) => {
          if (stryMutAct_9fa48("530")) {
            {}
          } else {
            stryCov_9fa48("530");
            const cell = ws.getRow(row).getCell(stryMutAct_9fa48("531") ? FIRST_VALUE_COL - i : (stryCov_9fa48("531"), FIRST_VALUE_COL + i));
            const v = stryMutAct_9fa48("532") ? unit.values[ind.code] : (stryCov_9fa48("532"), unit.values?.[ind.code]);
            if (stryMutAct_9fa48("535") ? v === undefined : stryMutAct_9fa48("534") ? false : stryMutAct_9fa48("533") ? true : (stryCov_9fa48("533", "534", "535"), v !== undefined)) cell.value = v;
            cell.numFmt = numberFormat((stryMutAct_9fa48("538") ? ind.kind !== "ratio" : stryMutAct_9fa48("537") ? false : stryMutAct_9fa48("536") ? true : (stryCov_9fa48("536", "537", "538"), ind.kind === (stryMutAct_9fa48("539") ? "" : (stryCov_9fa48("539"), "ratio")))) ? stryMutAct_9fa48("540") ? "" : (stryCov_9fa48("540"), "amount") : ind.kind);
            cell.font = stryMutAct_9fa48("541") ? {} : (stryCov_9fa48("541"), {
              name: FONT,
              size: 10,
              bold: own
            });
            cell.fill = solid(own ? COLORS.group : COLORS.input);
            cell.border = THIN_BORDER;
          }
        });
      }
    }
    const buf = await wb.xlsx.writeBuffer();
    return new Uint8Array(buf as ArrayBuffer);
  }
}