// @ts-nocheck
// The Lambda bundles: one per function, dist/functions/<name>/index.mjs (ESM, Node 22: the Lambda runtime),
// exporting `handler`. `sam build` makes the same bundles from the same entry points (template.yaml,
// esbuild build method); these are what the tests invoke.
export const FUNCTION_NAMES = ["submit", "status", "review", "consolidate", "download", "roster", "periods"];

export const targets = FUNCTION_NAMES.map((name) => ({
  entryPoints: [`functions/lambda/${name}.ts`],
  outfile: `dist/functions/${name}/index.mjs`,
  bundle: true,
  platform: "node",
  target: "node22",
  format: "esm",
  // The Lambda Node.js runtime ships the AWS SDK v3; only Secrets Manager (read once per container) is taken
  // from it. The S3 client is bundled so its version is the one the tests ran against.
  external: ["@aws-sdk/client-secrets-manager"],
  // exceljs is CommonJS and calls require() for Node built-ins.
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  legalComments: "none",
  sourcemap: false,
  minify: true,
  keepNames: true,
}));
