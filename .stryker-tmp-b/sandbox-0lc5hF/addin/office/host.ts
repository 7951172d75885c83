/**
 * Is this page inside an Office host? Decided from what the page already has —
 * no network round trip — so the standalone page (WPS, a plain browser on a
 * bureau intranet) never waits for office.js, and office.js (which, outside
 * Office, goes looking for MicrosoftAjax.js on the internet) is loaded only
 * inside Office.
 *
 * The signals are the ones office.js itself reads to learn its host
 * (`_retrieveHostInfo` in office.debug.js): the `_host_Info` query parameter
 * Office appends to the add-in's URL (Excel on the web, Mac, Windows), the
 * copy office.js keeps in `sessionStorage` ("hostInfoValue") or in
 * `window.name` across navigations, and the Windows webview's
 * `window.external.GetHostInfo`. A page framed by another page (Excel on the
 * web hosts add-ins in an iframe) is treated as "maybe Office" too.
 */
// @ts-nocheck


/** The parts of `window` the decision reads (a plain object in tests). */
export interface HostProbe {
  location: { search: string; hash: string };
  name?: string;
  sessionStorage?: { getItem(key: string): string | null } | null;
  external?: unknown;
  top?: unknown;
  self?: unknown;
}

export type HostGuess = { office: true; via: "query" | "session" | "window-name" | "external" | "frame" } | { office: false };

function param(query: string, key: string): string | null {
  for (const part of query.replace(/^[?#]/, "").split("&")) {
    const eq = part.indexOf("=");
    if ((eq < 0 ? part : part.slice(0, eq)) === key) return eq < 0 ? "" : part.slice(eq + 1);
  }
  return null;
}

/** Decide locally whether to load office.js. Never throws. */
export function guessOfficeHost(w: HostProbe): HostGuess {
  try {
    if (param(w.location.search, "_host_Info") || param(w.location.hash, "_host_Info")) return { office: true, via: "query" };
  } catch {
    /* fall through */
  }
  try {
    if (w.sessionStorage?.getItem("hostInfoValue")) return { office: true, via: "session" };
  } catch {
    // Storage can be disabled by policy; that is no evidence either way.
  }
  try {
    const named: unknown = w.name ? JSON.parse(w.name) : null;
    if (named && typeof named === "object" && "hostInfo" in named && (named as { hostInfo?: unknown }).hostInfo) return { office: true, via: "window-name" };
  } catch {
    /* window.name is not office.js's JSON */
  }
  try {
    // IE/EdgeHTML webviews expose host methods on window.external (typeof "unknown" for COM methods in IE).
    const ext = w.external as Record<string, unknown> | undefined;
    if (ext && typeof ext === "object" && "GetHostInfo" in ext) return { office: true, via: "external" };
  } catch {
    /* a hostile getter: not Office */
  }
  try {
    if (w.top !== undefined && w.self !== undefined && w.top !== w.self) return { office: true, via: "frame" };
  } catch {
    // Cross-origin top: framed, as Excel on the web frames add-ins.
    return { office: true, via: "frame" };
  }
  return { office: false };
}

/** Add a classic script to the page and wait for it; false when it fails or takes longer than `timeoutMs`. */
export function loadScript(doc: Document, src: string, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = doc.createElement("script");
    const timer = setTimeout(() => resolve(false), timeoutMs);
    s.src = src;
    s.onload = () => {
      clearTimeout(timer);
      resolve(true);
    };
    s.onerror = () => {
      clearTimeout(timer);
      resolve(false);
    };
    doc.head.appendChild(s);
  });
}

/** The office.js address the build wrote into the page (`<meta name="huizong-office-js">`). */
export function officeJsAddress(doc: Document): string {
  const meta = doc.querySelector('meta[name="huizong-office-js"]');
  return meta?.getAttribute("content") || "office-js/office.js";
}
