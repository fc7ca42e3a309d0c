/** Per-comparison state: the two documents and caches that keep derived schema objects stable. */
import type { JsonRecord } from "./json.js";

export interface Side {
  readonly doc: JsonRecord;
  /** allOf-flattened schemas, cached so that a schema keeps one identity for the cycle guard. */
  readonly flattened: WeakMap<object, JsonRecord>;
  /** Targets of the `$ref` pointers already followed. */
  readonly targets: Map<string, unknown>;
}

export interface DiffContext {
  readonly before: Side;
  readonly after: Side;
}

export function createContext(before: JsonRecord, after: JsonRecord): DiffContext {
  return {
    before: { doc: before, flattened: new WeakMap(), targets: new Map() },
    after: { doc: after, flattened: new WeakMap(), targets: new Map() },
  };
}
