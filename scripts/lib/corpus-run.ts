/**
 * The corpus run: every spec through `generate()` in worker processes (bounded concurrency), then one strict tsc run
 * over all outputs, then a verdict per spec. The script (scripts/corpus.ts) and the test (test/corpus/) share this.
 */
import { rm, stat, unlink } from "node:fs/promises";
import { basename, join } from "node:path";
import { outputFolder, type CorpusSpec } from "./corpus-specs.js";
import type { FixtureCount, GenerateJob, GenerateOutcome } from "./generate-outcome.js";
import { generateInWorkers } from "./generate-pool.js";
import { workerScript } from "./paths.js";
import { readSpecSummary, type SpecSummary } from "./spec-summary.js";
import { formatDiagnostic, linkNodeModules, typecheckFolders, type TscDiagnostic } from "./typecheck.js";

/** `spec-error`: the generator rejected the spec with a clear SpecError. `bug`: a crash, a hang, or output tsc rejects. */
export type Verdict = "ok" | "spec-error" | "bug";

export interface CorpusResult {
  readonly spec: CorpusSpec;
  readonly summary: SpecSummary;
  readonly verdict: Verdict;
  /** One line; empty when ok. */
  readonly reason: string;
  /** Spec examples that do not match their schema (the generator's warnings). */
  readonly warnings: number;
  /** Fixtures in the output, and how many validate against their schemas. */
  readonly fixtures: FixtureCount;
  /** tsc's errors in this spec's output, paths relative to the work dir. */
  readonly diagnostics: readonly TscDiagnostic[];
  readonly generateMs: number;
}

export interface CorpusOptions {
  /** Where output folders go (a temp dir: never the repository). */
  readonly workDir: string;
  readonly concurrency: number;
  readonly timeoutMs: number;
  readonly workerScript?: string;
  readonly log?: (line: string) => void;
}

export interface CorpusRun {
  /** In the order of the specs given. */
  readonly results: readonly CorpusResult[];
  /** Problems of the run itself (tsc errors outside every output folder, tsc crashing). */
  readonly problems: readonly string[];
  readonly timings: { readonly generateMs: number; readonly typecheckMs: number };
}

export async function runCorpus(specs: readonly CorpusSpec[], options: CorpusOptions): Promise<CorpusRun> {
  assertDistinctFolders(specs);
  const summaries = await Promise.all(specs.map((spec) => readSpecSummary(spec.file)));
  const order = await largestFirst(specs);
  const log = options.log ?? (() => undefined);

  const generateStart = performance.now();
  let done = 0;
  const ordered = await generateInWorkers(
    order.map((spec) => generateJob(spec, options.workDir)),
    {
      concurrency: options.concurrency,
      timeoutMs: options.timeoutMs,
      workerScript: options.workerScript ?? workerScript,
      onOutcome: (index, outcome) => {
        done += 1;
        log(
          `[${done}/${specs.length}] ${outcome.kind.padEnd(14)} ${String(outcome.ms).padStart(6)} ms  ${order[index]?.id ?? "?"}`,
        );
      },
    },
  );
  const generateMs = Math.round(performance.now() - generateStart);
  const outcomes = new Map(order.map((spec, index) => [spec.id, ordered[index]]));

  const typecheckStart = performance.now();
  const generated = specs.filter((spec) => outcomes.get(spec.id)?.kind === "generated").map(outputFolder);
  await linkNodeModules(options.workDir);
  log(`tsc --strict over ${generated.length} outputs…`);
  const typecheck = await typecheckFolders(options.workDir, generated, options.concurrency);
  const typecheckMs = Math.round(performance.now() - typecheckStart);

  const results = specs.map((spec, index): CorpusResult => {
    const outcome = outcomes.get(spec.id);
    const diagnostics = typecheck.byFolder.get(outputFolder(spec)) ?? [];
    return {
      spec,
      summary: summaries[index] ?? { version: "?", operations: 0 },
      ...classify(outcome, diagnostics, outputFolder(spec)),
      warnings: outcome?.kind === "generated" ? outcome.warnings : 0,
      fixtures: outcome?.kind === "generated" ? outcome.fixtures : { total: 0, valid: 0 },
      diagnostics,
      generateMs: outcome?.ms ?? 0,
    };
  });
  return { results, problems: typecheck.unplaced, timings: { generateMs, typecheckMs } };
}

/** The verdict for one spec from its generate outcome and the tsc errors in its folder. */
export function classify(
  outcome: GenerateOutcome | undefined,
  diagnostics: readonly TscDiagnostic[],
  folder: string,
): { verdict: Verdict; reason: string } {
  if (outcome === undefined) return { verdict: "bug", reason: "no outcome (the corpus run lost this job)" };
  if (outcome.kind === "spec-error") return { verdict: "spec-error", reason: outcome.message };
  if (outcome.kind === "internal-error") return { verdict: "bug", reason: outcome.message };
  const [first] = diagnostics;
  if (first === undefined) return { verdict: "ok", reason: "" };
  const count =
    diagnostics.length === 1 ? "1 tsc error" : `${diagnostics.length} tsc errors (${countCodes(diagnostics)})`;
  return { verdict: "bug", reason: `${count}; first: ${formatDiagnostic(first, folder)}` };
}

/** `TS6196 ×20, TS2322 ×5`: most frequent first, so one line tells which kinds of error an output has. */
export function countCodes(diagnostics: readonly TscDiagnostic[]): string {
  const counts = new Map<string, number>();
  for (const diagnostic of diagnostics) counts.set(diagnostic.code, (counts.get(diagnostic.code) ?? 0) + 1);
  return [...counts]
    .sort(([a, aCount], [b, bCount]) => bCount - aCount || (a < b ? -1 : 1))
    .map(([code, count]) => `${code} ×${count}`)
    .join(", ");
}

/** The CLI's default name for an output folder: its last segment (`oas-examples/3.0/petstore` → `petstore`). */
export function generateJob(spec: CorpusSpec, workDir: string): GenerateJob {
  const folder = outputFolder(spec);
  return { spec: spec.file, out: join(workDir, folder), name: basename(folder) };
}

/** Biggest specs first, so the lanes finish at about the same time. */
async function largestFirst(specs: readonly CorpusSpec[]): Promise<CorpusSpec[]> {
  const sizes = new Map(await Promise.all(specs.map(async (spec) => [spec.id, await fileBytes(spec.file)] as const)));
  return [...specs].sort((a, b) => (sizes.get(b.id) ?? 0) - (sizes.get(a.id) ?? 0) || (a.id < b.id ? -1 : 1));
}

async function fileBytes(file: string): Promise<number> {
  try {
    return (await stat(file)).size;
  } catch {
    return 0;
  }
}

/** The node_modules link goes first, so removing the work dir can never reach into the repository through it. */
export async function removeWorkDir(workDir: string): Promise<void> {
  await unlink(join(workDir, "node_modules")).catch(() => undefined);
  await rm(workDir, { recursive: true, force: true });
}

function assertDistinctFolders(specs: readonly CorpusSpec[]): void {
  const seen = new Map<string, string>();
  for (const spec of specs) {
    const other = seen.get(outputFolder(spec));
    if (other !== undefined)
      throw new Error(`corpus: ${other} and ${spec.id} would share the output folder ${outputFolder(spec)}`);
    seen.set(outputFolder(spec), spec.id);
  }
}
