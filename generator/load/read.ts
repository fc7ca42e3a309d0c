/** Reads a spec's text from a file or an http(s) URL. */
import { readFile } from "node:fs/promises";
import { SpecError } from "../errors.js";

export function isUrl(source: string): boolean {
  return /^https?:\/\//i.test(source);
}

/** The text, or why it could not be had (`no such file`, `HTTP 404`…), so each caller can frame the failure. */
export type ReadOutcome =
  { readonly ok: true; readonly text: string } | { readonly ok: false; readonly reason: string };

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

const FETCH_TIMEOUT_MS = 30_000;

/**
 * Why a fetch failed, in words: fetch itself says only "fetch failed", and the reason (ECONNREFUSED, ENOTFOUND, a TLS
 * problem) is in its cause, or in the first of the cause's errors when several addresses were tried.
 */
export function fetchFailure(error: unknown): string {
  if (error instanceof Error && error.name === "TimeoutError") return `no answer within ${FETCH_TIMEOUT_MS / 1000} s`;
  const message = error instanceof Error ? error.message : String(error);
  const cause: unknown = error instanceof Error ? error.cause : undefined;
  const inner: unknown = cause instanceof AggregateError ? (cause.errors[0] ?? cause) : cause;
  if (!(inner instanceof Error)) return message;
  const code = (inner as NodeJS.ErrnoException).code;
  const detail = inner.message !== "" ? inner.message : (code ?? inner.name);
  return `${message} (${code !== undefined && !detail.includes(code) ? `${code}: ` : ""}${detail})`;
}

async function fetchText(url: string): Promise<ReadOutcome> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  } catch (error) {
    return { ok: false, reason: fetchFailure(error) };
  }
  if (!response.ok) return { ok: false, reason: `HTTP ${response.status}` };
  return { ok: true, text: await response.text() };
}
