/** What every handler gets besides the event: storage, keys, merge, clock, logger. */
// @ts-nocheck

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
  /**
   * Base URL of links and redirects (`HUIZONG_PUBLIC_BASE_URL`; the local
   * server's own address by default). Absent on Lambda without the setting:
   * the API's domain as API Gateway reports it in the request context.
   * Never taken from request headers.
   */
  publicBaseUrl?: string | null;
  /** New versions a unit may store per rolling hour (`HUIZONG_VERSIONS_PER_HOUR`, default 20). */
  versionsPerHour?: number;
  /** Largest upload (`HUIZONG_MAX_UPLOAD_BYTES`; 4 MB on Lambda), default 5 MB. */
  maxUploadBytes?: number;
  /** The bureau's time zone, for every time a person reads (reminder texts, status exports). */
  timeZone: string;
  /** Hosts the 催报 group robot may be at (`HUIZONG_WEBHOOK_HOSTS`). */
  webhookHosts: readonly string[];
  /** Wall-clock bound of reading one upload (`HUIZONG_READ_TIMEOUT_MS`), default 3 s. */
  readTimeoutMs?: number;
}

