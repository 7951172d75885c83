/** The roster workbook (`huizong roster`): 名称, 区划代码, 上级代码. */
import { Workbook } from "../xlsx/writer/workbook";
import { ROSTER_HEADERS, ROSTER_SHEET, type RosterUnit } from "./roster";
import { S, headerCells } from "./sheets/shared";

/** A roster workbook (`huizong roster`, blank by default): 名称, 区划代码, 上级代码. */
export async function buildRosterWorkbook(units: readonly RosterUnit[] = []): Promise<Uint8Array> {
  const wb = new Workbook();
  const ws = wb.addWorksheet(ROSTER_SHEET, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = [{ width: 24 }, { width: 18 }, { width: 18 }, { width: 60 }];
  headerCells(ws.getRow(1), ROSTER_HEADERS);
  ws.getCell("D1").value = "说明：每行一个应报送的单位。区划代码为12位统计用区划代码（乡镇/街道为9位+000）；上级代码为其所属县（市、区）或市的代码。";
  ws.getCell("D1").style = S.note;
  units.forEach((u, i) => {
    ws.getCell(i + 2, 1).value = u.name;
    ws.getCell(i + 2, 2).value = u.code;
    ws.getCell(i + 2, 3).value = u.parent || null;
  });
  // Codes as text so Excel keeps all 12 digits.
  for (let r = 2; r <= Math.max(201, units.length + 1); r++) {
    for (const col of ["B", "C"]) ws.getCell(`${col}${r}`).numFmt = "@";
  }
  return wb.finish();
}
