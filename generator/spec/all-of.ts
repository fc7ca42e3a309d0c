/**
 * `allOf` merging: a schema, the schemas its `$ref`s lead to and its `allOf` members, read as one keyword bag. Every
 * keyword merges the way `allOf` means it (bounds narrow, `required` and `properties` add up, `type` and `enum`
 * intersect); a constraint that cannot be folded into one value (two different `pattern`s, `format`s, `const`s…)
 * is kept beside the bag as an `allOf` of the later ones, so no constraint is lost. Annotations keep the first value.
 */
import { isObject } from "./pointer.js";
import { refTarget, type RefLookup } from "./refs.js";
import { declaredTypes, jsonEquals, type SchemaObject } from "./schema.js";

/** Marks a `type` intersection that left nothing (e.g. allOf of string and integer). */
export const IMPOSSIBLE_TYPE = "\u0000impossible";

export interface AllOfVisitor {
  /** Each schema object met, before its `$ref` target and `allOf` members; `owner` is the named schema it is part of. */
  enter(schema: SchemaObject, owner: string | undefined): void;
  /** The same schema, after its `$ref` target and `allOf` members. */
  leave?(schema: SchemaObject, owner: string | undefined): void;
  /** A `$ref` followed for the first time in this walk (each pointer is merged once: this also ends cycles). */
  followed?(pointer: string): void;
  /** A `false` schema: no value can match. */
  impossible?(): void;
}

export interface AllOfWalk {
  readonly lookup?: RefLookup;
  /** Pointers already merged (they are skipped); the walk adds those it follows. */
  readonly merged?: Set<string>;
  /** Where `schema` itself lives, when it is a named schema given directly. */
  readonly owner?: string | undefined;
}

/** Visits `schema`, then (depth first) what its `$ref` leads to, then its `allOf` members. */
export function walkAllOf(document: unknown, schema: unknown, visitor: AllOfVisitor, walk: AllOfWalk = {}): void {
  visit(document, schema, visitor, walk.lookup ?? refTarget, walk.merged ?? new Set(), walk.owner);
}

function visit(
  document: unknown,
  schema: unknown,
  visitor: AllOfVisitor,
  lookup: RefLookup,
  merged: Set<string>,
  owner: string | undefined,
): void {
  if (schema === false) {
    visitor.impossible?.();
    return;
  }
  if (!isObject(schema)) return;
  visitor.enter(schema, owner);
  const ref = schema["$ref"];
  if (typeof ref === "string") {
    const target = lookup(document, ref);
    if (target?.pointer !== undefined && !merged.has(target.pointer)) {
      merged.add(target.pointer);
      visitor.followed?.(target.pointer);
      visit(document, target.value, visitor, lookup, merged, target.pointer);
    }
  }
  if (Array.isArray(schema["allOf"])) {
    for (const member of schema["allOf"]) visit(document, member, visitor, lookup, merged, owner);
  }
  visitor.leave?.(schema, owner);
}

/** The keywords `walkAllOf` resolves itself; they never enter the merged bag. */
const WALKED_KEYS = new Set(["$ref", "allOf"]);

/** `schema` with its `$ref`s followed and `allOf` members merged into one keyword bag. */
export function mergeAllOf(document: unknown, schema: unknown, lookup: RefLookup = refTarget): SchemaObject {
  const merged: SchemaObject = {};
  walkAllOf(document, schema, { enter: (member) => mergeKeywords(merged, member, WALKED_KEYS) }, { lookup });
  return merged;
}

/** Merges every keyword of `source` but the `skipped` ones into `into`. */
export function mergeKeywords(into: SchemaObject, source: SchemaObject, skipped: ReadonlySet<string>): void {
  for (const [key, value] of Object.entries(source)) if (!skipped.has(key)) mergeKeyword(into, key, value);
}

const LARGER_WINS = new Set(["minimum", "exclusiveMinimum", "minLength", "minItems", "minProperties", "minContains"]);
const SMALLER_WINS = new Set(["maximum", "exclusiveMaximum", "maxLength", "maxItems", "maxProperties", "maxContains"]);
const ANY_TRUE_WINS = new Set(["readOnly", "writeOnly", "uniqueItems", "nullable", "deprecated"]);
/** Both sub-schemas apply to the same value: `{ allOf: [a, b] }`. */
const BOTH_APPLY = new Set(["items", "propertyNames", "unevaluatedItems", "unevaluatedProperties", "contentSchema"]);
/** Say nothing about which values are valid: the first one met is kept. */
const ANNOTATIONS = new Set([
  "title",
  "description",
  "default",
  "example",
  "examples",
  "$comment",
  "externalDocs",
  "xml",
  "discriminator",
  "$id",
  "$schema",
  "$anchor",
  "$defs",
  "definitions",
  "contentMediaType",
  "contentEncoding",
]);

