/**
 * How close a no-op `generate` comes to starting Node at all: `node -e 0` and the no-op run alternately, after a few
 * unmeasured warm-up runs of each, as hyperfine does with several commands, so whatever else loads the machine weighs
 * on both alike. The ratio of the two medians is the result.
 */
import { spawn } from "node:child_process";
import { cliScript, repoRoot } from "./paths.js";
import { median } from "./measure.js";

export interface NoopBench {
  /** Median no-op wall time over median `node -e 0` wall time. */
  readonly ratio: number;
  readonly noopMs: number;
  readonly nodeMs: number;
  readonly runs: number;
}

export interface NoopBenchOptions {
  readonly spec: string;
  /** An output folder: generated once first, so the measured runs are no-ops. */
  readonly out: string;
  readonly runs?: number;
  readonly warmup?: number;
}

export async function benchNoop({ spec, out, runs = 20, warmup = 3 }: NoopBenchOptions): Promise<NoopBench> {
  const generate = [cliScript, "generate", "--spec", spec, "--out", out, "--quiet"];
  const first = await timeNode(generate);
  if (first.code !== 0) throw new Error(`the first generate failed (exit ${String(first.code)})`);
  const bare = ["-e", "0"];
  for (let index = 0; index < warmup; index++) {
    await timeNode(bare);
    await timeNode(generate);
  }
  const nodeTimes: number[] = [];
  const noopTimes: number[] = [];
  for (let index = 0; index < runs; index++) {
    nodeTimes.push((await timeNode(bare)).ms);
    const noop = await timeNode(generate);
    if (noop.code !== 0) throw new Error(`a no-op generate failed (exit ${String(noop.code)})`);
    noopTimes.push(noop.ms);
  }
  const nodeMs = median(nodeTimes) ?? Number.NaN;
  const noopMs = median(noopTimes) ?? Number.NaN;
  return { ratio: noopMs / nodeMs, noopMs, nodeMs, runs };
}

/** Wall time of `node <args>`, output discarded. */
async function timeNode(args: readonly string[]): Promise<{ ms: number; code: number | null }> {
  const started = performance.now();
  const child = spawn(process.execPath, [...args], { cwd: repoRoot, stdio: "ignore" });
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  return { ms: performance.now() - started, code };
}
