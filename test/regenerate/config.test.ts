/**
 * The config file: several APIs, paths relative to the config, one shared runtime, flags overriding it, the `.ts`,
 * `.mjs` and `.json` forms, and `init`.
 */
import { cp, mkdir, readFile, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { kapsoSpec, readTree, removeDir, root, runCli, runTsc, tempDir } from "../support/run.js";
import { petsSpec } from "../write/helpers.js";

let dir: string;
beforeAll(async () => {
  dir = await tempDir("config");
});
afterAll(async () => {
  await removeDir(dir);
});

/** A project folder with the Kapso spec and a second small spec, linked to this repo's node_modules. */
async function project(name: string): Promise<string> {
  const folder = join(dir, name);
  await mkdir(join(folder, "specs"), { recursive: true });
  await cp(kapsoSpec, join(folder, "specs", "kapso.yaml"));
  await petsSpec(join(folder, "specs", "pets.yaml"));
  // What an installed project has: this package and openapi-fetch, resolvable from the project and declared by it.
  await mkdir(join(folder, "node_modules"));
  await symlink(root, join(folder, "node_modules", "kapso-codegen"), "dir");
  await symlink(join(root, "node_modules", "openapi-fetch"), join(folder, "node_modules", "openapi-fetch"), "dir");
  await writeFile(
    join(folder, "package.json"),
    JSON.stringify({
      name,
      private: true,
      type: "module",
      dependencies: { "openapi-fetch": "*" },
      devDependencies: { "kapso-codegen": "*" },
    }),
  );
  return folder;
}

const twoApis = {
  apis: [
    { spec: "specs/kapso.yaml", out: "src/api/kapso" },
    { spec: "specs/pets.yaml", out: "src/api/pets" },
  ],
};

describe("kapso-codegen.config", () => {
  it("generates every API of a .json config into folders relative to the config, sharing one runtime", async () => {
    const folder = await project("json");
    await writeFile(join(folder, "kapso-codegen.config.json"), JSON.stringify(twoApis));
    const result = await runCli(["generate", "-q"], folder);
    expect(result.stderr.replace(/^warning: .*\n/gm, "")).toBe("");
    expect(result.code).toBe(0);

    const kapso = await readTree(join(folder, "src/api/kapso"));
    const pets = await readTree(join(folder, "src/api/pets"));
    const runtime = await readTree(join(folder, "src/api/runtime"));
    expect([...runtime.keys()]).toEqual([
      "kapso-codegen.manifest.json",
      "mock-engine.ts",
      "runtime.ts",
      "schema-check.ts",
      "serialize.ts",
    ]);
    expect(kapso.get("runtime.ts")).toContain('export * from "../runtime/runtime.js";');
    expect(pets.get("runtime.ts")).toContain('export * from "../runtime/runtime.js";');
    expect(kapso.get("client.ts")).toContain("export function createKapsoClient(");
    expect(pets.get("client.ts")).toContain("export function createPetsClient(");

    await writeFile(
      join(folder, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          exactOptionalPropertyTypes: true,
          noUncheckedIndexedAccess: true,
          noUnusedLocals: true,
          module: "NodeNext",
          moduleResolution: "NodeNext",
          target: "ES2022",
          lib: ["ES2023", "DOM"],
          types: [],
          noEmit: true,
        },
        include: ["src"],
      }),
    );
    const tsc = await runTsc(["-p", join(folder, "tsconfig.json")]);
    expect(tsc.stdout).toBe("");

    const again = await runCli(["generate"], folder);
    expect(again.stdout).toMatch(/src\/api\/kapso: up to date/);
    expect(again.stdout).toMatch(/src\/api\/pets: up to date/);
  });

  it("loads a .ts config with defineConfig, and --api picks one API", async () => {
    const folder = await project("ts");
    await writeFile(
      join(folder, "kapso-codegen.config.ts"),
      `import { defineConfig } from "kapso-codegen";\n\nconst apis: Parameters<typeof defineConfig>[0]["apis"] = ${JSON.stringify(twoApis.apis)};\nexport default defineConfig({ apis, runtime: "src/common" });\n`,
    );
    const result = await runCli(["generate", "--api", "pets", "-q"], folder);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect((await readTree(join(folder, "src/api/pets"))).get("runtime.ts")).toContain(
      'export * from "../../common/runtime.js";',
    );
    expect((await readTree(join(folder, "src/api/kapso"))).size).toBe(0);
  });

  it("loads a .mjs config; flags override it", async () => {
    const folder = await project("mjs");
    await writeFile(join(folder, "kapso-codegen.config.mjs"), `export default ${JSON.stringify(twoApis)};\n`);
    const result = await runCli(["generate", "--spec", "specs/pets.yaml", "--out", "elsewhere/pets", "-q"], folder);
    expect(result.code).toBe(0);
    expect((await readTree(join(folder, "elsewhere/pets"))).get("runtime.ts")).toContain("createTransport");
    expect((await readTree(join(folder, "src/api/pets"))).size).toBe(0);
  });

  it("reports a bad config in one paragraph naming the file", async () => {
    const folder = await project("bad");
    await writeFile(join(folder, "kapso-codegen.config.json"), JSON.stringify({ apis: [{ out: "x" }] }));
    const result = await runCli(["generate"], folder);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/kapso-codegen\.config\.json:1:10: apis\[0\] needs a `spec`/);
  });

  it("writes msw.ts only for the APIs that ask for it, and removes it when they stop", async () => {
    const folder = await project("msw");
    const config = join(folder, "kapso-codegen.config.json");
    const [kapso, pets] = twoApis.apis;
    await writeFile(config, JSON.stringify({ apis: [kapso, { ...pets, msw: true }] }));
    expect((await runCli(["generate", "-q"], folder)).code).toBe(0);
    expect((await readTree(join(folder, "src/api/pets"))).get("msw.ts")).toContain(
      'const specBaseUrl = "https://pets.example.com";',
    );
    expect((await readTree(join(folder, "src/api/kapso"))).has("msw.ts")).toBe(false);

    await writeFile(config, JSON.stringify(twoApis));
    expect((await runCli(["generate", "-q"], folder)).code).toBe(0);
    expect((await readTree(join(folder, "src/api/pets"))).has("msw.ts")).toBe(false);

    await writeFile(config, JSON.stringify({ apis: [{ ...pets, msw: "yes" }] }));
    const bad = await runCli(["generate"], folder);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/kapso-codegen\.config\.json:1:\d+: apis\[0\]\.msw must be true or false/);
  });

  it("names an unknown --api and the ones there are", async () => {
    const folder = await project("unknown-api");
    await writeFile(join(folder, "kapso-codegen.config.json"), JSON.stringify(twoApis));
    const result = await runCli(["generate", "--api", "nope"], folder);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/no API named nope .*it has: kapso, pets/);
  });
});

describe("kapso-codegen init", () => {
  it("writes a starter config that generate then uses, and refuses to overwrite it", async () => {
    const folder = await project("init");
    const result = await runCli(["init", "--spec", "specs/kapso.yaml", "--out", "gen/kapso"], folder);
    expect(result.code).toBe(0);
    expect(await readFile(join(folder, "kapso-codegen.config.ts"), "utf8")).toContain("defineConfig");
    expect((await runCli(["generate", "-q"], folder)).code).toBe(0);
    expect((await readTree(join(folder, "gen/kapso"))).has("client.ts")).toBe(true);
    const again = await runCli(["init"], folder);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exists; use --force/);
  });
});
