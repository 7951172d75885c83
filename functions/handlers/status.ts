/** Status: every visible roster unit's state for a period; a unit's version history. */
import { can } from "../auth/can";
import { ApiError } from "../http/errors";
import { queryParam } from "../http/event";
import { json } from "../http/responses";
import { checkUnitCode, type Route } from "../http/route";
import { getPeriod } from "../service/periods";
import { listVersions, periodStatus } from "../service/reports";
import { isWithin, roleOf } from "../service/roster";

export const statusRoutes: Route[] = [
  {
    method: "GET",
    path: "/api/periods/{period}/status",
    auth: "token",
    run: async (req, ctx) => {
      const period = req.period();
      const parentParam = queryParam(req.event, "parent");
      const parent = parentParam ? checkUnitCode(parentParam) : undefined;
      if (parent) await req.authorize("read", parent);
      const info = await getPeriod(ctx.store, period.id);
      if (!info) throw new ApiError("PERIOD_NOT_FOUND", { period: period.id });
      const roster = await req.roster();
      const units = roster.units.filter(
        (u) => roleOf(u.type) === "unit" && can(req.principal, "read", u.code, roster) && (!parent || isWithin(roster, u.code, parent)),
      );
      if (units.length === 0 && !can(req.principal, "read", req.principal.sub, roster)) throw new ApiError("FORBIDDEN_UNIT");
      const rows = await periodStatus(ctx.store, period.id, units);
      req.log.units = rows.length;
      return json(200, { ok: true, period: info, units: rows });
    },
  },
  {
    method: "GET",
    path: "/api/periods/{period}/units/{unit}/reports",
    auth: "token",
    run: async (req, ctx) => {
      const period = req.period();
      const unit = req.unitCode();
      await req.authorize("read", unit);
      const versions = await listVersions(ctx.store, period.id, unit);
      return json(200, { ok: true, period: period.id, unit, versions });
    },
  },
];
