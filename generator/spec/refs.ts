/**
 * The one `$ref` resolver: internal refs (`#/components/schemas/Pet`) are followed inside one bundled document, chains
 * of refs to their end. A chain that comes back to a pointer it has passed is a cycle and leads nowhere, as does an
 * external or dangling ref.
 */
import { isObject, refToPointer, resolvePointer } from "./pointer.js";

/** A value and the pointer it lives at (`undefined` when it was given as a value and no `$ref` was followed). */
export interface Located<T = unknown> {
  readonly value: T;
  readonly pointer: string | undefined;
}

/** Looks up where one `$ref` string leads. */
export type RefLookup = (document: unknown, ref: string) => Located | undefined;

/** Where one internal `$ref` leads; `undefined` for an external or dangling one. */
export function refTarget(document: unknown, ref: string): Located | undefined {
  const pointer = refToPointer(ref);
  if (pointer === undefined) return undefined;
  const value = resolvePointer(document, pointer);
  return value === undefined ? undefined : { value, pointer };
}

// Only documents no stage modifies any more are looked up through this cache (see `cachedRefTarget`).
const lookups = new WeakMap<object, Map<string, Located | undefined>>();

/**
 * `refTarget` for a document that is read and never modified (fixtures, mock data, change reports): each `$ref`
 * string is looked up once, which matters on specs that name the same schemas thousands of times.
 */
export const cachedRefTarget: RefLookup = (document, ref) => {
  if (typeof document !== "object" || document === null) return refTarget(document, ref);
  let cache = lookups.get(document);
  if (cache === undefined) {
    cache = new Map();
    lookups.set(document, cache);
  }
  if (cache.has(ref)) return cache.get(ref);
  const found = refTarget(document, ref);
  cache.set(ref, found);
  return found;
};

/** The `$ref` string of a reference object, else `undefined`. */
export function refOf(value: unknown): string | undefined {
  return isObject(value) && typeof value["$ref"] === "string" ? value["$ref"] : undefined;
}

export interface ChainEnd {
  /** The chain ends at an external, dangling or cyclic ref rather than at a value. */
  readonly broken: boolean;
  /** The pointer the chain came back to, when it is a cycle. */
  readonly cycle?: string;
}

/** Each step of the `$ref` chain that starts at `start`: the value itself, then every target in turn. */
export function* refChain(
  document: unknown,
  start: Located,
  lookup: RefLookup = refTarget,
): Generator<Located, ChainEnd> {
  const passed = new Set<string>();
  let current = start;
  for (;;) {
    yield current;
    const ref = refOf(current.value);
    if (ref === undefined) return { broken: false };
    const next = lookup(document, ref);
    if (next?.pointer === undefined) return { broken: true };
    if (passed.has(next.pointer)) return { broken: true, cycle: next.pointer };
    passed.add(next.pointer);
    current = next;
  }
}

/** Where the `$ref` chain starting at `value` ends; `undefined` when it is external, dangling or a cycle. */
export function followRefs(
  document: unknown,
  value: unknown,
  pointer?: string,
  lookup: RefLookup = refTarget,
): Located | undefined {
  const chain = refChain(document, { value, pointer }, lookup);
  let last: Located | undefined;
  for (let step = chain.next(); ; step = chain.next()) {
    if (step.done === true) return step.value.broken ? undefined : last;
    last = step.value;
  }
}

export interface LocatedObject {
  readonly value: Record<string, unknown>;
  readonly pointer: string;
}

/** The object `value` (found at `pointer`) stands for after its `$ref`s, and where it lives; `undefined` when none. */
export function followToObject(
  document: unknown,
  value: unknown,
  pointer: string,
  lookup: RefLookup = refTarget,
): LocatedObject | undefined {
  const found = followRefs(document, value, pointer, lookup);
  return found !== undefined && isObject(found.value)
    ? { value: found.value, pointer: found.pointer ?? pointer }
    : undefined;
}

/** The object at `pointer` after its `$ref`s, and where it lives; `undefined` when there is none. */
export function locateObject(
  document: unknown,
  pointer: string,
  lookup: RefLookup = refTarget,
): LocatedObject | undefined {
  return followToObject(document, resolvePointer(document, pointer), pointer, lookup);
}
