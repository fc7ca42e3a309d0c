/** A failure inside the types worker keeps its stack: an internal error must show where it happened. */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { root } from "../support/run.js";

describe("the types worker", () => {
  it("rejects with openapi-typescript's message and the worker's stack", async () => {
    // The built module: from the build, emitSchemaTypes runs the worker thread.
    const { emitSchemaTypes } = (await import(pathToFileURL(join(root, "dist", "generator", "emit", "types.js")).href)) as { emitSchemaTypes: (json: string) => Promise<string> };
    const failure = await emitSchemaTypes("{ not json").then(
      () => undefined,
      (error: unknown) => error as Error,
    );
    expect(failure?.message).toMatch(/^openapi-typescript failed: .*JSON/);
    expect(failure?.stack).toMatch(/in the types worker: SyntaxError: .*\n\s+at JSON\.parse/);
    expect(failure?.stack).toMatch(/renderSchemaTypes .*dist\/generator\/emit\/types\.js/);
  });
});
