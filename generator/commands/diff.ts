/**
 * `kapso-codegen diff --base <git ref or spec file>`: what changed for callers of the generated client between a
 * previous spec and the current one, per API. Both sides go through the same `loadSpec`, so they are compared in the
 * same bundled, canonical form; a spec taken from git is written to a temporary file of the same name for that.
 */
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import type { Argv } from "yargs";
import type * as changesModule from "../changes/index.js";
import type { ChangeReport } from "../changes/index.js";
import { SpecError, UsageError } from "../errors.js";
import type { GenerateOptions } from "../index.js";
import type { LoadedSpec } from "../load/index.js";
import { isUrl } from "../load/read.js";
import { resolveRun } from "../options.js";
import { readSpecAtRef } from "./git-spec.js";
import { EXIT, shortPath } from "./shared.js";
import { externalRefs, parseLeniently, refTargetFile } from "./spec-files.js";

export interface DiffArgs {
  readonly base: string;
  readonly spec?: string | undefined;
  readonly config?: string | undefined;
  readonly api?: readonly string[] | undefined;
  readonly format?: "text" | "json" | undefined;
  readonly failOnBreaking?: boolean | undefined;
}

export function diffOptions<T>(command: Argv<T>) {
  return command
    .option("base", {
      type: "string",
      demandOption: true,
      describe: "The previous spec: a git ref (HEAD~1, main, a tag) or a spec file",
    })
    .option("spec", {
      type: "string",
      describe: "The current spec file (or URL)",
      defaultDescription: "each API of the config, else specs/kapso-platform.yaml",
    })
    .option("config", {
      type: "string",
      describe: "Config file",
      defaultDescription: "kapso-codegen.config.{ts,mjs,js,json} in the current folder",
    })
    .option("api", { type: "string", array: true, describe: "Only these APIs of the config (by name)" })
    .option("format", { choices: ["text", "json"] as const, default: "text" as const, describe: "Report format" })
    .option("fail-on-breaking", { type: "boolean", describe: "Exit 1 when any change is breaking" })
    .example("$0 diff --base HEAD~1", "What the last commit changed for callers of the Kapso client")
    .example("$0 diff --base main --fail-on-breaking", "In CI: fail a branch that breaks callers")
    .example("$0 diff --base old.yaml --spec new.yaml --format json", "Compare two spec files, as JSON");
}

/** Where the previous spec comes from. */
export type BaseSource =
  { readonly kind: "file"; readonly location: string } | { readonly kind: "git"; readonly ref: string };

/**
 * An existing file (or a URL) is a file; so is a name that looks like a spec file, so a mistyped path is reported as a
 * missing file rather than as an unknown ref. Anything else is a git ref.
 */
export function classifyBase(base: string, cwd = process.cwd()): BaseSource {
  if (isUrl(base)) return { kind: "file", location: base };
  const path = resolve(cwd, base);
  if (existsSync(path) || /\.(ya?ml|json)$/i.test(base)) return { kind: "file", location: path };
  return { kind: "git", ref: base };
}

export interface ApiDiff {
  readonly name: string;
  /** The current spec, as shown to the user. */
  readonly spec: string;
  /** The previous spec, as shown to the user: a path, or `<ref>:<path>`. */
  readonly base: string;
  readonly report: ChangeReport;
}

/** The pipeline modules diff needs, imported on demand so other commands do not pay for them at startup. */
interface Engine {
  readonly loadSpec: (source: string) => Promise<LoadedSpec>;
  readonly changes: typeof changesModule;
}

async function loadEngine(): Promise<Engine> {
  const [{ loadSpec }, changes] = await Promise.all([import("../load/index.js"), import("../changes/index.js")]);
  return { loadSpec, changes };
}

export async function runDiff(argv: DiffArgs): Promise<number> {
  const run = await resolveRun({ spec: argv.spec, config: argv.config, api: argv.api }, process.cwd(), "read");
  const base = classifyBase(argv.base);
  if (base.kind === "file" && run.apis.length > 1) {
    throw new UsageError(
      `--base ${argv.base} is one spec file, but ${run.apis.length} APIs are configured; pick one with --api NAME or --spec FILE`,
    );
  }
  const engine = await loadEngine();
  const diffs: ApiDiff[] = [];
  for (const api of run.apis) diffs.push(await diffApi(engine, api, base));

  process.stdout.write(argv.format === "json" ? diffJson(engine, diffs) : diffText(engine, diffs));
  const breaking = totalSummary(diffs).breaking;
  if (argv.failOnBreaking && breaking > 0) {
    process.stderr.write(
      `kapso-codegen: ${breaking} breaking ${breaking === 1 ? "change" : "changes"} for callers (--fail-on-breaking)\n`,
    );
    return EXIT.failed;
  }
  return EXIT.ok;
}

