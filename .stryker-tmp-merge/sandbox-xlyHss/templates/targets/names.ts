/** The issuing unit's row is marked "（本级）" after its name in 目标任务分解表. */
// @ts-nocheck

export const OWN_SUFFIX = "（本级）";

/** The issuing unit's name as written in its row ("某市（本级）" → "某市"). */
export function ownName(written: string): string {
  return written.endsWith(OWN_SUFFIX) ? written.slice(0, -OWN_SUFFIX.length) : written;
}
