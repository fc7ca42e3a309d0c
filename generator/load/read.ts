/** Reads a spec's text from a file or an http(s) URL. */
import { readFile } from "node:fs/promises";
import { SpecError } from "../errors.js";

export function isUrl(source: string): boolean {
  return /^https?:\/\//i.test(source);
}

/** The text, or why it could not be had (`no such file`, `HTTP 404`…), so each caller can frame the failure. */
export type ReadOutcome = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly reason: string };

/** Reads the spec the user named; a failure is a SpecError naming it. */
export async function readSpecText(source: string): Promise<string> {
  const outcome = await readSource(source);
  if (outcome.ok) return outcome.text;
  throw new SpecError(`cannot ${readVerb(source)} the spec: ${outcome.reason}`, { file: source });
}

/** `download` for a URL, `read` for a file: the verb of a failure message. */
export function readVerb(location: string): string {
  return isUrl(location) ? "download" : "read";
}

export async function readSource(location: string): Promise<ReadOutcome> {
  return isUrl(location) ? fetchText(location) : readLocalFile(location);
}

/** What the file system says about a spec path, in words; any other failure is not the spec's and is thrown. */
const FILE_ERRORS: Readonly<Record<string, string>> = {
  ENOENT: "no such file",
  EISDIR: "is a folder, not a spec file",
  ENOTDIR: "a part of the path is a file, not a folder",
  EACCES: "permission denied",
  EPERM: "permission denied",
  ENAMETOOLONG: "the path is too long",
  ELOOP: "too many symbolic links",
};

async function readLocalFile(path: string): Promise<ReadOutcome> {
  try {
    return { ok: true, text: await readFile(path, "utf8") };
  } catch (error) {
    const reason = FILE_ERRORS[(error as NodeJS.ErrnoException).code ?? ""];
    if (reason === undefined) throw error;
    return { ok: false, reason };
  }
}

async function fetchText(url: string): Promise<ReadOutcome> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
  if (!response.ok) return { ok: false, reason: `HTTP ${response.status}` };
  return { ok: true, text: await response.text() };
}
