/**
 * Preloaded into every Node process of a measured run (through NODE_OPTIONS, so the child processes a tool spawns
 * are measured too): at exit each process appends a line to the file named by BENCH_RSS_FILE: its peak resident set
 * size in kilobytes and the CPU time of all its threads (user plus system) in microseconds. The bench takes the largest
 * peak and the sum of the CPU times.
 */
import { appendFileSync } from "node:fs";

const target = process.env["BENCH_RSS_FILE"];
if (target !== undefined && target !== "") {
  process.on("exit", () => {
    const usage = process.resourceUsage();
    appendFileSync(target, `${usage.maxRSS} ${usage.userCPUTime + usage.systemCPUTime}\n`);
  });
}
