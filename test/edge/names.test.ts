/**
 * Operation names the other edge tests cannot import from a golden (these specs do not generate today): two
 * operations with one operationId (duplicate-operation-ids.yaml), and operationIds that are not identifiers
 * (operation-id-characters.yaml). Each client is generated, imported, and every method called once with a stub
 * fetch, which tells which operation each name reaches.
 */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { removeDir, tempDir } from "../support/run.js";
import { generate } from "../../generator/index.js";
import { edgeSpecPath, generateEdge, linkNodeModules, type EdgeSpec } from "./edge-specs.js";

let dir: string;
beforeAll(async () => {
  dir = await tempDir("edge-names");
  await linkNodeModules(dir);
  await writeFile(join(dir, "package.json"), JSON.stringify({ private: true, type: "module" }));
});
afterAll(async () => {
  await removeDir(dir);
});

/** Method name → `METHOD /path` it sends, for every method of the generated client. */
async function routesOf(
  spec: EdgeSpec,
  factory: string,
  args: Readonly<Record<string, unknown>> = {},
): Promise<Map<string, string>> {
  await generateEdge(spec, dir);
  const module = (await import(pathToFileURL(join(dir, spec, "index.ts")).href)) as Record<string, unknown>;
  const create = module[factory];
  if (typeof create !== "function") throw new Error(`${spec}: no ${factory} exported`);
  let sent: string;
  const client = create({
    baseUrl: "http://stub.invalid",
    fetch: async (request: Request) => {
      sent = `${request.method} ${new URL(request.url).pathname}`;
      return new Response(JSON.stringify({ ok: true }), {
        status: 200,
        headers: { "Content-Type": "application/json" },
      });
    },
  }) as Record<string, unknown>;
  const routes = new Map<string, string>();
  for (const [name, method] of Object.entries(client)) {
    if (typeof method !== "function") continue;
    sent = "";
    await (method as (input: unknown) => Promise<unknown>)(args);
    routes.set(name, sent);
  }
  return routes;
}

describe("duplicate-operation-ids.yaml", () => {
  it("names both operations: the first getPet, the second getPet2", async () => {
    const routes = await routesOf("duplicate-operation-ids", "createDuplicateOperationIdsClient", {
      path: { petId: "p1" },
    });
    expect(Object.fromEntries(routes)).toEqual({ getPet: "GET /pets/p1", getPet2: "GET /pets/p1/owner" });
  });

  it("warns about the rename at the second operationId, naming both operations and the new name; --strict refuses it", async () => {
    const result = await generateEdge("duplicate-operation-ids", dir);
    const renames = result.specWarnings.filter((warning) => warning.message.includes("operationId"));
    expect(
      renames.map((warning) => ({
        line: warning.place.line,
        pointer: warning.place.pointer,
        message: warning.message,
      })),
    ).toEqual([
      {
        line: 21,
        pointer: "/paths/~1pets~1{petId}~1owner/get/operationId",
        message:
          'operationId "getPet" of GET /pets/{petId}/owner names the same method as GET /pets/{petId}; this one is named getPet2',
      },
    ]);
    await expect(
      generate({ spec: edgeSpecPath("duplicate-operation-ids"), out: join(dir, "strict"), name: "pets", strict: true }),
    ).rejects.toThrow(/operationIds must be unique \(--strict\)/);
  });
});

describe("operation-id-characters.yaml", () => {
  it("turns each operationId into an identifier that still reads as its words", async () => {
    const routes = await routesOf("operation-id-characters", "createOperationIdCharactersClient");
    const byRoute = new Map([...routes].map(([name, route]) => [route, name]));
    expect(byRoute.get("GET /slashes")).toBe("petsListAll");
    expect(byRoute.get("GET /spaces")).toBe("listPetsByOwner");
    expect(byRoute.get("POST /digits")).toBe("_2faVerify");
    expect(byRoute.get("GET /punctuation")).toMatch(/^[A-Za-z_$][\w$]*$/);
    // Accented letters are letters: the words stay whole, with or without their accents.
    expect(["récupérerÉlément", "recupererElement"]).toContain(byRoute.get("GET /accents"));
    expect(routes.size).toBe(5);
  });
});
