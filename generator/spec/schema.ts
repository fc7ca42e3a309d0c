/** Readers of schema objects every stage agrees on: what a schema's type is, and when two JSON values are equal. */
import { isObject } from "./pointer.js";

export type SchemaObject = Record<string, unknown>;

/** The keywords that combine or point at other schemas: with one of them, `properties` alone does not make an object. */
export const COMPOSITION_KEYS = ["$ref", "allOf", "anyOf", "oneOf", "not"] as const;

/**
 * A schema that lists `properties` but no `type` accepts any value in JSON Schema, yet its generated TypeScript type
 * is an object: fixtures must be objects there, or `satisfies` fails.
 */
export function impliesObject(schema: SchemaObject): boolean {
  return (
    schema["type"] === undefined && isObject(schema["properties"]) && !COMPOSITION_KEYS.some((key) => key in schema)
  );
}

/** The names listed in `type` (a string or an array), or `undefined` when the schema has no `type`. */
export function declaredTypes(schema: SchemaObject): string[] | undefined {
  const type = schema["type"];
  if (typeof type === "string") return [type];
  if (Array.isArray(type)) return type.filter((entry): entry is string => typeof entry === "string");
  return impliesObject(schema) ? ["object"] : undefined;
}

/** Structural equality of JSON values (what `enum`, `const` and `uniqueItems` compare). */
export function jsonEquals(left: unknown, right: unknown): boolean {
  if (left === right) return true;
  if (Array.isArray(left)) {
    return (
      Array.isArray(right) &&
      left.length === right.length &&
      left.every((item, index) => jsonEquals(item, right[index]))
    );
  }
  if (isObject(left) && isObject(right)) {
    const keys = Object.keys(left);
    return (
      keys.length === Object.keys(right).length &&
      keys.every((key) => Object.hasOwn(right, key) && jsonEquals(left[key], right[key]))
    );
  }
  return false;
}
