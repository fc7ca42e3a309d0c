/**
 * Finds every `$ref` in a document and checks that each internal one points at something, so a broken reference is
 * reported at the line that wrote it instead of surfacing later as a confusing type error.
 */
import { SpecError } from "../errors.js";
import { NAME_MAPS } from "../spec/constants.js";
import { appendPointer, isObject, refToPointer, resolvePointer } from "../spec/pointer.js";
import type { LocatedDocument } from "./parse.js";

export interface RefSite {
  /** Where the `$ref` is written (for a discriminator mapping: the mapping entry). */
  readonly pointer: string;
  readonly ref: string;
}

/** Keywords whose value is data, not schema: a `$ref` key inside them is just a value. */
const DATA_KEYWORDS = new Set(["example", "const", "default", "enum"]);

export interface CollectOptions {
  /** Also report discriminator mapping values that are refs (`./dog.yaml`, `#/components/schemas/Dog`). */
  readonly mappings?: boolean;
}

export function collectRefs(value: unknown, options: CollectOptions = {}): RefSite[] {
  const sites: RefSite[] = [];
  const walk = (node: unknown, pointer: string, keysAreNames: boolean): void => {
    if (Array.isArray(node)) {
      node.forEach((item, index) => walk(item, `${pointer}/${index}`, false));
      return;
    }
    if (!isObject(node)) return;
    for (const [key, child] of Object.entries(node)) {
      const childPointer = appendPointer(pointer, key);
      if (keysAreNames) walk(child, childPointer, false);
      else if (key === "$ref") {
        if (typeof child === "string") sites.push({ pointer: childPointer, ref: child });
      } else if (key === "examples") collectExampleRefs(child, childPointer, sites);
      else if (key === "discriminator") {
        if (options.mappings) collectMappingRefs(child, childPointer, sites);
      } else if (!DATA_KEYWORDS.has(key)) walk(child, childPointer, NAME_MAPS.has(key) && isObject(child));
    }
  };
  walk(value, "", false);
  return sites;
}

/**
 * `examples` is data in a schema (a list of values) but a map of Example objects elsewhere, where an entry may be a
 * `$ref`; an Example's own fields (`value`…) are data.
 */
function collectExampleRefs(examples: unknown, pointer: string, sites: RefSite[]): void {
  if (!isObject(examples)) return;
  for (const [name, example] of Object.entries(examples)) {
    if (isObject(example) && typeof example["$ref"] === "string")
      sites.push({ pointer: appendPointer(pointer, name, "$ref"), ref: example["$ref"] });
  }
}

function collectMappingRefs(discriminator: unknown, pointer: string, sites: RefSite[]): void {
  const mapping = isObject(discriminator) ? discriminator["mapping"] : undefined;
  if (!isObject(mapping)) return;
  for (const [name, target] of Object.entries(mapping)) {
    if (typeof target === "string" && isMappingRef(target))
      sites.push({ pointer: appendPointer(pointer, "mapping", name), ref: target });
  }
}

/** A bare name (`Dog`) in a discriminator mapping names a schema in components; only something shaped like a reference is one. */
export function isMappingRef(value: string): boolean {
  return value.startsWith("#") || value.includes("/");
}

export function isExternalRef(ref: string): boolean {
  return !ref.startsWith("#");
}

/** Throws at the first `$ref` that is external (`allowExternal` off) or internal and resolves to nothing. */
export function checkRefs(document: LocatedDocument, sites: readonly RefSite[], allowExternal = true): void {
  for (const site of sites) {
    if (isExternalRef(site.ref)) {
      if (allowExternal) continue;
      throw new SpecError(
        `$ref ${JSON.stringify(site.ref)} could not be bundled into one document`,
        document.locate(site.pointer),
      );
    }
    const target = refToPointer(site.ref);
    if (target === undefined || resolvePointer(document.value, target) === undefined) {
      const place = document.locate(site.pointer);
      throw new SpecError(`broken $ref ${JSON.stringify(site.ref)}: nothing in ${place.file} at that pointer`, place);
    }
  }
}
