/**
 * What every Chromium test of the pane starts with: the pane built into a temporary folder (office.js
 * shipped locally, as on an intranet), the real local server serving it in demo mode, and Debian's
 * Chromium. `close()` undoes all three.
 */
// @ts-nocheck

import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { build } from "esbuild";
import { chromium, type Browser } from "playwright-core";
import { startServer, type RunningServer } from "../../functions/local/server";
//  plain .mjs scripts have no type declarations
import { addinTargets } from "../../scripts/build/addin.mjs";
//  plain .mjs scripts have no type declarations
import { CHROMIUM_ARGS, ensureChromium } from "../../scripts/ensure-chromium.mjs";

export interface PaneServer {
  /** The temporary folder (pane build, data) that `close()` removes. */
  tmp: string;
  server: RunningServer;
  browser: Browser;
  close(): Promise<void>;
}

/** Build the pane, start the server over a fresh data folder with `demoPeriod` open, launch Chromium. */
export async function startPaneServer(prefix: string, demoPeriod: string): Promise<PaneServer> {
  const tmp = await mkdtemp(path.join(tmpdir(), prefix));
  const outDir = path.join(tmp, "addin");
  for (const t of addinTargets(outDir, "local")) await build({ ...t, logLevel: "error" });
  const server = await startServer({ port: 0, dataDir: path.join(tmp, "data"), addinDir: outDir, demo: true, demoPeriod, secret: `${prefix}secret-0123456789abcdef`, logLevel: "SILENT" });
  const browser = await chromium.launch({ executablePath: ensureChromium({ log: () => {} }) as string, args: CHROMIUM_ARGS });
  return {
    tmp,
    server,
    browser,
    close: async () => {
      await browser.close();
      await server.close();
      await rm(tmp, { recursive: true, force: true });
    },
  };
}
