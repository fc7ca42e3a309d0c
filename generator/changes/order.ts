/** Deterministic order for changes: by path, then method, then location, kind and message. */
import { compareText } from "../spec/constants.js";
import type { Change } from "./types.js";

function splitOperation(operation: string): readonly [string, string] {
  const space = operation.indexOf(" ");
  return space < 0 ? [operation, ""] : [operation.slice(space + 1), operation.slice(0, space)];
}

export function compareChanges(left: Change, right: Change): number {
  const [leftPath, leftMethod] = splitOperation(left.operation);
  const [rightPath, rightMethod] = splitOperation(right.operation);
  return (
    compareText(leftPath, rightPath) ||
    compareText(leftMethod, rightMethod) ||
    compareText(left.location ?? "", right.location ?? "") ||
    compareText(left.kind, right.kind) ||
    compareText(left.message, right.message)
  );
}

export function sortChanges(changes: readonly Change[]): Change[] {
  return [...changes].sort(compareChanges);
}
