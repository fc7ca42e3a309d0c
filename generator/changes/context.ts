/** Per-comparison state: the two documents and caches that keep derived schema objects stable. */
import type { JsonRecord } from "./json.js";

export interface Side {
  readonly doc: JsonRecord;
  /** allOf-merged schemas, cached so that a schema keeps one identity for the cycle guard. */
  readonly flattened: WeakMap<object, JsonRecord>;
}

export interface DiffContext {
  readonly before: Side;
  readonly after: Side;
}

export function createContext(before: JsonRecord, after: JsonRecord): DiffContext {
  return {
    before: { doc: before, flattened: new WeakMap() },
    after: { doc: after, flattened: new WeakMap() },
  };
}
