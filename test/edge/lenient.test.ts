/**
 * specs/edge/lenient.yaml and specs/edge/swagger2/collection-formats.yaml: flaws peers accept are repaired with a
 * located warning (printed, and in --json), the output compiles under strict tsc, and the repaired calls work on the
 * wire and against the generated mock; under --strict each flaw is a located error and exit 1.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { strictCompilerOptions } from "../../scripts/lib/typecheck.js";
import { removeDir, root, runCli, runTsc, tempDir, type CommandResult } from "../support/run.js";
import { createLenientClient } from "./__golden__/lenient/index.js";
import { createMockFetch } from "./__golden__/lenient/mock.js";
import { placeOf } from "../load/helpers.js";
import { linkNodeModules } from "./edge-specs.js";
import { empty, rawQuery, startServer, type TestServer } from "./server.js";

const lenientSpec = "specs/edge/lenient.yaml";
const swaggerSpec = "specs/edge/swagger2/collection-formats.yaml";

describe("the CLI on specs with flaws peers accept", () => {
  let dir: string;
  let lenient: CommandResult;
  let swagger: CommandResult;
  let lenientText: string;
  let swaggerText: string;
  /** `spec:line:column` of the first occurrence of `needle` in the spec. */
  let at: (needle: string) => string;
  let swaggerAt: (needle: string) => string;
  beforeAll(async () => {
    [lenientText, swaggerText] = await Promise.all([
      readFile(join(root, lenientSpec), "utf8"),
      readFile(join(root, swaggerSpec), "utf8"),
    ]);
    const locator = (spec: string, text: string) => (needle: string) => {
      const { line, column } = placeOf(text, needle);
      return `${spec}:${line}:${column}`;
    };
    [at, swaggerAt] = [locator(lenientSpec, lenientText), locator(swaggerSpec, swaggerText)];
    dir = await tempDir("edge-lenient");
    await linkNodeModules(dir);
    await writeFile(join(dir, "package.json"), JSON.stringify({ private: true, type: "module" }));
    lenient = await runCli([
      "generate",
      "--spec",
      lenientSpec,
      "--out",
      join(dir, "lenient"),
      "--name",
      "lenient",
      "--json",
    ]);
    swagger = await runCli(["generate", "--spec", swaggerSpec, "--out", join(dir, "formats"), "--name", "formats"]);
  });
  afterAll(async () => {
    await removeDir(dir);
  });

  it("generates, printing each repair as a located warning", () => {
    expect(lenient.code).toBe(0);
    const warnings = lenient.stderr.split("\n").filter((line) => line.startsWith(`warning: ${lenientSpec}:`));
    expect(warnings).toHaveLength(12);
    expect(warnings).toContain(
      `warning: ${at("/items?type=foo:")} (at /paths/~1items?type=foo): path "/items?type=foo" holds a query string: every call goes to "/items" with the fixed query "type=foo"`,
    );
    expect(warnings).toContain(
      `warning: ${at("delete:")} (at /paths/~1pets~1{petId}/delete): path parameter {petId} of "/pets/{petId}" is not declared: taken as a required string parameter`,
    );
    expect(warnings).toContain(
      `warning: ${at("name: region")} (at /paths/~1owners~1{ownerId}/parameters/1): parameter "region" is declared \`in: path\` but "/owners/{ownerId}" has no {region}: left out of the call`,
    );
    expect(warnings).toContain(
      `warning: ${at("$ref: '#/components/responses/Empty'")} (at /paths/~1reports~1{reportId}/get/responses/200/content/text~1plain/schema/$ref): a schema's $ref "#/components/responses/Empty" points at a responses entry, not a schema: the entry has no schema, so any value is accepted`,
    );
    expect(swagger.code).toBe(0);
    expect(swagger.stderr).toContain(
      `warning: ${swaggerAt("collectionFormat: tsv")} (at /paths/~1tags~1{names}/get/parameters/1/collectionFormat): collectionFormat "tsv" has no OpenAPI 3 equivalent: taken as csv (comma-separated) instead`,
    );
  });

  it("writes output that strict tsc accepts", async () => {
    const config = join(dir, "tsconfig.json");
    await writeFile(
      config,
      JSON.stringify({ compilerOptions: strictCompilerOptions, include: ["lenient/*.ts", "formats/*.ts"] }),
    );
    const result = await runTsc(["-p", config]);
    expect(result.stdout + result.stderr).toBe("");
    expect(result.code).toBe(0);
  });

  it("lists the warnings in --json too, with file, line, column and pointer", () => {
    const [api] = (JSON.parse(lenient.stdout) as { apis: Array<{ specWarnings: unknown[]; warnings: unknown[] }> })
      .apis;
    expect(api?.specWarnings).toHaveLength(12);
    expect(api?.specWarnings).toContainEqual({
      file: join(root, lenientSpec),
      ...placeOf(lenientText, "name: pet_id"),
      pointer: "/paths/~1pets~1{petId}/get/parameters/0",
      message: 'parameter "pet_id" is declared `in: path` but "/pets/{petId}" has no {pet_id}: taken as {petId}',
    });
    expect(api?.warnings).toEqual([]);
  });

  it("exits 1 with the first flaw as a located error under --strict", async () => {
    await mkdir(join(dir, "strict"));
    const strictLenient = await runCli([
      "generate",
      "--spec",
      lenientSpec,
      "--out",
      join(dir, "strict", "lenient"),
      "--strict",
    ]);
    expect(strictLenient.code).toBe(1);
    expect(strictLenient.stderr).toBe(
      `kapso-codegen: ${at("/items?type=foo:")} (at /paths/~1items?type=foo): path "/items?type=foo" holds a query string: a path template ends before "?" (--strict)\n`,
    );
    const strictSwagger = await runCli([
      "generate",
      "--spec",
      swaggerSpec,
      "--out",
      join(dir, "strict", "formats"),
      "--strict",
    ]);
    expect(strictSwagger.code).toBe(1);
    expect(strictSwagger.stderr).toBe(
      `kapso-codegen: ${swaggerAt("collectionFormat: ssv")} (at /paths/~1tags~1{names}/get/parameters/0/collectionFormat): collectionFormat "ssv" has no OpenAPI 3 equivalent outside a query (--strict)\n`,
    );
  });
});

