/**
 * Module configs (`.ts`, `.mts`, `.mjs`) evaluated in memory: `import ... from "kapso-codegen"` reaches the running
 * tool even when the project has no such package (the tool run by path) or another copy of it, nothing is written
 * beside the config, and a broken config is reported against the user's own file.
 */
import { mkdir, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../generator/config/load.js";
import { removeDir, runCli, tempDir } from "../support/run.js";
import { petsSpec } from "../write/helpers.js";

let dir: string;
beforeAll(async () => {
  dir = await tempDir("config-loader");
});
afterAll(async () => {
  await removeDir(dir);
});

/** A project with a spec and a config file, and no node_modules: kapso-codegen is not installed in it. */
async function bareProject(name: string, configName: string, config: string): Promise<string> {
  const folder = join(dir, name);
  await mkdir(join(folder, "specs"), { recursive: true });
  await petsSpec(join(folder, "specs", "pets.yaml"));
  await writeFile(join(folder, "package.json"), JSON.stringify({ name, private: true, type: "module" }));
  await writeFile(join(folder, configName), config);
  return folder;
}

const TYPED_CONFIG = `import { defineConfig, type ApiConfig } from "kapso-codegen";

const pets: ApiConfig = { spec: "specs/pets.yaml", out: "src/api/pets" };
export default defineConfig({ apis: [pets] });
`;

describe("module configs run by a tool that the project does not have installed", () => {
  it.each([
    ["kapso-codegen.config.ts", TYPED_CONFIG],
    ["kapso-codegen.config.mts", TYPED_CONFIG],
    [
      "kapso-codegen.config.mjs",
      'import { defineConfig } from "kapso-codegen";\nexport default defineConfig({ apis: [{ spec: "specs/pets.yaml", out: "src/api/pets" }] });\n',
    ],
  ])(
    "%s: defineConfig comes from the running tool, and nothing is written beside the config",
    async (configName, config) => {
      const folder = await bareProject(configName.replaceAll(".", "-"), configName, config);
      const before = await readdir(folder);
      const result = await runCli(["generate", "-q"], folder);
      expect(result.stderr.replace(/^warning: openapi-fetch .*\n/gm, "")).toBe("");
      expect(result.code).toBe(0);
      expect((await readdir(join(folder, "src", "api", "pets"))).sort()).toContain("client.ts");
      expect((await readdir(folder)).sort()).toEqual([...before, "src"].sort());
    },
  );

  it("a config's relative import of a TypeScript helper resolves beside it", async () => {
    const folder = await bareProject(
      "helper",
      "kapso-codegen.config.ts",
      'import { defineConfig } from "kapso-codegen";\nimport { pets } from "./apis/pets.js";\nexport default defineConfig({ apis: [pets] });\n',
    );
    await mkdir(join(folder, "apis"));
    await writeFile(
      join(folder, "apis", "pets.ts"),
      'import type { ApiConfig } from "kapso-codegen";\nexport const pets: ApiConfig = { spec: "specs/pets.yaml", out: "gen/pets" };\n',
    );
    const result = await runCli(["generate", "-q"], folder);
    expect(result.code, result.stderr).toBe(0);
    expect(await readdir(join(folder, "gen", "pets"))).toContain("client.ts");
  });

  it("uses the running tool's defineConfig even when the project holds another kapso-codegen", async () => {
    const folder = await bareProject("other-copy", "kapso-codegen.config.ts", TYPED_CONFIG);
    const other = join(folder, "node_modules", "kapso-codegen");
    await mkdir(other, { recursive: true });
    await writeFile(
      join(other, "package.json"),
      JSON.stringify({ name: "kapso-codegen", version: "0.0.1", type: "module", exports: "./index.js" }),
    );
    await writeFile(
      join(other, "index.js"),
      'export function defineConfig() { throw new Error("the other copy was loaded"); }\n',
    );
    const result = await runCli(["generate", "-q"], folder);
    expect(result.stderr).not.toContain("the other copy");
    expect(result.code).toBe(0);
  });
});

describe("loadConfig", () => {
  it("reads an edited .ts config afresh in the same process, as `watch` needs", async () => {
    const folder = await bareProject("reload", "kapso-codegen.config.ts", TYPED_CONFIG);
    const file = join(folder, "kapso-codegen.config.ts");
    expect((await loadConfig(file)).config.apis[0]?.out).toBe("src/api/pets");
    await writeFile(file, TYPED_CONFIG.replace("src/api/pets", "src/api/renamed"));
    expect((await loadConfig(file)).config.apis[0]?.out).toBe("src/api/renamed");
  });
});

describe("a broken module config is reported against the user's file", () => {
  it.each([
    [
      "a syntax error, at its line and column",
      "kapso-codegen.config.ts",
      "const a = 1;\nexport default defineConfig({ apis: [ });\n",
      /^kapso-codegen: kapso-codegen\.config\.ts:2:\d+: cannot load the config: syntax error: Unexpected token/,
    ],
    [
      "a throw while loading",
      "kapso-codegen.config.mjs",
      'throw new Error("no API key in this shell");\n',
      /^kapso-codegen: kapso-codegen\.config\.mjs: cannot load the config: no API key in this shell$/,
    ],
    [
      "an import that does not resolve",
      "kapso-codegen.config.ts",
      'import { apis } from "./missing-apis.js";\nexport default { apis };\n',
      /^kapso-codegen: kapso-codegen\.config\.ts: cannot load the config: Cannot find module '\.\/missing-apis\.js'/,
    ],
  ])("%s", async (_, configName, config, expected) => {
    const folder = await bareProject(`broken-${configName}-${config.length}`, configName, config);
    const before = await readdir(folder);
    const result = await runCli(["generate"], folder);
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(expected);
    expect(result.stderr).not.toMatch(/\.\d+\.mjs|node_modules\/\.cache/);
    expect(await readdir(folder)).toEqual(before);
  });
});
