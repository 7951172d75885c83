#!/usr/bin/env node
// Runs the prebuilt CLI bundle (built by `npm install` via the prepare script, or `npm run build`).
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
const bundle = new URL("../dist/cli/entry.cjs", import.meta.url);
if (!existsSync(bundle)) {
  console.error("huizong 尚未构建，请先运行 npm install 或 npm run build (NOT_BUILT)");
  process.exit(2);
}
const { main } = createRequire(import.meta.url)(bundle.pathname);
process.exitCode = await main(process.argv.slice(2));
