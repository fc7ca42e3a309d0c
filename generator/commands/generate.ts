/**
 * `kapso-codegen generate`: regenerate (or, with --check, compare) each API's output folder, then the shared runtime.
 * When an API's manifest shows its inputs unchanged, it stops before loading the pipeline: a no-op run costs milliseconds.
 */
import type { Argv } from "yargs";
import { warnAboutUnresolvableRuntimeDeps } from "../check-runtime-deps.js";
import { formatPlace } from "../errors.js";
import { isRuntimeUpToDate, isUpToDate } from "../fingerprint.js";
import type { GenerateOptions, GenerateResult, RuntimeResult } from "../index.js";
import { resolveRun, type RequestedOptions } from "../options.js";
import type { FileState, Protection } from "../write/index.js";
import { EXIT, shortPath, shortPlace } from "./shared.js";

export interface GenerateArgs extends RequestedOptions {
  quiet?: boolean | undefined;
  json?: boolean | undefined;
  diff?: boolean | undefined;
}

export function apiOptions<T>(command: Argv<T>) {
  return command
    .option("spec", {
      type: "string",
      describe: "OpenAPI file (YAML or JSON) or http(s) URL",
      defaultDescription: "specs/kapso-platform.yaml",
    })
    .option("out", { type: "string", describe: "Output folder of this API", defaultDescription: "generated/<name>" })
    .option("name", {
      type: "string",
      describe: "Client name: 'kapso' gives createKapsoClient",
      defaultDescription: "the --out folder's name, else the spec's",
    })
    .option("config", {
      type: "string",
      describe: "Config file",
      defaultDescription: "kapso-codegen.config.{ts,mjs,js,json} in the current folder",
    })
    .option("api", { type: "string", array: true, describe: "Only these APIs of the config (by name)" })
    .option("strict", {
      type: "boolean",
      describe: "Treat spec flaws that are repaired with a warning, and examples that fail their own schema, as errors",
    })
    .option("msw", {
      type: "boolean",
      describe: "Also write msw.ts: Mock Service Worker handlers answering from the fixtures (needs msw 2)",
    })
    .option("quiet", { alias: "q", type: "boolean", describe: "Print only warnings and errors" })
    .option("json", { type: "boolean", describe: "Print the summary as JSON" });
}

export function generateOptions<T>(command: Argv<T>) {
  return apiOptions(command)
    .option("check", {
      type: "boolean",
      describe: "Write nothing; exit 1 and list the files that differ from what the spec produces",
    })
    .option("force", { type: "boolean", describe: "Overwrite generated files that were edited by hand" })
    .example("$0 generate", "Regenerate generated/kapso from the Kapso spec (or every API of the config file)")
    .example("$0 generate --spec api.yaml --out src/api", "Generate src/api (createApiClient) from api.yaml")
    .example("$0 generate --check", "Fail in CI when generated/ is out of date");
}

interface ApiOutcome {
  readonly options: GenerateOptions;
  readonly ms: number;
  readonly result: GenerateResult | undefined; // undefined: up to date, skipped
}

export async function runGenerate(argv: GenerateArgs): Promise<number> {
  const run = await resolveRun(argv);
  const outcomes: ApiOutcome[] = [];
  for (const options of run.apis) {
    const started = performance.now();
    const skip = !options.check && !options.force && (await isUpToDate(options));
    const result = skip
      ? undefined
      : await (await import("../index.js")).generate({ ...options, ...progress(argv, options) });
    outcomes.push({ options, ms: Math.round(performance.now() - started), result });
    if (result) printWarnings(result);
  }
  const runtimeDir = run.runtimeDir;
  const runtimeSkipped =
    runtimeDir === undefined || (!argv.check && !argv.force && (await isRuntimeUpToDate(runtimeDir)));
  const runtime = runtimeSkipped
    ? undefined
    : await (await import("../index.js")).generateRuntime(runtimeDir, { check: argv.check, force: argv.force });

  if (argv.check) return reportCheck(argv, outcomes, run.runtimeDir, runtime);
  await report(argv, outcomes, run.runtimeDir, runtime);
  warnAboutUnresolvableRuntimeDeps(run);
  return EXIT.ok;
}

