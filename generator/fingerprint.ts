/**
 * The inputs' fingerprint, computed without loading any heavy module: a no-op regeneration compares it with the
 * manifest and stops here, so it never pays for openapi-typescript, ts-morph or prettier.
 */
import { readdir, readFile } from "node:fs/promises";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { errorCode } from "./errors.js";
import { generatorVersion, packageRoot, templatesDir } from "./paths.js";
import type { GenerateOptions } from "./index.js";
import { readManifest, sha256 } from "./write/manifest.js";

export interface FingerprintInput {
  /** Spec files (the main file and every file it references), absolute paths. */
  readonly specFiles: readonly string[];
  readonly out: string;
  /** Options that change the output, in a stable shape. */
  readonly options: Readonly<Record<string, string | boolean | undefined>>;
}

export async function fingerprint(input: FingerprintInput): Promise<string> {
  const parts = [
    `generator ${generatorVersion} ${await generatorHash()}`,
    ...(await Promise.all(input.specFiles.map(async (file) => `spec ${sha256(await readFile(file))}`))),
    `options ${JSON.stringify(Object.entries(input.options).sort())}`,
    `format ${await formatConfigHash(input.out)}`,
  ];
  return sha256(parts.join("\n"));
}

/**
 * True when the manifest says the folder was made from exactly these inputs and no file has changed since. The spec's
 * files are the ones the manifest lists (a multi-file spec's references are known only after loading it).
 */
export async function isUpToDate(options: GenerateOptions): Promise<boolean> {
  const { out } = options;
  const manifest = await readManifest(out);
  if (!manifest) return false;
  const specFiles = manifest.inputs?.map((input) => (/^https?:/i.test(input) ? input : resolve(out, input))) ?? [options.spec];
  if (specFiles.some((file) => /^https?:/i.test(file))) return false;
  if (specFiles[0] !== options.spec) return false; // made from another spec than the one asked for
  if (manifest.fingerprint !== (await fingerprint(fingerprintInput(options, specFiles)))) return false;
  for (const [path, hash] of Object.entries(manifest.files)) {
    try {
      if (sha256(await readFile(join(out, path))) !== hash) return false;
    } catch (error) {
      if (errorCode(error) === "ENOENT") return false;
      throw error;
    }
  }
  return true;
}

/** What decides an API folder's output: the same in the no-op check and in the manifest the pipeline writes. */
export function fingerprintInput(options: GenerateOptions, specFiles: readonly string[] = [options.spec]): FingerprintInput {
  return {
    specFiles,
    out: options.out,
    options: {
      name: options.name,
      strict: options.strict === true,
      runtimeDir: options.runtimeDir === undefined ? undefined : relative(options.out, options.runtimeDir).split(sep).join("/"),
      ...(options.msw === true ? { msw: true } : {}), // absent when off: manifests from before the option stay valid
    },
  };
}

let cachedGeneratorHash: Promise<string> | undefined;

/** The generator's own code and templates: a changed build or template means a changed output. */
function generatorHash(): Promise<string> {
  cachedGeneratorHash ??= (async () => {
    const codeDir = dirname(fileURLToPath(import.meta.url));
    const files = [...(await listFiles(codeDir)), ...(await listFiles(templatesDir))].sort();
    const hashes = await Promise.all(files.map(async (file) => `${relative(packageRoot, file).split(sep).join("/")} ${sha256(await readFile(file))}`));
    return sha256(hashes.join("\n"));
  })();
  return cachedGeneratorHash;
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile() && /\.(ts|js|json)$/.test(entry.name)).map((entry) => join(entry.parentPath, entry.name));
}

const FORMAT_CONFIG_FILES = [
  ".prettierrc",
  ".prettierrc.json",
  ".prettierrc.yaml",
  ".prettierrc.yml",
  ".prettierrc.json5",
  ".prettierrc.js",
  ".prettierrc.mjs",
  ".prettierrc.cjs",
  ".prettierrc.toml",
  "prettier.config.js",
  "prettier.config.mjs",
  "prettier.config.cjs",
  ".editorconfig",
  "package.json",
];

/** Prettier reads only the "prettier" key of a package.json: its scripts and dependencies don't change the output. */
function prettierKey(packageJson: string): string {
  try {
    return JSON.stringify((JSON.parse(packageJson) as { prettier?: unknown }).prettier ?? null);
  } catch (error) {
    if (error instanceof SyntaxError) return packageJson;
    throw error;
  }
}

/** The files prettier may read its options from, from the output folder up to the root (their bytes, hashed). */
async function formatConfigHash(out: string): Promise<string> {
  const seen: string[] = [];
  for (let dir = out; ; dir = dirname(dir)) {
    for (const name of FORMAT_CONFIG_FILES) {
      try {
        const text = await readFile(join(dir, name), "utf8");
        seen.push(`${relative(out, join(dir, name)).split(sep).join("/")} ${sha256(name === "package.json" ? prettierKey(text) : text)}`);
      } catch (error) {
        if (errorCode(error) !== "ENOENT" && errorCode(error) !== "ENOTDIR") throw error; // absent: nothing to hash
      }
    }
    if (dirname(dir) === dir) break;
  }
  return sha256(seen.join("\n"));
}