describe("the repaired operations on the wire", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());
  beforeEach(() => server.reset());
  const client = () => createLenientClient({ baseUrl: server.baseUrl });

  it("sends a path's fixed query on every call, before the caller's query", async () => {
    await client().listFooItems();
    expect(server.only().url).toBe("/items?type=foo");
    server.reset();
    await client().listFooItems({ query: { limit: 5 } });
    expect(server.only().url).toBe("/items?type=foo&limit=5");
  });

  it("fills a fixed query's {name} from the path parameter, encoded", async () => {
    await client().listRides({ path: { page: 3 } });
    const request = server.only();
    expect(request.url.split("?")[0]).toBe("/rides");
    expect(rawQuery(request)).toBe("page=3");
  });

  it("leaves a fixed query's pair to the query parameter of its {name}", async () => {
    await client().search({ query: { q: "x y" } });
    expect(server.only().url).toBe("/search?q=x%20y");
  });

  it("calls a renamed parameter by the template's name, and an undeclared one as a string", async () => {
    await client().getPet({ path: { petId: 7 } });
    expect(server.only().url).toBe("/pets/7");
    server.reset();
    await client().deletePet({ path: { petId: "a b" } });
    expect(server.only()).toMatchObject({ method: "DELETE", url: "/pets/a%20b" });
    server.reset();
    await client().getReport({ path: { reportId: "r/1" } });
    expect(server.only().url).toBe("/reports/r%2F1");
  });

  it("leaves a parameter the template lacks out of the call", async () => {
    server.reply(empty(204));
    const result = await client().renameOwner({
      path: { ownerId: "o-1" },
      query: { dryRun: true },
      body: { name: "Ada" },
    });
    expect(result).toMatchObject({ ok: true, status: 204 });
    const request = server.only();
    expect(request).toMatchObject({ method: "PUT", url: "/owners/o-1?dryRun=true" });
    expect(JSON.parse(request.body.toString("utf8"))).toEqual({ name: "Ada" });
  });
});

describe("the repaired operations against the generated mock", () => {
  it("matches a path with a fixed query, and reads its {name} from the query", async () => {
    const mock = createMockFetch();
    const api = createLenientClient({ fetch: mock });
    expect(await api.listFooItems({ query: { limit: 2 } })).toMatchObject({ ok: true, status: 200 });
    expect(await api.listRides({ path: { page: 4 } })).toMatchObject({ ok: true, status: 204 });
    expect(mock.problems).toEqual([]);
    expect(mock.calls.map((call) => call.operation)).toEqual(["listFooItems", "listRides"]);
    expect(mock.calls[1]?.path).toEqual({ page: "4" });
  });

  it("does not match a request without the fixed query's literal value", async () => {
    const mock = createMockFetch({ onProblem: "respond" });
    const response = await mock("https://lenient.example.com/items?type=bar");
    expect(response.status).toBe(501);
  });
});
