/**
 * Gives every `$ref` a component to point at. Specs may reference a schema deep inside another object (a property of a
 * request body under `paths`, or `#/components/schemas/A/definitions/B`), or a parameter, response or request body
 * written inline in some operation; openapi-typescript then emits an indexed type that does not compile (it indexes
 * through optional members). Each such target is copied to the components section of its kind under a name made
 * from its pointer, and the refs to it are rewritten: the same object, reachable by name.
 */
import { isComponentSection } from "../spec/constants.js";
import { encodePointerToken, isObject, parsePointer, refToPointer, resolvePointer } from "../spec/pointer.js";
import { collectRefs } from "./refs.js";

/** Mutates `document`; returns how many targets were hoisted. */
export function hoistDeepRefs(document: Record<string, unknown>): number {
  const sites = collectRefs(document).filter((site) => site.ref.startsWith("#"));
  const components = (isObject(document["components"]) ? document["components"] : {}) as Record<string, unknown>;
  const hoisted = new Map<string, string>(); // target pointer → its new $ref
  for (const site of sites) {
    const target = refToPointer(site.ref);
    const kind = target === undefined ? undefined : componentKindOf(target);
    if (target === undefined || kind === undefined) continue;
    let ref = hoisted.get(target);
    if (ref === undefined) {
      const value = resolvePointer(document, target);
      if (value === undefined) continue;
      document["components"] = components;
      const section = (isObject(components[kind]) ? components[kind] : (components[kind] = {})) as Record<
        string,
        unknown
      >;
      const wanted =
        kind === "parameters" && isObject(value) && typeof value["name"] === "string"
          ? value["name"]
          : nameFromPointer(target);
      const name = uniqueName(section, wanted);
      section[name] = value;
      ref = `#/components/${kind}/${encodePointerToken(name)}`;
      hoisted.set(target, ref);
    }
    const holder = resolvePointer(document, site.pointer.slice(0, site.pointer.lastIndexOf("/")));
    if (isObject(holder)) holder["$ref"] = ref;
  }
  return hoisted.size;
}

const SCHEMA_WORDS = new Set([
  "schema",
  "properties",
  "items",
  "definitions",
  "$defs",
  "additionalProperties",
  "allOf",
  "oneOf",
  "anyOf",
  "not",
]);

/**
 * The components section a deep target belongs in: a schema anywhere but directly in a component, or a parameter,
 * response, request body or header written inline under `paths`. `undefined`: the ref can stay (components, path items).
 */
function componentKindOf(pointer: string): string | undefined {
  const tokens = parsePointer(pointer);
  const isComponent = tokens.length === 3 && tokens[0] === "components" && isComponentSection(tokens[1] ?? "");
  if (isComponent) return undefined;
  const underSchemas = tokens[0] === "components" && tokens[1] === "schemas";
  if (underSchemas || tokens.some((token) => SCHEMA_WORDS.has(token))) return "schemas";
  if (tokens[0] !== "paths") return undefined;
  const [parent, last] = tokens.slice(-2);
  if (last === "requestBody") return "requestBodies";
  if (parent === "parameters" && /^\d+$/.test(last ?? "")) return "parameters";
  if (parent === "responses" || parent === "headers") return parent;
  return undefined;
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
