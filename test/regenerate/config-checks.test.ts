/**
 * The config is checked before anything is generated: misspelt keys, JSON syntax errors with their place, output
 * folders that overlap, an ad-hoc --spec/--out run into a folder the config manages, and no config at all.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readTree, removeDir, runCli, tempDir } from "../support/run.js";
import { petsSpec } from "../write/helpers.js";

let dir: string;
beforeAll(async () => {
  dir = await tempDir("config-checks");
});
afterAll(async () => {
  await removeDir(dir);
});

/** A project folder with a spec and the given config text. */
async function project(name: string, config: string, file = "kapso-codegen.config.json"): Promise<string> {
  const folder = join(dir, name);
  await mkdir(folder);
  await petsSpec(join(folder, "pets.yaml"));
  await writeFile(join(folder, file), config);
  return folder;
}

describe("config validation", () => {
  it("names an unknown key in an API with the known key it most likely meant, at its line and column", async () => {
    const folder = await project("typo", '{\n  "apis": [\n    { "spec": "pets.yaml", "outt": "gen" }\n  ]\n}\n');
    const result = await runCli(["generate"], folder);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^kapso-codegen: kapso-codegen\.config\.json:3:28: unknown key `outt` in apis\[0\]; did you mean `out`\?/,
    );
    expect((await readTree(folder)).has("gen/client.ts")).toBe(false);
  });

  it("names an unknown top-level key, in a .mjs config too", async () => {
    const folder = await project(
      "top",
      'export default { api: [{ spec: "pets.yaml" }] };\n',
      "kapso-codegen.config.mjs",
    );
    const result = await runCli(["generate"], folder);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^kapso-codegen: kapso-codegen\.config\.mjs: unknown key `api` in the config; did you mean `apis`\?/,
    );
  });

  it("gives a JSON syntax error its line and column", async () => {
    const folder = await project("syntax", '{\n  "apis": [\n    { "spec": "pets.yaml" },,\n  ]\n}\n');
    const result = await runCli(["generate"], folder);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^kapso-codegen: kapso-codegen\.config\.json:3:29: cannot parse the config: ValueExpected/,
    );
  });
});

describe("overlapping output folders", () => {
  it("refuses an API folder inside another's (exit 2), naming both", async () => {
    const folder = await project(
      "nested",
      JSON.stringify({
        apis: [
          { spec: "pets.yaml", out: "gen", name: "a" },
          { spec: "pets.yaml", out: "gen/b", name: "b" },
        ],
      }),
    );
    const result = await runCli(["generate", "--check"], folder);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/API a and API b have output folders inside one another \(gen, gen\/b\)/);
  });

  it("refuses two APIs with the same out, and a runtime folder inside an API's", async () => {
    const same = await project(
      "same",
      JSON.stringify({
        apis: [
          { spec: "pets.yaml", out: "gen", name: "a" },
          { spec: "pets.yaml", out: "gen", name: "b" },
        ],
      }),
    );
    const sameResult = await runCli(["generate"], same);
    expect(sameResult.code).toBe(2);
    expect(sameResult.stderr).toMatch(/API a and API b have the same output folder/);

    const runtime = await project(
      "runtime",
      JSON.stringify({
        apis: [
          { spec: "pets.yaml", out: "gen/a" },
          { spec: "pets.yaml", out: "gen/b" },
        ],
        runtime: "gen/a/rt",
      }),
    );
    const runtimeResult = await runCli(["generate"], runtime);
    expect(runtimeResult.code).toBe(2);
    expect(runtimeResult.stderr).toMatch(/API a and the shared runtime .*set `runtime` to a folder of its own/);
  });

  it("refuses an ad-hoc --spec/--out run into a folder the config manages, suggesting --api", async () => {
    const folder = await project(
      "managed",
      JSON.stringify({ apis: [{ spec: "pets.yaml", out: "src/api/pets", msw: true }] }),
    );
    const exact = await runCli(["generate", "--spec", "pets.yaml", "--out", "src/api/pets"], folder);
    expect(exact.code).toBe(2);
    expect(exact.stderr).toMatch(
      /src\/api\/pets is the output folder of API pets in .*kapso-codegen generate --api pets/,
    );
    const around = await runCli(["generate", "--spec", "pets.yaml", "--out", "."], folder);
    expect(around.code).toBe(2);
    expect(around.stderr).toMatch(/\. overlaps the output folder of API pets/);
    expect(await readTree(join(folder, "src"))).toEqual(new Map());
  });
});

describe("without a config or --spec", () => {
  it("outside this repository, says no config was found and suggests init (exit 2)", async () => {
    const folder = join(dir, "empty");
    await mkdir(folder);
    const result = await runCli(["generate"], folder);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/no config file .* and no --spec; run `kapso-codegen init`/);
    expect(await readTree(folder)).toEqual(new Map());
  });
});
