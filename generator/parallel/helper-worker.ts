/**
 * A helper thread's entry. The types thread starts loading openapi-typescript at once, while the main thread is still
 * loading the spec, then renders schema.ts when the document arrives; a formatting thread formats the runs it is
 * handed.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { Options } from "prettier";
import type * as TypesModule from "../emit/types.js";
import type { HelperData, HelperReply, HelperRequest } from "./helper-thread.js";

const typesModule = (workerData as HelperData).role === "types" ? loadTypesModule() : undefined;

async function loadTypesModule(): Promise<typeof TypesModule> {
  const types = await import("../emit/types.js");
  try {
    types.requireOpenapiTypescript(); // loaded now: the types stage requires it on demand, and that is most of its start-up
  } catch {
    // reported by the types stage, which requires it again
  }
  return types;
}

parentPort?.on("message", (request: HelperRequest) => {
  void answer(request).then((reply) => parentPort?.postMessage(reply));
});

async function answer(request: HelperRequest): Promise<HelperReply> {
  try {
    if (request.kind === "types") {
      const { renderSchemaTypes } = await (typesModule ?? loadTypesModule());
      return { id: request.id, ok: true, value: await renderSchemaTypes(request.documentJson) };
    }
    const prettier = await import("prettier");
    const texts: string[] = [];
    for (const text of request.texts) texts.push(await prettier.format(text, request.options as Options));
    return { id: request.id, ok: true, value: texts };
  } catch (error) {
    // Reported, not swallowed: the main thread rethrows it with this stack, so an internal error shows where it failed.
    return {
      id: request.id,
      ok: false,
      error: error instanceof Error ? error.message : String(error),
      stack: error instanceof Error ? error.stack : undefined,
    };
  }
}
