/**
 * Browser hardening headers, one table for the local server and the
 * deployment: a Content-Security-Policy and `X-Content-Type-Options:
 * nosniff` on every answer, and CORS only for configured origins (default:
 * none, i.e. same origin only; never `*`).
 *
 * API answers (JSON, downloads) are never pages: their CSP allows nothing.
 * The task pane's pages get a policy that lets them run: scripts from the
 * server itself and from Microsoft's Office CDN (office.js may come from
 * either, see addin/README.md), inline scripts only by hash (computed from
 * the page served), styles and images from the server, API calls to the
 * server. `frame-ancestors` is left open to Office's hosts, which show the
 * pane in a frame (Excel on the web).
 */
// @ts-nocheck

import { createHash } from "node:crypto";

/** Where office.js comes from when the pane is built with `HUIZONG_OFFICE_JS=cdn`. */
export const OFFICE_CDN = "https://appsforoffice.microsoft.com";

/** Office hosts that frame the task pane (Excel on the web, Office's own pages). */
const OFFICE_FRAME_HOSTS = ["https://*.officeapps.live.com", "https://*.office.com", "https://*.office365.com", "https://*.microsoft.com", "https://*.sharepoint.com"];

export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

export const API_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "content-security-policy": API_CSP,
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
};

/** sha256 CSP sources of the page's inline `<script>` blocks (e.g. commands.html's Office.onReady). */
function inlineScriptHashes(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)) {
    out.push(`'sha256-${createHash("sha256").update(m[1]!, "utf8").digest("base64")}'`);
  }
  return out;
}

/** The CSP of a task pane page (`html`: the page's text, for its inline script hashes). */
export function pageCsp(html?: string): string {
  const scripts = ["'self'", OFFICE_CDN, ...(html ? inlineScriptHashes(html) : [])];
  return [
    "default-src 'self'",
    `script-src ${scripts.join(" ")}`,
    "style-src 'self'",
    "img-src 'self' data:",
    `connect-src 'self' ${OFFICE_CDN}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors 'self' ${OFFICE_FRAME_HOSTS.join(" ")}`,
  ].join("; ");
}

/** Headers of a static answer (pages, scripts, styles, images). */
export function pageSecurityHeaders(html?: string): Record<string, string> {
  return { "content-security-policy": pageCsp(html), "x-content-type-options": "nosniff", "referrer-policy": "no-referrer" };
}

/** CORS headers for a request from `origin`: the allow headers only when it is listed. */
export function corsHeaders(origin: string | undefined, allowed: readonly string[]): Record<string, string> {
  const vary = { vary: "Origin" };
  if (!origin || !allowed.includes(origin)) return vary;
  return { ...vary, "access-control-allow-origin": origin, "access-control-expose-headers": "content-disposition" };
}

/** A preflight answer's headers: the methods and headers the API uses, for listed origins only. */
export function preflightHeaders(origin: string | undefined, allowed: readonly string[]): Record<string, string> {
  const base = corsHeaders(origin, allowed);
  if (!("access-control-allow-origin" in base)) return base;
  return { ...base, "access-control-allow-methods": "GET, POST, PUT", "access-control-allow-headers": "authorization, content-type", "access-control-max-age": "600" };
}
