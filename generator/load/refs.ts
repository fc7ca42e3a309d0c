/**
 * Finds every `$ref` in a document and checks that each internal one points at something, so a broken reference is
 * reported at the line that wrote it instead of surfacing later as a confusing type error.
 */
import { SpecError } from "../errors.js";
import { appendPointer, isObject, refToPointer, resolvePointer } from "../fixtures/pointer.js";
import type { ParsedFile } from "./parse.js";

export interface RefSite {
  /** Where the `$ref` is written. */
  readonly pointer: string;
  readonly ref: string;
}

export function collectRefs(value: unknown): RefSite[] {
  const sites: RefSite[] = [];
  const walk = (node: unknown, pointer: string): void => {
    if (Array.isArray(node)) {
      node.forEach((item, index) => walk(item, `${pointer}/${index}`));
    } else if (isObject(node)) {
      for (const [key, child] of Object.entries(node)) {
        if (key === "$ref" && typeof child === "string") sites.push({ pointer: appendPointer(pointer, key), ref: child });
        // `example(s)` and `const` hold data, not schema: a `$ref` key inside them is just a value.
        else if (key !== "example" && key !== "examples" && key !== "const" && key !== "default") walk(child, appendPointer(pointer, key));
      }
    }
  };
  walk(value, "");
  return sites;
}

export function isExternalRef(ref: string): boolean {
  return !ref.startsWith("#");
}

/** Throws at the first internal `$ref` that resolves to nothing. */
export function checkInternalRefs(parsed: ParsedFile, sites: readonly RefSite[]): void {
  for (const site of sites) {
    if (isExternalRef(site.ref)) continue;
    const target = refToPointer(site.ref);
    if (target === undefined || resolvePointer(parsed.value, target) === undefined) {
      throw new SpecError(`broken $ref ${JSON.stringify(site.ref)}: nothing in ${parsed.file} at that pointer`, parsed.locate(site.pointer));
    }
  }
}
