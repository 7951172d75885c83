// @ts-nocheck
// 
/**
 * Mutation testing (`npm run mutate`): StrykerJS over the code whose bugs cost most.
 * The scope is by folder, so files split or added there are mutated without a change
 * here. Narrow a run with `npm run mutate -- --mutate templates/checks.ts`.
 * Reports: reports/mutation/mutation.{json,html} (gitignored). Equivalent mutants
 * are listed in docs/mutation.md. Not part of `npm test`.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: "vitest",
  vitest: { configFile: "vitest.stryker.config.ts" },
  checkers: ["typescript"],
  tsconfigFile: "tsconfig.json",
  // Only mutants a type-checker accepts are run (the others are counted as compile errors, not survivors).
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  coverageAnalysis: "perTest",
  mutate: [
    "templates/**/*.ts",
    "functions/service/**/*.ts",
    "functions/auth/**/*.ts",
    "functions/storage/**/*.ts",
    // Not logic: the sample/demo figures (the tests build their fixtures from them).
    "!templates/samples.ts",
  ],
  ignoreStatic: true,
  reporters: ["json", "html", "clear-text", "progress"],
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  htmlReporter: { fileName: "reports/mutation/mutation.html" },
  // Two cores, shared: one test runner beside the checker.
  concurrency: 2,
  timeoutMS: 20_000,
  thresholds: { high: 90, low: 85, break: null },
  tempDirName: ".stryker-tmp",
  // Not copied into the sandbox: another run's sandbox (runs side by side use their own temp dir), bench fixtures, reports.
  ignorePatterns: [".stryker-tmp*", ".tmp", "reports", "out"],
  cleanTempDir: "always",
};
