/** A canonical text for a JSON value (object keys sorted), so equal schemas compare equal however written. */
import { isRecord } from "./json.js";

/** Deeper than this, a value is not worth fingerprinting (and may be a cycle in a hand-built object). */
const MAX_CANONICAL_DEPTH = 64;

function canonicalize(value: unknown, depth: number): string {
  if (depth > MAX_CANONICAL_DEPTH) throw new RangeError("value too deep to fingerprint");
  if (Array.isArray(value)) return `[${value.map((item) => canonicalize(item, depth + 1)).join(",")}]`;
  if (isRecord(value)) {
    const entries = Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalize(value[key], depth + 1)}`);
    return `{${entries.join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

export function canonicalJson(value: unknown): string | undefined {
  try {
    return canonicalize(value, 0);
  } catch (error) {
    if (error instanceof RangeError) return undefined; // too deep (or a cycle): not worth fingerprinting
    throw error;
  }
}
