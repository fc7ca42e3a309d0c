/**
 * Golden files: each edge spec, generated into a temporary folder, equals `__golden__/<spec>/` file by file. The
 * goldens are complete outputs (runtime included), so the runtime tests and consumer.ts import them directly.
 * Update them after an intended change with `npx vitest run test/edge -u`.
 */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { removeDir, tempDir } from "../support/run.js";
import { EDGE_SPECS, generateEdge, goldenDir } from "./edge-specs.js";

/** The TypeScript every output must have; other files (the spec copy) are compared too when present. */
const TYPESCRIPT_FILES = ["client.ts", "fixtures.ts", "index.ts", "mock.ts", "runtime.ts", "schema-check.ts", "schema.ts", "serialize.ts"];

/** Not compared: its fingerprint hashes the generator's own sources, so it changes with any generator edit. */
const MANIFEST = "kapso-codegen.manifest.json";

let dir: string;
beforeAll(async () => {
  dir = await tempDir("edge-golden");
});
afterAll(async () => {
  await removeDir(dir);
});

describe.each(EDGE_SPECS)("specs/edge/%s.yaml", (spec) => {
  it("generates the golden output", async () => {
    const result = await generateEdge(spec, dir);
    expect(result.operations).toBeGreaterThan(0);
    const written = (await readdir(join(dir, spec))).filter((file) => file !== MANIFEST).sort();
    expect(written).toEqual(expect.arrayContaining(TYPESCRIPT_FILES));
    for (const file of written) {
      const text = await readFile(join(dir, spec, file), "utf8");
      await expect(text).toMatchFileSnapshot(join(goldenDir, spec, file));
    }
  });
});
