/** Compares oneOf/anyOf unions member by member, and a plain schema with a union it turned into (or from). */
import { matchBranches } from "./branches.js";
import { variantSegment } from "./location.js";
import { schemaLabel, type SchemaNode } from "./schema-node.js";
import type { PairOutcome, PendingPair, SchemaFinding } from "./schema-types.js";
import { fixedSeverity } from "./severity.js";
import type { Direction } from "./types.js";

function unmatchedFindings(
  nodes: readonly SchemaNode[],
  indices: readonly number[],
  kind: "variant-added" | "variant-removed",
  direction: Direction,
  path: readonly string[],
): SchemaFinding[] {
  return indices.flatMap((index): SchemaFinding[] => {
    const node = nodes[index];
    if (node === undefined) return [];
    const finding: SchemaFinding = { kind, severity: fixedSeverity(kind, direction), path };
    const label = schemaLabel(node);
    return [kind === "variant-added" ? { ...finding, after: label } : { ...finding, before: label }];
  });
}

/** Both sides are unions: matched members are compared below a `<Member>` segment. */
export function compareUnions(
  before: readonly SchemaNode[],
  after: readonly SchemaNode[],
  direction: Direction,
  path: readonly string[],
): PairOutcome {
  const match = matchBranches(before, after);
  const children: PendingPair[] = [];
  for (const [beforeIndex, afterIndex] of match.pairs) {
    const oldMember = before[beforeIndex];
    const newMember = after[afterIndex];
    if (oldMember === undefined || newMember === undefined) continue;
    children.push({ before: oldMember, after: newMember, path: [...path, variantSegment(schemaLabel(oldMember))] });
  }
  const findings = [
    ...unmatchedFindings(before, match.unmatchedBefore, "variant-removed", direction, path),
    ...unmatchedFindings(after, match.unmatchedAfter, "variant-added", direction, path),
  ];
  return { findings, children };
}

function unionText(members: readonly SchemaNode[]): string {
  return members.map(schemaLabel).join(" | ");
}

/**
 * One side is a plain schema and the other a union. When the plain schema matches a member, the other members
 * were added (or removed); otherwise the type simply changed.
 */
export function compareWithUnion(
  before: readonly SchemaNode[],
  after: readonly SchemaNode[],
  direction: Direction,
  path: readonly string[],
): PairOutcome {
  const match = matchBranches(before, after);
  const [pair] = match.pairs;
  const oldMember = pair === undefined ? undefined : before[pair[0]];
  const newMember = pair === undefined ? undefined : after[pair[1]];
  if (oldMember === undefined || newMember === undefined) {
    const finding: SchemaFinding = {
      kind: "type-changed",
      severity: "breaking",
      path,
      before: unionText(before),
      after: unionText(after),
    };
    return { findings: [finding], children: [] };
  }
  const findings = [
    ...unmatchedFindings(before, match.unmatchedBefore, "variant-removed", direction, path),
    ...unmatchedFindings(after, match.unmatchedAfter, "variant-added", direction, path),
  ];
  return { findings, children: [{ before: oldMember, after: newMember, path }] };
}
