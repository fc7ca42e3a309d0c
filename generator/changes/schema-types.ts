/** Shapes shared by the schema comparison steps. */
import type { SchemaNode } from "./schema-node.js";
import type { ChangeKind, Severity } from "./types.js";

/** A change inside a schema; `path` holds location segments relative to the schema root. */
export interface SchemaFinding {
  readonly kind: ChangeKind;
  readonly severity: Severity;
  readonly path: readonly string[];
  readonly before?: string;
  readonly after?: string;
}

/** Two schemas at the same place in the old and new document, still to be compared. */
export interface PendingPair {
  readonly before: SchemaNode;
  readonly after: SchemaNode;
  readonly path: readonly string[];
}

export interface PairOutcome {
  readonly findings: readonly SchemaFinding[];
  readonly children: readonly PendingPair[];
}

export const NO_OUTCOME: PairOutcome = { findings: [], children: [] };

export function combineOutcomes(first: PairOutcome, second: PairOutcome): PairOutcome {
  return {
    findings: [...first.findings, ...second.findings],
    children: [...first.children, ...second.children],
  };
}
