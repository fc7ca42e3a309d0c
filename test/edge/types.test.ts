/**
 * One tsc program over every edge output at once, plus consumer.ts (whose `@ts-expect-error` lines must all be
 * needed): strict, exactOptionalPropertyTypes, noUncheckedIndexedAccess, noUnusedLocals, noUnusedParameters, NodeNext.
 * The outputs are generated fresh into `<tmp>/__golden__/<spec>/`, so consumer.ts, copied beside them, imports
 * today's output through the same relative paths it uses in the repo.
 */
import { copyFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { strictCompilerOptions } from "../../scripts/lib/typecheck.js";
import { removeDir, root, runTsc, tempDir } from "../support/run.js";
import { strictestExtras } from "../support/strict.js";
import { EDGE_SPECS, generateEdge, linkNodeModules, type EdgeSpec } from "./edge-specs.js";

const compilerOptions = { ...strictCompilerOptions, ...strictestExtras };

let dir: string;
const generated: EdgeSpec[] = [];
const failed: Array<{ spec: EdgeSpec; error: string }> = [];

beforeAll(async () => {
  dir = await tempDir("edge-types");
  await linkNodeModules(dir);
  // An ESM project, as NodeNext needs to read `.ts` files as modules.
  await writeFile(join(dir, "package.json"), JSON.stringify({ private: true, type: "module" }));
  const outputs = join(dir, "__golden__");
  // One after the other: the machine is shared, and prettier and openapi-typescript are not cheap.
  for (const spec of EDGE_SPECS) {
    try {
      await generateEdge(spec, outputs);
      generated.push(spec);
    } catch (error) {
      failed.push({ spec, error: error instanceof Error ? error.message : String(error) });
    }
  }
  await copyFile(join(root, "test", "edge", "consumer.ts"), join(dir, "consumer.ts"));
});

afterAll(async () => {
  await removeDir(dir);
});

describe("tsc over all edge outputs together", () => {
  it("generates every edge spec", () => {
    expect(failed).toEqual([]);
  });

  it("accepts every output and consumer.ts, and rejects every wrong call in it", async () => {
    expect(generated.length).toBeGreaterThan(0);
    const config = join(dir, "tsconfig.json");
    await writeFile(
      config,
      JSON.stringify({
        compilerOptions,
        files: [join(dir, "consumer.ts")],
        include: generated.map((spec) => join(dir, "__golden__", spec, "*.ts")),
      }),
    );
    const result = await runTsc(["-p", config]);
    expect(result.stdout + result.stderr).toBe("");
    expect(result.code).toBe(0);
  });
});
