// The command line bundle: dist/cli.mjs, run by bin/huizong.js.
export const targets = [
  {
    entryPoints: ["cli/entry.ts"],
    outfile: "dist/cli.mjs",
    bundle: true,
    platform: "node",
    target: "node20",
    format: "esm",
    // exceljs is CommonJS and calls require() for Node built-ins.
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    legalComments: "none",
  },
];
