/**
 * A fixture built anew for every test, except while Stryker runs a mutant: then every test
 * of that run shares one build, made with the mutant active. Stryker switches one mutant on
 * for a whole run of the covering tests (docs/mutation.md), so the shared build is exactly
 * what each test would have built; outside a mutant run (`npm test`, Stryker's coverage run,
 * which attributes what each test executes to that test) nothing is shared. Share only what no
 * test changes (bytes, not an exceljs workbook: reading a cell there creates it).
 */
// @ts-nocheck

type StrykerGlobal = { activeMutant?: string };

export function perMutant<T>(build: () => Promise<T>): () => Promise<T> {
  let cached: { mutant: string; value: Promise<T> } | undefined;
  return () => {
    const mutant = (globalThis as { __stryker__?: StrykerGlobal }).__stryker__?.activeMutant;
    if (mutant === undefined) return build();
    if (cached?.mutant !== mutant) cached = { mutant, value: build() };
    return cached.value;
  };
}
