// @ts-nocheck
// Finds the Chromium the browser tests drive (playwright-core, no bundled browser), or installs
// Debian's `chromium` package with apt-get when running as root — and says which it did.
//
//   node scripts/ensure-chromium.mjs          prints the path (exit 1 with instructions if it cannot)
//   import { ensureChromium } from "./scripts/ensure-chromium.mjs"   (test setup)
//
// HUIZONG_CHROMIUM=/path/to/chrome overrides the search.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { installDebianPackages } from "./apt.mjs";

export const CHROMIUM_CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/lib/chromium/chromium"];

/** Launch arguments for a quiet, sandbox-less headless run in containers and CI. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export function findChromium(env = process.env) {
  const override = env.HUIZONG_CHROMIUM?.trim();
  if (override) return existsSync(override) ? override : null;
  return CHROMIUM_CANDIDATES.find((p) => existsSync(p)) ?? null;
}

/** The Chromium executable; installs Debian's package first when missing and allowed. */
export function ensureChromium({ log = (m) => console.log(m), env = process.env } = {}) {
  const found = findChromium(env);
  if (found) {
    log(`chromium: using ${found}`);
    return found;
  }
  if (env.HUIZONG_CHROMIUM?.trim()) throw new Error(`HUIZONG_CHROMIUM=${env.HUIZONG_CHROMIUM} does not exist`);
  log("chromium: not found; installing Debian's chromium with apt-get (browser tests need it)");
  installDebianPackages(["chromium"]);
  const installed = findChromium(env);
  if (!installed) throw new Error("apt-get installed chromium but no executable was found in " + CHROMIUM_CANDIDATES.join(", "));
  log(`chromium: installed ${installed}`);
  return installed;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    console.log(ensureChromium({ log: (m) => console.error(m) }));
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  }
}
