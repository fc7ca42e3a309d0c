/**
 * Client names from --name, the config, or the output folder's name: each either becomes identifiers that compile
 * (createXClient, XClient, XClientOptions) or is refused with a usage error (exit 2) that says why.
 */
import { mkdir, readFile, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { removeDir, root, runCli, runTsc, tempDir } from "../support/run.js";

let project: string;
beforeAll(async () => {
  project = await tempDir("client-names");
  await mkdir(join(project, "node_modules"));
  await symlink(join(root, "node_modules", "openapi-fetch"), join(project, "node_modules", "openapi-fetch"), "dir");
  await writeFile(join(project, "package.json"), JSON.stringify({ private: true, type: "module" }));
  await writeFile(
    join(project, "api.yaml"),
    [
      "openapi: 3.1.0",
      "info: { title: Names, version: '1' }",
      "servers: [{ url: 'https://names.example.com' }]",
      "paths:",
      "  /ping:",
      "    get:",
      "      operationId: ping",
      "      responses:",
      "        '200': { description: ok, content: { application/json: { schema: { type: object, properties: { ok: { type: boolean } } } } } }",
      "",
    ].join("\n"),
  );
});
afterAll(async () => {
  await removeDir(project);
});

/** Awkward names that still name a client, where they come from, and the factory they give. */
const usable = [
  { api: { out: "out/2024-api" }, factory: "createApi2024ApiClient" },
  { api: { out: "out/two", name: "2x" }, factory: "createApi2xClient" },
  { api: { out: "out/my--dashed-api-" }, factory: "createMyDashedApiClient" },
  { api: { out: "out/v1.2.api" }, factory: "createV12ApiClient" },
  { api: { out: "out/rocket", name: "🚀rocket" }, factory: "createRocketClient" },
  { api: { out: "out/class" }, factory: "createClassClient" },
  { api: { out: "out/default", name: "default" }, factory: "createDefaultClient" },
  { api: { out: "out/cjk", name: "接口" }, factory: "create接口Client" },
  { api: { out: "out/greek", name: "ωμέγα-api" }, factory: "createΩμέγαApiClient" },
  { api: { out: "out/squared", name: "x²" }, factory: "createXClient" },
];

describe("awkward client names", () => {
  it("each becomes identifiers that compile under strict tsc", async () => {
    await writeFile(
      join(project, "kapso-codegen.config.json"),
      JSON.stringify({ apis: usable.map(({ api }) => ({ spec: "api.yaml", ...api })) }),
    );
    const result = await runCli(["generate", "-q"], project);
    expect(result.code, result.stderr).toBe(0);
    for (const { api, factory } of usable) {
      expect(await readFile(join(project, api.out, "client.ts"), "utf8"), api.out).toContain(
        `export function ${factory}(`,
      );
    }
    await writeFile(
      join(project, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          exactOptionalPropertyTypes: true,
          noUncheckedIndexedAccess: true,
          module: "NodeNext",
          moduleResolution: "NodeNext",
          target: "ES2022",
          lib: ["ES2023", "DOM"],
          types: [],
          noEmit: true,
        },
        include: ["out"],
      }),
    );
    const tsc = await runTsc(["-p", join(project, "tsconfig.json")]);
    expect(tsc.stdout).toBe("");
    expect(tsc.code).toBe(0);
  }, 240_000);

  it("an output folder named like `2024-api`, with flags: generates createApi2024ApiClient", async () => {
    const result = await runCli(["generate", "--spec", "api.yaml", "--out", "flags/2024-api", "-q"], project);
    expect(result.code, result.stderr).toBe(0);
    expect(await readFile(join(project, "flags", "2024-api", "client.ts"), "utf8")).toContain(
      "export function createApi2024ApiClient(",
    );
  }, 120_000);

  it.each([
    { args: ["--name", ""], why: /the client name is empty; give one with --name/ },
    { args: ["--name", "🚀"], why: /the client name "🚀" has no letters or digits/ },
    { args: ["--name", "._. -_-"], why: /the client name "\._\. -_-" has no letters or digits/ },
    {
      args: ["--out", "out/🚀✨"],
      why: /the client name "🚀✨" has no letters or digits to build createXClient from \(taken from the --out folder's name\)/,
    },
  ])("$args is a usage error (exit 2) that says why, and writes nothing", async ({ args, why }) => {
    const result = await runCli(
      ["generate", "--spec", "api.yaml", ...(args.includes("--out") ? [] : ["--out", "refused"]), ...args],
      project,
    );
    expect(result.stderr).toMatch(why);
    expect(result.code).toBe(2);
    await expect(readFile(join(project, "refused", "client.ts"))).rejects.toThrow();
  });

  it("a config API whose folder name has no letters or digits is a usage error too", async () => {
    await writeFile(join(project, "bad.config.json"), JSON.stringify({ apis: [{ spec: "api.yaml", out: "out/__" }] }));
    const result = await runCli(["generate", "--config", "bad.config.json"], project);
    expect(result.stderr).toMatch(
      /the client name "__" has no letters or digits .*\(taken from the `out` folder's name\)/,
    );
    expect(result.code).toBe(2);
  });
});
