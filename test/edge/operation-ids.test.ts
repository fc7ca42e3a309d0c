/**
 * specs/edge/operation-ids.yaml: each method name reaches its own operation. Names come from the operationId, else
 * from method + path; reserved words get a `_`; an explicit operationId keeps its name even when a derived name
 * would be the same.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as fixtures from "./__golden__/operation-ids/fixtures.js";
import { createOperationIdsClient } from "./__golden__/operation-ids/index.js";
import { startServer, type TestServer } from "./server.js";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const client = () => createOperationIdsClient({ baseUrl: server.baseUrl });

describe("operation names", () => {
  it.each([
    ["postPets (no operationId)", () => client().postPets(), "POST /pets"],
    ["getPet", () => client().getPet({ path: { petId: "p" } }), "GET /pets/p"],
    ["_delete (operationId `delete`)", () => client()._delete({ path: { petId: "p" } }), "DELETE /pets/p"],
    ["_class (operationId `class`)", () => client()._class(), "GET /classes"],
    ["client (a name fixtures.ts imports)", () => client().client(), "GET /template-names"],
    ["paths (a name the schema exports)", () => client().paths(), "POST /template-names"],
    [
      "getV1UsersFormat (no operationId, a dot in the path)",
      () => client().getV1UsersFormat({ path: { format: "json" } }),
      "GET /v1/users.json",
    ],
  ] as const)("%s calls its own operation", async (_name, call, expected) => {
    const result = await call();
    expect(result.ok).toBe(true);
    expect(`${server.only().method} ${server.only().url}`).toBe(expected);
  });

  it("`constructor` is an operation like any other", async () => {
    const api = client();
    const result = await api.constructor();
    expect(result.ok).toBe(true);
    expect(`${server.only().method} ${server.only().url}`).toBe("POST /classes");
  });

  it("the explicit operationId `getPets` keeps its name; the derived name of GET /pets yields", async () => {
    await client().getPets();
    expect(`${server.only().method} ${server.only().url}`).toBe("GET /zoo/pets");
  });

  it("fixtures exist for every operation, under binding-safe names", () => {
    const names = Object.keys(fixtures).sort();
    expect(names).toHaveLength(10);
    for (const name of names) expect(name).toMatch(/^[A-Za-z_$][\w$]*$/);
    expect(names).toEqual(expect.arrayContaining(["_delete", "_class", "constructor"]));
  });
});
