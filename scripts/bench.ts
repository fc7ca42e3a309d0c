/**
 * `npm run bench`: wall time and peak memory on GitHub's spec (1,223 operations) of openapi-typescript alone, our whole
 * pipeline, our no-op regeneration (GitHub and Kapso), other generators if installed, tsc over our GitHub output and over
 * two-call consumers; then what an app ships: bundle sizes of a one-call app and per-call cost (lib/bench-shipping.ts).
 * Each case runs in its own process, N times (default 3); the table shows medians. Prints figures, asserts nothing.
 *
 *   node dist/scripts/bench.js [--runs N] [--peers DIR]
 *
 * Peers are not dependencies of this package: install them elsewhere and point --peers at that folder, e.g.
 * `npm install --prefix /tmp/bench-peers orval@8.38 @hey-api/openapi-ts@0.99 typescript@5.9`, then
 * `npm run bench -- --peers /tmp/bench-peers` (Hey API needs TypeScript 5: without the pin npm gives it 7, which has no
 * compiler API, and it stops at start-up).
 */
import { existsSync } from "node:fs";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { consumerPrograms, shippingReport } from "./lib/bench-shipping.js";
import { removeWorkDir } from "./lib/corpus-run.js";
import { measureNode, median, type Measurement } from "./lib/measure.js";
import { benchNoop } from "./lib/noop-bench.js";
import { cliScript, githubSpecFile, kapsoSpecFile, nodeModules, repoRoot, tscBin } from "./lib/paths.js";
import { linkNodeModules, strictCompilerOptions } from "./lib/typecheck.js";

const { values: flags } = parseArgs({ options: { runs: { type: "string", default: "3" }, peers: { type: "string" } } });
const runs = Math.max(1, Number.parseInt(flags.runs, 10) || 3);
const openapiTsRunner = join(repoRoot, "dist", "scripts", "lib", "bench-openapi-typescript.js");

interface BenchCase {
  readonly label: string;
  /** Runs once before the measured runs (to create the output a no-op run compares with); must succeed. */
  readonly setup?: readonly string[];
  /** The measured command's Node arguments for run `index` (cold cases write to a fresh folder each run). */
  readonly args: (index: number) => readonly string[];
  /** Exit codes that still count as a completed run (tsc exits 2 when it reports type errors). */
  readonly completedCodes?: readonly number[];
}

interface BenchRow {
  readonly label: string;
  readonly measurements: readonly Measurement[];
  readonly note: string;
}

const work = await mkdtemp(join(tmpdir(), "kapso-codegen-bench-"));
try {
  await main(work);
} finally {
  await removeWorkDir(work);
}

async function main(dir: string): Promise<void> {
  console.log(`bench: GitHub spec (${githubSpecFile.slice(repoRoot.length + 1)}), ${runs} runs per case, medians; scratch in ${dir}\n`);
  const ours = (out: string, spec = githubSpecFile): string[] => [cliScript, "generate", "--spec", spec, "--out", out, "--quiet"];
  const githubOut = join(dir, "noop", "github");
  await linkNodeModules(dir);

  const peers = await peerCases(dir);
  const heyApi = peers.cases.some((peer) => peer.label.startsWith("@hey-api/"));
  const cases: BenchCase[] = [
    { label: "openapi-typescript (Node API, types only)", args: (index) => [openapiTsRunner, githubSpecFile, join(dir, `ots-${index}.ts`)] },
    { label: "kapso-codegen generate", args: (index) => ours(join(dir, `cold-${index}`, "github")) },
    { label: "kapso-codegen no-op (GitHub)", setup: ours(githubOut), args: () => ours(githubOut) },
    {
      label: "kapso-codegen no-op (Kapso)",
      setup: ours(join(dir, "noop", "kapso"), kapsoSpecFile),
      args: () => ours(join(dir, "noop", "kapso"), kapsoSpecFile),
    },
    ...peers.cases,
    ...(await typecheckCases(dir, heyApi)),
  ];

  const rows: BenchRow[] = [];
  for (const benchCase of cases) rows.push(await measureCase(benchCase, dir));
  for (const peer of peers.missing) rows.push({ label: peer, measurements: [], note: "not installed" });
  console.log(renderTable(rows));
  console.log(renderRatios(rows));
  const noop = await benchNoop({ spec: kapsoSpecFile, out: join(dir, "noop-vs-node", "kapso") });
  console.log(`no-op generate / node -e 0: ${noop.ratio.toFixed(2)}× (${noop.noopMs.toFixed(0)} ms / ${noop.nodeMs.toFixed(0)} ms, medians of ${noop.runs} alternating runs, Kapso spec)`);
  console.log(await shippingReport(dir, heyApi));
}

