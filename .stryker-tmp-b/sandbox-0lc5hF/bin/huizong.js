#!/usr/bin/env node
// @ts-nocheck
// Runs the prebuilt CLI bundle (built by `npm install` via the prepare script, or `npm run build`).
import { existsSync } from "node:fs";
const bundle = new URL("../dist/cli/entry.mjs", import.meta.url);
if (!existsSync(bundle)) {
  console.error("huizong 尚未构建，请先运行 npm install 或 npm run build (NOT_BUILT)");
  process.exit(2);
}
const { main } = await import(bundle.href);
process.exitCode = await main(process.argv.slice(2));
