#!/usr/bin/env node
/**
 * The command line. `generate` with plain flags (the build step, run on every build) is parsed with node:util and run
 * without loading yargs, so a no-op regeneration costs little more than starting Node. Everything else (another
 * command, --help, --version, a flag or form the quick parser does not take exactly as yargs would) goes to yargs,
 * which owns usage and its errors.
 */
import { plainGenerateArgs } from "./commands/generate-args.js";
import { reportError } from "./commands/shared.js";

export async function main(args: readonly string[]): Promise<number> {
  const plain = plainGenerateArgs(args);
  if (plain === undefined) return (await import("./cli-yargs.js")).parseAndRun(args);
  try {
    return await (await import("./commands/generate.js")).runGenerate(plain);
  } catch (error) {
    return reportError(error);
  }
}

process.exitCode = await main(process.argv.slice(2));
