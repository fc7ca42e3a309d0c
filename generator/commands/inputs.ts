/**
 * `kapso-codegen inputs`: for each API, the files and values its output is made from and the files it writes, so a
 * build cache (turbo, Nx) keys the generate task on exactly what the no-op check fingerprints. The list comes from
 * the same function the fingerprint hashes (apiInputs, runtimeInputs).
 */
import { join } from "node:path";
import type { Argv } from "yargs";
import { apiInputs, runtimeInputs, type Inputs } from "../fingerprint.js";
import { resolveRun } from "../options.js";
import { MANIFEST_FILE, readManifest } from "../write/manifest.js";
import { apiOptions, type GenerateArgs } from "./generate.js";
import { EXIT, shortPath } from "./shared.js";

export function inputsOptions<T>(command: Argv<T>) {
  return apiOptions(command)
    .example(
      "$0 inputs",
      "List what generated/kapso is made from (the inputs of a cached build task) and what it writes",
    )
    .example("$0 inputs --json", "The same as JSON: { apis: [{ name, out, files, values, urls, outputs }], runtime? }");
}

interface Listing {
  readonly name?: string;
  readonly out: string;
  /** Paths relative to the current folder; `key` when only that key of the file counts; `text` for spec files, hashed as UTF-8 text. */
  readonly files: readonly { readonly path: string; readonly key?: string; readonly text?: true }[];
  /** `name=value`. */
  readonly values: readonly string[];
  readonly urls: readonly string[];
  /** The files the last generation wrote (from the folder's manifest), the manifest included; empty before the first. */
  readonly outputs: readonly string[];
}

export async function runInputs(argv: GenerateArgs): Promise<number> {
  const run = await resolveRun(argv);
  const { loadSpec } = await import("../load/index.js"); // which files the spec reads is known only by loading it
  const apis: Listing[] = [];
  for (const options of run.apis) {
    const spec = await loadSpec(options.spec);
    apis.push({ name: options.name, ...(await listing(options.out, apiInputs(options, spec.files))) });
  }
  const runtime =
    run.runtimeDir === undefined ? undefined : await listing(run.runtimeDir, runtimeInputs(run.runtimeDir));
  if (argv.json) {
    process.stdout.write(`${JSON.stringify({ apis, ...(runtime ? { runtime } : {}) }, null, 2)}\n`);
    return EXIT.ok;
  }
  for (const api of [...apis, ...(runtime ? [runtime] : [])]) process.stdout.write(formatListing(api));
  return EXIT.ok;
}

async function listing(out: string, inputs: Inputs): Promise<Omit<Listing, "name">> {
  const manifest = await readManifest(out);
  const outputs =
    manifest === undefined
      ? []
      : [...Object.keys(manifest.files), MANIFEST_FILE].sort().map((path) => shortPath(join(out, path)));
  return {
    out: shortPath(out),
    files: inputs.files.map((file) => ({
      path: shortPath(file.path),
      ...(file.key === undefined ? {} : { key: file.key }),
      ...(file.text === undefined ? {} : { text: true as const }),
    })),
    values: inputs.values.map(([name, value]) => `${name}=${value}`),
    urls: inputs.urls,
    outputs,
  };
}

/** One block per folder: a heading, then one `kind  item` line per input and output. */
function formatListing(listing: Listing): string {
  const lines = [
    ...listing.files.map(
      (file) => `  file    ${file.path}${file.key === undefined ? "" : ` (only its "${file.key}" key)`}`,
    ),
    ...listing.urls.map((url) => `  url     ${url}`),
    ...listing.values.map((value) => `  value   ${value}`),
    ...listing.outputs.map((path) => `  output  ${path}`),
  ];
  return `${listing.out}${listing.name === undefined ? " (shared runtime)" : ` (${listing.name})`}\n${lines.join("\n")}\n`;
}
