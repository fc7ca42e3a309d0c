/**
 * The manifest in each output folder: what produced the folder (the inputs' fingerprint) and the hash of every file
 * the generator owns there. It is how a later run knows, cheaply, that nothing changed, which files are ours to remove,
 * and which ones were edited by hand.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { environmentError, errorCode } from "../errors.js";

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

/** What an output folder's manifest says: nothing (no manifest), the manifest, or why it cannot be trusted. */
export type ManifestState =
  | { readonly kind: "absent" }
  | { readonly kind: "read"; readonly manifest: Manifest }
  | { readonly kind: "unreadable"; readonly reason: string };

export async function loadManifest(dir: string): Promise<ManifestState> {
  let text: string;
  try {
    text = await readFile(join(dir, MANIFEST_FILE), "utf8");
  } catch (error) {
    if (errorCode(error) === "ENOENT" || errorCode(error) === "ENOTDIR") return { kind: "absent" };
    throw environmentError(error, join(dir, MANIFEST_FILE), "read the manifest") ?? error;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    return { kind: "unreadable", reason: `it is not JSON (${error.message})` };
  }
  const problem = manifestProblem(value);
  return problem === undefined
    ? { kind: "read", manifest: value as Manifest }
    : { kind: "unreadable", reason: problem };
}

/** The manifest, or undefined when there is none or it cannot be trusted (then nothing is up to date). */
export async function readManifest(dir: string): Promise<Manifest | undefined> {
  const state = await loadManifest(dir);
  return state.kind === "read" ? state.manifest : undefined;
}

/** Why a parsed manifest cannot be trusted, if it cannot: every listed file must be a plain path inside the folder. */
function manifestProblem(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null) return "it is not an object";
  const { fingerprint, files } = value as Partial<Manifest>;
  if (typeof fingerprint !== "string") return "its `fingerprint` is missing";
  if (typeof files !== "object" || files === null) return "its `files` are missing";
  for (const [path, hash] of Object.entries(files)) {
    if (typeof hash !== "string" || !/^[0-9a-f]{64}$/.test(hash)) return `the hash of ${path} is not a SHA-256`;
    if (
      path === "" ||
      path.startsWith("/") ||
      path.split("/").some((part) => part === ".." || part === "." || part === "")
    )
      return `${path} is not a path inside the folder`;
  }
  return undefined;
}

/** Deterministic text: keys in a fixed order, files sorted, a final newline. */
export function renderManifest(manifest: Manifest): string {
  const files = Object.fromEntries(Object.entries(manifest.files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const { generator, fingerprint, spec, options, inputs } = manifest;
  return `${JSON.stringify({ generator, fingerprint, spec, ...(options ? { options } : {}), ...(inputs ? { inputs } : {}), files }, null, 2)}\n`;
}
