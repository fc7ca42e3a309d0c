/** The set of JSON types a schema admits, so widening and narrowing can be told apart. */
import { arrayAt, isRecord, stringAt, type JsonRecord } from "./json.js";

/** "any" means the schema does not constrain the type. */
export type TypeSet = ReadonlySet<string> | "any";

export function jsonTypeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

/** Enum values of a schema, with `const` read as a one-value enum. */
export function enumValues(schema: JsonRecord): readonly unknown[] | undefined {
  if ("const" in schema) return [schema["const"]];
  return arrayAt(schema, "enum");
}

function declaredTypes(schema: JsonRecord): string[] | undefined {
  const type = schema["type"];
  if (typeof type === "string") return [type];
  if (Array.isArray(type)) return type.filter((item): item is string => typeof item === "string");
  return undefined;
}

function inferredTypes(schema: JsonRecord): string[] | undefined {
  const values = enumValues(schema);
  if (values !== undefined) return values.map(jsonTypeOf);
  if (isRecord(schema["properties"]) || isRecord(schema["additionalProperties"])) return ["object"];
  if (isRecord(schema["items"])) return ["array"];
  return undefined;
}

export function typeSetOf(schema: JsonRecord): TypeSet {
  const types = declaredTypes(schema) ?? inferredTypes(schema);
  if (types === undefined) return "any";
  // OpenAPI 3.0 spells "or null" as a flag rather than a type.
  if (schema["nullable"] === true) types.push("null");
  return new Set(types);
}

/** Whether every value of `inner` is also a value of `outer`; an integer is a number. */
export function isSubsetOf(inner: TypeSet, outer: TypeSet): boolean {
  if (outer === "any") return true;
  if (inner === "any") return false;
  return [...inner].every((type) => outer.has(type) || (type === "integer" && outer.has("number")));
}

export function sameTypeSet(left: TypeSet, right: TypeSet): boolean {
  return describeTypeSet(left) === describeTypeSet(right);
}

export function overlaps(left: TypeSet, right: TypeSet): boolean {
  if (left === "any" || right === "any") return true;
  const numeric = (set: ReadonlySet<string>): boolean => set.has("number") || set.has("integer");
  return [...left].some((type) => right.has(type)) || (numeric(left) && numeric(right));
}

export function describeTypeSet(set: TypeSet): string {
  return set === "any" ? "any" : [...set].sort().join(" | ");
}

export function formatOf(schema: JsonRecord): string | undefined {
  return stringAt(schema, "format");
}
