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
 */
import { resolve } from "node:path";
import { defineConfig } from "vitest/config";

/** HZ_MUTATE_TESTS="tests/checks-*.test.ts,..." narrows the set further for a run on one file. */
const only = process.env.HZ_MUTATE_TESTS?.split(",").map((s) => s.trim()).filter(Boolean);

export default defineConfig({
  test: {
    include: only?.length ? only : [
      "tests/checks-*.test.ts",
      "tests/core-checks.test.ts",
      "tests/rules-table.test.ts",
      "tests/rule-wording.test.ts",
      "tests/core-template.test.ts",
      "tests/core-helpers.test.ts",
      "tests/xlsx-shared-strings.test.ts",
      "tests/xlsx-memo.test.ts",
      "tests/xlsx-zip.test.ts",
      "tests/xlsx-zip-entry.test.ts",
      "tests/xlsx-read-units.test.ts",
      "tests/xlsx-read-edges.test.ts",
      "tests/xlsx-read-cells.test.ts",
      "tests/xlsx-read-parts.test.ts",
      "tests/xlsx-scan-messages.test.ts",
      "tests/merge.test.ts",
      "tests/merge-multilevel.test.ts",
      "tests/merge-figures.test.ts",
      "tests/city-workbook.test.ts",
      "tests/city-workbook-sheets.test.ts",
      "tests/city-workbook-cells.test.ts",
      "tests/merge-inputs.test.ts",
      "tests/roster-workbook.test.ts",
      "tests/time.test.ts",
      "tests/commit-protocol.test.ts",
      "tests/functions-auth.test.ts",
      "tests/storage-keys.test.ts",
      "tests/storage-fs.test.ts",
      "tests/service-reports.test.ts",
      "tests/service-periods.test.ts",
      "tests/service-roster.test.ts",
      "tests/read-grid.test.ts",
      "tests/core-period-numbers.test.ts",
      "tests/library-grid.test.ts",
      "tests/library-embedded-shape.test.ts",
      "tests/library-workbook.test.ts",
      "tests/catalogue-values.test.ts",
      "tests/xlsx-writer-chunks.test.ts",
      "tests/xlsx-writer.test.ts",
      "tests/targets-model.test.ts",
      "tests/targets-table.test.ts",
      "tests/service-reminders.test.ts",
      "tests/service-compare.test.ts",
      "tests/service-consolidate.test.ts",
      "tests/service-signin.test.ts",
      "tests/service-targets.test.ts",
      "tests/service-sheets.test.ts",
      "tests/service-prefill.test.ts",
      "tests/service-libraries.test.ts",
      "tests/service-peer-slips.test.ts",
      "tests/targets-history-units.test.ts",
      "tests/draft-phrasing.test.ts",
      "tests/draft-docx.test.ts",
    ],
    // LibreOffice conversions kept for the run (tests/fixtures/bad-files.ts): a file's beforeAll reruns per mutant.
    env: { HZ_LO_CACHE: resolve(import.meta.dirname, ".tmp", "lo-cache") },
    testTimeout: 60_000,
    hookTimeout: 180_000,
    allowOnly: false,
  },
});
