/**
 * Review: a county or the city returns (退回, with a reason) or accepts a unit's latest version;
 * or accepts many at once (bulk 通过 of the versions the reviewer saw, each still unreviewed and latest).
 */
// @ts-nocheck

import { can } from "../auth/can";
import { ApiError, apiErrorMessage } from "../http/errors";
import { jsonBody } from "../http/event";
import { json } from "../http/responses";
import type { Route } from "../http/route";
import type { BulkReviewAnswer, ReviewAnswer } from "../http/wire";
import { listVersions, reviewReport } from "../service/reports";
import { UNIT_CODE_RE, VERSION_ID_RE } from "../storage/keys";

export const MAX_REASON_LENGTH = 500;
const MAX_BULK = 2000;

export const reviewRoutes: Route[] = [
  {
    method: "POST",
    path: "/api/periods/{period}/units/{unit}/reports/{version}/review",
    auth: "token",
    run: async (req, ctx) => {
      const period = req.period();
      const unit = req.unitCode();
      const version = req.version();
      await req.authorize("review", unit);
      const body = jsonBody(req.event);
      const action = body.action;
      if (action !== "return" && action !== "accept") throw new ApiError("BAD_REQUEST", {}, "请指明审核结果：action 应为 return（退回）或 accept（通过）。");
      const reason = typeof body.reason === "string" ? body.reason.trim() : "";
      if ((action === "return" && reason === "") || reason.length > MAX_REASON_LENGTH) throw new ApiError("REASON_REQUIRED");
      const r = await reviewReport(ctx.store, { periodId: period.id, unitCode: unit, version, action, reason, by: req.actor, now: ctx.now() });
      if (!r.ok) throw new ApiError(r.kind === "not_found" ? "VERSION_NOT_FOUND" : "VERSION_SUPERSEDED", { version });
      req.log.outcome = action === "return" ? "returned" : "accepted";
      req.log.version = version;
      return json(200, { ok: true, review: r.review } satisfies ReviewAnswer);
    },
  },
  {
    method: "POST",
    path: "/api/periods/{period}/reviews",
    auth: "token",
    run: async (req, ctx) => {
      const period = req.period();
      if (req.principal.role === "unit") throw new ApiError("FORBIDDEN_ROLE");
      const body = jsonBody(req.event);
      const wanted = body.versions;
      if (typeof wanted !== "object" || wanted === null || Array.isArray(wanted)) {
        throw new ApiError("BAD_REQUEST", {}, "请列出要通过的报表：versions 应为 { 单位代码: 版本号 }。");
      }
      const entries = Object.entries(wanted as Record<string, unknown>);
      if (entries.length > MAX_BULK || entries.some(([u, v]) => !UNIT_CODE_RE.test(u) || typeof v !== "string" || !VERSION_ID_RE.test(v))) {
        throw new ApiError("BAD_REQUEST", {}, "要通过的报表清单格式不正确。请刷新报送情况后重试。");
      }
      const roster = await req.roster();
      const out: BulkReviewAnswer = { ok: true, accepted: [], skipped: [] };
      const skip = (unit: string, version: string, code: "FORBIDDEN_UNIT" | "VERSION_NOT_FOUND" | "VERSION_SUPERSEDED", message = apiErrorMessage(code)) =>
        out.skipped.push({ unit, version, code, message });
      // One unit after another: a bulk review is rare and small, and the answer lists each outcome in order.
      for (const [unit, version] of entries as Array<[string, string]>) {
        if (!can(req.principal, "review", unit, roster)) {
          skip(unit, version, "FORBIDDEN_UNIT");
          continue;
        }
        const history = await listVersions(ctx.store, period.id, unit);
        const latest = history[history.length - 1];
        if (!history.some((v) => v.version === version)) skip(unit, version, "VERSION_NOT_FOUND");
        else if (latest?.version !== version) skip(unit, version, "VERSION_SUPERSEDED");
        else if (latest.review) skip(unit, version, "VERSION_SUPERSEDED", latest.review.action === "accept" ? "该报表已审核通过，无需再次通过。" : "该报表已被退回，需等单位重新上报后再审核。");
        else {
          const r = await reviewReport(ctx.store, { periodId: period.id, unitCode: unit, version, action: "accept", reason: "", by: req.actor, now: ctx.now() });
          if (r.ok) out.accepted.push({ unit, version });
          else skip(unit, version, r.kind === "not_found" ? "VERSION_NOT_FOUND" : "VERSION_SUPERSEDED");
        }
      }
      req.log.outcome = "accepted";
      req.log.accepted = out.accepted.length;
      return json(200, out);
    },
  },
];
