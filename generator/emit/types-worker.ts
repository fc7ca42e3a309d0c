/** Worker thread entry: renders schema.ts for the document it is given and posts the text back. */
import { parentPort, workerData } from "node:worker_threads";
import { renderSchemaTypes } from "./types.js";

try {
  parentPort?.postMessage({ ok: true, ...(await renderSchemaTypes(workerData as string)) });
} catch (error) {
  // Reported, not swallowed: the main thread rethrows it with this stack, so an internal error shows where it failed.
  parentPort?.postMessage({ ok: false, error: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? error.stack : undefined });
}
