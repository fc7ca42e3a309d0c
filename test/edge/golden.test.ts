/**
 * Golden files: each edge spec, generated into a temporary folder, equals `__golden__/<spec>/` file by file. The
 * goldens hold what the generator decides: the runtime is shared (`__golden__/_runtime/`), so each spec's runtime.ts and
 * serialize.ts are one-line re-exports, and the shared runtime is compared with its templates once. The goldens stay
 * complete outputs, so the runtime tests and consumer.ts import them directly.
 * Update them after an intended change with `npx vitest run test/edge -u`.
 */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { format } from "prettier";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runtimeBanner } from "../../generator/emit/banner.js";
import { generateRuntime, RUNTIME_FILES } from "../../generator/index.js";
import { generatorVersion, templatesDir } from "../../generator/paths.js";
import { removeDir, tempDir } from "../support/run.js";
import { EDGE_SPECS, generateGolden, goldenDir, SHARED_RUNTIME } from "./edge-specs.js";

/** The TypeScript every output must have; other files (the spec copy) are compared too when present. */
const TYPESCRIPT_FILES = [
  "client.ts",
  "fixtures.ts",
  "index.ts",
  "mock-engine.ts",
  "mock.ts",
  "runtime.ts",
  "schema-check.ts",
  "schema.ts",
  "serialize.ts",
];

/** Not compared: its fingerprint hashes the generator's own sources, so it changes with any generator edit. */
const MANIFEST = "kapso-codegen.manifest.json";

let dir: string;
beforeAll(async () => {
  dir = await tempDir("edge-golden");
});
afterAll(async () => {
  await removeDir(dir);
});

describe("the shared runtime of the goldens", () => {
  it("is each runtime template under the runtime banner, formatted, and equals __golden__/_runtime/", async () => {
    await generateRuntime(join(dir, SHARED_RUNTIME));
    const written = (await readdir(join(dir, SHARED_RUNTIME))).filter((file) => file !== MANIFEST).sort();
    expect(written).toEqual([...RUNTIME_FILES].sort());
    for (const file of RUNTIME_FILES) {
      const text = await readFile(join(dir, SHARED_RUNTIME, file), "utf8");
      const template = await readFile(join(templatesDir, file), "utf8");
      expect(text).toBe(
        await format(runtimeBanner(generatorVersion) + template, { printWidth: 120, parser: "typescript" }),
      );
      await expect(text).toMatchFileSnapshot(join(goldenDir, SHARED_RUNTIME, file));
    }
  });
});

describe.each(EDGE_SPECS)("specs/edge/%s.yaml", (spec) => {
  it("generates the golden output", async () => {
    const result = await generateGolden(spec, dir);
    expect(result.operations).toBeGreaterThan(0);
    const written = (await readdir(join(dir, spec))).filter((file) => file !== MANIFEST).sort();
    expect(written).toEqual(expect.arrayContaining(TYPESCRIPT_FILES));
    for (const file of RUNTIME_FILES) {
      expect(await readFile(join(dir, spec, file), "utf8")).toContain(
        `export * from "../${SHARED_RUNTIME}/${file.replace(/\.ts$/, ".js")}";`,
      );
    }
    for (const file of written) {
      const text = await readFile(join(dir, spec, file), "utf8");
      await expect(text).toMatchFileSnapshot(join(goldenDir, spec, file));
    }
  });
});
