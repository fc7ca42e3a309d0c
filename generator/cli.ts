#!/usr/bin/env node
/** The command line: yargs turns arguments into options; the pipeline lives in index.ts. */
import { relative } from "node:path";
import yargs from "yargs";
import { hideBin } from "yargs/helpers";
import { formatPlace, SpecError, UsageError, type SourcePlace } from "./errors.js";
import { generate, type GenerateResult } from "./index.js";
import { resolveOptions } from "./options.js";

/** Exit codes, documented in the README. */
export const EXIT = { ok: 0, stale: 1, specError: 1, usage: 2, internal: 3 } as const;

async function runGenerate(argv: { spec?: string | undefined; out?: string | undefined; name?: string | undefined; check?: boolean | undefined; quiet?: boolean | undefined }): Promise<number> {
  const options = resolveOptions(argv);
  const result = await generate(options);
  const where = relative(process.cwd(), options.out) || ".";
  for (const warning of result.warnings) {
    process.stderr.write(`warning: ${formatPlace(shortPlace(warning.place))}: example does not match its schema: ${warning.valuePointer || "(root)"} ${warning.message}\n`);
  }
  if (options.check) {
    if (result.changed.length === 0) {
      if (!argv.quiet) process.stdout.write(`${where} is up to date (${result.files.length} files).\n`);
      return EXIT.ok;
    }
    process.stderr.write(`${where} is stale; regenerate with \`kapso-codegen generate\`:\n`);
    for (const file of result.changed) process.stderr.write(`  ${describeStale(file.change)} ${file.path}\n`);
    return EXIT.stale;
  }
  if (!argv.quiet) process.stdout.write(summary(where, result));
  return EXIT.ok;
}

/** Paths inside the working directory are shown relative to it, as editors and CI logs link them. */
function shortPlace(place: SourcePlace): SourcePlace {
  const shown = relative(process.cwd(), place.file);
  return shown.startsWith("..") || /^[a-z]+:/i.test(place.file) ? place : { ...place, file: shown };
}

function describeStale(change: string): string {
  return change === "create" ? "missing " : change === "remove" ? "obsolete" : "differs ";
}

function summary(where: string, result: GenerateResult): string {
  const count = (change: string): number => result.files.filter((file) => file.change === change).length;
  const written = count("create") + count("update");
  const total = Object.values(result.timings).reduce((sum, ms) => sum + ms, 0);
  return `${where}: ${result.operations} operations; ${written} files written, ${count("unchanged")} unchanged, ${count("remove")} removed (${total} ms)\n`;
}

function fail(error: unknown): number {
  if (error instanceof SpecError) {
    process.stderr.write(`kapso-codegen: ${formatPlace(shortPlace(error.place))}: ${error.message}\n`);
    return EXIT.specError;
  }
  if (error instanceof UsageError) {
    process.stderr.write(`kapso-codegen: ${error.message}\nRun \`kapso-codegen --help\` for usage.\n`);
    return EXIT.usage;
  }
  process.stderr.write(`kapso-codegen: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return EXIT.internal;
}

export async function main(args: readonly string[]): Promise<number> {
  let exitCode: number = EXIT.ok;
  const parser = yargs(args)
    .scriptName("kapso-codegen")
    .usage("$0 <command> [options]\n\nGenerates a typed TypeScript client (wrappers over openapi-fetch, plus fixtures) from an OpenAPI 3.0/3.1 spec.")
    .command(
      ["generate", "$0"],
      "Generate the client for a spec (default: the embedded Kapso spec into generated/kapso).",
      (command) =>
        command
          .option("spec", { type: "string", describe: "OpenAPI file (YAML or JSON) or http(s) URL", defaultDescription: "specs/kapso-platform.yaml" })
          .option("out", { type: "string", describe: "Output folder of this API", defaultDescription: "generated/<name>" })
          .option("name", { type: "string", describe: "Client name: 'kapso' gives createKapsoClient", defaultDescription: "the --out folder's name, else the spec's" })
          .option("check", { type: "boolean", describe: "Write nothing; exit 1 and list the files that differ from what the spec produces" })
          .option("quiet", { alias: "q", type: "boolean", describe: "Print only warnings and errors" })
          .example("$0 generate", "Regenerate generated/kapso from the Kapso spec")
          .example("$0 generate --spec api.yaml --out src/api", "Generate src/api (createApiClient) from api.yaml")
          .example("$0 generate --check", "Fail in CI when generated/ is out of date"),
      async (argv) => {
        exitCode = await runGenerate(argv);
      },
    )
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
    return fail(error);
  }
  return exitCode;
}

process.exitCode = await main(hideBin(process.argv));
