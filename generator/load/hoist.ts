/**
 * Gives every `$ref` a component to point at. Specs may reference a schema deep inside another object (a property of a
 * request body under `paths`, or `#/components/schemas/A/definitions/B`); openapi-typescript then emits an indexed
 * type that does not compile. Each such target is copied to `components/schemas` under a name made from its pointer,
 * and the refs to it are rewritten: the same schema, reachable by name.
 */
import { isObject, parsePointer, refToPointer, resolvePointer } from "../pointer.js";
import { collectRefs } from "./refs.js";

const COMPONENT_TYPES = new Set(["schemas", "responses", "parameters", "examples", "requestBodies", "headers", "securitySchemes", "links", "callbacks", "pathItems"]);

/** Mutates `document`; returns how many targets were hoisted. */
export function hoistDeepRefs(document: Record<string, unknown>): number {
  const sites = collectRefs(document).filter((site) => site.ref.startsWith("#"));
  const deep = sites.filter((site) => isDeepSchemaPointer(refToPointer(site.ref)));
  if (deep.length === 0) return 0;
  const components = (isObject(document["components"]) ? document["components"] : (document["components"] = {})) as Record<string, unknown>;
  const schemas = (isObject(components["schemas"]) ? components["schemas"] : (components["schemas"] = {})) as Record<string, unknown>;
  const names = new Map<string, string>();
  for (const site of deep) {
    const target = refToPointer(site.ref);
    if (target === undefined) continue;
    let name = names.get(target);
    if (name === undefined) {
      const value = resolvePointer(document, target);
      if (value === undefined) continue;
      name = uniqueName(schemas, nameFromPointer(target));
      schemas[name] = value;
      names.set(target, name);
    }
    const holder = resolvePointer(document, site.pointer.slice(0, site.pointer.lastIndexOf("/")));
    if (isObject(holder)) holder["$ref"] = `#/components/schemas/${name.replace(/~/g, "~0").replace(/\//g, "~1")}`;
  }
  return names.size;
}

const SCHEMA_WORDS = new Set(["schema", "properties", "items", "definitions", "$defs", "additionalProperties", "allOf", "oneOf", "anyOf", "not"]);

/** A schema somewhere other than directly in a component (refs to path items, parameters or responses stay). */
function isDeepSchemaPointer(pointer: string | undefined): boolean {
  if (pointer === undefined) return false;
  const tokens = parsePointer(pointer);
  const isComponent = tokens.length === 3 && tokens[0] === "components" && COMPONENT_TYPES.has(tokens[1] ?? "");
  if (isComponent) return false;
  const underSchemas = tokens[0] === "components" && tokens[1] === "schemas";
  return underSchemas || tokens.some((token) => SCHEMA_WORDS.has(token));
}

/** `/paths/~1pets/post/requestBody/content/application~1json/schema` → `paths_pets_post_requestBody_…_schema`. */
function nameFromPointer(pointer: string): string {
  const words = parsePointer(pointer)
    .filter((token, index) => !(index < 2 && (token === "components" || token === "schemas")))
    .map((token) => token.replace(/[^A-Za-z0-9_]+/g, "_").replace(/^_+|_+$/g, ""))
    .filter(Boolean);
  return words.join("_") || "Schema";
}

function uniqueName(taken: Record<string, unknown>, wanted: string): string {
  for (let counter = 1; ; counter++) {
    const candidate = counter === 1 ? wanted : `${wanted}${counter}`;
    if (!Object.hasOwn(taken, candidate)) return candidate;
  }
}
