/**
 * Entry point of taskpane.html. The host is guessed locally first
 * (office/host.ts): in a plain browser the page becomes the standalone checker
 * at once, without loading office.js (which, outside Office, would wait for
 * scripts from the internet). Only when the page looks hosted by Office is
 * office.js loaded and Office.onReady awaited; host Excel → the pane works on
 * the open workbook, anything else → the standalone checker.
 */
// @ts-nocheck

import { App } from "./app";
import { guessOfficeHost, loadScript, officeJsAddress } from "./office/host";
import { excelSource } from "./office/source";
import type { FileSource } from "./standalone";

// Inside Office office.js answers within a second or two; this only bounds a host that never answers.
const OFFICE_READY_TIMEOUT_MS = 15_000;

async function officeHost(): Promise<string | null> {
  if (!guessOfficeHost(window).office) return null;
  if (typeof Office === "undefined" && !(await loadScript(document, officeJsAddress(document), OFFICE_READY_TIMEOUT_MS))) return null;
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return null;
  const info = await Promise.race([Office.onReady(), new Promise<null>((r) => setTimeout(() => r(null), OFFICE_READY_TIMEOUT_MS))]);
  return info?.host ? String(info.host) : null;
}

function openUrl(url: string): void {
  const office = typeof Office !== "undefined" ? Office : undefined;
  const ui = office?.context?.ui as { openBrowserWindow?: (u: string) => void } | undefined;
  // OpenBrowserWindowApi 1.1: the clerk's browser, not a window inside the webview.
  if (ui?.openBrowserWindow && office?.context?.requirements?.isSetSupported?.("OpenBrowserWindowApi", "1.1")) ui.openBrowserWindow(url);
  else window.open(url, "_blank", "noopener");
}

/** The standalone bundle (dist/addin/standalone.js, a classic script setting `huizongStandalone`), loaded only outside Office. */
async function fileSource(): Promise<FileSource> {
  type Standalone = { FileSource: new (open: (url: string) => void) => FileSource };
  const global = window as unknown as { huizongStandalone?: Standalone };
  if (!global.huizongStandalone && !(await loadScript(document, "standalone.js", 30_000))) throw new Error("standalone.js");
  return new global.huizongStandalone!.FileSource(openUrl);
}

async function main(): Promise<void> {
  const root = document.getElementById("app")!;
  const host = await officeHost();
  const inExcel = host === "Excel";
  // Excel never loads the xlsx reader: it is in the separate standalone bundle.
  const source = inExcel ? excelSource(openUrl) : await fileSource();
  document.documentElement.dataset.host = inExcel ? "excel" : "browser";
  const app = new App({ root, source, origin: location.origin, openUrl });
  (window as unknown as { huizong?: App }).huizong = app;
  document.documentElement.dataset.ready = "1";
  // Time to interactive, for tests/addin-offline.test.ts (from navigation start).
  if (typeof performance !== "undefined" && performance.mark) performance.mark("huizong-ready");
}

main().catch(() => {
  const root = document.getElementById("app");
  if (root) root.textContent = "任务窗格加载失败。请关闭后重新打开；如果一直这样，请联系市科技局。";
});
