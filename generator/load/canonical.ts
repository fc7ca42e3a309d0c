/**
 * A spec's canonical form: every object's keys sorted (arrays keep their order). It is what the spec hash is taken
 * over, so reordering or reformatting a spec keeps its hash; the output itself is generated in the spec's own order.
 */

export function sortKeysDeep(value: unknown): unknown {
  return copyDeep(value, (keys) => keys.sort(byCodeUnit));
}

/** A deep copy with every object's keys in `order(keys)` (as written when no order is given). */
export function copyDeep(value: unknown, order: (keys: string[]) => string[] = (keys) => keys): unknown {
  if (Array.isArray(value)) return value.map((item) => copyDeep(item, order));
  if (typeof value !== "object" || value === null) return value;
  const copy: Record<string, unknown> = {};
  for (const key of order(Object.keys(value))) {
    // defineProperty, not assignment: a "__proto__" key must stay data, never become the prototype.
    Object.defineProperty(copy, key, { value: copyDeep((value as Record<string, unknown>)[key], order), enumerable: true, writable: true, configurable: true });
  }
  return copy;
}

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
