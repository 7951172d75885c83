/**
 * Targets: the city uploads the year's 目标任务分解表 (raw .xlsx body, as report
 * uploads arrive) and reads it back — the parsed table as JSON, or the file
 * as uploaded with `?format=xlsx`. Served by the `periods` function (the
 * year's setup, like opening periods).
 */
// @ts-nocheck

import { ApiError } from "../http/errors";
import { bodyBytes, pathParam, queryParam } from "../http/event";
import { file, json } from "../http/responses";
import type { Route } from "../http/route";
import type { TargetsAnswer } from "../http/wire";
import { loadTargets, saveTargets, targetsOriginal } from "../service/targets";
import { YEAR_RE } from "../storage/index";

function year(event: Parameters<typeof pathParam>[0]): number {
  const y = pathParam(event, "year");
  if (!YEAR_RE.test(y)) throw new ApiError("BAD_YEAR", { year: y });
  return Number(y);
}

export const targetRoutes: Route[] = [
  {
    method: "PUT",
    path: "/api/targets/{year}",
    auth: "token",
    run: async (req, ctx) => {
      const y = year(req.event);
      await req.authorizeSetup();
      const bytes = bodyBytes(req.event, ctx.maxUploadBytes);
      req.log.bytes = bytes.byteLength;
      const r = await saveTargets(ctx.store, { year: y, bytes, roster: await req.roster(), by: req.actor, now: ctx.now() });
      if (!r.ok) throw new ApiError("TARGETS_INVALID", { problems: r.problems }, r.code === "TARGETS_INVALID" ? `${r.message}。请修改后重新上传。` : r.message);
      req.log.units = r.stored.table.units.length;
      return json(200, { ok: true, year: y, uploadedAt: r.stored.uploadedAt, table: r.stored.table } satisfies TargetsAnswer);
    },
  },
  {
    method: "GET",
    path: "/api/targets/{year}",
    auth: "token",
    run: async (req, ctx) => {
      const y = year(req.event);
      await req.authorizeSetup();
      if (queryParam(req.event, "format") === "xlsx") {
        const bytes = await targetsOriginal(ctx.store, y);
        if (!bytes) throw new ApiError("TARGETS_NOT_FOUND", { year: y });
        return file(bytes, `${y}年度目标任务分解表.xlsx`);
      }
      const stored = await loadTargets(ctx.store, y);
      if (!stored) throw new ApiError("TARGETS_NOT_FOUND", { year: y });
      return json(200, { ok: true, year: y, uploadedAt: stored.uploadedAt, table: stored.table } satisfies TargetsAnswer);
    },
  },
];
