// @ts-nocheck
// Builds every bundle with esbuild. Each file in scripts/build/ exports `targets`,
// an array of esbuild options, so each part of the product owns its own build entry.
import { build } from "esbuild";
import { readdirSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { join } from "node:path";

const dir = fileURLToPath(new URL("./build/", import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith(".mjs")).sort();
const only = process.argv.slice(2);
for (const f of files) {
  if (only.length && !only.some((o) => f.startsWith(o))) continue;
  const { targets, report } = await import(pathToFileURL(join(dir, f)).href);
  for (const t of targets) {
    const result = await build({ metafile: true, logLevel: "warning", ...t });
    if (report) await report(result, t);
  }
}
