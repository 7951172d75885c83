/** Consolidate: merge a county's (or the city's) records for a period into one workbook and hand out a link. */
// @ts-nocheck

import { issueLink } from "../auth/tokens";
import { ApiError } from "../http/errors";
import { jsonBody, publicBase } from "../http/event";
import { json } from "../http/responses";
import { checkUnitCode, type Route } from "../http/route";
import { consolidate } from "../service/consolidate";
import { getPeriod } from "../service/periods";

export const consolidateRoutes: Route[] = [
  {
    method: "POST",
    path: "/api/periods/{period}/consolidations",
    auth: "token",
    run: async (req, ctx) => {
      const period = req.period();
      const body = jsonBody(req.event);
      const parentCode = checkUnitCode(typeof body.parent === "string" ? body.parent : req.principal.sub, req.log);
      const include = body.include ?? "accepted";
      if (include !== "accepted" && include !== "submitted") throw new ApiError("BAD_REQUEST", {}, "include 应为 accepted（只汇总审核通过的）或 submitted（汇总全部已上报的）。");
      const parent = await req.authorize("consolidate", parentCode);
      if (!(await getPeriod(ctx.store, period.id))) throw new ApiError("PERIOD_NOT_FOUND", { period: period.id });
      const r = await consolidate(ctx.store, ctx.merge, { period, parent, roster: await req.roster(), include, by: req.actor, now: ctx.now(), timeZone: ctx.timeZone });
      if (!r.ok) throw new ApiError("NOTHING_TO_MERGE", { parent: parentCode, include });
      const c = r.consolidation;
      const link = await issueLink(ctx.keys, { key: r.key, name: c.fileName }, ctx.linkTtlSeconds, ctx.now().getTime());
      const draft = r.draftKey && c.draftFileName ? await issueLink(ctx.keys, { key: r.draftKey, name: c.draftFileName }, ctx.linkTtlSeconds, ctx.now().getTime()) : null;
      req.log.outcome = "stored";
      req.log.consolidation = c.id;
      return json(201, {
        ok: true,
        id: c.id,
        parent: c.parent,
        include: c.include,
        fileName: c.fileName,
        download: { url: `${publicBase(req.event, ctx.publicBaseUrl)}/api/download?t=${link.token}`, expiresAt: link.expiresAt },
        ...(draft ? { draftFileName: c.draftFileName, draftDownload: { url: `${publicBase(req.event, ctx.publicBaseUrl)}/api/download?t=${draft.token}`, expiresAt: draft.expiresAt } } : {}),
        versions: c.versions,
        missing: c.missing,
        counts: c.counts,
        totals: c.totals,
      });
    },
  },
];
