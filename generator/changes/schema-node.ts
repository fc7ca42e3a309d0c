/** A schema ready to compare: refs followed, allOf merged, with a stable key for the cycle guard. */
import type { Side } from "./context.js";
import { mergeAllOf } from "../spec/all-of.js";
import { cachedRefTarget } from "../spec/refs.js";
import { arrayAt, isRecord, stringAt, type JsonRecord } from "./json.js";
import { refName, resolveRef } from "./resolve.js";
import { describeTypeSet, typeSetOf } from "./type-set.js";

export interface SchemaNode {
  readonly schema: JsonRecord;
  /** The `$ref` it came from, or the inline object: two nodes with the same key compare the same. */
  readonly key: string | object;
}

const UNCONSTRAINED: JsonRecord = Object.freeze({});

/** A missing schema, `true`, or a broken ref all read as "anything". */
export function schemaNode(side: Side, value: unknown): SchemaNode {
  const resolved = resolveRef(side, value);
  if (resolved === undefined) return { schema: UNCONSTRAINED, key: UNCONSTRAINED };
  return { schema: withAllOfMerged(side, resolved.value), key: resolved.key };
}

/** The schema with its allOf members merged in; the same input object always yields the same output object. */
function withAllOfMerged(side: Side, schema: JsonRecord): JsonRecord {
  const members = arrayAt(schema, "allOf");
  if (members === undefined || !members.some(isRecord)) return schema;
  const cached = side.flattened.get(schema);
  if (cached !== undefined) return cached;
  const merged = mergeAllOf(side.doc, schema, cachedRefTarget);
  side.flattened.set(schema, merged);
  return merged;
}

/** The members of a oneOf/anyOf (TypeScript unions either way), or undefined when the schema is not a union. */
export function unionMembers(side: Side, node: SchemaNode): SchemaNode[] | undefined {
  const members = arrayAt(node.schema, "oneOf") ?? arrayAt(node.schema, "anyOf");
  if (members === undefined || members.length === 0) return undefined;
  return members.map((member) => schemaNode(side, member));
}

/** A short human name for a schema: its component name, its title, or its type. */
export function schemaLabel(node: SchemaNode): string {
  return refName(node.key) ?? stringAt(node.schema, "title") ?? describeTypeSet(typeSetOf(node.schema));
}
