/** Reads a spec's text from a file or an http(s) URL. */
import { readFile } from "node:fs/promises";
import { SpecError } from "../errors.js";

export function isUrl(source: string): boolean {
  return /^https?:\/\//i.test(source);
}

export async function readSpecText(source: string): Promise<string> {
  if (isUrl(source)) return fetchText(source);
  try {
    return await readFile(source, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a folder, not a spec file" : String(code ?? error);
    throw new SpecError(`cannot read the spec: ${reason}`, { file: source });
  }
}

async function fetchText(url: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
  } catch (error) {
    throw new SpecError(`cannot download the spec: ${(error as Error).message}`, { file: url });
  }
  if (!response.ok) throw new SpecError(`cannot download the spec: HTTP ${response.status}`, { file: url });
  return response.text();
}
