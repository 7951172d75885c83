#!/usr/bin/env node
// Runs the prebuilt CLI bundle (built by `npm install` via the prepare script, or `npm run build`).
//
// CommonJS (bin/package.json), like the bundle: Node 20 reaches the first line of an ES module
// ~30 ms later than a CommonJS file's, as it starts its module loader first; a command then took
// 0.12 s to print its usage instead of 0.135 s (median of 20 runs each, in alternation).
const { existsSync } = require("node:fs");
const { join } = require("node:path");

const bundle = join(__dirname, "..", "dist", "cli", "entry.cjs");
if (!existsSync(bundle)) {
  console.error("huizong 尚未构建，请先运行 npm install 或 npm run build (NOT_BUILT)");
  process.exit(2);
}
require(bundle)
  .main(process.argv.slice(2))
  .then((code) => {
    // Every command has done its work when main returns: files are written synchronously. Exiting
    // here skips freeing the heap piece by piece (20–30 ms after a 1,000-file merge), once stdout
    // and stderr have drained, since pipes are asynchronous on Windows.
    let open = 2;
    const drained = () => {
      if (--open === 0) process.exit(code);
    };
    process.stdout.write("", drained);
    process.stderr.write("", drained);
  });
