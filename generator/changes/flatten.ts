/** Merges `allOf` members into one schema, the way a TypeScript intersection reads to a caller. */
import type { Side } from "./context.js";
import { arrayAt, isRecord, recordAt, stringsAt, type JsonRecord } from "./json.js";
import { resolveRef } from "./resolve.js";

/** Guards against allOf chains that loop back on themselves. */
const MAX_ALLOF_DEPTH = 16;

/** Keys merged by hand; every other key keeps the first value seen. */
const MERGED_KEYS = new Set(["allOf", "properties", "required", "$ref"]);

interface Accumulator {
  readonly merged: Record<string, unknown>;
  readonly properties: Record<string, unknown>;
  readonly required: Set<string>;
}

function addProperties(target: Record<string, unknown>, source: JsonRecord): void {
  for (const [name, schema] of Object.entries(source)) {
    const existing = target[name];
    // Two members describing the same property: both constraints apply.
    target[name] = existing === undefined ? schema : { allOf: [existing, schema] };
  }
}

function absorb(accumulator: Accumulator, member: JsonRecord): void {
  addProperties(accumulator.properties, recordAt(member, "properties") ?? {});
  for (const name of stringsAt(member, "required")) accumulator.required.add(name);
  for (const [key, value] of Object.entries(member)) {
    if (!MERGED_KEYS.has(key) && accumulator.merged[key] === undefined) accumulator.merged[key] = value;
  }
}

function mergeAllOf(side: Side, schema: JsonRecord, members: readonly unknown[], depth: number): JsonRecord {
  const accumulator: Accumulator = { merged: {}, properties: {}, required: new Set() };
  absorb(accumulator, schema);
  for (const member of members) {
    const resolved = resolveRef(side, member);
    if (resolved === undefined) continue;
    const flat = depth < MAX_ALLOF_DEPTH ? flattenAllOf(side, resolved.value, depth + 1) : resolved.value;
    absorb(accumulator, flat);
  }
  const result: Record<string, unknown> = { ...accumulator.merged };
  if (Object.keys(accumulator.properties).length > 0) result["properties"] = accumulator.properties;
  if (accumulator.required.size > 0) result["required"] = [...accumulator.required];
  return result;
}

/** The schema with its allOf members merged in; the same input object always yields the same output object. */
export function flattenAllOf(side: Side, schema: JsonRecord, depth = 0): JsonRecord {
  const members = arrayAt(schema, "allOf");
  if (members === undefined || !members.some(isRecord)) return schema;
  const cached = side.flattened.get(schema);
  if (cached !== undefined) return cached;
  const flat = mergeAllOf(side, schema, members, depth);
  side.flattened.set(schema, flat);
  return flat;
}
