// The Excel task pane: dist/addin/ (taskpane.html, commands.html, taskpane.js + a lazily loaded
// standalone chunk with the xlsx reader, taskpane.css, assets/icon-*.png). Served by the local
// server under /addin/, or by any static host in production.
//
// HUIZONG_OFFICE_JS picks where the HTML loads office.js from:
//   local (default)  "office.js" next to the page — the local server serves it from @microsoft/office-js,
//                    so development and the browser tests need no network;
//   cdn              https://appsforoffice.microsoft.com/lib/1/hosted/office.js — what Office requires
//                    of a published add-in. Build production with: HUIZONG_OFFICE_JS=cdn npm run build
import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

export const OUT_DIR = "dist/addin";
export const OFFICE_JS_URLS = {
  cdn: "https://appsforoffice.microsoft.com/lib/1/hosted/office.js",
  local: "office.js",
};

/** Which office.js the HTML loads (env HUIZONG_OFFICE_JS; default local). */
export function officeJsMode(env = process.env) {
  const mode = (env.HUIZONG_OFFICE_JS || "local").trim().toLowerCase();
  if (!(mode in OFFICE_JS_URLS)) throw new Error(`HUIZONG_OFFICE_JS must be "cdn" or "local", not "${mode}"`);
  return mode;
}

/** The page's HTML with the office.js script tag filled in. */
export function renderHtml(template, mode) {
  return template.replace("{{OFFICE_JS}}", `<script src="${OFFICE_JS_URLS[mode]}"></script>`);
}

/** Writes the HTML pages (office.js filled in) and the icons next to the bundles. */
const statics = (outDir, mode) => ({
  name: "addin-static",
  setup(build) {
    build.onEnd((result) => {
      if (result.errors.length) return;
      mkdirSync(join(outDir, "assets"), { recursive: true });
      for (const page of ["taskpane.html", "commands.html"]) {
        writeFileSync(join(outDir, page), renderHtml(readFileSync(join(ROOT, "addin", page), "utf8"), mode));
      }
      for (const f of readdirSync(join(ROOT, "addin/assets"))) if (f.endsWith(".png")) copyFileSync(join(ROOT, "addin/assets", f), join(outDir, "assets", f));
    });
  },
});

const common = {
  bundle: true,
  minify: true,
  sourcemap: "linked",
  legalComments: "none",
  logLevel: "warning",
  charset: "utf8",
};

// Office's webviews: Edge WebView2 (Windows), WKWebView (Mac), the browser for Excel on the web.
const script = { ...common, format: "esm", platform: "browser", target: "es2020" };

/** esbuild options for the pane, writing into `outDir` (tests build into a temporary folder). */
export function addinTargets(outDir = OUT_DIR, mode = officeJsMode()) {
  return [
    {
      // What Excel loads: the pane and the Office.js adapter. No file reader (exceljs, fflate, saxes):
      // tests/addin-pane.test.ts checks the metafile.
      ...script,
      entryPoints: { taskpane: join(ROOT, "addin/taskpane.ts") },
      outdir: outDir,
      // Loaded at run time, only outside Office (see addin/taskpane.ts).
      external: ["./standalone.js"],
      plugins: [statics(outDir, mode)],
    },
    {
      // The standalone page's file source: the browser-safe xlsx reader (fflate + saxes).
      ...script,
      entryPoints: { standalone: join(ROOT, "addin/standalone.ts") },
      outdir: outDir,
    },
    {
      ...common,
      entryPoints: { taskpane: join(ROOT, "addin/taskpane.css") },
      outdir: outDir,
      target: ["chrome90", "edge90", "safari15", "firefox90"],
    },
  ];
}

export const targets = addinTargets();

/** Bytes and gzip bytes of each output, and whether the Office path pulled in a file reader. */
export function bundleSizes(result) {
  const rows = [];
  for (const [file, out] of Object.entries(result.metafile?.outputs ?? {})) {
    if (file.endsWith(".map")) continue;
    const bytes = readFileSync(file.startsWith("/") ? file : join(process.cwd(), file));
    const inputs = Object.entries(out.inputs).filter(([, v]) => v.bytesInOutput > 0).map(([k]) => k);
    // A few dozen bytes of the reader's module-level constants may remain; the reader itself may not.
    const readerBytes = Object.entries(out.inputs).filter(([k]) => k.startsWith("templates/xlsx/")).reduce((n, [, v]) => n + v.bytesInOutput, 0);
    rows.push({
      file,
      bytes: bytes.length,
      gzip: gzipSync(bytes).length,
      entry: out.entryPoint ?? null,
      packages: [...new Set(inputs.map((i) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(i)?.[1]).filter(Boolean))].sort(),
      heavy: readerBytes > 1024 || inputs.some((i) => /node_modules\/(exceljs|fflate|saxes|xmlchars)\/|templates\/build\.ts/.test(i)),
    });
  }
  return rows;
}

export function report(result) {
  for (const r of bundleSizes(result)) {
    const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
    const note = r.file.endsWith("standalone.js") ? "  (standalone page only: xlsx reader)" : r.heavy ? "  !! includes a file reader" : "";
    console.log(`${r.file.padEnd(44)} ${kb(r.bytes).padStart(10)}  gzip ${kb(r.gzip).padStart(9)}${note}`);
  }
}
