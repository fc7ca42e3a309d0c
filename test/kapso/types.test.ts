/**
 * tsc over the committed output and over a consumer whose `@ts-expect-error` lines must all be needed: strict, with
 * exactOptionalPropertyTypes and noUncheckedIndexedAccess, under both bundler and nodenext resolution.
 */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { removeDir, root, runTsc, tempDir } from "../support/run.js";

let dir: string;
beforeAll(async () => {
  dir = await tempDir("types");
});
afterAll(async () => {
  await removeDir(dir);
});

const strict = {
  target: "ES2022",
  lib: ["ES2023", "DOM"],
  types: [],
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  noUnusedLocals: true,
  noUnusedParameters: true,
  noImplicitReturns: true,
  noFallthroughCasesInSwitch: true,
  noPropertyAccessFromIndexSignature: true,
  verbatimModuleSyntax: true,
  skipLibCheck: false,
  noEmit: true,
};

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
        compilerOptions: { ...strict, module: resolution.module, moduleResolution: resolution.moduleResolution, typeRoots: [join(root, "node_modules/@types")] },
        files: [join(root, "test/kapso/consumer.ts")],
        include: [join(root, "generated/**/*.ts")],
      }),
    );
    const result = await runTsc(["-p", config]);
    expect(result.stdout + result.stderr).toBe("");
    expect(result.code).toBe(0);
  });
});
