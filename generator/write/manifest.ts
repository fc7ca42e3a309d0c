/**
 * The manifest in each output folder: what produced the folder (the inputs' fingerprint) and the hash of every file
 * the generator owns there. It is how a later run knows, cheaply, that nothing changed, which files are ours to remove,
 * and which ones were edited by hand.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";

export const MANIFEST_FILE = "kapso-codegen.manifest.json";

export interface Manifest {
  readonly generator: string;
  /** SHA-256 over everything that decides the output: generator build, templates, spec files, options, format config. */
  readonly fingerprint: string;
  /** SHA-256 of the spec's canonical form (as in the banner). */
  readonly spec: string;
  /** SHA-256 of the options that shape the output (client name, strictness, shared runtime folder). */
  readonly options?: string;
  /** The spec's files (main first, then every file it references), relative to the folder; URLs as they are. */
  readonly inputs?: readonly string[];
  /** Output file → SHA-256 of its bytes, sorted by path. */
  readonly files: Readonly<Record<string, string>>;
}

export function sha256(text: string | Uint8Array): string {
  return createHash("sha256").update(text).digest("hex");
}

export async function readManifest(dir: string): Promise<Manifest | undefined> {
  let text: string;
  try {
    text = await readFile(join(dir, MANIFEST_FILE), "utf8");
  } catch {
    return undefined;
  }
  try {
    const value = JSON.parse(text) as Partial<Manifest>;
    if (typeof value.fingerprint !== "string" || typeof value.files !== "object" || value.files === null) return undefined;
    return value as Manifest;
  } catch {
    return undefined;
  }
}

/** Deterministic text: keys in a fixed order, files sorted, a final newline. */
export function renderManifest(manifest: Manifest): string {
  const files = Object.fromEntries(Object.entries(manifest.files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const { generator, fingerprint, spec, options, inputs } = manifest;
  return `${JSON.stringify({ generator, fingerprint, spec, ...(options ? { options } : {}), ...(inputs ? { inputs } : {}), files }, null, 2)}\n`;
}
