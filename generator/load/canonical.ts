/**
 * A spec's canonical form: every object's keys sorted (arrays keep their order). The output depends only on what a
 * spec says, not on how its keys happen to be ordered, and the spec hash is taken over this form.
 */

export function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (typeof value !== "object" || value === null) return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort(byCodeUnit)) {
    // defineProperty, not assignment: a "__proto__" key must stay data, never become the prototype.
    Object.defineProperty(sorted, key, { value: sortKeysDeep((value as Record<string, unknown>)[key]), enumerable: true, writable: true, configurable: true });
  }
  return sorted;
}

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
