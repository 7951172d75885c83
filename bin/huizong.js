#!/usr/bin/env node
// Runs the prebuilt CLI bundle (built by `npm install` via the prepare script, or `npm run build`).
//
// CommonJS (bin/package.json), like the bundle: Node 20 reaches the first line of an ES module
// ~30 ms later than a CommonJS file's, as it starts its module loader first; a command then took
// 0.12 s to print its usage instead of 0.135 s (median of 20 runs each, in alternation).
const { existsSync } = require("node:fs");
const { join } = require("node:path");
const { Worker, isMainThread, parentPort } = require("node:worker_threads");

const bundle = join(__dirname, "..", "dist", "cli", "entry.cjs");

/**
 * A merge of more arguments than this runs in a worker thread whose young generation is capped
 * (V8 sizes it when a thread starts: only a command-line flag or a worker's resource limits set it).
 * Left alone, it grows to two 16 MB halves over a thousand files, as every report read survives a
 * collection. Measured in alternation (median wall, highest peak): 1,000 files 1.46 s both, peak
 * 103 MB against 112; 600 files about the same time, 88 MB against 103. A worker takes ~50 ms to
 * start here, which smaller merges do not repay: 400 files 0.84 s against 0.82 s, 150 files 0.575 s
 * against 0.515 s, at the same peak.
 */
const WORKER_FROM_ARGS = 500;
const YOUNG_GENERATION_MB = 12;

/**
 * Let glibc's malloc keep the memory a big merge frees, instead of handing it back to the kernel and
 * faulting it in again. Each report read leaves inflated parts (zlib's output, ~60 KB a file) to the
 * collector; freed in bulk, they leave the top of the thread's malloc heap free, and above 128 KB of
 * it glibc trims it (madvise): a 1,000-file merge trimmed ~17 times 2–3 MB, each page faulted back in
 * later, at up to 10 µs a fault on these virtual machines. glibc raises its thresholds when a block it
 * mapped is freed (mallopt(3), "dynamic mmap threshold"): the mmap threshold to that block's size and
 * the trim threshold to twice that. An untouched buffer of 31 MB (under the 32 MB cap; calloc maps it,
 * so no page is touched), collected at the thread's first scavenge, sets them to 31 and 62 MB. Node
 * gives no other hold on mallopt. Elsewhere (musl, Windows) this allocates and frees a buffer, no more.
 * Measured in alternation, 1,000 files, 8 rounds: CPU 1.79 s against 1.87 s, wall 1.26 s against
 * 1.295 s (medians); page faults ~16,000 against ~21,000; peak 100–107 MB against 100–101 MB.
 */
function raiseMallocTrimThreshold() {
  new ArrayBuffer(31 << 20);
}

/** Exit with `code` once stdout and stderr have drained (pipes are asynchronous on POSIX). */
function exitWhenDrained(code) {
  // Every command has done its work when main returns (files are written synchronously): exiting here
  // skips freeing the heap piece by piece, 20–30 ms after a 1,000-file merge.
  let open = 2;
  const drained = () => {
    if (--open === 0) process.exit(code);
  };
  process.stdout.write("", drained);
  process.stderr.write("", drained);
}

if (!isMainThread) {
  raiseMallocTrimThreshold();
  require(bundle)
    .main(process.argv.slice(2))
    .then((code) => parentPort.postMessage(code));
} else if (!existsSync(bundle)) {
  console.error("huizong 尚未构建，请先运行 npm install 或 npm run build (NOT_BUILT)");
  process.exit(2);
} else {
  const args = process.argv.slice(2);
  if (args[0] === "merge" && args.length > WORKER_FROM_ARGS) {
    let code = 1;
    const worker = new Worker(__filename, { argv: args, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
    worker.on("message", (c) => (code = c));
    worker.on("error", (e) => {
      console.error(`汇总未能完成：${e && e.message ? e.message : e}。请重试；若再次出现，请把这条信息发给技术支持 (WORKER_FAILED)`);
      code = 1;
    });
    // Its output has reached this thread's stdout and stderr when it has exited.
    worker.on("exit", () => exitWhenDrained(code));
  } else {
    require(bundle).main(args).then(exitWhenDrained);
  }
}
