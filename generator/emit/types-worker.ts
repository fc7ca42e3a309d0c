/** Worker thread entry: renders schema.ts for the document it is given and posts the text back. */
import { parentPort, workerData } from "node:worker_threads";
import { renderSchemaTypes } from "./types.js";

try {
  parentPort?.postMessage({ ok: true, ...(await renderSchemaTypes(workerData as string)) });
} catch (error) {
  parentPort?.postMessage({ ok: false, error: error instanceof Error ? error.message : String(error) });
}
