/** Building API Gateway v2 responses: JSON for everything, bytes for downloads. */
// @ts-nocheck

import type { APIGatewayProxyStructuredResultV2 } from "aws-lambda";

export type Response = APIGatewayProxyStructuredResultV2 & { statusCode: number; headers: Record<string, string> };

const JSON_HEADERS = { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" };

/** A JSON answer. */
export function json(statusCode: number, body: object): Response {
  return { statusCode, headers: { ...JSON_HEADERS }, body: JSON.stringify(body), isBase64Encoded: false };
}

/** An error answer `{ ok: false, code, message, ...extra }`. */
export function errorJson(statusCode: number, code: string, message: string, extra: Record<string, unknown> = {}): Response {
  return json(statusCode, { ok: false, code, message, ...extra });
}

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Content type of a Word document (the drafted summary). */
export const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/**
 * A file download. The file name is Chinese, so it goes in RFC 5987
 * `filename*`, with an ASCII fallback for old clients.
 */

export function file(bytes: Uint8Array, fileName: string, contentType = XLSX_TYPE): Response {
  // Old clients ignore filename*; give them a plain ASCII name rather than a row of underscores.
  const ascii = /^[\x20-\x7e]+$/.test(fileName) ? fileName.replace(/["\\]/g, "_") : `huizong${fileName.slice(fileName.lastIndexOf("."))}`;
  return {
    statusCode: 200,
    headers: {
      "content-type": contentType,
      "content-disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      "content-length": String(bytes.byteLength),
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
    body: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64"),
    isBase64Encoded: true,
  };
}
