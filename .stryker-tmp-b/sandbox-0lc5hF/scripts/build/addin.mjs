// @ts-nocheck
// The Excel task pane: dist/addin/ (taskpane.html, commands.html, taskpane.js + a lazily loaded
// standalone chunk with the xlsx reader, taskpane.css, assets/icon-*.png). Served by the local
// server under /addin/, or by any static host in production.
//
// HUIZONG_OFFICE_JS picks where the pages load office.js from:
//   local (default)  "office-js/office.js" next to the page: the build copies office.js and every companion
//                    file Excel asks for (host files, locale strings, telemetry) from @microsoft/office-js
//                    into dist/addin/office-js/, so the deployment needs no internet (bureau intranets);
//   cdn              https://appsforoffice.microsoft.com/lib/1/hosted/office.js — Microsoft's evergreen copy,
//                    for deployments that reach the internet (and required for AppSource).
// taskpane.html loads office.js itself, and only inside Office (addin/office/host.ts); commands.html
// (always inside Office) has a plain script tag.
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

export const OUT_DIR = "dist/addin";
export const OFFICE_JS_URLS = {
  cdn: "https://appsforoffice.microsoft.com/lib/1/hosted/office.js",
  local: "office-js/office.js",
};

/**
 * What of @microsoft/office-js the local mode ships: office.js loads `<host>-<platform>-<version>.js`
 * from its own folder (Excel: win32 16.00/16.01, mac, web, ios, android, winrt; 15.x for Office 2013),
 * `<locale>/office_strings.js` (falling back to en-us), the telemetry sink, es6-promise for IE.
 */
export const OFFICE_JS_FILES = /^(?!.*\.debug\.js$)(office\.js|excel[\w.-]*\.js|o15apptofilemappingtable\.js|es6-promise\.js|(en-us|zh-cn|zh-tw|zh-hk)\/office_strings\.js|telemetry\/oteljs(_agave)?\.js|ariatelemetry\/aria-web-telemetry\.js)$/;

/** Which office.js the HTML loads (env HUIZONG_OFFICE_JS; default local). */
export function officeJsMode(env = process.env) {
  const mode = (env.HUIZONG_OFFICE_JS || "local").trim().toLowerCase();
  if (!(mode in OFFICE_JS_URLS)) throw new Error(`HUIZONG_OFFICE_JS must be "cdn" or "local", not "${mode}"`);
  return mode;
}

/** The page's HTML with office.js filled in: a script tag (commands.html) or the address the pane loads (taskpane.html). */
export function renderHtml(template, mode) {
  return template.replace("{{OFFICE_JS}}", `<script src="${OFFICE_JS_URLS[mode]}"></script>`).replace("{{OFFICE_JS_URL}}", OFFICE_JS_URLS[mode]);
}

/** Copy office.js and its companion files into `outDir`/office-js (local mode). Returns the files copied. */
export function copyOfficeJs(outDir) {
  const dist = join(ROOT, "node_modules/@microsoft/office-js/dist");
  const copied = [];
  rmSync(join(outDir, "office-js"), { recursive: true, force: true });
  const walk = (rel) => {
    for (const e of readdirSync(join(dist, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(r);
      else if (OFFICE_JS_FILES.test(r)) {
        mkdirSync(join(outDir, "office-js", rel), { recursive: true });
        copyFileSync(join(dist, r), join(outDir, "office-js", r));
        copied.push(r);
      }
    }
  };
  walk("");
  return copied.sort();
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
      copyFileSync(join(ROOT, "addin/legacy.js"), join(outDir, "legacy.js"));
      if (mode === "local") copyOfficeJs(outDir);
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

// Office's webviews: Edge WebView2 (Microsoft 365, Office 2021), EdgeHTML (Office 2019 and 2016 on
// Windows 10 1903+, which cannot parse `??` or `?.`), WKWebView (Mac), the browser for Excel on the web.
// ES2018 syntax at most; tests/addin-pane.test.ts parses every shipped script with acorn at 2018.
// IE11 (Office 2016/2019 on older Windows) ignores type="module" and runs legacy.js instead.
export const SCRIPT_TARGET = ["es2018", "edge18"];
const script = { ...common, platform: "browser", target: SCRIPT_TARGET };

/** esbuild options for the pane, writing into `outDir` (tests build into a temporary folder). */
export function addinTargets(outDir = OUT_DIR, mode = officeJsMode()) {
  return [
    {
      // What Excel loads: the pane and the Office.js adapter. No file reader (exceljs, fflate, saxes):
      // tests/addin-pane.test.ts checks the metafile.
      ...script,
      format: "esm",
      entryPoints: { taskpane: join(ROOT, "addin/taskpane.ts") },
      outdir: outDir,
      plugins: [statics(outDir, mode)],
    },
    {
      // The standalone page's file source: the browser-safe xlsx reader (fflate and its own XML scanners).
      // A classic script (no dynamic import(): ES2020 syntax), added by the pane only outside Office.
      ...script,
      format: "iife",
      globalName: "huizongStandalone",
      entryPoints: { standalone: join(ROOT, "addin/standalone.ts") },
      outdir: outDir,
    },
    {
      // The template writer (exceljs), loaded by the pane only on hosts without CompressedFile
      // (addin/office/report-bytes.ts): the report rebuilt from the values read.
      ...script,
      format: "iife",
      globalName: "huizongWriter",
      entryPoints: { "report-writer": join(ROOT, "addin/report-writer.ts") },
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
    const note = r.file.endsWith("standalone.js")
      ? "  (standalone page only: xlsx reader)"
      : r.file.endsWith("report-writer.js")
        ? "  (only on hosts without CompressedFile: template writer)"
        : r.heavy
          ? "  !! includes a file reader"
          : "";
    console.log(`${r.file.padEnd(44)} ${kb(r.bytes).padStart(10)}  gzip ${kb(r.gzip).padStart(9)}${note}`);
  }
}
