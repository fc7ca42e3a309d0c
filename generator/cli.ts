#!/usr/bin/env node
/** The command line: yargs turns arguments into options; each command lives in commands/, the pipeline in index.ts. */
import yargs from "yargs";
import { hideBin } from "yargs/helpers";
import { UsageError } from "./errors.js";
import { generateOptions, runGenerate } from "./commands/generate.js";
import { EXIT, reportError } from "./commands/shared.js";

export async function main(args: readonly string[]): Promise<number> {
  let exitCode: number = EXIT.ok;
  const parser = yargs(args)
    .scriptName("kapso-codegen")
    .usage("$0 <command> [options]\n\nGenerates a typed TypeScript client (wrappers over openapi-fetch, plus fixtures) from an OpenAPI 3.0/3.1 spec.")
    .command(["generate", "$0"], "Generate the client for a spec (default: the embedded Kapso spec into generated/kapso).", generateOptions, async (argv) => {
      exitCode = await runGenerate(argv);
    })
    .strict()
    .help()
    .alias("h", "help")
    .version()
    .wrap(Math.min(110, process.stdout.columns || 110))
    .fail((message, error) => {
      throw error ?? new UsageError(message);
    });
  try {
    await parser.parseAsync();
  } catch (error) {
    return reportError(error);
  }
  return exitCode;
}

process.exitCode = await main(hideBin(process.argv));
