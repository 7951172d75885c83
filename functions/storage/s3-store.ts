/**
 * S3 adapter of the storage port (AWS SDK v3). Keys map 1:1 to object keys
 * under an optional prefix, so the bucket reads like the filesystem tree.
 */

import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  paginateListObjectsV2,
  PutObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3";

import { InvalidKeyInput, StorageConflict, StorageNotFound, StorageUnavailable } from "./errors";
import { assertListPrefix, assertObjectKey } from "./keys";
import { BaseObjectStore, type PutOptions } from "./port";

export interface S3ObjectStoreOptions {
  bucket: string;
  /** Key prefix inside the bucket (e.g. `huizong/`); a missing trailing `/` is added. */
  prefix?: string;
  /** A configured client; by default one from the environment (region, credentials, `AWS_ENDPOINT_URL_S3`). */
  client?: S3Client;
}

const CONTENT_TYPES: Record<string, string> = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  json: "application/json; charset=utf-8",
};

export class S3ObjectStore extends BaseObjectStore {
  readonly bucket: string;
  readonly prefix: string;
  readonly client: S3Client;

  constructor(options: S3ObjectStoreOptions) {
    super();
    if (!options.bucket) throw new InvalidKeyInput("bucket", options.bucket);
    const prefix = options.prefix ?? "";
    this.prefix = prefix === "" || prefix.endsWith("/") ? prefix : `${prefix}/`;
    if (this.prefix !== "") assertObjectKey(this.prefix.slice(0, -1));
    this.bucket = options.bucket;
    this.client = options.client ?? new S3Client({});
  }

  private objectKey(key: string): string {
    return this.prefix + assertObjectKey(key);
  }

  /**
   * `ifAbsent` sends `If-None-Match: *`: S3 (since 2024-08) then refuses the
   * write with 412 PreconditionFailed when the key exists, atomically on the
   * server side; a concurrent conditional write to the same key may get 409
   * ConditionalRequestConflict instead. Both mean "someone else has it".
   */
  async put(key: string, body: Uint8Array, opts: PutOptions = {}): Promise<void> {
    const Key = this.objectKey(key);
    const ext = key.slice(key.lastIndexOf(".") + 1);
    try {
      await this.client.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key,
          Body: body,
          ContentType: opts.contentType ?? CONTENT_TYPES[ext] ?? "application/octet-stream",
          ...(opts.ifAbsent ? { IfNoneMatch: "*" } : {}),
        }),
      );
    } catch (err) {
      const status = httpStatus(err);
      if (status === 412 || status === 409) {
        throw new StorageConflict(key, err);
      }
      throw unavailable(key, err);
    }
  }

  async get(key: string): Promise<Uint8Array> {
    const Key = this.objectKey(key);
    try {
      const out = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key }));
      if (!out.Body) return new Uint8Array(0);
      return await out.Body.transformToByteArray();
    } catch (err) {
      if (isNotFound(err) || (await this.deniedButAbsent(Key, err))) throw new StorageNotFound(key, err);
      throw unavailable(key, err);
    }
  }

  async exists(key: string): Promise<boolean> {
    const Key = this.objectKey(key);
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key }));
      return true;
    } catch (err) {
      if (isNotFound(err) || (await this.deniedButAbsent(Key, err))) return false;
      throw unavailable(key, err);
    }
  }

  /**
   * S3 answers a read of a missing key with 403 instead of 404 when the
   * caller's `s3:ListBucket` right does not cover it, and the deployment
   * grants ListBucket only with `s3:prefix` conditions (template.yaml), which
   * a GET does not carry. On a 403, list exactly that key (a request the
   * prefix condition does allow): absent → a missing key; present, or the
   * listing refused too → the 403 stands.
   */
  private async deniedButAbsent(Key: string, err: unknown): Promise<boolean> {
    if (httpStatus(err) !== 403) return false;
    try {
      const out = await this.client.send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: Key, MaxKeys: 1 }));
      return !(out.Contents ?? []).some((o) => o.Key === Key);
    } catch {
      return false;
    }
  }

  async list(prefix: string): Promise<string[]> {
    const Prefix = this.prefix + assertListPrefix(prefix);
    const keys: string[] = [];
    try {
      for await (const page of this.pages(Prefix)) {
        for (const item of page.Contents ?? []) {
          if (item.Key?.startsWith(Prefix)) keys.push(item.Key.slice(this.prefix.length));
        }
      }
    } catch (err) {
      throw unavailable(prefix, err);
    }
    // S3 already returns UTF-8 byte order (= code-unit order for ASCII keys); sorting again costs little and
    // keeps the contract independent of the server (s3rver returns directory order).
    return keys.sort();
  }

  /**
   * `ListObjectsV2` with `Delimiter: "/"`: S3 rolls every key below a child
   * folder up into one `CommonPrefixes` entry, so the cost is one request per
   * 1000 children (folders and direct objects count alike toward a page),
   * not per stored object.
   */
  async listFolders(prefix: string): Promise<string[]> {
    const Prefix = this.prefix + assertListPrefix(prefix);
    // A Set: a server may repeat a common prefix on the page after a truncation inside it.
    const folders = new Set<string>();
    try {
      for await (const page of this.pages(Prefix, "/")) {
        for (const common of page.CommonPrefixes ?? []) {
          if (common.Prefix?.startsWith(Prefix)) folders.add(common.Prefix.slice(this.prefix.length));
        }
      }
    } catch (err) {
      throw unavailable(prefix, err);
    }
    return [...folders].sort();
  }

  /** Every page of a listing (the SDK's paginator follows ContinuationToken). */
  private pages(Prefix: string, Delimiter?: string) {
    return paginateListObjectsV2({ client: this.client }, { Bucket: this.bucket, Prefix, ...(Delimiter ? { Delimiter } : {}) });
  }

  async delete(key: string): Promise<void> {
    const Key = this.objectKey(key);
    try {
      await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key }));
    } catch (err) {
      if (isNotFound(err)) return;
      throw unavailable(key, err);
    }
  }
}

function httpStatus(err: unknown): number | undefined {
  if (typeof err !== "object" || err === null || !("$metadata" in err)) return undefined;
  const meta = err.$metadata;
  if (typeof meta !== "object" || meta === null || !("httpStatusCode" in meta)) return undefined;
  return typeof meta.httpStatusCode === "number" ? meta.httpStatusCode : undefined;
}

function vendorName(err: unknown): string | undefined {
  if (typeof err !== "object" || err === null) return undefined;
  if ("Code" in err && typeof err.Code === "string") return err.Code;
  if ("name" in err && typeof err.name === "string") return err.name;
  return undefined;
}

/** `NoSuchKey` (GET), `NotFound` (HEAD has no body, so only the status), or a bare 404 — but not `NoSuchBucket`. */
function isNotFound(err: unknown): boolean {
  const name = vendorName(err);
  if (name === "NoSuchKey" || name === "NotFound") return true;
  return httpStatus(err) === 404 && name !== "NoSuchBucket";
}

function unavailable(key: string | undefined, err: unknown): Error {
  const errno = typeof err === "object" && err !== null && "code" in err && typeof err.code === "string" ? err.code : undefined;
  return new StorageUnavailable(key, errno ?? vendorName(err), err);
}
