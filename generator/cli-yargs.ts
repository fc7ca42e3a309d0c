/**
 * The full command line: yargs turns arguments into options, and owns help, --version and usage errors. Each command
 * lives in commands/, the pipeline in index.ts.
 */
import yargs from "yargs";
import { UsageError } from "./errors.js";
import { checkOptions, runCheck } from "./commands/check.js";
import { diffOptions, runDiff } from "./commands/diff.js";
import { generateOptions, runGenerate } from "./commands/generate.js";
import { initOptions, runInit } from "./commands/init.js";
import { inputsOptions, runInputs } from "./commands/inputs.js";
import { runWatch, watchOptions } from "./commands/watch.js";
import { EXIT, reportError } from "./commands/shared.js";

export async function parseAndRun(args: readonly string[]): Promise<number> {
  let exitCode: number = EXIT.ok;
  const parser = yargs(args)
    .scriptName("kapso-codegen")
    .usage(
      "$0 <command> [options]\n\nGenerates a typed TypeScript client (wrappers over openapi-fetch, plus fixtures) from an OpenAPI 3.0/3.1 spec.",
    )
    .command(
      ["generate", "$0"],
      "Generate the client for a spec (default: the embedded Kapso spec into generated/kapso).",
      generateOptions,
      async (argv) => {
        exitCode = await runGenerate(argv);
      },
    )
    .command(
      "check",
      "Run the pipeline in memory and compare the whole output with disk; exit 1, with a diff, when stale.",
      checkOptions,
      async (argv) => {
        exitCode = await runCheck(argv);
      },
    )
    .command(
      "diff",
      "Report what changed for callers between a previous spec (git ref or file) and the current one.",
      diffOptions,
      async (argv) => {
        exitCode = await runDiff(argv);
      },
    )
    .command(
      "watch",
      "Regenerate whenever the spec, a file it $refs, or the config changes.",
      watchOptions,
      async (argv) => {
        exitCode = await runWatch(argv);
      },
    )
    .command(
      "inputs",
      "List the files and values each API's output is made from, and the files it writes (for build caches).",
      inputsOptions,
      async (argv) => {
        exitCode = await runInputs(argv);
      },
    )
    .command("init", "Write a starter kapso-codegen.config.ts.", initOptions, async (argv) => {
      exitCode = await runInit(argv);
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
