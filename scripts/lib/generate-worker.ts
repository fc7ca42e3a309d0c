/**
 * A generator process for the corpus pool: it receives jobs over IPC, runs each through `generate()`, and replies with
 * the outcome. A separate process per lane uses both cores and survives nothing: a hang or crash only costs that lane
 * its process, which the pool replaces.
 */
import { generateOutcome, type GenerateJob } from "./generate-outcome.js";

export interface WorkerRequest extends GenerateJob {
  readonly id: number;
}

process.on("message", (message: unknown) => {
  if (!isWorkerRequest(message)) return;
  void generateOutcome(message).then((outcome) => process.send?.({ id: message.id, outcome }));
});

function isWorkerRequest(value: unknown): value is WorkerRequest {
  if (typeof value !== "object" || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    typeof record["id"] === "number" &&
    typeof record["spec"] === "string" &&
    typeof record["out"] === "string" &&
    typeof record["name"] === "string"
  );
}
