/**
 * `kapso-codegen generate`: regenerate (or, with --check, compare) one API's output folder. When the manifest shows the
 * inputs are unchanged it stops before loading the pipeline, so a no-op run costs milliseconds.
 */
import type { Argv } from "yargs";
import { formatPlace } from "../errors.js";
import { fingerprint, fingerprintInput, isUpToDate } from "../fingerprint.js";
import type { GenerateOptions, GenerateResult } from "../index.js";
import { resolveOptions } from "../options.js";
import { EXIT, shortPath, shortPlace } from "./shared.js";

export interface GenerateArgs {
  spec?: string | undefined;
  out?: string | undefined;
  name?: string | undefined;
  check?: boolean | undefined;
  force?: boolean | undefined;
  strict?: boolean | undefined;
  quiet?: boolean | undefined;
  json?: boolean | undefined;
}

export function generateOptions<T>(command: Argv<T>) {
  return command
    .option("spec", { type: "string", describe: "OpenAPI file (YAML or JSON) or http(s) URL", defaultDescription: "specs/kapso-platform.yaml" })
    .option("out", { type: "string", describe: "Output folder of this API", defaultDescription: "generated/<name>" })
    .option("name", { type: "string", describe: "Client name: 'kapso' gives createKapsoClient", defaultDescription: "the --out folder's name, else the spec's" })
    .option("check", { type: "boolean", describe: "Write nothing; exit 1 and list the files that differ from what the spec produces" })
    .option("force", { type: "boolean", describe: "Overwrite generated files that were edited by hand" })
    .option("strict", { type: "boolean", describe: "Treat spec examples that fail their own schema as errors" })
    .option("quiet", { alias: "q", type: "boolean", describe: "Print only warnings and errors" })
    .option("json", { type: "boolean", describe: "Print the summary as JSON" })
    .example("$0 generate", "Regenerate generated/kapso from the Kapso spec")
    .example("$0 generate --spec api.yaml --out src/api", "Generate src/api (createApiClient) from api.yaml")
    .example("$0 generate --check", "Fail in CI when generated/ is out of date");
}

export async function runGenerate(argv: GenerateArgs): Promise<number> {
  const options = resolveOptions(argv);
  const started = performance.now();
  if (!options.check && !options.force && (await upToDate(options))) {
    report(argv, { out: options.out, upToDate: true, ms: Math.round(performance.now() - started) });
    return EXIT.ok;
  }
  const { generate } = await import("../index.js");
  const result = await generate(options);
  printWarnings(result);
  if (options.check) return reportCheck(argv, result);
  const { formatChangeReportText } = await import("../changes/index.js");
  report(argv, { out: options.out, result, ms: Math.round(performance.now() - started) });
  if (!argv.quiet && !argv.json && result.changes && result.changes.changes.length > 0) process.stdout.write(formatChangeReportText(result.changes));
  return EXIT.ok;
}

async function upToDate(options: GenerateOptions): Promise<boolean> {
  if (/^https?:/i.test(options.spec)) return false;
  try {
    return await isUpToDate(options.out, await fingerprint(fingerprintInput(options)));
  } catch {
    return false; // an unreadable input: let the full pipeline report it properly
  }
}

function printWarnings(result: GenerateResult): void {
  for (const warning of result.warnings) {
    process.stderr.write(`warning: ${formatPlace(shortPlace(warning.place))}: example does not match its schema: ${warning.valuePointer || "(root)"} ${warning.message}\n`);
  }
}

function reportCheck(argv: GenerateArgs, result: GenerateResult): number {
  const where = shortPath(result.out);
  if (argv.json) process.stdout.write(`${JSON.stringify({ out: where, stale: result.changed.map((file) => ({ path: file.path, change: file.change })) }, null, 2)}\n`);
  if (result.changed.length === 0) {
    if (!argv.quiet && !argv.json) process.stdout.write(`${where} is up to date (${result.files.length} files).\n`);
    return EXIT.ok;
  }
  process.stderr.write(`${where} is stale; regenerate with \`kapso-codegen generate\`:\n`);
  for (const file of result.changed) process.stderr.write(`  ${describeStale(file.change)} ${file.path}\n`);
  return EXIT.failed;
}

function describeStale(change: string): string {
  return change === "create" ? "missing " : change === "remove" ? "obsolete" : "differs ";
}

type Outcome = { out: string; ms: number } & ({ upToDate: true } | { result: GenerateResult });

function report(argv: GenerateArgs, outcome: Outcome): void {
  const where = shortPath(outcome.out);
  if (argv.json) {
    process.stdout.write(`${JSON.stringify(summaryJson(where, outcome), null, 2)}\n`);
  } else if (!argv.quiet) {
    process.stdout.write("upToDate" in outcome ? `${where}: up to date (${outcome.ms} ms)\n` : summaryLine(where, outcome.result, outcome.ms));
  }
}

function count(result: GenerateResult, ...changes: string[]): number {
  return result.files.filter((file) => changes.includes(file.change)).length;
}

function summaryLine(where: string, result: GenerateResult, ms: number): string {
  const files = (n: number): string => `${n} ${n === 1 ? "file" : "files"}`;
  return `${where}: ${result.operations} operations; ${files(count(result, "create", "update"))} written, ${count(result, "unchanged")} unchanged, ${count(result, "remove")} removed (${ms} ms)\n`;
}

function summaryJson(where: string, outcome: Outcome): object {
  if ("upToDate" in outcome) return { out: where, upToDate: true, ms: outcome.ms };
  const { result } = outcome;
  return {
    out: where,
    upToDate: false,
    operations: result.operations,
    written: count(result, "create", "update"),
    unchanged: count(result, "unchanged"),
    removed: count(result, "remove"),
    files: result.files.map((file) => ({ path: file.path, change: file.change })),
    warnings: result.warnings.map((warning) => ({ ...warning.place, valuePointer: warning.valuePointer, message: warning.message })),
    changes: result.changes ?? null,
    ms: outcome.ms,
    timings: result.timings,
  };
}
