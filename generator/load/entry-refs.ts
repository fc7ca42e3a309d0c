/**
 * A schema's `$ref` should name a schema. Some specs name a response, request body, parameter or header entry
 * instead, meaning that entry's schema; peers accept that. By default the ref is pointed at the entry's schema (its
 * JSON media type's, else its first media type's; a parameter's or header's own `schema`), with a warning, and an
 * entry without a schema accepts any value. Under `--strict` it is an error, and a ref to an entry that has no
 * schema at all by its kind (an example, a link…) always is.
 */
import { SpecError } from "../errors.js";
import { NAME_MAPS } from "../spec/constants.js";
import { appendPointer, isObject, parsePointer, refToPointer, resolvePointer } from "../spec/pointer.js";
import { locateObject } from "../spec/refs.js";
import type { Leniency } from "./leniency.js";
import type { LocatedDocument } from "./parse.js";
import { collectRefs } from "./refs.js";
import { isRefObject } from "./targets.js";

const WITH_CONTENT = new Set(["responses", "requestBodies"]);
const WITH_SCHEMA = new Set(["parameters", "headers"]);
const WITHOUT_SCHEMA = new Set(["examples", "links", "callbacks", "securitySchemes", "pathItems"]);

export function repairEntryRefs(document: LocatedDocument, leniency: Leniency): void {
  for (const site of collectRefs(document.value)) {
    const target = refToPointer(site.ref);
    const kind = target === undefined ? undefined : /^\/components\/([^/]+)\/[^/]+$/.exec(target)?.[1];
    if (target === undefined || kind === undefined || !isSchemaPlace(site.pointer)) continue;
    const error = `a schema's $ref ${JSON.stringify(site.ref)} points at a ${kind} entry, not a schema`;
    if (WITHOUT_SCHEMA.has(kind)) throw new SpecError(error, document.locate(site.pointer));
    if (!WITH_CONTENT.has(kind) && !WITH_SCHEMA.has(kind)) continue;
    const schema = entrySchema(document.value, target);
    const holder = resolvePointer(document.value, site.pointer.slice(0, -"/$ref".length));
    if (!isObject(holder)) continue;
    if (schema === undefined) {
      leniency.tolerate(
        document.locate(site.pointer),
        error,
        `${error}: the entry has no schema, so any value is accepted`,
      );
      delete holder["$ref"];
      continue;
    }
    const schemaRef = refTo(document.value, schema);
    leniency.tolerate(
      document.locate(site.pointer),
      error,
      `${error}: taken as its schema ${JSON.stringify(schemaRef)}`,
    );
    holder["$ref"] = schemaRef;
  }
}

/**
 * Whether a `$ref` written at `pointer` stands for a schema: it is in a component schema, or below a `schema`
 * keyword (not an entry named "schema" in a map of names).
 */
function isSchemaPlace(pointer: string): boolean {
  const tokens = parsePointer(pointer);
  if (tokens[0] === "components" && tokens[1] === "schemas" && tokens.length > 3) return true;
  return tokens.some((token, index) => token === "schema" && index > 0 && !NAME_MAPS.has(tokens[index - 1] ?? ""));
}

/** Where the schema of the entry at `pointer` is (following the entry's own `$ref`s); `undefined` when it has none. */
function entrySchema(root: unknown, pointer: string): string | undefined {
  const found = locateObject(root, pointer);
  if (found === undefined) return undefined;
  const { value: entry, pointer: at } = found;
  if (entry["schema"] !== undefined) return appendPointer(at, "schema");
  const content = entry["content"];
  if (!isObject(content)) return undefined;
  const mediaTypes = Object.keys(content).filter(
    (mediaType) => isObject(content[mediaType]) && content[mediaType]["schema"] !== undefined,
  );
  const chosen = mediaTypes.find((mediaType) => /^application\/(.+\+)?json(;|$)/i.test(mediaType)) ?? mediaTypes[0];
  return chosen === undefined ? undefined : appendPointer(at, "content", chosen, "schema");
}

/** A ref to the schema at `pointer`; when that schema is itself only a ref, that ref (one hop fewer to follow). */
function refTo(root: unknown, pointer: string): string {
  const schema = resolvePointer(root, pointer);
  if (isRefObject(schema) && Object.keys(schema).length === 1) return schema.$ref;
  return `#${pointer.replaceAll("%", "%25")}`;
}
