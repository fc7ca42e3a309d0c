/** Follows internal `$ref`s ("#/components/schemas/X") inside one bundled document. */
import { isRecord, stringAt, type JsonRecord } from "./json.js";

/** A ref may point at another ref; a longer chain than this is treated as broken. */
const MAX_REF_HOPS = 32;

/** A document plus a cache of the pointers already looked up in it (one per comparison). */
export interface RefSource {
  readonly doc: JsonRecord;
  readonly targets: Map<string, unknown>;
}

export interface Resolved {
  readonly value: JsonRecord;
  /** The last `$ref` followed, or the object itself when it was inline: identifies the node for cycle guards. */
  readonly key: string | object;
}

function decodePointerSegment(segment: string): string {
  let decoded = segment;
  try {
    decoded = decodeURIComponent(segment);
  } catch (error) {
    if (!(error instanceof URIError)) throw error;
    // Not percent-encoded after all: keep the raw text.
  }
  return decoded.replaceAll("~1", "/").replaceAll("~0", "~");
}

export function pointerSegments(pointer: string): string[] {
  const body = pointer.startsWith("#") ? pointer.slice(1) : pointer;
  return body === "" ? [] : body.replace(/^\//, "").split("/").map(decodePointerSegment);
}

/** The value at an internal pointer, or undefined when the pointer leads nowhere. */
export function lookupPointer(root: JsonRecord, pointer: string): unknown {
  let current: unknown = root;
  for (const segment of pointerSegments(pointer)) {
    if (Array.isArray(current)) current = current[Number(segment)];
    else if (isRecord(current)) current = current[segment];
    else return undefined;
  }
  return current;
}

function cachedLookup(source: RefSource, pointer: string): unknown {
  if (source.targets.has(pointer)) return source.targets.get(pointer);
  const target = lookupPointer(source.doc, pointer);
  source.targets.set(pointer, target);
  return target;
}

/** Resolves a value that may be a `$ref` chain; undefined when it is not an object or the ref is broken. */
export function resolveRef(source: RefSource, value: unknown): Resolved | undefined {
  let current = value;
  let key: string | object | undefined;
  for (let hop = 0; hop <= MAX_REF_HOPS; hop++) {
    if (!isRecord(current)) return undefined;
    const ref = stringAt(current, "$ref");
    if (ref === undefined || !ref.startsWith("#")) return { value: current, key: key ?? current };
    key = ref;
    current = cachedLookup(source, ref);
  }
  return undefined;
}

/** The last segment of a `$ref`, e.g. "PhoneNumber" for "#/components/schemas/PhoneNumber". */
export function refName(key: string | object): string | undefined {
  if (typeof key !== "string") return undefined;
  return pointerSegments(key).at(-1);
}
