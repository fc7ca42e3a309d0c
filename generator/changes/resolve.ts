/** The change report's view of `$ref`s: the schema a value stands for, and a key that names it for the cycle guard. */
import { parsePointer } from "../spec/pointer.js";
import { cachedRefTarget, followRefs } from "../spec/refs.js";
import { isRecord, type JsonRecord } from "./json.js";

/** One document being compared (read only, so its `$ref`s are looked up once). */
export interface RefSource {
  readonly doc: JsonRecord;
}

export interface Resolved {
  readonly value: JsonRecord;
  /** The pointer of the last `$ref` followed, or the object itself when it was inline: identifies the node. */
  readonly key: string | object;
}

/** Resolves a value that may be a `$ref` chain; undefined when it is not an object or the ref is broken. */
export function resolveRef(source: RefSource, value: unknown): Resolved | undefined {
  const found = followRefs(source.doc, value, undefined, cachedRefTarget);
  if (found === undefined || !isRecord(found.value)) return undefined;
  return { value: found.value, key: found.pointer ?? found.value };
}

/** The last token of a `$ref`'s pointer, e.g. "PhoneNumber" for "/components/schemas/PhoneNumber". */
export function refName(key: string | object): string | undefined {
  return typeof key === "string" ? parsePointer(key).at(-1) : undefined;
}
