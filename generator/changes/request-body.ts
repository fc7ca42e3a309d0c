/** Compares the request bodies of one operation. */
import type { DiffContext, Side } from "./context.js";
import { compareContent } from "./content.js";
import { recordAt, type JsonRecord } from "./json.js";
import type { OperationEntry } from "./operations.js";
import { resolveRef } from "./resolve.js";
import type { Finding } from "./types.js";

const SUBJECT = "request body";

function requestBodyOf(side: Side, operation: OperationEntry): JsonRecord | undefined {
  return resolveRef(side, operation.operation["requestBody"])?.value;
}

function requiredText(body: JsonRecord): string {
  return body["required"] === true ? "required" : "optional";
}

function compareRequiredness(before: JsonRecord, after: JsonRecord): Finding[] {
  const wasRequired = before["required"] === true;
  const isRequired = after["required"] === true;
  if (wasRequired === isRequired) return [];
  return [
    {
      kind: isRequired ? "request-body-became-required" : "request-body-became-optional",
      severity: isRequired ? "breaking" : "non-breaking",
      location: SUBJECT,
      before: requiredText(before),
      after: requiredText(after),
    },
  ];
}

export function compareRequestBodies(context: DiffContext, before: OperationEntry, after: OperationEntry): Finding[] {
  const oldBody = requestBodyOf(context.before, before);
  const newBody = requestBodyOf(context.after, after);
  if (oldBody === undefined && newBody === undefined) return [];
  if (oldBody === undefined && newBody !== undefined) {
    const required = newBody["required"] === true;
    return [
      {
        kind: "request-body-added",
        severity: required ? "breaking" : "non-breaking",
        location: SUBJECT,
        after: requiredText(newBody),
      },
    ];
  }
  if (oldBody !== undefined && newBody === undefined) {
    // The typed client no longer accepts a body: calls that pass one stop compiling.
    return [{ kind: "request-body-removed", severity: "breaking", location: SUBJECT, before: requiredText(oldBody) }];
  }
  if (oldBody === undefined || newBody === undefined) return [];
  return [
    ...compareRequiredness(oldBody, newBody),
    ...compareContent(context, recordAt(oldBody, "content"), recordAt(newBody, "content"), "request", SUBJECT),
  ];
}
