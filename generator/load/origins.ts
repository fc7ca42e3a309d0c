/**
 * The way back from a pointer in a bundled document to the file, line and column that wrote the value.
 *
 * The bundle is walked beside the sources it came from. Where the bundler replaced a ref to another file, either by
 * moving the target into `components` (the ref now reads `#/components/…`) or by copying it in place, the bundled
 * pointer is "mounted" on the target's file and pointer. Below a mount the bundle mirrors its source, so a pointer
 * is located through its longest mounted prefix.
 */
import type { SourcePlace } from "../errors.js";
import { appendPointer, isObject, parsePointer, refToPointer, resolvePointer } from "../spec/pointer.js";
import { isExternalRef } from "./refs.js";
import type { SourceSet } from "./sources.js";
import { childOrigin, isRefObject, resolveLoadedRef, valueAt, type Origin } from "./targets.js";

interface Pair {
  /** A value in the bundle and its pointer there. */
  readonly bundled: unknown;
  readonly pointer: string;
  /** The value in a source file it came from, and where that is. */
  readonly source: unknown;
  readonly origin: Origin;
}

export function createBundleLocator(bundled: unknown, sources: SourceSet): (pointer: string) => SourcePlace {
  const originOf = createOriginFinder(bundled, sources);
  return (pointer) => {
    const origin = originOf(pointer);
    return (sources.get(origin.id) ?? sources.main).locate(origin.pointer);
  };
}

/** The file and pointer that wrote the value at a pointer into the bundle. */
export function createOriginFinder(bundled: unknown, sources: SourceSet): (pointer: string) => Origin {
  const mounts = mapMounts(bundled, sources);
  return (pointer) => {
    const tokens = parsePointer(pointer);
    let mount: Origin = { id: sources.main.id, pointer: "" };
    let depth = 0;
    let prefix = "";
    tokens.forEach((token, index) => {
      prefix = appendPointer(prefix, token);
      const found = mounts.get(prefix);
      if (found) [mount, depth] = [found, index + 1];
    });
    const id = sources.get(mount.id) === undefined ? sources.main.id : mount.id;
    return { id, pointer: appendPointer(mount.pointer, ...tokens.slice(depth)) };
  };
}

/**
 * A copy of the bundle with each object's keys in the order its source file writes them (the bundler walks sorted
 * copies, so its clash names do not depend on key order); keys no source has, such as the components the bundler
 * added, follow in the bundler's order.
 */
export function inSourceOrder(bundled: unknown, sources: SourceSet): unknown {
  const originOf = createOriginFinder(bundled, sources);
  const copy = (value: unknown, pointer: string): unknown => {
    if (Array.isArray(value)) return value.map((item, index) => copy(item, appendPointer(pointer, String(index))));
    if (!isObject(value)) return value;
    const source = valueAt(sources, originOf(pointer));
    const written = isObject(source) ? Object.keys(source).filter((key) => Object.hasOwn(value, key)) : [];
    const keys = [...new Set([...written, ...Object.keys(value)])];
    const result: Record<string, unknown> = {};
    for (const key of keys) {
      // defineProperty, not assignment: a "__proto__" key must stay data, never become the prototype.
      Object.defineProperty(result, key, {
        value: copy(value[key], appendPointer(pointer, key)),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return result;
  };
  return copy(bundled, "");
}

function mapMounts(bundled: unknown, sources: SourceSet): Map<string, Origin> {
  const main = sources.main;
  const root: Origin = { id: main.id, pointer: "" };
  const mounts = new Map<string, Origin>([["", root]]);
  // Components the bundler took over from the main file as they were (same pointer) need no mount.
  const isMapped = (pointer: string): boolean =>
    mounts.has(pointer) || resolvePointer(main.value, pointer) !== undefined;
  const pending: Pair[] = [{ bundled, pointer: "", source: main.value, origin: root }];

  const mountMoved = (moved: string, target: Origin): void => {
    if (isMapped(moved)) return;
    mounts.set(moved, target);
    pending.push({
      bundled: resolvePointer(bundled, moved),
      pointer: moved,
      source: valueAt(sources, target),
      origin: target,
    });
  };

  for (let pair = pending.pop(); pair !== undefined; pair = pending.pop()) {
    const { bundled: value, pointer, source, origin } = pair;
    if (isRewrittenMapping(pointer, value, source)) {
      // A discriminator mapping to another file now names the component the bundler moved it to.
      const target = resolveLoadedRef(sources, origin.id, source);
      const moved = typeof value === "string" ? refToPointer(value) : undefined;
      if (target && moved !== undefined) mountMoved(moved, target);
      continue;
    }
    const keptAsWritten =
      !isRefObject(source) ||
      (origin.id === main.id && !isExternalRef(source.$ref)) ||
      (isRefObject(value) && value.$ref === source.$ref && isExternalRef(source.$ref));
    if (keptAsWritten) {
      pending.push(
        ...childPairs(value, pointer, (key) => ({ source: childOf(source, key), origin: childOrigin(origin, key) })),
      );
      continue;
    }
    const target = resolveLoadedRef(sources, origin.id, source.$ref);
    if (!target) continue;
    const targetValue = valueAt(sources, target);
    const moved = isRefObject(value) ? refToPointer(value.$ref) : undefined;
    if (moved !== undefined) {
      // Moved into components: the ref's own sibling fields (3.1) still mirror the source.
      mountMoved(moved, target);
      continue;
    }
    // Copied in place: the target's fields, overridden by the ref's sibling fields.
    mounts.set(pointer, target);
    pending.push(
      ...childPairs(value, pointer, (key) => {
        if (key !== "$ref" && isObject(source) && Object.hasOwn(source, key)) {
          const sibling = childOrigin(origin, key);
          mounts.set(appendPointer(pointer, key), sibling);
          return { source: source[key], origin: sibling };
        }
        return { source: childOf(targetValue, key), origin: childOrigin(target, key) };
      }),
    );
  }
  return mounts;
}

function isRewrittenMapping(pointer: string, value: unknown, source: unknown): source is string {
  return (
    typeof value === "string" &&
    typeof source === "string" &&
    value !== source &&
    /\/discriminator\/mapping\/[^/]*$/.test(pointer)
  );
}

/** Pairs for each child of a bundled value that its source also has. */
function childPairs(
  value: unknown,
  pointer: string,
  sourceOf: (key: string) => { source: unknown; origin: Origin },
): Pair[] {
  const keys = Array.isArray(value)
    ? value.map((_, index) => String(index))
    : isObject(value)
      ? Object.keys(value)
      : [];
  const pairs: Pair[] = [];
  for (const key of keys) {
    const { source, origin } = sourceOf(key);
    if (source === undefined) continue;
    pairs.push({
      bundled: (value as Record<string, unknown>)[key],
      pointer: appendPointer(pointer, key),
      source,
      origin,
    });
  }
  return pairs;
}

function childOf(value: unknown, key: string): unknown {
  if (Array.isArray(value)) return /^\d+$/.test(key) ? (value[Number(key)] as unknown) : undefined;
  return isObject(value) && Object.hasOwn(value, key) ? value[key] : undefined;
}
