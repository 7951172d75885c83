/** Reading what handlers need out of an API Gateway HTTP API (payload v2) event. */
// @ts-nocheck

import type { APIGatewayProxyEventV2 } from "aws-lambda";
import { ApiError } from "./errors";

/** Largest request body accepted (bytes, after base64 decoding). */
export const MAX_BODY_BYTES = 5 * 1024 * 1024;

/** A header, case-insensitively (API Gateway lower-cases them; the local server does too). */
export function header(event: Pick<APIGatewayProxyEventV2, "headers">, name: string): string | undefined {
  const want = name.toLowerCase();
  for (const [k, v] of Object.entries(event.headers ?? {})) if (k.toLowerCase() === want) return v;
  return undefined;
}

/** 413 with the limit in the message (the table's message names the default 5 MB). */
function tooLarge(max: number): ApiError {
  if (max === MAX_BODY_BYTES) return new ApiError("PAYLOAD_TOO_LARGE");
  const mb = Math.round((max / (1024 * 1024)) * 10) / 10;
  return new ApiError("PAYLOAD_TOO_LARGE", { limit: max }, `上传的文件超过 ${mb} MB。标准报表通常只有几十 KB，请不要在报表中插入图片或附件，另存后再上传。`);
}

/** The raw body bytes (base64 bodies decoded); 413 past `max` (default {@link MAX_BODY_BYTES}). */
export function bodyBytes(event: APIGatewayProxyEventV2, max: number = MAX_BODY_BYTES): Uint8Array {
  const body = event.body ?? "";
  // Base64 is 4/3 of the bytes: refuse before decoding a body that cannot fit.
  if (event.isBase64Encoded ? body.length > Math.ceil(max / 3) * 4 + 4 : body.length > max) {
    throw tooLarge(max);
  }
  const buf = event.isBase64Encoded ? Buffer.from(body, "base64") : Buffer.from(body, "utf8");
  if (buf.byteLength > max) throw tooLarge(max);
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

/** `application/json`, with or without parameters (`; charset=utf-8`). */
const JSON_TYPE = /^application\/json\s*(;|$)/i;

/**
 * The body parsed as a JSON object; an empty body is `{}`. A body must be
 * declared `application/json` (415 UNSUPPORTED_MEDIA_TYPE otherwise: a form
 * or text post is never read as JSON); 400 BAD_JSON when it is not a JSON object.
 */
export function jsonBody(event: APIGatewayProxyEventV2): Record<string, unknown> {
  const bytes = bodyBytes(event);
  if (bytes.byteLength === 0) return {};
  if (!JSON_TYPE.test(header(event, "content-type") ?? "")) throw new ApiError("UNSUPPORTED_MEDIA_TYPE");
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    throw new ApiError("BAD_JSON");
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new ApiError("BAD_JSON");
  return value as Record<string, unknown>;
}

/** A path parameter (`{period}`), URL-decoded by API Gateway already. */
export function pathParam(event: APIGatewayProxyEventV2, name: string): string {
  return event.pathParameters?.[name] ?? "";
}

/** A query-string parameter. */
export function queryParam(event: APIGatewayProxyEventV2, name: string): string | undefined {
  return event.queryStringParameters?.[name];
}

/**
 * The base URL absolute links are built from: the configured public base URL,
 * else (on Lambda) `https://` + the API's domain as API Gateway itself
 * reports it in the request context. Never the `Host` or `X-Forwarded-*`
 * headers a client sends.
 */
export function publicBase(event: APIGatewayProxyEventV2, configured: string | null | undefined): string {
  if (configured) return configured;
  return `https://${event.requestContext.domainName}`;
}
