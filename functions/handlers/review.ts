/** Review: a county or the city returns (退回, with a reason) or accepts a unit's latest version. */
import { ApiError } from "../http/errors";
import { jsonBody } from "../http/event";
import { json } from "../http/responses";
import type { Route } from "../http/route";
import { reviewReport } from "../service/reports";

export const MAX_REASON_LENGTH = 500;

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
      return json(200, { ok: true, review: r.review });
    },
  },
];
