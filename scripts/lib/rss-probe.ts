/**
 * Preloaded into every Node process of a measured run (through NODE_OPTIONS, so the child processes a tool spawns
 * are measured too): at exit each process appends its peak resident set size in kilobytes to the file named by
 * BENCH_RSS_FILE, one line per process. The bench takes the largest.
 */
import { appendFileSync } from "node:fs";

const target = process.env["BENCH_RSS_FILE"];
if (target !== undefined && target !== "") {
  process.on("exit", () => {
    appendFileSync(target, `${process.resourceUsage().maxRSS}\n`);
  });
}
