/**
 * Route matching in a generated mock, on a spec built for it: templates that overlap, a segment holding two
 * parameters, a literal that must be percent-encoded, and query parameters whose presence the URL hides.
 */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../generator/index.js";
import { linkNodeModules } from "../edge/edge-specs.js";
import { removeDir, tempDir } from "../support/run.js";

interface GeneratedMock {
  (input: Request | string | URL, init?: RequestInit): Promise<Response>;
  readonly calls: readonly { readonly operation: string; readonly path: Readonly<Record<string, string>> }[];
  readonly problems: readonly string[];
}

const ok = { "200": { description: "ok", content: { "application/json": { schema: { type: "object" } } } } };
const get = (operationId: string, parameters: unknown[] = []) => ({ get: { operationId, parameters, responses: ok } });
const pathParam = (name: string) => ({ name, in: "path", required: true, schema: { type: "string" } });

const spec = {
  openapi: "3.1.0",
  info: { title: "Routes", version: "1" },
  servers: [{ url: "https://routes.example.com/api/v2" }],
  paths: {
    "/pets/{id}": get("getPet", [pathParam("id")]),
    "/pets/mine": get("getMyPets"),
    "/owners/{owner}/pets/{id}": get("getOwnerPet", [pathParam("owner"), pathParam("id")]),
    "/files/{name}.{ext}": get("getFile", [pathParam("name"), pathParam("ext")]),
    "/café/menu": get("getMenu"),
    "/search": get("search", [
      {
        name: "filter",
        in: "query",
        required: true,
        style: "deepObject",
        schema: { type: "object", properties: { kind: { type: "string" } } },
      },
      {
        name: "page",
        in: "query",
        required: true,
        schema: { type: "object", properties: { size: { type: "integer" } } },
      },
      { name: "tag", in: "query", required: true, schema: { type: "array", items: { type: "integer" } } },
    ]),
  },
};

let dir: string;
let createMockFetch: (options?: Record<string, unknown>) => GeneratedMock;

beforeAll(async () => {
  dir = await tempDir("mock-matching");
  await linkNodeModules(dir);
  await writeFile(join(dir, "package.json"), JSON.stringify({ private: true, type: "module" }));
  await writeFile(join(dir, "routes.json"), JSON.stringify(spec));
  await generate({ spec: join(dir, "routes.json"), out: join(dir, "routes"), name: "routes" });
  const module = (await import(pathToFileURL(join(dir, "routes", "mock.ts")).href)) as {
    createMockFetch: typeof createMockFetch;
  };
  createMockFetch = module.createMockFetch;
});

afterAll(async () => {
  await removeDir(dir);
});

async function route(path: string): Promise<{
  operation: string | undefined;
  path: Readonly<Record<string, string>> | undefined;
  problems: readonly string[];
}> {
  const mock = createMockFetch({ onProblem: "respond" });
  await mock(`https://routes.example.com/api/v2${path}`);
  return { operation: mock.calls[0]?.operation, path: mock.calls[0]?.path, problems: mock.problems };
}

describe("which operation a path reaches", () => {
  it("a literal segment wins over a parameter", async () => {
    expect(await route("/pets/mine")).toMatchObject({ operation: "getMyPets" });
    expect(await route("/pets/rex")).toMatchObject({ operation: "getPet", path: { id: "rex" } });
  });

  it("the longer template wins over one that only matches its end", async () => {
    expect(await route("/owners/ann/pets/rex")).toMatchObject({
      operation: "getOwnerPet",
      path: { owner: "ann", id: "rex" },
    });
  });

  it("two parameters in one segment split at the literal between them", async () => {
    expect(await route("/files/report.final.pdf")).toMatchObject({
      operation: "getFile",
      path: { name: "report", ext: "final.pdf" },
    });
  });

  it("a literal segment matches percent-encoded, and a parameter is decoded", async () => {
    expect(await route("/caf%C3%A9/menu")).toMatchObject({ operation: "getMenu" });
    expect(await route("/pets/r%C3%A9x%2F1")).toMatchObject({ operation: "getPet", path: { id: "réx/1" } });
  });

  it("the base path before the template can be anything, or nothing", async () => {
    const mock = createMockFetch();
    await mock("http://localhost:1234/pets/rex");
    await mock("http://localhost:1234/a/b/c/pets/mine");
    expect(mock.calls.map((call) => call.operation)).toEqual(["getPet", "getMyPets"]);
  });

  it("a path no template ends with is refused, listing the operations", async () => {
    const result = await route("/pets");
    expect(result.operation).toBeUndefined();
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatch(
      /^GET \/api\/v2\/pets matches no operation of the spec; known operations: getPet \(GET \/pets\/\{id\}\), /,
    );
    for (const name of ["getFile", "getOwnerPet", "getMyPets", "getPet", "search"])
      expect(result.problems[0]).toContain(`${name} (GET /`);
  });
});

describe("query parameters whose presence hides in the URL", () => {
  it("deepObject is present through any `name[key]`; arrays are present when repeated", async () => {
    expect((await route("/search?filter[kind]=dog&size=10&tag=1&tag=2")).problems).toEqual([]);
  });

  it("absent ones are named; an exploded object cannot be told absent, so it is not", async () => {
    expect((await route("/search")).problems).toEqual([
      "search: query parameter filter is required; query parameter tag is required",
    ]);
  });

  it("an array parameter is checked for presence only, not by value", async () => {
    expect((await route("/search?filter[kind]=dog&tag=x")).problems).toEqual([]);
  });
});
