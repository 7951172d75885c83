// @ts-nocheck
// The command line bundle: dist/cli/entry.mjs (+ lazily loaded chunks), run by bin/huizong.js.
// Code splitting keeps exceljs in its own chunk, loaded only by commands that write a workbook.
import { rmSync } from "node:fs";

// Chunk names are content hashes: start from an empty folder so old chunks do not pile up.
rmSync("dist/cli", { recursive: true, force: true });

export const targets = [
  {
    entryPoints: { entry: "cli/entry.ts", "read-worker": "cli/read-worker.ts" },
    outdir: "dist/cli",
    outExtension: { ".js": ".mjs" },
    splitting: true,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "esm",
    // exceljs is CommonJS and calls require() for Node built-ins.
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    legalComments: "none",
  },
];
