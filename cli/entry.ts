/** Entry of the CLI bundle (dist/cli/entry.cjs). Registers every command module. */
import { runCli } from "./main";
import "./merge";
import "./codes";
import "./targets";
import "./library";

export async function main(argv: string[]): Promise<number> {
  return runCli(argv);
}
