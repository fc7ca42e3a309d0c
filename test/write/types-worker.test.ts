/** A failure on the helper thread keeps its stack: an internal error must show where it happened. */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import type { HelperThread } from "../../generator/parallel/helper-thread.js";
import { root } from "../support/run.js";

describe("the helper thread", () => {
  // The built module: only from the build is there a compiled worker to start.
  const start = async (): Promise<HelperThread> => {
    const { startHelperThread } = (await import(
      pathToFileURL(join(root, "dist", "generator", "parallel", "helper-thread.js")).href
    )) as { startHelperThread: () => HelperThread | undefined };
    const helper = startHelperThread();
    if (helper === undefined) throw new Error("no compiled helper worker in dist/");
    return helper;
  };

  it("rejects a types request with openapi-typescript's message and the worker's stack", async () => {
    const helper = await start();
    try {
      const failure = await helper.types("{ not json").then(
        () => undefined,
        (error: unknown) => error as Error,
      );
      expect(failure?.message).toMatch(/^openapi-typescript failed: .*JSON/);
      expect(failure?.stack).toMatch(/in the types worker: SyntaxError: .*\n\s+at JSON\.parse/);
      expect(failure?.stack).toMatch(/renderSchemaTypes .*dist\/generator\/emit\/types\.js/);
    } finally {
      await helper.close();
    }
  });

  it("formats texts as prettier does, and reports a text that does not parse", async () => {
    const helper = await start();
    try {
      const options = { parser: "typescript", semi: false };
      expect(await helper.format(["const a = {b:1};", "let   c = 'x'"], options)).toEqual([
        "const a = { b: 1 }\n",
        'let c = "x"\n',
      ]);
      await expect(helper.format(["const = ;"], options)).rejects.toThrow(/Unexpected token|expected/i);
    } finally {
      await helper.close();
    }
  });
});
