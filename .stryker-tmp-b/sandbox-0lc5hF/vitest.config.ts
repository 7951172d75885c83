// @ts-nocheck
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    globalSetup: ["tests/support/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Two cores here: keep at most two test files (some start LibreOffice or Chromium) at once.
    maxWorkers: 2,
    pool: "forks",
    allowOnly: false,
  },
});
