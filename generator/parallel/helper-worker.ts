/**
 * The helper thread's entry. It starts loading openapi-typescript at once, while the main thread is still loading the
 * spec; then it renders schema.ts when the document arrives, and afterwards formats whatever chunks it is handed.
 */
import { parentPort } from "node:worker_threads";
import type { Options } from "prettier";
import type { HelperReply, HelperRequest } from "./helper-thread.js";

const typesModule = import("../emit/types.js");
// Loaded now: the types stage requires it on demand, and that is most of its start-up.
const warm = typesModule.then((types) => types.requireOpenapiTypescript()).catch(() => undefined);

parentPort?.on("message", (request: HelperRequest) => {
  void answer(request).then((reply) => parentPort?.postMessage(reply));
});

async function answer(request: HelperRequest): Promise<HelperReply> {
  try {
    if (request.kind === "types") {
      await warm;
      const { renderSchemaTypes } = await typesModule;
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
