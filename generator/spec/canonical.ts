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

/**
 * `JSON.stringify(JSON.parse(compact), null, 2)` without parsing: compact JSON (as `JSON.stringify` writes it, no
 * whitespace outside strings) indented two spaces a level, the way `JSON.stringify` indents, empty `{}` and `[]` kept.
 */
export function indentCompactJson(compact: string): string {
  const parts: string[] = [];
  const indents: string[] = ["\n"];
  const indent = (depth: number): string => (indents[depth] ??= `\n${"  ".repeat(depth)}`);
  let depth = 0;
  let copied = 0; // text before this index is in `parts`
  for (let at = 0; at < compact.length; at++) {
    const code = compact.charCodeAt(at);
    if (code === QUOTE) {
      // Skip the string: its end is the first quote not escaped by an odd run of backslashes.
      let end = compact.indexOf('"', at + 1);
      while (end !== -1 && isEscaped(compact, end)) end = compact.indexOf('"', end + 1);
      if (end === -1) break;
      at = end;
      continue;
    }
    let glue: string;
    if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      const next = compact.charCodeAt(at + 1);
      if (next === CLOSE_BRACE || next === CLOSE_BRACKET) {
        at++;
        continue;
      }
      glue = compact[at] + indent(++depth);
    } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
      glue = indent(--depth) + compact[at];
    } else if (code === COMMA) {
      glue = `,${indent(depth)}`;
    } else if (code === COLON) {
      glue = ": ";
    } else {
      continue;
    }
    parts.push(compact.slice(copied, at), glue);
    copied = at + 1;
  }
  parts.push(compact.slice(copied));
  return parts.join("");
}

const QUOTE = 0x22;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

function isEscaped(text: string, quote: number): boolean {
  let backslashes = 0;
  for (let at = quote - 1; text.charCodeAt(at) === 0x5c; at--) backslashes++;
  return backslashes % 2 === 1;
}
