/** Reading what handlers need out of an API Gateway HTTP API (payload v2) event. */
import type { APIGatewayProxyEventV2 } from "aws-lambda";
import { ApiError } from "./errors";

/** Largest request body accepted (bytes, after base64 decoding). */
export const MAX_BODY_BYTES = 5 * 1024 * 1024;

/** A header, case-insensitively (API Gateway lower-cases them; the local server does too). */
export function header(event: APIGatewayProxyEventV2, name: string): string | undefined {
  const want = name.toLowerCase();
  for (const [k, v] of Object.entries(event.headers ?? {})) if (k.toLowerCase() === want) return v;
  return undefined;
}

/** The raw body bytes (base64 bodies decoded); 413 past {@link MAX_BODY_BYTES}. */
export function bodyBytes(event: APIGatewayProxyEventV2): Uint8Array {
  const body = event.body ?? "";
  // Base64 is 4/3 of the bytes: refuse before decoding a body that cannot fit.
  if (event.isBase64Encoded ? body.length > Math.ceil(MAX_BODY_BYTES / 3) * 4 + 4 : body.length > MAX_BODY_BYTES) {
    throw new ApiError("PAYLOAD_TOO_LARGE");
  }
  const buf = event.isBase64Encoded ? Buffer.from(body, "base64") : Buffer.from(body, "utf8");
  if (buf.byteLength > MAX_BODY_BYTES) throw new ApiError("PAYLOAD_TOO_LARGE");
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

/** The body parsed as a JSON object; an empty body is `{}`. 400 BAD_JSON otherwise. */
export function jsonBody(event: APIGatewayProxyEventV2): Record<string, unknown> {
  const bytes = bodyBytes(event);
  if (bytes.byteLength === 0) return {};
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

/** The origin the client used (`https://abc.execute-api.../`), for absolute download links. */
export function origin(event: APIGatewayProxyEventV2): string {
  const host = header(event, "host") ?? event.requestContext.domainName;
  const proto = header(event, "x-forwarded-proto") ?? (/^(localhost|127\.|\[::1\])/.test(host) ? "http" : "https");
  return `${proto}://${host}`;
}
