/** What every handler gets besides the event: storage, keys, merge, clock, logger. */
import type { Logger } from "@aws-lambda-powertools/logger";
import type { Keys } from "../auth/tokens";
import type { MergeEngine } from "../service/consolidate";
import type { ObjectStore } from "../storage/index";

export interface AppContext {
  store: ObjectStore;
  keys: Keys;
  merge: MergeEngine;
  logger: Logger;
  now: () => Date;
  /** Lifetime of download links (seconds). */
  linkTtlSeconds: number;
  /** The bureau's time zone, for every time a person reads (reminder texts, status exports). */
  timeZone: string;
}

/** Default lifetime of a download link: 15 minutes. */
export const DEFAULT_LINK_TTL_SECONDS = 15 * 60;

/** `HUIZONG_LINK_TTL_SECONDS` when it is a positive number, else {@link DEFAULT_LINK_TTL_SECONDS}. */
export function linkTtlFromEnv(env: Readonly<Record<string, string | undefined>>): number {
  const ttl = Number(env.HUIZONG_LINK_TTL_SECONDS);
  return ttl > 0 ? ttl : DEFAULT_LINK_TTL_SECONDS;
}