/**
 * tsc over the GitHub outputs, strict, with bundler resolution: Hey API's output imports without file extensions, which
 * NodeNext cannot resolve (it would then check next to nothing); ours compiles under both. Each program is measured
 * with `skipLibCheck` off (every declaration file checked, openapi-fetch's included) and on (what most projects use).
 * "Client alone" is client.ts and what it imports, without fixtures and mock: what a program that only calls the API
 * pays, as with Hey API's output.
 */
function tscLabel(program: string, skipLibCheck: boolean): string {
  return `tsc --noEmit over ${program}, skipLibCheck ${skipLibCheck}`;
}

async function typecheckCases(dir: string, heyApi: boolean): Promise<BenchCase[]> {
  const programs = [
    { label: "our GitHub output", files: { include: ["noop/github/**/*.ts"] } },
    { label: "our GitHub client alone", files: { files: ["noop/github/client.ts"] } },
    // What Hey API wrote in its first measured run.
    ...(heyApi ? [{ label: "Hey API's GitHub output", files: { include: ["openapi-ts-0/out/**/*.ts"] } }] : []),
    ...(await consumerPrograms(dir, heyApi)),
  ];
  const cases: BenchCase[] = [];
  for (const skipLibCheck of [false, true]) {
    for (const [index, program] of programs.entries()) {
      const compilerOptions = { ...strictCompilerOptions, module: "ESNext", moduleResolution: "Bundler", skipLibCheck };
      const config = join(dir, `tsconfig.${index}.${skipLibCheck ? "skip" : "full"}.json`);
      await writeFile(config, JSON.stringify({ compilerOptions, ...program.files }));
      cases.push({ label: tscLabel(program.label, skipLibCheck), args: () => [tscBin, "-p", config], completedCodes: [0, 1, 2] });
    }
  }
  return cases;
}

async function measureCase(benchCase: BenchCase, dir: string): Promise<BenchRow> {
  process.stdout.write(`${benchCase.label}: `);
  if (benchCase.setup !== undefined) {
    const setup = await measureNode(benchCase.setup, repoRoot, dir);
    if (setup.exitCode !== 0) return failedRow(benchCase.label, [], `setup failed (exit ${String(setup.exitCode)}): ${setup.lastError}`);
  }
  const measurements: Measurement[] = [];
  const completed = benchCase.completedCodes ?? [0];
  let note = "";
  for (let index = 0; index < runs; index++) {
    const measurement = await measureNode(benchCase.args(index), repoRoot, dir);
    process.stdout.write(`${seconds(measurement.wallMs)} `);
    if (measurement.exitCode === null || !completed.includes(measurement.exitCode)) {
      return failedRow(benchCase.label, measurements, `failed (exit ${String(measurement.exitCode)}): ${measurement.lastError}`);
    }
    if (measurement.exitCode !== 0) note = `completed with exit code ${measurement.exitCode} (type errors reported)`;
    measurements.push(measurement);
  }
  process.stdout.write("\n");
  return { label: benchCase.label, measurements, note };
}

function failedRow(label: string, measurements: readonly Measurement[], note: string): BenchRow {
  process.stdout.write(`${note}\n`);
  return { label, measurements, note };
}

/** orval and Hey API, when installed under --peers (or in this repo's node_modules); each writes a fetch client. */
async function peerCases(dir: string): Promise<{ cases: BenchCase[]; missing: string[] }> {
  const known = [
    { name: "orval", bin: "orval", args: (out: string) => ["--input", githubSpecFile, "--output", join(out, "api.ts"), "--client", "fetch"] },
    { name: "@hey-api/openapi-ts", bin: "openapi-ts", args: (out: string) => ["--input", githubSpecFile, "--output", out] },
  ];
  const cases: BenchCase[] = [];
  const missing: string[] = [];
  for (const peer of known) {
    const found = await findPeer(peer.name, peer.bin);
    if (found === undefined) {
      missing.push(peer.name);
      continue;
    }
    cases.push({ label: `${peer.name} ${found.version}`, args: (index) => [found.bin, ...peer.args(join(dir, `${peer.bin}-${index}`, "out"))] });
  }
  return { cases, missing };
}

