/** Pairs up the members of two unions (oneOf/anyOf) so that matching members can be compared field by field. */
import { canonicalJson } from "../spec/canonical.js";
import { stringAt } from "./json.js";
import type { SchemaNode } from "./schema-node.js";
import { describeTypeSet, typeSetOf } from "./type-set.js";

export interface BranchMatch {
  readonly pairs: ReadonlyArray<readonly [number, number]>;
  readonly unmatchedBefore: readonly number[];
  readonly unmatchedAfter: readonly number[];
}

type BranchKey = (node: SchemaNode) => string | undefined;

function typeSignature(node: SchemaNode): string {
  return describeTypeSet(typeSetOf(node.schema));
}

/** Tried in order: the same component, an identical schema, the same title, the only member of a given type. */
const BRANCH_KEYS: readonly BranchKey[] = [
  (node) => (typeof node.key === "string" ? node.key : undefined),
  (node) => canonicalJson(node.schema),
  (node) => stringAt(node.schema, "title"),
  typeSignature,
];

/** Keys that occur exactly once among the given members, mapped to that member's index. */
function uniqueKeys(nodes: readonly SchemaNode[], indices: readonly number[], keyOf: BranchKey): Map<string, number> {
  const found = new Map<string, number>();
  const repeated = new Set<string>();
  for (const index of indices) {
    const node = nodes[index];
    const key = node === undefined ? undefined : keyOf(node);
    if (key === undefined) continue;
    if (found.has(key)) repeated.add(key);
    found.set(key, index);
  }
  for (const key of repeated) found.delete(key);
  return found;
}

/** Pairs members whose key is unique on both sides and equal. */
function pairByKey(
  before: readonly SchemaNode[],
  after: readonly SchemaNode[],
  remainingBefore: readonly number[],
  remainingAfter: readonly number[],
  keyOf: BranchKey,
): Array<readonly [number, number]> {
  const afterByKey = uniqueKeys(after, remainingAfter, keyOf);
  const pairs: Array<readonly [number, number]> = [];
  for (const [key, beforeIndex] of uniqueKeys(before, remainingBefore, keyOf)) {
    const afterIndex = afterByKey.get(key);
    if (afterIndex !== undefined) pairs.push([beforeIndex, afterIndex]);
  }
  return pairs;
}

/** Last resort for look-alike inline members: when both sides have as many of one type, pair them in order. */
function pairByPosition(
  before: readonly SchemaNode[],
  after: readonly SchemaNode[],
  remainingBefore: readonly number[],
  remainingAfter: readonly number[],
): Array<readonly [number, number]> {
  const signatureOf = (nodes: readonly SchemaNode[], index: number): string => {
    const node = nodes[index];
    return node === undefined ? "" : typeSignature(node);
  };
  const pairs: Array<readonly [number, number]> = [];
  const signatures = new Set(remainingBefore.map((index) => signatureOf(before, index)));
  for (const signature of signatures) {
    const oldIndices = remainingBefore.filter((index) => signatureOf(before, index) === signature);
    const newIndices = remainingAfter.filter((index) => signatureOf(after, index) === signature);
    if (oldIndices.length !== newIndices.length) continue;
    oldIndices.forEach((oldIndex, position) => {
      const newIndex = newIndices[position];
      if (newIndex !== undefined) pairs.push([oldIndex, newIndex]);
    });
  }
  return pairs;
}

export function matchBranches(before: readonly SchemaNode[], after: readonly SchemaNode[]): BranchMatch {
  let remainingBefore = before.map((_, index) => index);
  let remainingAfter = after.map((_, index) => index);
  const pairs: Array<readonly [number, number]> = [];
  const passes = [
    ...BRANCH_KEYS.map(
      (keyOf) => (oldLeft: readonly number[], newLeft: readonly number[]) =>
        pairByKey(before, after, oldLeft, newLeft, keyOf),
    ),
    (oldLeft: readonly number[], newLeft: readonly number[]) => pairByPosition(before, after, oldLeft, newLeft),
  ];
  for (const pass of passes) {
    const found = pass(remainingBefore, remainingAfter);
    pairs.push(...found);
    const pairedBefore = new Set(found.map(([index]) => index));
    const pairedAfter = new Set(found.map(([, index]) => index));
    remainingBefore = remainingBefore.filter((index) => !pairedBefore.has(index));
    remainingAfter = remainingAfter.filter((index) => !pairedAfter.has(index));
  }
  pairs.sort((left, right) => left[0] - right[0]);
  return { pairs, unmatchedBefore: remainingBefore, unmatchedAfter: remainingAfter };
}
