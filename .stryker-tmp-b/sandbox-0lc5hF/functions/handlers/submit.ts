/** Submit: a unit uploads its workbook for a period (raw .xlsx body). */
// @ts-nocheck

import { ApiError, readErrorStatus } from "../http/errors";
import { bodyBytes } from "../http/event";
import { errorJson, json } from "../http/responses";
import type { Route } from "../http/route";
import type { SubmitAnswer } from "../http/wire";
import { submitReport } from "../service/reports";

const cells = (fs: ReadonlyArray<{ sheet: string; cell: string }>) => fs.map((f) => `${f.sheet}!${f.cell}`);

export const submitRoutes: Route[] = [
  {
    method: "POST",
    path: "/api/periods/{period}/units/{unit}/reports",
    auth: "token",
    run: async (req, ctx) => {
      const period = req.period();
      const unit = req.unitCode();
      await req.authorize("submit", unit);
      const bytes = bodyBytes(req.event, ctx.maxUploadBytes);
      req.log.bytes = bytes.byteLength;
      const r = await submitReport(ctx.store, { periodId: period.id, unitCode: unit, bytes, by: req.actor, now: ctx.now(), ...(ctx.versionsPerHour ? { versionsPerHour: ctx.versionsPerHour } : {}), ...(ctx.readTimeoutMs ? { readTimeoutMs: ctx.readTimeoutMs } : {}) });
      if (r.ok) {
        req.log.outcome = "stored";
        req.log.version = r.version.version;
        const v = r.version;
        return json(201, { ok: true, version: v.version, seq: v.seq, state: v.state, submittedAt: v.submittedAt, late: v.late, findings: r.findings } satisfies SubmitAnswer);
      }
      switch (r.kind) {
        case "period_not_open":
          throw new ApiError("PERIOD_NOT_OPEN", { period: period.id });
        case "too_many_versions":
          throw new ApiError(
            "TOO_MANY_VERSIONS",
            { limit: r.limit, retryAfterSeconds: r.retryAfterSeconds },
            `本单位在一小时内已上报 ${r.limit} 个版本，达到上限，暂不接收新版本。请核对报表，约 ${Math.ceil(r.retryAfterSeconds / 60)} 分钟后再上报；如确需多次上报，请联系市科技局。`,
          );
        case "read":
          req.log.outcome = r.failure.code;
          return errorJson(readErrorStatus(r.failure.code), r.failure.code, r.failure.message, r.failure.detail ? { detail: r.failure.detail } : {});
        case "unit_mismatch":
          throw new ApiError("UNIT_MISMATCH", { expected: unit, found: r.found, cell: r.cell }, `报表封面上的统计用区划代码是 ${r.found}，不是本单位的代码 ${unit}。请核对封面（${r.cell}）后重新上报，不要用其他单位的报表上报。`);
        case "errors": {
          const errors = r.findings.filter((f) => f.severity === "error");
          throw new ApiError("REPORT_HAS_ERRORS", { findings: r.findings }, `报表中有 ${errors.length} 处错误，未予接收（${preview(cells(errors))}）。请按任务窗格列出的问题逐条修改后重新上报。`);
        }
        case "warnings":
          throw new ApiError(
            "WARNINGS_UNEXPLAINED",
            { findings: r.findings, unexplained: cells(r.unexplained) },
            `报表中有 ${r.unexplained.length} 条提示没有在备注中说明，未予接收（${preview(cells(r.unexplained))}）。请核对这些数据；确认无误的，在对应行的“备注”中写明原因后重新上报。`,
          );
      }
    },
  },
];

function preview(list: string[]): string {
  return list.length <= 5 ? list.join("、") : `${list.slice(0, 5).join("、")} 等`;
}