async function findPeer(name: string, binName: string): Promise<{ bin: string; version: string } | undefined> {
  const roots = [...(flags.peers === undefined ? [] : [join(flags.peers, "node_modules")]), nodeModules];
  for (const root of roots) {
    const manifestFile = join(root, name, "package.json");
    if (!existsSync(manifestFile)) continue;
    const manifest = JSON.parse(await readFile(manifestFile, "utf8")) as { version?: unknown; bin?: unknown };
    const bin =
      typeof manifest.bin === "string"
        ? manifest.bin
        : typeof manifest.bin === "object" && manifest.bin !== null
          ? (manifest.bin as Record<string, unknown>)[binName]
          : undefined;
    if (typeof bin === "string") return { bin: join(root, name, bin), version: typeof manifest.version === "string" ? manifest.version : "?" };
  }
  return undefined;
}

function renderTable(rows: readonly BenchRow[]): string {
  const lines = [
    "",
    "| case | wall (median) | peak RSS (median) | runs | note |",
    "| --- | --- | --- | --- | --- |",
    ...rows.map((row) => {
      const wall = median(row.measurements.map((measurement) => measurement.wallMs));
      const rss = median(row.measurements.flatMap((measurement) => (measurement.maxRssKb === undefined ? [] : [measurement.maxRssKb])));
      return `| ${row.label} | ${wall === undefined ? "-" : seconds(wall)} | ${rss === undefined ? "-" : megabytes(rss)} | ${row.measurements.length} | ${row.note} |`;
    }),
  ];
  return lines.join("\n");
}

/** Ours against openapi-typescript alone, which is one stage of our pipeline; then type-checking against Hey API's. */
function renderRatios(rows: readonly BenchRow[]): string {
  const base = rows[0];
  const lines = ["", "ratios to openapi-typescript alone (wall, peak RSS):"];
  for (const row of rows.filter((candidate) => candidate.label.startsWith("kapso-codegen"))) {
    lines.push(`  ${row.label}: ${ratio(row, base, (m) => m.wallMs)} wall, ${ratio(row, base, (m) => m.maxRssKb)} memory`);
  }
  // Type-checking our client against Hey API's output, with the same compiler options.
  for (const skipLibCheck of [false, true]) {
    const row = (program: string) => rows.find((candidate) => candidate.label === tscLabel(program, skipLibCheck));
    const client = row("our GitHub client alone");
    const heyApi = row("Hey API's GitHub output");
    if (client === undefined || heyApi === undefined) continue;
    lines.push(`tsc over our client / over Hey API's output, skipLibCheck ${skipLibCheck}: ${ratio(client, heyApi, (m) => m.wallMs)} wall`);
  }
  for (const skipLibCheck of [false, true]) {
    const row = (program: string) => rows.find((candidate) => candidate.label === tscLabel(`a two-call consumer of ${program}`, skipLibCheck));
    const ours = row("our GitHub output");
    for (const peer of ["openapi-typescript's types + openapi-fetch", "Hey API's GitHub output"]) {
      const other = row(peer);
      if (ours !== undefined && other !== undefined) lines.push(`tsc over two-call consumers, ours / ${peer}, skipLibCheck ${skipLibCheck}: ${ratio(ours, other, (m) => m.wallMs)} wall`);
    }
  }
  return `${lines.join("\n")}\n`;
}

function ratio(row: BenchRow, base: BenchRow | undefined, pick: (measurement: Measurement) => number | undefined): string {
  const values = (target: BenchRow): number[] => target.measurements.flatMap((measurement) => pick(measurement) ?? []);
  const top = median(values(row));
  const bottom = base === undefined ? undefined : median(values(base));
  return top === undefined || bottom === undefined || bottom === 0 ? "n/a" : `${(top / bottom).toFixed(2)}×`;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

function megabytes(kilobytes: number): string {
  return `${Math.round(kilobytes / 1024)} MB`;
}
