/**
 * What decides an output folder's content, listed by ONE function per kind of folder (apiInputs, runtimeInputs): the
 * fingerprint hashes that list, the no-op check compares the hash with the manifest, and `kapso-codegen inputs` prints
 * the same list, so what a build cache keys on and what the no-op trusts cannot drift apart.
 *
 * Listing and hashing load no heavy module and parse no large file: a no-op regeneration costs a few file reads.
 * Those are synchronous: for many small files that is several times faster than the thread pool's round trips.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { installedPackageDir } from "./check-runtime-deps.js";
import { isFileSystemError } from "./errors.js";
import type { GenerateOptions } from "./generate-options.js";
import { isUrl } from "./load/read.js";
import { generatorVersion, packageRoot, templatesDir } from "./paths.js";
import { readManifest, sha256, type Manifest } from "./write/manifest.js";

export interface InputFile {
  /** Absolute path. */
  readonly path: string;
  /** Only this top-level key of the file counts (prettier reads only the "prettier" key of a package.json). */
  readonly key?: "prettier" | undefined;
  /**
   * A spec file's text, hashed instead of its bytes: the loader reads specs as UTF-8, so a byte that is not UTF-8 must
   * hash the same in the run that wrote the manifest and in the no-op check. After loading, it is the text the output
   * was made from, even if the file changed since.
   */
  readonly text?: string | undefined;
}

export interface Inputs {
  /** Files whose bytes decide the output, in a fixed order: the main spec first. */
  readonly files: readonly InputFile[];
  /** Settings that decide the output, as name → value, in a fixed order. */
  readonly values: readonly (readonly [name: string, value: string])[];
  /** Spec parts read over http(s): they cannot be hashed without downloading them, so a folder with any is never up to date. */
  readonly urls: readonly string[];
}

/**
 * Everything that decides an API folder's output, given the files its spec reads (the main one first) and, after
 * loading, the texts that were read. Throws when a spec file cannot be read.
 */
export function apiInputs(
  options: GenerateOptions,
  specFiles: readonly string[],
  texts?: ReadonlyMap<string, string>,
): Inputs {
  const local = specFiles.filter((file) => !isUrl(file));
  return {
    files: [
      ...local.map((path) => ({ path, text: texts?.get(path) ?? readFileSync(path, "utf8") })),
      ...formatConfigFiles(options.out),
      ...generatorFiles(),
    ],
    values: [
      ["generator", `kapso-codegen ${generatorVersion}`],
      ["spec", isUrl(options.spec) ? options.spec : portable(relative(options.out, options.spec))],
      ...optionValues(options),
    ],
    urls: specFiles.filter((file) => isUrl(file)),
  };
}

/** The client options that shape an API's output (the manifest also records their hash on its own). */
export function optionValues(options: GenerateOptions): [string, string][] {
  return [
    ["name", options.name],
    ["strict", String(options.strict === true)],
    ["msw", String(options.msw === true)],
    ["runtimeDir", options.runtimeDir === undefined ? "" : portable(relative(options.out, options.runtimeDir))],
  ];
}

/** Everything that decides the shared runtime folder's output: the generator and the format config. */
export function runtimeInputs(dir: string): Inputs {
  return {
    files: [...formatConfigFiles(dir), ...generatorFiles()],
    values: [
      ["generator", `kapso-codegen ${generatorVersion}`],
      ["runtime", "shared"],
    ],
    urls: [],
  };
}

/**
 * SHA-256 over one line per input: `file <path relative to the folder> <sha256 of its bytes>` (for a key-only file,
 * `file <path> <key> <sha256 of the key's JSON>`), then `value <name>=<value>`. Undefined when an input is remote.
 * Throws when a file cannot be read: the caller then runs the full pipeline, which reports it with its place.
 */
export function fingerprint(out: string, inputs: Inputs): string | undefined {
  if (inputs.urls.length > 0) return undefined;
  const files = inputs.files.map((file) => `file ${portable(relative(out, file.path))} ${fileHash(file)}`);
  const values = inputs.values.map(([name, value]) => `value ${name}=${value}`);
  return sha256([...files, ...values].join("\n"));
}

/**
 * True only when the manifest says the folder was made from the spec asked for, every input is byte for byte what it
 * was then, and no output file has changed. The spec's other files are the ones the manifest lists: they are decided
 * by the bytes of the files before them, so while those are unchanged the list is too.
 */
export async function isUpToDate(options: GenerateOptions): Promise<boolean> {
  const manifest = await readManifest(options.out);
  const specFiles = manifest?.inputs?.map((input) => (isUrl(input) ? input : resolve(options.out, input)));
  if (manifest === undefined || specFiles === undefined || specFiles[0] !== options.spec) return false;
  return matches(options.out, manifest, () => apiInputs(options, specFiles));
}

