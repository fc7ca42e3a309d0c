/**
 * Which local files make up a spec: the file itself and every file its `$ref`s name, followed transitively. Used by
 * `watch` (what to watch) and `diff` (a multi-file spec cannot be taken from git). Deliberately forgiving: a file that
 * cannot be read or parsed still counts (it is being edited), it just contributes no further files.
 */
import { readFile } from "node:fs/promises";
import { fileURLToPath, pathToFileURL } from "node:url";
import { isFileSystemError } from "../errors.js";

/** Every `$ref` string in a parsed document, in document order, duplicates included. */
export function refStrings(value: unknown): string[] {
  const found: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
      return;
    }
    if (typeof node !== "object" || node === null) return;
    for (const [key, child] of Object.entries(node)) {
      if (key === "$ref" && typeof child === "string") found.push(child);
      else visit(child);
    }
  };
  visit(value);
  return found;
}

/** The `$ref`s that point into another document (a file or a URL), not inside this one. */
export function externalRefs(value: unknown): string[] {
  return [...new Set(refStrings(value).filter((ref) => !ref.startsWith("#")))];
}

/** The local file a ref names, relative to the file that wrote it (URL rules: `%20` is a space); undefined for URLs. */
export function refTargetFile(fromFile: string, ref: string): string | undefined {
  const uri = ref.split("#")[0] ?? "";
  if (uri === "") return undefined;
  let target: URL;
  try {
    target = new URL(uri, pathToFileURL(fromFile));
  } catch (error) {
    if (error instanceof TypeError) return undefined; // not a URL: the loader reports the ref with its place
    throw error;
  }
  return target.protocol === "file:" ? fileURLToPath(target) : undefined;
}

export interface SpecFiles {
  /** The spec first, then the files it references, each once, as absolute paths. */
  readonly files: readonly string[];
  /** False when some file could not be read or parsed, so the list may miss files it references. */
  readonly complete: boolean;
}

/** The spec at `specPath` (absolute) and every local file it references, directly or through other files. */
export async function specFiles(specPath: string): Promise<SpecFiles> {
  const files = new Set<string>();
  let complete = true;
  const queue = [specPath];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    if (files.has(file)) continue;
    files.add(file);
    const value = await readParsed(file);
    if (value === undefined) {
      complete = false;
      continue;
    }
    for (const ref of externalRefs(value)) {
      const target = refTargetFile(file, ref);
      if (target !== undefined) queue.push(target);
    }
  }
  return { files: [...files], complete };
}

/** The file's content as YAML (JSON is YAML too), or undefined when it cannot be read or parsed right now. */
async function readParsed(file: string): Promise<unknown> {
  const text = await readFile(file, "utf8").catch((error: unknown) => {
    if (isFileSystemError(error)) return undefined; // gone or half-saved mid-edit: the next change event tries again
    throw error;
  });
  return text === undefined ? undefined : parseLeniently(text);
}

/** YAML or JSON text as a value; undefined when it does not parse (the loader reports that properly, with its place). */
export async function parseLeniently(text: string): Promise<unknown> {
  const { parse, YAMLError } = await import("yaml"); // on demand: the CLI's startup stays light
  try {
    return parse(text, { logLevel: "error" }) as unknown; // errors throw; warnings stay quiet
  } catch (error) {
    if (error instanceof YAMLError) return undefined;
    throw error;
  }
}
