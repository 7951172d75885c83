/**
 * The drafted summary, printed: the demo city's draft (and a 1—10月 county
 * draft, and random consolidations) go through LibreOffice to PDF and back to
 * text; the headline sentences, 个百分点, missing units, every town's point and
 * every figure's cell note must be there. The notes' cells are read back from
 * the city workbook itself, so each figure is traceable to the cell that shows it.
 * The same cases run on the .docx's own XML, in-process, in tests/draft-docx.test.ts.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { attribution, noteText } from "../templates/draft/docx";
import { draftDocx } from "../templates/draft/index";
import { buildDraft } from "../templates/draft/model";
import { printDraft } from "./support/draft-pdf";
import { countyM10, countyM10Cases, demoCity, demoCityCases, draftCase, expectEveryFigureNoted, strip, type DraftCase } from "./support/draft-cases";
import { consolidationArb, randomConsolidation } from "./support/draft-random";
import fc from "fast-check";

describe("the demo city's draft, printed by LibreOffice", () => {
  let printed: Promise<DraftCase>;
  beforeAll(async () => {
    printed = draftCase(demoCity(), printDraft, draftDocx);
    await printed;
  }, 240_000);
  demoCityCases(() => printed);
});

describe("a 1—10月 draft: 序时进度, targets to reach, two units missing, printed by LibreOffice", () => {
  let printed: Promise<DraftCase>;
  beforeAll(async () => {
    printed = draftCase(countyM10(), printDraft, draftDocx);
    await printed;
  }, 240_000);
  countyM10Cases(() => printed);
});

describe("random consolidations", () => {
  it("printed by LibreOffice: every figure sentence and every point is there, each with its note", async () => {
    const samples = fc.sample(consolidationArb, { numRuns: 2, seed: 14 });
    for (const x of samples) {
      const c = randomConsolidation(x);
      const d = buildDraft(c);
      const printed = printDraft(await draftDocx(d));
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
  }, 480_000);
});
