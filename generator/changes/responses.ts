/** Compares the responses of one operation, status by status. */
import type { DiffContext, Side } from "./context.js";
import { compareContent } from "./content.js";
import { recordAt, sortedUnion, type JsonRecord } from "./json.js";
import type { OperationEntry } from "./operations.js";
import { resolveRef } from "./resolve.js";
import type { Finding } from "./types.js";

const STATUS_KEY = /^(?:[1-5](?:\d\d|XX)|default)$/i;

function responsesOf(side: Side, operation: OperationEntry): Map<string, JsonRecord> {
  const responses = new Map<string, JsonRecord>();
  for (const [status, raw] of Object.entries(recordAt(operation.operation, "responses") ?? {})) {
    if (!STATUS_KEY.test(status)) continue;
    const response = resolveRef(side, raw)?.value;
    // "2xx" and "2XX" name the same range; "default" stays lower case.
    if (response !== undefined) responses.set(status === "default" ? status : status.toUpperCase(), response);
  }
  return responses;
}

export function compareResponses(context: DiffContext, before: OperationEntry, after: OperationEntry): Finding[] {
  const oldResponses = responsesOf(context.before, before);
  const newResponses = responsesOf(context.after, after);
  return sortedUnion(oldResponses.keys(), newResponses.keys()).flatMap((status): Finding[] => {
    const subject = `response ${status}`;
    const oldResponse = oldResponses.get(status);
    const newResponse = newResponses.get(status);
    if (oldResponse === undefined) {
      // Results are keyed by status: like a new enum value, a new status escapes exhaustive handling.
      return [{ kind: "response-status-added", severity: "breaking", location: subject, after: status }];
    }
    if (newResponse === undefined) {
      return [{ kind: "response-status-removed", severity: "breaking", location: subject, before: status }];
    }
    return compareContent(
      context,
      recordAt(oldResponse, "content"),
      recordAt(newResponse, "content"),
      "response",
      subject,
    );
  });
}
