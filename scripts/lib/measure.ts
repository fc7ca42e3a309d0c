/**
 * Runs a Node program in its own process and measures it: wall time, and peak RSS and CPU time read back from
 * rss-probe.ts, which NODE_OPTIONS loads into that process and any Node process it starts (some CLIs do their work in
 * a child).
 */
import { spawn } from "node:child_process";
import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { repoRoot } from "./paths.js";
import { oneLine } from "./text.js";

const probeScript = join(repoRoot, "dist", "scripts", "lib", "rss-probe.js");

export interface Measurement {
  readonly wallMs: number;
  /** Peak resident set size in kilobytes of the largest Node process of the run; undefined if none reported. */
  readonly maxRssKb: number | undefined;
  /** CPU time (user plus system, every thread) of all the run's Node processes; undefined if none reported. */
  readonly cpuMs: number | undefined;
  readonly exitCode: number | null;
  /** The last stderr line, for a failed run. */
  readonly lastError: string;
}

/** `node <args>` in `cwd` with the probe preloaded; stdout is discarded, stderr kept only for its last line. */
export async function measureNode(args: readonly string[], cwd: string, scratchDir: string): Promise<Measurement> {
  const rssFile = join(scratchDir, `rss-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.txt`);
  const started = performance.now();
  const preload = `--import=${pathToFileURL(probeScript).href}`;
  const child = spawn(process.execPath, [...args], {
    cwd,
    stdio: ["ignore", "ignore", "pipe"],
    env: {
      ...process.env,
      BENCH_RSS_FILE: rssFile,
      NODE_OPTIONS: [process.env["NODE_OPTIONS"] ?? "", preload].join(" ").trim(),
    },
  });
  let stderrTail = "";
  child.stderr.setEncoding("utf8");
  child.stderr.on("data", (chunk: string) => {
    stderrTail = (stderrTail + chunk).slice(-4000);
  });
  const exitCode = await new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
  const wallMs = performance.now() - started;
  const { maxRssKb, cpuMs } = await readProbe(rssFile);
  await rm(rssFile, { force: true });
  const lastError = oneLine(stderrTail.trim().split("\n").pop() ?? "", 200);
  return { wallMs, maxRssKb, cpuMs, exitCode, lastError };
}

/** The probe's lines: the largest peak RSS, and the CPU time of all processes together. */
async function readProbe(file: string): Promise<Pick<Measurement, "maxRssKb" | "cpuMs">> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    return { maxRssKb: undefined, cpuMs: undefined };
  }
  const rows = text
    .split("\n")
    .map((line) => line.trim().split(" ").map(Number))
    .filter(([rss, cpu]) => Number.isFinite(rss) && Number.isFinite(cpu));
  if (rows.length === 0) return { maxRssKb: undefined, cpuMs: undefined };
  return {
    maxRssKb: Math.max(...rows.map(([rss]) => rss ?? 0)),
    cpuMs: rows.reduce((sum, [, cpu]) => sum + (cpu ?? 0), 0) / 1000,
  };
}

/** The middle value (the mean of the two middle ones for an even count); undefined for no values. */
export function median(values: readonly number[]): number | undefined {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return undefined;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}
