/** Roster: the city defines the units; everyone reads the part they may see. `me`: who the token is. */
// @ts-nocheck

import { can } from "../auth/can";
import { ApiError } from "../http/errors";
import { bodyBytes, header, jsonBody } from "../http/event";
import { file, json } from "../http/responses";
import type { ApiRequest, Route } from "../http/route";
import type { RosterAnswer } from "../http/wire";
import { findUnit, roleOf, rosterFromFile, rosterWorkbook, saveRoster, validateRoster } from "../service/roster";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The roster sent: JSON `{units}`, or the 名单 workbook (.xlsx) or CSV a clerk kept in Excel. */
function sentRoster(req: ApiRequest): ReturnType<typeof validateRoster> {
  const type = (header(req.event, "content-type") ?? "").toLowerCase();
  if (/^text\/(csv|plain)\b/.test(type)) return rosterFromFile(bodyBytes(req.event), "csv");
  if (type.startsWith(XLSX_TYPE) || type.startsWith("application/octet-stream")) return rosterFromFile(bodyBytes(req.event), "xlsx");
  return validateRoster(jsonBody(req.event));
}

export const rosterRoutes: Route[] = [
  {
    method: "GET",
    path: "/api/me",
    auth: "token",
    run: async (req) => {
      const p = req.principal;
      const roster = await req.roster();
      const unit = findUnit(roster, p.sub);
      // A token for a unit since removed from the roster (or whose type changed) may do nothing.
      if (!(unit && roleOf(unit.type) === p.role) && !can(p, "setup", "", roster)) throw new ApiError("FORBIDDEN_UNIT");
      return json(200, { ok: true, unit: { code: p.sub, name: unit?.name ?? p.name, role: p.role, type: unit?.type ?? null, parent: unit?.parent ?? null } });
    },
  },
  {
    method: "GET",
    path: "/api/roster",
    auth: "token",
    run: async (req) => {
      const roster = await req.roster();
      const units = roster.units.filter((u) => can(req.principal, "read", u.code, roster));
      return json(200, { ok: true, units, updatedAt: roster.updatedAt ?? null } satisfies RosterAnswer);
    },
  },
  {
    method: "PUT",
    path: "/api/roster",
    auth: "token",
    run: async (req, ctx) => {
      await req.authorizeSetup();
      const v = sentRoster(req);
      if (!v.ok) throw new ApiError("ROSTER_INVALID", { problems: v.problems }, `报送单位名单有 ${v.problems.length} 处问题，未保存：${v.problems.slice(0, 3).join(" ")}`);
      // The city must stay able to manage the roster it saves.
      if (!v.roster.units.some((u) => u.code === req.principal.sub && u.type === "市")) {
        throw new ApiError("ROSTER_INVALID", { problems: ["名单中的市级单位必须是当前登录的单位。"] }, "报送单位名单中的市级单位必须是当前登录的市科技局，未保存。");
      }
      const saved = await saveRoster(ctx.store, v.roster, req.principal.sub, ctx.now());
      req.log.units = saved.units.length;
      return json(200, { ok: true, units: saved.units, updatedAt: saved.updatedAt ?? null } satisfies RosterAnswer);
    },
  },
  {
    method: "GET",
    path: "/api/roster/workbook",
    auth: "token",
    run: async (req) => {
      await req.authorizeSetup();
      // The stored roster to edit and upload again (a blank one before the first upload).
      return file(await rosterWorkbook(await req.roster()), "报送单位名单.xlsx");
    },
  },
];
