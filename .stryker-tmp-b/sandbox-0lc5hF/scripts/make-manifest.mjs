// @ts-nocheck
// Writes manifest.xml (repo root) from addin/manifest.template.xml. The server's base address is set
// in this one place: HUIZONG_BASE_URL (default http://localhost:3000, the local server of `npm start`).
// The committed manifest.xml is the default output; tests/addin-manifest.test.ts checks they agree.
//
//   node scripts/make-manifest.mjs                                   → manifest.xml for localhost
//   HUIZONG_BASE_URL=https://kj.example.gov.cn node scripts/make-manifest.mjs [out.xml]
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const DEFAULT_BASE_URL = "http://localhost:3000";
const TEMPLATE = new URL("../addin/manifest.template.xml", import.meta.url);

/** Check and normalise a base URL: https, or http only for localhost; no trailing slash, no query. */
export function normaliseBaseUrl(raw) {
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`HUIZONG_BASE_URL is not a URL: ${raw}`);
  }
  const local = url.hostname === "localhost" || url.hostname === "127.0.0.1";
  if (url.protocol !== "https:" && !(url.protocol === "http:" && local)) {
    throw new Error(`HUIZONG_BASE_URL must be https:// (Office refuses http add-ins except on localhost): ${raw}`);
  }
  if (url.search || url.hash) throw new Error(`HUIZONG_BASE_URL must not carry a query or fragment: ${raw}`);
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
}

function escapeXmlAttr(s) {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** The manifest text for a base URL. */
export function renderManifest(baseUrl = DEFAULT_BASE_URL) {
  const base = escapeXmlAttr(normaliseBaseUrl(baseUrl));
  return readFileSync(TEMPLATE, "utf8")
    .replace(/<!--[\s\S]*?-->\n/, "<!-- Generated from addin/manifest.template.xml by scripts/make-manifest.mjs; edit those, not this file. -->\n")
    .replaceAll("{{BASE_URL}}", base);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const out = process.argv[2] ?? fileURLToPath(new URL("../manifest.xml", import.meta.url));
  const base = process.env.HUIZONG_BASE_URL || DEFAULT_BASE_URL;
  writeFileSync(out, renderManifest(base));
  console.log(`${out}  (base ${normaliseBaseUrl(base)})`);
}
