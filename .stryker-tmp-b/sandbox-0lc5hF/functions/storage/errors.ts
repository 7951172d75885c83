/**
 * Errors of the storage port.
 *
 * Adapters translate every vendor error (Node `ENOENT`/`EEXIST`/`EIO`, S3
 * `NoSuchKey`/`PreconditionFailed`/HTTP status, socket errors) into one of
 * these, so callers never see vendor shapes. Each carries a stable English
 * `code` (for programs, logs and HTTP answers) and a Simplified-Chinese
 * `message` a clerk can read. Handlers map them to HTTP; the rest of the code
 * treats storage failures as exceptional (they are I/O, not findings).
 */
// @ts-nocheck


export type StorageErrorCode =
  | "STORAGE_NOT_FOUND"
  | "STORAGE_CONFLICT"
  | "STORAGE_UNAVAILABLE"
  | "STORAGE_CORRUPT"
  | "INVALID_KEY_INPUT";

const MESSAGES: Record<StorageErrorCode, string> = {
  STORAGE_NOT_FOUND: "要读取的数据不存在（可能尚未上传或已被删除）。",
  STORAGE_CONFLICT: "数据已存在，不能重复写入。请刷新后重试。",
  STORAGE_UNAVAILABLE: "存储服务暂时不可用，数据未能读取或保存。请稍后重试；如持续出现，请联系市科技局。",
  STORAGE_CORRUPT: "存储中的数据已损坏，无法读取。请联系市科技局。",
  INVALID_KEY_INPUT: "请求中的参数格式不正确（报告期、单位代码或版本号无效）。",
};

/** Base class of every storage error; `instanceof StorageError` catches them all. */
export abstract class StorageError extends Error {
  abstract readonly code: StorageErrorCode;
  /** The object key involved, when there is one (logs only; never shown to clerks). */
  readonly key: string | undefined;

  protected constructor(code: StorageErrorCode, key: string | undefined, detail: string | undefined, cause: unknown) {
    super(detail ? `${MESSAGES[code]}（${detail}）` : MESSAGES[code], cause === undefined ? undefined : { cause });
    this.key = key;
  }
}

/** The key does not exist (`ENOENT`, `NoSuchKey`, HTTP 404). */
export class StorageNotFound extends StorageError {
  readonly code = "STORAGE_NOT_FOUND" as const;
  override readonly name = "StorageNotFound";
  constructor(key: string, cause?: unknown) {
    super("STORAGE_NOT_FOUND", key, undefined, cause);
  }
}

/** A write with `ifAbsent` found the key already there (`EEXIST`, HTTP 412/409). */
export class StorageConflict extends StorageError {
  readonly code = "STORAGE_CONFLICT" as const;
  override readonly name = "StorageConflict";
  constructor(key: string, cause?: unknown) {
    super("STORAGE_CONFLICT", key, undefined, cause);
  }
}

/** The backend failed: network, permissions, disk full, 5xx, missing bucket... Usually worth a retry later. */
export class StorageUnavailable extends StorageError {
  readonly code = "STORAGE_UNAVAILABLE" as const;
  override readonly name = "StorageUnavailable";
  /** Vendor error name or errno code, for logs (e.g. `ECONNREFUSED`, `NoSuchBucket`). */
  readonly vendorCode: string | undefined;
  constructor(key: string | undefined, vendorCode: string | undefined, cause?: unknown) {
    super("STORAGE_UNAVAILABLE", key, undefined, cause);
    this.vendorCode = vendorCode;
  }
}

/** The stored bytes are not what a convenience reader expects (invalid UTF-8 or JSON). */
export class StorageCorrupt extends StorageError {
  readonly code = "STORAGE_CORRUPT" as const;
  override readonly name = "StorageCorrupt";
  constructor(key: string, cause?: unknown) {
    super("STORAGE_CORRUPT", key, undefined, cause);
  }
}

/**
 * A key builder (or an adapter's key check) refused its input. Thrown before
 * any I/O, so a key built from request data can never leave its prefix.
 */
export class InvalidKeyInput extends StorageError {
  readonly code = "INVALID_KEY_INPUT" as const;
  override readonly name = "InvalidKeyInput";
  /** Which input was refused: `periodId`, `unitCode`, `versionId`, `key`, ... */
  readonly field: string;
  constructor(field: string, value: unknown) {
    super("INVALID_KEY_INPUT", undefined, `${field}: ${describe(value)}`, undefined);
    this.field = field;
  }
}

/** Short, log-safe rendering of a refused value (control characters escaped, length capped). */
function describe(value: unknown): string {
  if (typeof value !== "string") return typeof value;
  return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
}
