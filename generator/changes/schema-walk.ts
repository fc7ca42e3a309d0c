/**
 * Walks two schemas side by side, breadth first. Each pair of nodes (by `$ref` or object identity) is compared
 * once per walk, at its shallowest location: this ends cycles and reports a shared schema's change once.
 */
import type { DiffContext } from "./context.js";
import { comparePair } from "./schema-pair.js";
import { schemaNode } from "./schema-node.js";
import type { PendingPair, SchemaFinding } from "./schema-types.js";
import type { Direction } from "./types.js";

/** Location segments below which a walk stops, whatever the schemas say. */
export const MAX_SCHEMA_DEPTH = 48;

class PairSet {
  private readonly seen = new Map<unknown, Set<unknown>>();

  /** Records the pair; false when it had been recorded already. */
  addIfNew(before: unknown, after: unknown): boolean {
    let afterKeys = this.seen.get(before);
    if (afterKeys === undefined) {
      afterKeys = new Set();
      this.seen.set(before, afterKeys);
    }
    if (afterKeys.has(after)) return false;
    afterKeys.add(after);
    return true;
  }
}

export function diffSchemas(
  context: DiffContext,
  beforeSchema: unknown,
  afterSchema: unknown,
  direction: Direction,
): SchemaFinding[] {
  const root: PendingPair = {
    before: schemaNode(context.before, beforeSchema),
    after: schemaNode(context.after, afterSchema),
    path: [],
  };
  const visited = new PairSet();
  visited.addIfNew(root.before.key, root.after.key);
  const queue: PendingPair[] = [root];
  const findings: SchemaFinding[] = [];
  for (let index = 0; index < queue.length; index++) {
    const pair = queue[index];
    if (pair === undefined) break;
    const outcome = comparePair(context, pair, direction);
    findings.push(...outcome.findings);
    for (const child of outcome.children) {
      if (child.path.length <= MAX_SCHEMA_DEPTH && visited.addIfNew(child.before.key, child.after.key)) {
        queue.push(child);
      }
    }
  }
  return findings;
}
