// @ts-nocheck
// Builds the bundles once before any test (CLI, functions, add-in), so tests run what ships.
import { execFileSync } from "node:child_process";

export default function setup(): void {
  execFileSync(process.execPath, ["scripts/build.mjs"], { stdio: "inherit" });
}
