/** The roster workbook (`huizong roster`, the service's 名单 download): 名称, 区划代码, 上级代码, 单位类型, 联系人, 联系电话. */
// @ts-nocheck

import { Workbook } from "../xlsx/writer/workbook";
import { ROSTER_HEADERS, ROSTER_SHEET, ROSTER_TYPES, type RosterUnit } from "./roster";
import { S, headerCells } from "./sheets/shared";

/** A roster workbook (blank by default), to fill in Excel and give to `merge --roster` or upload to the service. */
export async function buildRosterWorkbook(units: readonly RosterUnit[] = []): Promise<Uint8Array> {
  const wb = new Workbook();
  const ws = wb.addWorksheet(ROSTER_SHEET, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = [{ width: 24 }, { width: 18 }, { width: 18 }, { width: 14 }, { width: 12 }, { width: 16 }, { width: 60 }];
  headerCells(ws.getRow(1), ROSTER_HEADERS);
  ws.getCell("G1").value =
    "说明：每行一个应报送的单位，市、区县、乡镇/街道都要列出。区划代码为12位统计用区划代码（乡镇/街道为9位+000）。" +
    "上级代码、单位类型可不填：按区划代码自动判断（市为4位+8个0，区县为6位+6个0，名称以“街道”结尾的为街道）。联系人、联系电话用于催报。";
  ws.getCell("G1").style = S.note;
  units.forEach((u, i) => {
    const row = ws.getRow(i + 2);
    row.values = [u.name, u.code, u.parent || null, u.type ?? null, u.contact ?? null, u.phone ?? null];
  });
  // Codes and phones as text so Excel keeps every digit; 单位类型 from a list.
  const last = Math.max(201, units.length + 1);
  for (let r = 2; r <= last; r++) {
    for (const col of ["B", "C", "F"]) ws.getCell(`${col}${r}`).numFmt = "@";
    ws.getCell(`D${r}`).dataValidation = {
      type: "list",
      allowBlank: true,
      formulae: [`"${ROSTER_TYPES.join(",")}"`],
      showErrorMessage: true,
      errorTitle: "单位类型",
      error: `请从列表中选择：${ROSTER_TYPES.join("、")}。`,
    };
  }
  return wb.finish();
}