/** Adds one keyword to a merged bag, combining it with what is there the way `allOf` would. */
export function mergeKeyword(into: SchemaObject, key: string, value: unknown): void {
  if (!Object.hasOwn(into, key)) {
    into[key] = value;
    return;
  }
  const existing = into[key];
  if (
    typeof existing === "boolean" &&
    typeof value === "boolean" &&
    (key === "exclusiveMinimum" || key === "exclusiveMaximum")
  ) {
    into[key] = existing || value;
  } else if (typeof existing === "number" && typeof value === "number" && LARGER_WINS.has(key)) {
    into[key] = Math.max(existing, value);
  } else if (typeof existing === "number" && typeof value === "number" && SMALLER_WINS.has(key)) {
    into[key] = Math.min(existing, value);
  } else if (ANY_TRUE_WINS.has(key)) {
    into[key] = existing === true || value === true;
  } else if (key === "required" && Array.isArray(existing) && Array.isArray(value)) {
    into[key] = [...new Set([...existing, ...value])];
  } else if (
    (key === "properties" || key === "patternProperties" || key === "dependentSchemas") &&
    isObject(existing) &&
    isObject(value)
  ) {
    into[key] = mergeSchemaMaps(existing, value);
  } else if (key === "type") {
    into[key] = intersectTypes(into, value);
  } else if (key === "enum" && Array.isArray(existing) && Array.isArray(value)) {
    into[key] = existing.filter((entry) => value.some((other) => jsonEquals(entry, other)));
  } else if (key === "additionalProperties") {
    into[key] = existing === false || value === false ? false : bothSchemas(existing, value);
  } else if (BOTH_APPLY.has(key)) {
    into[key] = bothSchemas(existing, value);
  } else if (key === "not") {
    // Neither may match: not (a or b).
    into[key] = jsonEquals(existing, value) ? existing : { anyOf: [existing, value] };
  } else if (
    key === "multipleOf" &&
    typeof existing === "number" &&
    typeof value === "number" &&
    commonMultiple(existing, value) !== undefined
  ) {
    into[key] = commonMultiple(existing, value);
  } else if (key === "allOf" && Array.isArray(existing) && Array.isArray(value)) {
    into[key] = [...existing, ...value];
  } else if (ANNOTATIONS.has(key) || key.startsWith("x-") || jsonEquals(existing, value)) {
    // The first one met is kept.
  } else {
    // `pattern`, `format`, `const`, `contains`…: both apply, and one value cannot say so.
    mergeKeyword(into, "allOf", [{ [key]: value }]);
  }
}

function mergeSchemaMaps(existing: SchemaObject, added: SchemaObject): SchemaObject {
  const merged: SchemaObject = { ...existing };
  for (const [name, schema] of Object.entries(added)) {
    merged[name] = Object.hasOwn(merged, name) ? bothSchemas(merged[name], schema) : schema;
  }
  return merged;
}

function bothSchemas(first: unknown, second: unknown): unknown {
  if (first === true || first === undefined || first === second) return second;
  if (second === true || second === undefined) return first;
  return { allOf: [first, second] };
}

function intersectTypes(into: SchemaObject, value: unknown): unknown {
  const existing = declaredTypes(into);
  const added = declaredTypes({ type: value });
  if (existing === undefined) return value;
  if (added === undefined) return into["type"];
  const common = existing.flatMap((type) => {
    if (added.includes(type)) return [type];
    if (type === "number" && added.includes("integer")) return ["integer"];
    if (type === "integer" && added.includes("number")) return ["integer"];
    return [];
  });
  if (common.length === 0) return IMPOSSIBLE_TYPE;
  return common.length === 1 ? common[0] : common;
}

/** The larger of two multiples when one divides the other, their least common multiple when both are integers; else none. */
function commonMultiple(first: number, second: number): number | undefined {
  if (Number.isInteger(first / second)) return first;
  if (Number.isInteger(second / first)) return second;
  return Number.isInteger(first) && Number.isInteger(second)
    ? (first * second) / greatestCommonDivisor(first, second)
    : undefined;
}

function greatestCommonDivisor(first: number, second: number): number {
  return second === 0 ? Math.abs(first) : greatestCommonDivisor(second, first % second);
}
