/**
 * Lambda plumbing shared by every function: build the context once per
 * container (storage from the environment, signing secret from Secrets
 * Manager), then dispatch each event to the function's routes.
 */
// @ts-nocheck

import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from "aws-lambda";
import { secretFromEnv } from "../auth/secret";
import { deriveKeys } from "../auth/tokens";
import { loadConfig } from "../config";
import type { AppContext } from "../http/context";
import { apiErrorMessage } from "../http/errors";
import { createLogger } from "../http/log";
import { errorJson } from "../http/responses";
import { dispatch, type Route } from "../http/route";
import { defaultMergeEngine } from "../service/merge-engine";
import { createStoreFromEnv } from "../storage/index";

/** Build the context from environment variables (see functions/README.md). */
export async function contextFromEnv(env: Record<string, string | undefined> = process.env): Promise<AppContext> {
  const config = loadConfig(env);
  const secret = await secretFromEnv(env);
  if (!secret) throw new Error("No signing secret: set HUIZONG_JWT_SECRET or HUIZONG_JWT_SECRET_ARN");
  return {
    store: createStoreFromEnv(env),
    keys: deriveKeys(secret),
    merge: defaultMergeEngine,
    logger: createLogger(),
    now: () => new Date(),
    linkTtlSeconds: config.linkTtlSeconds,
    publicBaseUrl: config.publicBaseUrl,
    versionsPerHour: config.versionsPerHour,
    maxUploadBytes: config.maxUploadBytes,
    timeZone: config.timeZone,
    webhookHosts: config.webhookHosts,
    readTimeoutMs: config.readTimeoutMs,
  };
}

export type LambdaHandler = (event: APIGatewayProxyEventV2, context?: Context) => Promise<APIGatewayProxyStructuredResultV2>;

/** The Lambda handler of a function serving `routes`. */
export function lambdaHandler(routes: readonly Route[]): LambdaHandler {
  let ctx: Promise<AppContext> | null = null;
  return async (event, context) => {
    ctx ??= contextFromEnv();
    let app: AppContext;
    try {
      app = await ctx;
    } catch (err) {
      ctx = null; // retry on the next event (e.g. Secrets Manager briefly unreachable)
      createLogger().error("configuration error", { error: err instanceof Error ? err : String(err) });
      return errorJson(500, "INTERNAL", apiErrorMessage("INTERNAL"));
    }
    if (context) app.logger.addContext(context);
    return dispatch(routes, event, app);
  };
}
