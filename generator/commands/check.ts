/** `kapso-codegen check`: the full pipeline in memory, compared with disk, with a short diff; exit 1 when stale. */
import type { Argv } from "yargs";
import { apiOptions, runGenerate, type GenerateArgs } from "./generate.js";

export function checkOptions<T>(command: Argv<T>) {
  return apiOptions(command).example(
    "$0 check",
    "In CI: exit 1, with a diff, when generated/ is not what the spec produces",
  );
}

export function runCheck(argv: GenerateArgs): Promise<number> {
  return runGenerate({ ...argv, check: true, diff: true });
}
