/**
 * Storage entry point: pick the adapter from the environment.
 *
 * - `HUIZONG_STORAGE=s3`: {@link S3ObjectStore} on `HUIZONG_BUCKET` (required), under
 *   `HUIZONG_PREFIX` (optional). `AWS_ENDPOINT_URL_S3` points at an S3-compatible
 *   server (MinIO, s3rver); path-style addressing is then used unless
 *   `HUIZONG_S3_FORCE_PATH_STYLE=false` (or forced on anywhere with `=true`).
 *   Region and credentials come from the usual AWS variables (read from `env` when
 *   present there, else from the SDK's default chain, e.g. the Lambda role).
 * - otherwise: {@link FsObjectStore} under `HUIZONG_DATA_DIR` (default `.data`).
 */
// @ts-nocheck


import { S3Client } from "@aws-sdk/client-s3";

import { FsObjectStore } from "./fs-store";
import type { ObjectStore } from "./port";
import { S3ObjectStore } from "./s3-store";

export * from "./errors";
export * from "./keys";
export * from "./port";
export { FsObjectStore, type FsObjectStoreOptions } from "./fs-store";
export { S3ObjectStore, type S3ObjectStoreOptions } from "./s3-store";

export type StorageEnv = Readonly<Record<string, string | undefined>>;

/** Thrown for a configuration the process cannot start with (a deployment mistake, not a clerk's). */
export class StorageConfigError extends Error {
  readonly code = "STORAGE_CONFIG" as const;
  override readonly name = "StorageConfigError";
}

/** Build the store the environment asks for (see module doc). */
export function createStoreFromEnv(env: StorageEnv = process.env): ObjectStore {
  const kind = (env.HUIZONG_STORAGE ?? "fs").trim().toLowerCase();
  if (kind === "s3") {
    const bucket = env.HUIZONG_BUCKET?.trim();
    if (!bucket) throw new StorageConfigError("存储配置错误：HUIZONG_STORAGE=s3 时必须设置 HUIZONG_BUCKET。");
    const endpoint = env.AWS_ENDPOINT_URL_S3?.trim() || undefined;
    const forceFlag = env.HUIZONG_S3_FORCE_PATH_STYLE?.trim().toLowerCase();
    const forcePathStyle = forceFlag === undefined || forceFlag === "" ? endpoint !== undefined : forceFlag === "true" || forceFlag === "1";
    const client = new S3Client({
      ...(endpoint ? { endpoint } : {}),
      // Bounded waits (a Lambda has 29 s): connect within 3 s, an answer within 10 s, three attempts with the
      // SDK's standard backoff. A retried create-only write that finds its own bytes is success (putOnce).
      requestHandler: { connectionTimeout: 3_000, requestTimeout: 10_000 },
      maxAttempts: 3,
      ...(env.AWS_REGION ? { region: env.AWS_REGION } : {}),
      forcePathStyle,
      // Honour credentials passed in `env` (the default chain would only look at process.env).
      ...(env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY
        ? {
            credentials: {
              accessKeyId: env.AWS_ACCESS_KEY_ID,
              secretAccessKey: env.AWS_SECRET_ACCESS_KEY,
              ...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {}),
            },
          }
        : {}),
    });
    const prefix = env.HUIZONG_PREFIX?.trim();
    return new S3ObjectStore({ bucket, client, ...(prefix ? { prefix } : {}) });
  }
  if (kind === "fs" || kind === "file" || kind === "filesystem" || kind === "") {
    return new FsObjectStore({ root: env.HUIZONG_DATA_DIR?.trim() || ".data" });
  }
  throw new StorageConfigError(`存储配置错误：HUIZONG_STORAGE 只能是 s3 或 fs，当前为“${env.HUIZONG_STORAGE}”。`);
}
