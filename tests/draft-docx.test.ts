/**
 * The drafted summary as written in its .docx (word/document.xml and footnotes.xml), in-process:
 * the cases tests/draft-document.test.ts runs on LibreOffice's print, here on every build (once
 * per mutant under Stryker), so the mutation run sees the draft's code; and random consolidations.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { NARRATIVE_SECTIONS } from "../templates/catalog";
import { attribution, noteText } from "../templates/draft/docx";
import { draftDocx } from "../templates/draft/index";
import { buildDraft } from "../templates/draft/model";
import { splitPoints } from "../templates/draft/narrative";
import { countyM10, countyM10Cases, demoCity, demoCityCases, draftCase, expectEveryFigureNoted, strip } from "./support/draft-cases";
import { readDraftDocx } from "./support/draft-docx";
import { consolidationArb, randomConsolidation } from "./support/draft-random";
import { perMutant } from "./support/per-mutant";

describe("the demo city's draft, as written in the .docx", () => {
  demoCityCases(perMutant(() => draftCase(demoCity(), readDraftDocx, draftDocx)));
});

describe("a 1—10月 draft: 序时进度, targets to reach, two units missing, as written in the .docx", () => {
  countyM10Cases(perMutant(() => draftCase(countyM10(), readDraftDocx, draftDocx)));
});

describe("random consolidations", () => {
  it("every sentence's numbers are its figures; every town point lands in exactly one merged point", () => {
    fc.assert(
      fc.property(consolidationArb, (x) => {
        const c = randomConsolidation(x);
        const d = buildDraft(c);
        for (const s of [d.base, ...d.groups.flatMap((g) => g.sentences), ...d.targets]) {
          for (const n of s.text.match(/\d+(?:\.\d+)?/g) ?? []) expect(s.figures.some((f) => f.text.includes(n)), `${n} in ${s.text}`).toBe(true);
          for (const f of s.figures) expect(f.ref).toMatch(/^(汇总!(A2|[E-J]\d+)|分单位明细![A-Z]+\d+)/);
        }
        expect(d.base.text).toContain(c.units.filter((u) => u.status === "missing").map((u) => u.name).join("、"));
        NARRATIVE_SECTIONS.forEach((s, k) => {
          const merged = d.sections[k]!.blocks.flatMap((b) => b.points);
          c.units.forEach((u) => {
            if (!u.report) return;
            for (const text of splitPoints(u.report.record.narrative[s.key])) {
              const holders = merged.filter((p) => p.sources.some((src) => src.unit === u.name && src.text === text));
              expect(holders.length).toBe(1);
              expect(holders[0]!.units).toContain(u.name);
            }
          });
        });
      }),
      { numRuns: 150 },
    );
  });


  it("as written in the .docx: every figure sentence and every point is there, each with its note", async () => {
    for (const x of fc.sample(consolidationArb, { numRuns: 6, seed: 14 })) {
      const c = randomConsolidation(x);
      const d = buildDraft(c);
      const printed = readDraftDocx(await draftDocx(d));
      for (const s of [d.base, ...d.groups.flatMap((g) => g.sentences), ...d.targets]) {
        const at = printed.body.indexOf(strip(s.text));
        expect(at, s.text).toBeGreaterThanOrEqual(0);
        if (s.figures.length) {
          const mark = /^〔(\d+)〕/.exec(printed.body.slice(at + strip(s.text).length));
          expect(mark, s.text).not.toBeNull();
          expect(printed.notes[Number(mark![1]) - 1]).toBe(strip(noteText(s.figures)));
        }
      }
      for (const p of d.sections.flatMap((sec) => sec.blocks.flatMap((b) => b.points))) expect(printed.body).toContain(strip(`${p.text}${attribution(p.units)}。〔`));
      expectEveryFigureNoted(printed, "（初稿）");
    }
  });
});
