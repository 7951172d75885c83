// @ts-check
/**
 * The mutation run's shards: which source files (`mutate`) each Stryker run mutates and which
 * test files it reruns for them (`tests`). Every file of the scope in stryker.config.mjs belongs
 * to exactly one shard (scripts/mutate.mjs refuses to run otherwise), so the shards' reports
 * together are the whole scope. Why shards: a mutant reruns every covering test file with its
 * hooks, so one run over everything with every test file takes many hours on two cores; each
 * shard reruns only the in-process tests written for its code (vitest.stryker.config.ts holds
 * the reasons some test files are never in a run). Entries are files or folders (subfolders
 * included); a file named by two shards belongs to the more specific entry (a file over its
 * folder, a folder over its parent). The order is the order of the runs: the checks and the merge
 * first (the issue's bar for them is the highest), then the shards measured least so far, the
 * reader (3,300 mutants) last.
 *
 * @typedef {{ name: string, mutate: string[], tests: string[], moto?: boolean }} Shard
 * @type {Shard[]}
 */
export const SHARDS = [
  {
    name: "checks",
    mutate: ["templates/checks.ts", "templates/checks", "templates/rules", "templates/rule-names.ts"],
    tests: [
      "tests/checks-edges.test.ts",
      "tests/checks-messages.test.ts",
      "tests/checks-settings.test.ts",
      "tests/core-checks.test.ts",
      "tests/rules-table.test.ts",
      "tests/rule-wording.test.ts",
      "tests/core-helpers.test.ts",
      "tests/time.test.ts",
    ],
  },
  {
    name: "merge-model",
    mutate: ["templates/merge/merge.ts", "templates/merge/growth.ts", "templates/merge/slips.ts", "templates/merge/inputs.ts", "templates/merge/json.ts", "templates/merge/roster.ts"],
    tests: ["tests/merge.test.ts", "tests/merge-multilevel.test.ts", "tests/merge-figures.test.ts", "tests/merge-inputs.test.ts", "tests/roster-workbook.test.ts", "tests/merge-growth-json.test.ts"],
  },
  {
    name: "city-workbook",
    mutate: ["templates/merge"],
    tests: ["tests/city-workbook.test.ts", "tests/city-workbook-sheets.test.ts", "tests/city-workbook-cells.test.ts", "tests/roster-workbook.test.ts"],
  },
  {
    name: "library",
    mutate: ["templates/library"],
    tests: [
      "tests/library-grid.test.ts",
      "tests/library-embedded-shape.test.ts",
      "tests/library-workbook.test.ts",
      "tests/library-sha256.test.ts",
      "tests/library-embed-memo.test.ts",
      "tests/library-write-cells.test.ts",
      "tests/library-read-edges.test.ts",
      "tests/library-cross-check.test.ts",
    ],
  },
  {
    name: "draft",
    mutate: ["templates/draft"],
    tests: ["tests/draft-phrasing.test.ts", "tests/draft-docx.test.ts", "tests/draft-table.test.ts", "tests/draft-layout.test.ts", "tests/draft-narrative.test.ts"],
  },
  {
    name: "service-reports",
    mutate: ["functions/service/reports.ts", "functions/service/unit-log.ts", "functions/service/merge-engine.ts", "functions/service/native-deflate.ts"],
    tests: [
      "tests/service-reports.test.ts",
      "tests/commit-protocol.test.ts",
      "tests/service-consolidate.test.ts",
      "tests/functions-merge-engine.test.ts",
      "tests/service-prefill.test.ts",
      "tests/xlsx-zip-entry.test.ts",
      "tests/service-unit-log.test.ts",
      "tests/service-merge-engine.test.ts",
    ],
  },
  {
    name: "template-build",
    mutate: ["templates/build.ts", "templates/layout.ts"],
    tests: ["tests/core-template.test.ts", "tests/template-build-edges.test.ts"],
  },
  // One moto for the whole run (HZ_MOTO_ENDPOINT, tests/support/moto.ts): a start per mutant costs seconds.
  { name: "storage-s3", mutate: ["functions/storage"], tests: ["tests/storage-s3.test.ts"], moto: true },
  {
    name: "service",
    mutate: ["functions/service"],
    tests: [
      "tests/service-periods.test.ts",
      "tests/service-roster.test.ts",
      "tests/service-reminders.test.ts",
      "tests/service-compare.test.ts",
      "tests/service-consolidate.test.ts",
      "tests/service-signin.test.ts",
      "tests/service-targets.test.ts",
      "tests/service-sheets.test.ts",
      "tests/service-prefill.test.ts",
      "tests/service-libraries.test.ts",
      "tests/service-peer-slips.test.ts",
      "tests/service-held-records.test.ts",
    ],
  },
  {
    name: "storage-fs",
    mutate: ["functions/storage/keys.ts", "functions/storage/errors.ts", "functions/storage/fs-store.ts", "functions/storage/port.ts"],
    tests: ["tests/storage-keys.test.ts", "tests/storage-fs.test.ts"],
  },
  { name: "auth", mutate: ["functions/auth"], tests: ["tests/functions-auth.test.ts"] },
  {
    name: "core",
    mutate: ["templates"],
    tests: ["tests/read-grid.test.ts", "tests/catalogue-values.test.ts", "tests/core-helpers.test.ts", "tests/cell-text.test.ts", "tests/core-period-numbers.test.ts", "tests/time.test.ts", "tests/core-checks.test.ts"],
  },
  {
    name: "targets",
    mutate: ["templates/targets", "templates/history.ts", "templates/record.ts"],
    tests: ["tests/targets-model.test.ts", "tests/targets-table.test.ts", "tests/targets-history-units.test.ts"],
  },
  {
    name: "xlsx-writer",
    mutate: ["templates/xlsx/writer"],
    tests: ["tests/xlsx-writer.test.ts", "tests/xlsx-writer-refs.test.ts", "tests/xlsx-writer-chunks.test.ts"],
  },
  {
    name: "xlsx-reader",
    mutate: ["templates/xlsx"],
    tests: [
      "tests/xlsx-shared-strings.test.ts",
      "tests/xlsx-memo.test.ts",
      "tests/xlsx-zip.test.ts",
      "tests/xlsx-zip-entry.test.ts",
      "tests/xlsx-read-units.test.ts",
      "tests/xlsx-read-edges.test.ts",
      "tests/xlsx-read-cells.test.ts",
      "tests/xlsx-read-parts.test.ts",
      "tests/xlsx-scan-messages.test.ts",
      "tests/xlsx-byte-text.test.ts",
    ],
  },
];
