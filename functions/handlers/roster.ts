/** Roster: the city defines the units; everyone reads the part they may see. `me`: who the token is. */
import { can } from "../auth/can";
import { ApiError } from "../http/errors";
import { jsonBody } from "../http/event";
import { json } from "../http/responses";
import type { Route } from "../http/route";
import { findUnit, roleOf, saveRoster, validateRoster } from "../service/roster";

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
      return json(200, { ok: true, units, updatedAt: roster.updatedAt ?? null });
    },
  },
  {
    method: "PUT",
    path: "/api/roster",
    auth: "token",
    run: async (req, ctx) => {
      await req.authorizeSetup();
      const v = validateRoster(jsonBody(req.event));
      if (!v.ok) throw new ApiError("ROSTER_INVALID", { problems: v.problems }, `报送单位名单有 ${v.problems.length} 处问题，未保存：${v.problems.slice(0, 3).join(" ")}`);
      // The city must stay able to manage the roster it saves.
      if (!v.roster.units.some((u) => u.code === req.principal.sub && u.type === "市")) {
        throw new ApiError("ROSTER_INVALID", { problems: ["名单中的市级单位必须是当前登录的单位。"] }, "报送单位名单中的市级单位必须是当前登录的市科技局，未保存。");
      }
      const saved = await saveRoster(ctx.store, v.roster, req.principal.sub, ctx.now());
      req.log.units = saved.units.length;
      return json(200, { ok: true, units: saved.units, updatedAt: saved.updatedAt });
    },
  },
];