/** Stage names on a terminal, so a long run on a big spec shows where it is. */
function progress(argv: GenerateArgs, options: GenerateOptions): Pick<GenerateOptions, "onStage"> {
  if (argv.quiet || argv.json || !process.stderr.isTTY) return {};
  return { onStage: (stage) => process.stderr.write(`\r\u001b[K${shortPath(options.out)}: ${stage}…`) };
}

/** Warnings shown one per line; past this many, a count (all of them are in --json). */
const SHOWN_WARNINGS = 20;

function printWarnings(result: GenerateResult): void {
  if (process.stderr.isTTY) process.stderr.write("\r\u001b[K");
  for (const warning of result.specWarnings.slice(0, SHOWN_WARNINGS))
    process.stderr.write(`warning: ${formatPlace(shortPlace(warning.place))}: ${warning.message}\n`);
  const hiddenSpecWarnings = result.specWarnings.length - SHOWN_WARNINGS;
  if (hiddenSpecWarnings > 0)
    process.stderr.write(
      `warning: … and ${hiddenSpecWarnings} more spec warnings in ${shortPath(result.out)} (all of them with --json)\n`,
    );
  for (const warning of result.warnings.slice(0, SHOWN_WARNINGS)) {
    process.stderr.write(
      `warning: ${formatPlace(shortPlace(warning.place))}: example does not match its schema: ${warning.valuePointer || "(root)"} ${warning.message}\n`,
    );
  }
  if (result.changesWarning !== undefined)
    process.stderr.write(`warning: ${shortPath(result.out)}: ${result.changesWarning}\n`);
  const hidden = result.warnings.length - SHOWN_WARNINGS;
  if (hidden > 0)
    process.stderr.write(
      `warning: … and ${hidden} more examples that do not match their schemas in ${shortPath(result.out)} (all of them with --json)\n`,
    );
  for (const warning of result.outputWarnings.slice(0, SHOWN_WARNINGS))
    process.stderr.write(`warning: ${formatPlace(shortPlace(warning.place))}: ${warning.message}\n`);
  const hiddenOutput = result.outputWarnings.length - SHOWN_WARNINGS;
  if (hiddenOutput > 0)
    process.stderr.write(
      `warning: … and ${hiddenOutput} more parts of ${shortPath(result.out)} left out or typed \`unknown\` (all of them with --json)\n`,
    );
}

export function describeStale(change: string): string {
  return change === "create" ? "missing " : change === "remove" ? "obsolete" : "differs ";
}

const PROTECTION_WORDS: Readonly<Record<Protection, string>> = {
  edited: "edited by hand",
  unowned: "not written by kapso-codegen",
  unverifiable: "unverifiable: the manifest cannot be read",
};

/**
 * What to run, truthfully: the generate command that matches this check (its flags), and, when some stale files are
 * ones generate refuses to overwrite (edited by hand, not its own), that it will refuse them unless given --force.
 */
export function staleAdvice(argv: GenerateArgs, changed: readonly FileState[]): string {
  const protectedCount = changed.filter((file) => file.protection !== undefined).length;
  const command = generateCommand(argv);
  if (protectedCount === 0) return `regenerate with \`${command}\``;
  const which = protectedCount === 1 ? "1 file marked below" : `the ${protectedCount} files marked below`;
  return `\`${command}\` will refuse to overwrite ${which}; keep what you need from ${protectedCount === 1 ? "it" : "them"}, then run \`${command} --force\``;
}

/** `kapso-codegen generate` with the flags of this run that choose what is generated. */
function generateCommand(argv: GenerateArgs): string {
  const quote = (value: string): string =>
    /^[\w./:@=-]+$/.test(value) ? value : `'${value.replaceAll("'", "'\\''")}'`;
  const flags = [
    ...(["config", "spec", "out", "name"] as const).flatMap((key) =>
      argv[key] === undefined ? [] : [`--${key}`, quote(argv[key])],
    ),
    ...(argv.api ?? []).flatMap((api) => ["--api", quote(api)]),
    ...(argv.strict ? ["--strict"] : []),
    ...(argv.msw ? ["--msw"] : []),
  ];
  return ["kapso-codegen generate", ...flags].join(" ");
}

