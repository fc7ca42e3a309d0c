/**
 * Canonical JSON: every object's keys sorted by code unit (arrays keep their order), so equal values compare equal
 * however their keys were written.
 */
import { compareText } from "./constants.js";

/** The value with every object's keys sorted, recursively. */
export function sortKeysDeep(value: unknown): unknown {
  return copyDeep(value, (keys) => keys.sort(compareText));
}

/** A deep copy with every object's keys in `order(keys)` (as written when no order is given). */
export function copyDeep(value: unknown, order: (keys: string[]) => string[] = (keys) => keys): unknown {
  if (Array.isArray(value)) return value.map((item) => copyDeep(item, order));
  if (typeof value !== "object" || value === null) return value;
  const copy: Record<string, unknown> = {};
  for (const key of order(Object.keys(value))) {
    // defineProperty, not assignment: a "__proto__" key must stay data, never become the prototype.
    Object.defineProperty(copy, key, {
      value: copyDeep((value as Record<string, unknown>)[key], order),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return copy;
}

/** Deeper than this, a value is not worth a canonical text (and may be a cycle in a hand-built object). */
const MAX_CANONICAL_DEPTH = 64;

/** The canonical text of a JSON value, or `undefined` when it is too deep (or cyclic) to be worth one. */
export function canonicalJson(value: unknown): string | undefined {
  try {
    return canonicalText(value, 0);
  } catch (error) {
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}

function canonicalText(value: unknown, depth: number): string {
  if (depth > MAX_CANONICAL_DEPTH) throw new RangeError("value too deep for a canonical text");
  if (Array.isArray(value)) return `[${value.map((item) => canonicalText(item, depth + 1)).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const record = value as Record<string, unknown>;
    const entries = Object.keys(record)
      .sort(compareText)
      .map((key) => `${JSON.stringify(key)}:${canonicalText(record[key], depth + 1)}`);
    return `{${entries.join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}
