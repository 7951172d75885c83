/**
 * The test files the mutation run (`npm run mutate`, stryker.config.mjs) uses. Stryker
 * reruns, for each mutant, every test file that covers it, hooks included; so this set
 * is the in-process tests with cheap setup that cover the mutated scope.
 * Left out, because they cannot see a mutant (the code they run is a built bundle or
 * another process) or cost minutes per mutant (their setup starts servers, LibreOffice
 * or Chromium): the add-in tests, LibreOffice recalculation/printing, the CLI (runs
 * dist/), load, kill and hostile-upload tests, the deploy lint, the fast-check
 * properties, xlsx-grid.test.ts (converts files with LibreOffice inside its cases),
 * the storage suite on the servers (storage.test.ts, storage-s3.test.ts: moto or s3rver
 * started per file run, about 30 s a mutant) and the HTTP handler tests (each file starts
 * a server). The storage contract runs here on the filesystem (storage-fs.test.ts); the
 * S3 adapter is measured with HZ_MUTATE_TESTS=tests/storage-s3.test.ts; see
 * docs/mutation.md. `npm test` still runs everything.
 * The set is the shards' test files (scripts/mutation-shards.mjs), so it is written in one place;
 * `npm run mutate` hands each shard its own through HZ_MUTATE_TESTS.
 */
import { resolve } from "node:path";
import { defineConfig } from "vitest/config";
import { SHARDS } from "./scripts/mutation-shards.mjs";

/** HZ_MUTATE_TESTS="tests/checks-*.test.ts,..." narrows the set further for a run on one file. */
const only = process.env.HZ_MUTATE_TESTS?.split(",").map((s) => s.trim()).filter(Boolean);

export default defineConfig({
  test: {
    include: only?.length ? only : [...new Set(SHARDS.flatMap((s) => s.tests))],
    // LibreOffice conversions kept for the run (tests/fixtures/bad-files.ts): a file's beforeAll reruns per mutant.
    env: { HZ_LO_CACHE: resolve(import.meta.dirname, ".tmp", "lo-cache") },
    testTimeout: 60_000,
    hookTimeout: 180_000,
    allowOnly: false,
  },
});
