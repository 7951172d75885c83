// @ts-nocheck
import { beforeAll, it } from "vitest";
import { flat, inspectEdited as inspect, loadBaseGrid, tuples } from "./support/grid-edits";
beforeAll(loadBaseGrid);
it("scratch", () => {
  const r = inspect([...flat("D02", 30), ...flat("D03", 50), ...flat("D04", 10), ["D01", "current", 91], ["D01", "prior", 90], ["D01", "target", -1], ["E02", "current", 31], ["E02", "prior", 10]], { preparer: null }, { B4: null });
  console.log(JSON.stringify(tuples(r)));
});