async function diffApi(engine: Engine, api: GenerateOptions, base: BaseSource): Promise<ApiDiff> {
  const current = await engine.loadSpec(api.spec);
  const previous =
    base.kind === "file" ? await loadFromFile(engine, base.location) : await loadFromGit(engine, api.spec, base.ref);
  return {
    name: api.name,
    spec: shownLocation(api.spec),
    base: previous.label,
    report: engine.changes.compareSpecs(previous.spec.document, current.document),
  };
}

function shownLocation(location: string): string {
  return isUrl(location) ? location : shortPath(location);
}

async function loadFromFile(engine: Engine, location: string): Promise<{ spec: LoadedSpec; label: string }> {
  // Checked here so the message says which of the two specs is missing.
  if (!isUrl(location) && !existsSync(location))
    throw new SpecError("cannot read the base spec (--base): no such file", { file: location });
  return { spec: await engine.loadSpec(location), label: shownLocation(location) };
}

/** The spec as it was at `ref`, loaded from a temporary copy that keeps its file name; errors name `<ref>:<path>`. */
async function loadFromGit(
  engine: Engine,
  specPath: string,
  ref: string,
): Promise<{ spec: LoadedSpec; label: string }> {
  if (isUrl(specPath))
    throw new UsageError(
      `--base ${ref} reads the previous spec from git, but the spec is a URL (${specPath}); pass the previous spec file as --base`,
    );
  const { text, label } = await readSpecAtRef(specPath, ref);
  await refuseMultiFile(text, specPath, label);
  const dir = await mkdtemp(join(tmpdir(), "kapso-codegen-base-"));
  const copy = join(dir, basename(specPath));
  try {
    await writeFile(copy, text);
    return { spec: await engine.loadSpec(copy), label };
  } catch (error) {
    throw relabel(error, copy, label);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A spec that `$ref`s other files would need those files as they were at the ref too: not supported (yet). */
async function refuseMultiFile(text: string, specPath: string, label: string): Promise<void> {
  const value = await parseLeniently(text);
  const local = externalRefs(value).find((ref) => refTargetFile(specPath, ref) !== undefined);
  if (local === undefined) return;
  throw new SpecError(
    `the spec refers to other files ($ref ${JSON.stringify(local)}), and taking a multi-file spec from git is not supported: check that revision out and pass its spec file as --base`,
    { file: label },
  );
}

/** An error about the temporary copy, told about the file it stands for. */
function relabel(error: unknown, copy: string, label: string): unknown {
  if (!(error instanceof SpecError)) return error;
  const place = error.place.file === copy ? { ...error.place, file: label } : error.place;
  return new SpecError(error.message.split(copy).join(label), place);
}

function totalSummary(diffs: readonly ApiDiff[]): ChangeReport["summary"] {
  return {
    breaking: diffs.reduce((sum, diff) => sum + diff.report.summary.breaking, 0),
    nonBreaking: diffs.reduce((sum, diff) => sum + diff.report.summary.nonBreaking, 0),
  };
}

function diffText(engine: Engine, diffs: readonly ApiDiff[]): string {
  return diffs
    .map(
      (diff) =>
        `${diff.name}: ${diff.spec} compared with ${diff.base}\n${indent(engine.changes.formatChangeReportText(diff.report))}`,
    )
    .join("\n");
}

/** One shape whatever the number of APIs: the total summary, then each API's report in the engine's stable JSON. */
function diffJson(engine: Engine, diffs: readonly ApiDiff[]): string {
  const apis = diffs.map((diff) => {
    const stable = JSON.parse(engine.changes.formatChangeReportJson(diff.report)) as Record<string, unknown>; // its key order
    return { name: diff.name, spec: diff.spec, base: diff.base, ...stable };
  });
  return `${JSON.stringify({ summary: totalSummary(diffs), apis }, null, 2)}\n`;
}

function indent(text: string): string {
  return text.replace(/^(?=.)/gm, "  ");
}