async function reportCheck(
  argv: GenerateArgs,
  outcomes: readonly ApiOutcome[],
  runtimeDir: string | undefined,
  runtime: RuntimeResult | undefined,
): Promise<number> {
  const folders = [
    ...outcomes.map((outcome) => ({
      out: outcome.options.out,
      files: outcome.result?.files ?? [],
      changed: outcome.result?.changed ?? [],
      result: outcome.result,
    })),
    ...(runtimeDir !== undefined && runtime
      ? [{ out: runtimeDir, files: runtime.files, changed: runtime.changed, result: undefined }]
      : []),
  ];
  if (argv.json) {
    const stale = folders.map((folder) => ({
      out: shortPath(folder.out),
      stale: folder.changed.map((file) => ({ path: file.path, change: file.change })),
    }));
    process.stdout.write(`${JSON.stringify({ apis: stale }, null, 2)}\n`);
  }
  let failed = false;
  for (const folder of folders) {
    const where = shortPath(folder.out);
    if (folder.changed.length === 0) {
      if (!argv.quiet && !argv.json) process.stdout.write(`${where} is up to date (${folder.files.length} files).\n`);
      continue;
    }
    failed = true;
    process.stderr.write(`${where} is stale; ${staleAdvice(argv, folder.changed)}:\n`);
    for (const file of folder.changed)
      process.stderr.write(
        `  ${describeStale(file.change)} ${file.path}${file.protection === undefined ? "" : ` (${PROTECTION_WORDS[file.protection]})`}\n`,
      );
    if (argv.diff && folder.result)
      process.stderr.write(await (await import("./diff-output.js")).unifiedDiff(folder.out, folder.result));
  }
  return failed ? EXIT.failed : EXIT.ok;
}

function count(result: GenerateResult, ...changes: string[]): number {
  return result.files.filter((file) => changes.includes(file.change)).length;
}

async function report(
  argv: GenerateArgs,
  outcomes: readonly ApiOutcome[],
  runtimeDir: string | undefined,
  runtime: RuntimeResult | undefined,
): Promise<void> {
  if (argv.json) {
    const apis = outcomes.map(({ options, ms, result }) =>
      result === undefined
        ? { out: shortPath(options.out), name: options.name, upToDate: true, ms }
        : {
            out: shortPath(options.out),
            name: options.name,
            upToDate: false,
            operations: result.operations,
            written: count(result, "create", "update"),
            unchanged: count(result, "unchanged"),
            removed: count(result, "remove"),
            files: result.files.map((file) => ({ path: file.path, change: file.change })),
            warnings: result.warnings.map((warning) => ({
              ...warning.place,
              valuePointer: warning.valuePointer,
              message: warning.message,
            })),
            specWarnings: result.specWarnings.map((warning) => ({ ...warning.place, message: warning.message })),
            outputWarnings: result.outputWarnings.map((warning) => ({ ...warning.place, message: warning.message })),
            changes: result.changes ?? null,
            ...(result.changesWarning !== undefined ? { changesWarning: result.changesWarning } : {}),
            ms,
            timings: result.timings,
          },
    );
    const shared =
      runtimeDir === undefined
        ? undefined
        : { out: shortPath(runtimeDir), upToDate: runtime === undefined, written: runtime?.changed.length ?? 0 };
    process.stdout.write(`${JSON.stringify({ apis, ...(shared ? { runtime: shared } : {}) }, null, 2)}\n`);
    return;
  }
  if (argv.quiet) return;
  const files = (n: number): string => `${n} ${n === 1 ? "file" : "files"}`;
  for (const { options, ms, result } of outcomes) {
    const where = shortPath(options.out);
    if (result === undefined) {
      process.stdout.write(`${where}: up to date (${ms} ms)\n`);
      continue;
    }
    process.stdout.write(
      `${where}: ${result.operations} operations; ${files(count(result, "create", "update"))} written, ${count(result, "unchanged")} unchanged, ${count(result, "remove")} removed (${ms} ms)\n`,
    );
    if (result.changes && result.changes.changes.length > 0) {
      const { formatChangeReportText } = await import("../changes/index.js"); // only now: a no-op run stays light
      process.stdout.write(indent(formatChangeReportText(result.changes)));
    }
  }
  if (runtimeDir !== undefined)
    process.stdout.write(
      `${shortPath(runtimeDir)}: shared runtime; ${runtime ? `${files(runtime.changed.length)} written` : "up to date"}\n`,
    );
}

function indent(text: string): string {
  return text.replace(/^(?=.)/gm, "  ");
}