/** The shared runtime folder's no-op check. */
export async function isRuntimeUpToDate(dir: string): Promise<boolean> {
  const manifest = await readManifest(dir);
  return manifest !== undefined && matches(dir, manifest, () => runtimeInputs(dir));
}

function matches(out: string, manifest: Manifest, inputs: () => Inputs): boolean {
  try {
    if (manifest.fingerprint !== fingerprint(out, inputs())) return false;
    return Object.entries(manifest.files).every(([path, hash]) => sha256(readFileSync(join(out, path))) === hash);
  } catch (error) {
    if (!isFileSystemError(error)) throw error;
    return false; // an input or output that cannot be read: the full pipeline reports it properly
  }
}

function portable(path: string): string {
  return path.split(sep).join("/");
}

function fileHash(file: InputFile): string {
  if (file.text !== undefined) return sha256(file.text);
  if (file.key === undefined) return generatorHashes.get(file.path) ?? sha256(readFileSync(file.path));
  return `${file.key} ${sha256(JSON.stringify(topLevelKey(readFileSync(file.path, "utf8"), file.key)))}`;
}

/** A key of a JSON object text; the whole text when it is not JSON (then any change to it counts). */
function topLevelKey(text: string, key: string): unknown {
  try {
    return (JSON.parse(text) as Record<string, unknown> | null)?.[key] ?? null;
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    return text;
  }
}

// The generator's own files do not change while it runs: hashed once per process (watch mode runs many times).
const generatorHashes = new Map<string, string>();
let generatorFileList: InputFile[] | undefined;

/**
 * The generator build (its code and templates) and the installed version of each package it depends on: any of them
 * can change the output.
 */
function generatorFiles(): InputFile[] {
  if (generatorFileList === undefined) {
    const codeDir = dirname(fileURLToPath(import.meta.url));
    const code = listFiles(codeDir).filter((file) => /\.(js|ts|json)$/.test(file) && !file.endsWith(".d.ts"));
    const files = [...code.sort(), ...listFiles(templatesDir).sort(), ...dependencyManifests()];
    for (const file of files) generatorHashes.set(file, sha256(readFileSync(file)));
    generatorFileList = files.map((path) => ({ path }));
  }
  return generatorFileList;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/** The package.json of each dependency, as Node resolves it from the generator: its version is in there. */
function dependencyManifests(): string[] {
  const { dependencies = {} } = JSON.parse(readFileSync(join(packageRoot, "package.json"), "utf8")) as {
    dependencies?: Record<string, string>;
  };
  return Object.keys(dependencies)
    .filter((name) => !name.startsWith("@types/"))
    .sort()
    .flatMap((name) => {
      const dir = installedPackageDir(name, packageRoot);
      return dir === undefined ? [] : [join(dir, "package.json")];
    });
}

/** Every file name prettier may take options from (prettier 3), and .editorconfig, which it reads too. */
export const FORMAT_CONFIG_FILES: readonly string[] = [
  "package.json",
  "package.yaml",
  ".prettierrc",
  ".prettierrc.json",
  ".prettierrc.yaml",
  ".prettierrc.yml",
  ".prettierrc.json5",
  ".prettierrc.js",
  ".prettierrc.mjs",
  ".prettierrc.cjs",
  ".prettierrc.ts",
  ".prettierrc.mts",
  ".prettierrc.cts",
  "prettier.config.js",
  "prettier.config.mjs",
  "prettier.config.cjs",
  "prettier.config.ts",
  "prettier.config.mts",
  "prettier.config.cts",
  ".prettierrc.toml",
  ".editorconfig",
];

/**
 * The format config files present in the output folder and each folder above it, up to the root. Prettier stops at
 * the nearest; taking them all costs one listing per folder and is never wrong. Overrides live inside these files.
 */
function formatConfigFiles(out: string): InputFile[] {
  const folders: string[] = [];
  for (let dir = resolve(out); ; dir = dirname(dir)) {
    folders.push(dir);
    if (dirname(dir) === dir) break;
  }
  return folders.flatMap((dir) => {
    const present = fileNames(dir);
    return FORMAT_CONFIG_FILES.filter((name) => present.has(name)).map((name): InputFile => ({
      path: join(dir, name),
      key: name === "package.json" ? "prettier" : undefined,
    }));
  });
}

/** The names in a folder that are not folders; none for a folder that does not exist yet or cannot be listed. */
function fileNames(dir: string): Set<string> {
  try {
    return new Set(
      readdirSync(dir, { withFileTypes: true })
        .filter((entry) => !entry.isDirectory())
        .map((entry) => entry.name),
    );
  } catch (error) {
    if (!isFileSystemError(error)) throw error;
    return new Set();
  }
}
