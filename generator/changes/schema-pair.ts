/** Compares one pair of schema nodes and lists the pairs below them that still need comparing. */
import type { DiffContext } from "./context.js";
import { unionMembers } from "./schema-node.js";
import { compareProperties, nestedChildren } from "./schema-objects.js";
import { compareEnums, compareFormats, compareTypes } from "./schema-scalars.js";
import { combineOutcomes, type PairOutcome, type PendingPair } from "./schema-types.js";
import { compareUnions, compareWithUnion } from "./schema-unions.js";
import type { Direction } from "./types.js";

function compareOwnShape(context: DiffContext, pair: PendingPair, direction: Direction): PairOutcome {
  const before = pair.before.schema;
  const after = pair.after.schema;
  const types = compareTypes(before, after, direction, pair.path);
  if (types.disjoint) return { findings: types.findings, children: [] };
  const scalarFindings = [
    ...types.findings,
    ...compareFormats(before, after, direction, pair.path),
    ...compareEnums(before, after, direction, pair.path),
  ];
  return combineOutcomes(
    { findings: scalarFindings, children: nestedChildren(context, before, after, pair.path) },
    compareProperties(context, before, after, direction, pair.path),
  );
}

export function comparePair(context: DiffContext, pair: PendingPair, direction: Direction): PairOutcome {
  const oldMembers = unionMembers(context.before, pair.before);
  const newMembers = unionMembers(context.after, pair.after);
  if (oldMembers === undefined && newMembers === undefined) return compareOwnShape(context, pair, direction);
  if (oldMembers !== undefined && newMembers !== undefined) {
    return combineOutcomes(
      compareOwnShape(context, pair, direction),
      compareUnions(oldMembers, newMembers, direction, pair.path),
    );
  }
  return compareWithUnion(oldMembers ?? [pair.before], newMembers ?? [pair.after], direction, pair.path);
}
