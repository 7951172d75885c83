/**
 * Status: every visible roster unit's state for a period (with deadline, overdue, late); a unit's
 * version history; one version as a reviewer reads it (figures, warnings with 备注, changes against
 * an earlier version); 催报 reminders and their optional push to a group robot.
 */
import { can } from "../auth/can";
import { ApiError } from "../http/errors";
import { queryParam } from "../http/event";
import { file, json } from "../http/responses";
import { checkUnitCode, type ApiRequest, type Route } from "../http/route";
import type { DetailAnswer, RemindersAnswer, RemindersSentAnswer, StatusAnswer, VersionsAnswer } from "../http/wire";
import type { AppContext } from "../http/context";
import { reportDetail } from "../service/compare";
import { getPeriod, type PeriodInfo } from "../service/periods";
import { getWebhook, pushReminders, reminders } from "../service/reminders";
import { listVersions, mergeableCounts, periodStatus, type StatusRow } from "../service/reports";
import { isWithin, roleOf, type RosterUnit } from "../service/roster";
import { statusWorkbook } from "../service/sheets";
import { periodHistory, type UnitHistory } from "../service/unit-log";
import { VERSION_ID_RE } from "../storage/keys";

/** The period, the reporting units the caller may see (below `?parent=` when given) and their rows. */
async function statusOf(req: ApiRequest, ctx: AppContext): Promise<{ info: PeriodInfo; units: RosterUnit[]; rows: StatusRow[]; history: Map<string, UnitHistory> }> {
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
  // One listing of the period for the rows and the counts (it is the call's main cost).
  const history = await periodHistory(ctx.store, info.id);
  const rows = await periodStatus(ctx.store, info, units, ctx.now(), history);
  req.log.units = rows.length;
  return { info, units, rows, history };
}

export const statusRoutes: Route[] = [
  {
    method: "GET",
    path: "/api/periods/{period}/status",
    auth: "token",
    run: async (req, ctx) => {
      const { info, units, rows, history } = await statusOf(req, ctx);
      const mergeable = await mergeableCounts(ctx.store, info.id, units, history);
      return json(200, { ok: true, period: info, units: rows, now: ctx.now().toISOString(), timeZone: ctx.timeZone, mergeable } satisfies StatusAnswer);
    },
  },
  {
    method: "GET",
    path: "/api/periods/{period}/status/export",
    auth: "token",
    run: async (req, ctx) => {
      const { info, rows } = await statusOf(req, ctx);
      const bytes = await statusWorkbook(info, rows, await req.roster(), ctx.now(), ctx.timeZone);
      req.log.outcome = "sent";
      return file(bytes, `${info.label}报送情况.xlsx`);
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
      return json(200, { ok: true, period: period.id, unit, versions } satisfies VersionsAnswer);
    },
  },
  {
    method: "GET",
    path: "/api/periods/{period}/units/{unit}/reports/{version}",
    auth: "token",
    run: async (req, ctx) => {
      const period = req.period();
      const unit = req.unitCode();
      const version = req.version();
      await req.authorize("read", unit);
      const compare = queryParam(req.event, "compare");
      if (compare !== undefined && !VERSION_ID_RE.test(compare)) throw new ApiError("BAD_VERSION");
      const detail = await reportDetail(ctx.store, period.id, unit, version, compare);
      if (!detail) throw new ApiError("VERSION_NOT_FOUND", { version });
      return json(200, { ok: true, unit, detail } satisfies DetailAnswer);
    },
  },
  {
    method: "GET",
    path: "/api/periods/{period}/reminders",
    auth: "token",
    run: async (req, ctx) => {
      if (req.principal.role === "unit") throw new ApiError("FORBIDDEN_ROLE");
      const { info, units, rows } = await statusOf(req, ctx);
      const list = await reminders(ctx.store, info, rows, units, ctx.now(), ctx.timeZone);
      const hook = await getWebhook(ctx.store);
      return json(200, { ok: true, period: info, reminders: list, webhook: hook !== null } satisfies RemindersAnswer);
    },
  },
  {
    method: "POST",
    path: "/api/periods/{period}/reminders/send",
    auth: "token",
    run: async (req, ctx) => {
      if (req.principal.role === "unit") throw new ApiError("FORBIDDEN_ROLE");
      const { info, units, rows } = await statusOf(req, ctx);
      const hook = await getWebhook(ctx.store);
      if (!hook) throw new ApiError("WEBHOOK_NOT_SET");
      const list = await reminders(ctx.store, info, rows, units, ctx.now(), ctx.timeZone);
      if (list.length === 0) return json(200, { ok: true, sent: 0 } satisfies RemindersSentAnswer);
      const status = await pushReminders(hook, list);
      req.log.webhookStatus = status;
      if (status < 200 || status >= 300) throw new ApiError("WEBHOOK_FAILED", { webhookStatus: status });
      req.log.outcome = "sent";
      return json(200, { ok: true, sent: list.length } satisfies RemindersSentAnswer);
    },
  },
];
