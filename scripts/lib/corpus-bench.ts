/** The corpus section of `npm run bench`: the whole corpus run (generate every spec, then strict tsc), timed. */
import { join } from "node:path";
import { runCorpus } from "./corpus-run.js";
import { directorySampleSpecs, githubSpec, oasExampleSpecs } from "./corpus-specs.js";

export async function benchCorpus(dir: string): Promise<string> {
  const sample = await directorySampleSpecs();
  const specs = [githubSpec(), ...(await oasExampleSpecs()), ...sample.specs];
  process.stdout.write(`corpus: ${specs.length} specs, 2 at a time…\n`);
  const started = performance.now();
  const run = await runCorpus(specs, { workDir: join(dir, "corpus"), concurrency: 2, timeoutMs: 300_000 });
  const totalMs = performance.now() - started;
  const ok = run.results.filter((result) => result.verdict === "ok").length;
  const perMinute = (ms: number): string => ((specs.length * 60_000) / ms).toFixed(1);
  return [
    "",
    `corpus run (${specs.length} specs, ${ok} ok): generate ${(run.timings.generateMs / 1000).toFixed(1)} s (${perMinute(run.timings.generateMs)} specs/min), ` +
      `tsc ${(run.timings.typecheckMs / 1000).toFixed(1)} s; whole run ${(totalMs / 1000).toFixed(1)} s (${perMinute(totalMs)} specs/min)`,
  ].join("\n");
}
