/** Entry point: what changed for callers of the generated client between two bundled OpenAPI documents. */
import { createContext, type DiffContext } from "./context.js";
import { isRecord, sortedUnion, type JsonRecord } from "./json.js";
import { changeMessage } from "./messages.js";
import { collectOperations, type OperationEntry } from "./operations.js";
import { sortChanges } from "./order.js";
import { compareParameters } from "./parameters.js";
import { compareRequestBodies } from "./request-body.js";
import { compareResponses } from "./responses.js";
import type { Change, ChangeReport, Finding } from "./types.js";

function asDocument(value: object): JsonRecord {
  return isRecord(value) ? value : {};
}

function compareRenaming(before: OperationEntry, after: OperationEntry): Finding[] {
  if (before.operationId === after.operationId) return [];
  // The generated function is named after the operationId.
  const finding: Finding = { kind: "operation-renamed", severity: "breaking" };
  return [
    {
      ...finding,
      ...(before.operationId === undefined ? {} : { before: before.operationId }),
      ...(after.operationId === undefined ? {} : { after: after.operationId }),
    },
  ];
}

function compareOperation(context: DiffContext, before: OperationEntry, after: OperationEntry): Finding[] {
  return [
    ...compareRenaming(before, after),
    ...compareParameters(context, before, after),
    ...compareRequestBodies(context, before, after),
    ...compareResponses(context, before, after),
  ];
}

function toChange(finding: Finding, operation: OperationEntry): Change {
  const subject = finding.location ?? operation.key;
  return {
    kind: finding.kind,
    severity: finding.severity,
    operation: operation.key,
    ...(operation.operationId === undefined ? {} : { operationId: operation.operationId }),
    ...(finding.location === undefined ? {} : { location: finding.location }),
    message: changeMessage(finding.kind, subject, finding.before, finding.after),
    ...(finding.before === undefined ? {} : { before: finding.before }),
    ...(finding.after === undefined ? {} : { after: finding.after }),
  };
}

function changesForOperation(
  context: DiffContext,
  before: OperationEntry | undefined,
  after: OperationEntry | undefined,
): Change[] {
  if (before !== undefined && after !== undefined) {
    return compareOperation(context, before, after).map((finding) => toChange(finding, after));
  }
  if (after !== undefined) return [toChange({ kind: "operation-added", severity: "non-breaking" }, after)];
  if (before !== undefined) return [toChange({ kind: "operation-removed", severity: "breaking" }, before)];
  return [];
}

export function summarize(changes: readonly Change[]): ChangeReport["summary"] {
  const breaking = changes.filter((change) => change.severity === "breaking").length;
  return { breaking, nonBreaking: changes.length - breaking };
}

export function compareSpecs(before: object, after: object): ChangeReport {
  const context = createContext(asDocument(before), asDocument(after));
  const oldOperations = collectOperations(context.before);
  const newOperations = collectOperations(context.after);
  const changes = sortedUnion(oldOperations.keys(), newOperations.keys()).flatMap((key) =>
    changesForOperation(context, oldOperations.get(key), newOperations.get(key)),
  );
  const sorted = sortChanges(changes);
  return { changes: sorted, summary: summarize(sorted) };
}
