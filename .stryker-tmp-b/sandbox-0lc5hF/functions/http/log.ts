/** The structured logger (one JSON line per request; see route.ts). */
// @ts-nocheck

import { Logger } from "@aws-lambda-powertools/logger";

export type LogLevelName = "DEBUG" | "INFO" | "WARN" | "ERROR" | "SILENT";

/** A logger for the service; level from `HUIZONG_LOG_LEVEL` / `POWERTOOLS_LOG_LEVEL`, default INFO. */
export function createLogger(level?: LogLevelName): Logger {
  const fromEnv = (process.env.HUIZONG_LOG_LEVEL ?? process.env.POWERTOOLS_LOG_LEVEL)?.toUpperCase() as LogLevelName | undefined;
  return new Logger({ serviceName: "huizong", logLevel: level ?? fromEnv ?? "INFO" });
}
