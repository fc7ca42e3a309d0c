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

async function readLocalFile(path: string): Promise<ReadOutcome> {
  try {
    return { ok: true, text: await readFile(path, "utf8") };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a folder, not a spec file" : String(code ?? error);
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
