/** Entry of the CLI bundle (dist/cli/entry.mjs). Registers every command module. */
// @ts-nocheck

import { runCli } from "./main";
import "./merge";
import "./codes";
import "./targets";
import "./library";

export async function main(argv: string[]): Promise<number> {
  return runCli(argv);
}
