/**
 * tsc over the committed output and over a consumer whose `@ts-expect-error` lines must all be needed: strict, with
 * exactOptionalPropertyTypes and noUncheckedIndexedAccess, under both bundler and nodenext resolution.
 */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { strictCompilerOptions } from "../../scripts/lib/typecheck.js";
import { removeDir, root, runTsc, tempDir } from "../support/run.js";
import { strictestExtras } from "../support/strict.js";

let dir: string;
beforeAll(async () => {
  dir = await tempDir("types");
});
afterAll(async () => {
  await removeDir(dir);
});

const strict = { ...strictCompilerOptions, ...strictestExtras, noPropertyAccessFromIndexSignature: true };

const resolutions = [
  { name: "bundler", module: "ESNext", moduleResolution: "bundler" },
  { name: "nodenext", module: "NodeNext", moduleResolution: "NodeNext" },
] as const;

describe.each(resolutions)("tsc --strict, moduleResolution $name", (resolution) => {
  it("accepts generated/ and the consumer, and rejects every wrong call in it", async () => {
    const config = join(dir, `tsconfig.${resolution.name}.json`);
    await writeFile(
      config,
      JSON.stringify({
        compilerOptions: {
          ...strict,
          module: resolution.module,
          moduleResolution: resolution.moduleResolution,
          typeRoots: [join(root, "node_modules/@types")],
        },
        files: [join(root, "test/kapso/consumer.ts")],
        include: [join(root, "generated/**/*.ts")],
      }),
    );
    const result = await runTsc(["-p", config]);
    expect(result.stdout + result.stderr).toBe("");
    expect(result.code).toBe(0);
  });
});
