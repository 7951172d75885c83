/**
 * Entry point of taskpane.html. Inside Excel, Office.onReady reports host Excel
 * and the pane works on the open workbook. In an ordinary browser (office.js
 * absent, or onReady with host null) the same page becomes the standalone
 * checker for a picked .xlsx file — how clerks on WPS or old Excel use it.
 */
import { App } from "./app";
import { excelSource } from "./office/source";

// In a browser office.js answers at once (host null); this only bounds a host that never answers.
const OFFICE_READY_TIMEOUT_MS = 15_000;

async function officeHost(): Promise<string | null> {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return null;
  const info = await Promise.race([Office.onReady(), new Promise<null>((r) => setTimeout(() => r(null), OFFICE_READY_TIMEOUT_MS))]);
  return info?.host ? String(info.host) : null;
}

function openUrl(url: string): void {
  const ui = typeof Office !== "undefined" ? (Office.context?.ui as { openBrowserWindow?: (u: string) => void } | undefined) : undefined;
  if (ui?.openBrowserWindow) ui.openBrowserWindow(url);
  else window.open(url, "_blank", "noopener");
}

async function main(): Promise<void> {
  const root = document.getElementById("app")!;
  const host = await officeHost();
  const inExcel = host === "Excel";
  // A separate bundle (dist/addin/standalone.js), fetched only outside Office: Excel never loads the xlsx reader.
  const source = inExcel ? excelSource(openUrl) : new (await import("./standalone.js")).FileSource(openUrl);
  document.documentElement.dataset.host = inExcel ? "excel" : "browser";
  const app = new App({ root, source, origin: location.origin, openUrl });
  (window as unknown as { huizong?: App }).huizong = app;
  document.documentElement.dataset.ready = "1";
}

main().catch(() => {
  const root = document.getElementById("app");
  if (root) root.textContent = "任务窗格加载失败。请关闭后重新打开；如果一直这样，请联系市科技局。";
});
