/**
 * specs/edge/schema-conflicts.yaml: shapes from public specs whose output used not to type-check. Their types must
 * admit the values JSON Schema admits, and their fixtures must satisfy both (tsc checks the `satisfies` in
 * types.test.ts; Ajv checks every fixture here). consumer.ts pins the types callers see.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, expectTypeOf, it } from "vitest";
import { createFixtureValidator } from "../../generator/fixtures/validate.js";
import type { GenerateResult } from "../../generator/index.js";
import { removeDir, tempDir } from "../support/run.js";
import * as fixtures from "./__golden__/schema-conflicts/fixtures.js";
import { createSchemaConflictsClient, type components } from "./__golden__/schema-conflicts/index.js";
import { generateEdge } from "./edge-specs.js";
import { json, startServer, type TestServer } from "./server.js";

type Schemas = components["schemas"];

let dir: string;
let result: GenerateResult;
let server: TestServer;
beforeAll(async () => {
  dir = await tempDir("schema-conflicts");
  result = await generateEdge("schema-conflicts", dir);
  server = await startServer();
});
afterAll(async () => {
  await removeDir(dir);
  await server.close();
});
beforeEach(() => server.reset());

describe("fixtures satisfy the schema as well as the types", () => {
  it("every fixture validates with Ajv", () => {
    const validate = createFixtureValidator(result.fixtures.document);
    const invalid = result.fixtures.values
      .map((fixture) => ({
        fixture,
        issues: validate(fixture.schemaPointer, fixture.value, { direction: fixture.direction }),
      }))
      .filter(({ issues }) => issues.length > 0);
    expect(result.fixtures.values.length).toBe(8); // two request bodies, six responses
    expect(invalid).toEqual([]);
  });

  it("keeps a documented key that additionalProperties describes next to a declared one of another type", () => {
    expect(fixtures.getStatus.responses[200]).toEqual({ ok: true, queues: ["a", "b"] });
  });

  it("keeps a required key the schema does not describe, and a required readOnly key in the request", () => {
    expect(Object.keys(fixtures.addListener.request.body).sort()).toEqual(["host", "key", "kind", "name"]);
  });

  it("keeps a required key that no allOf member describes", () => {
    expect(fixtures.listTransactions.responses[200][0]).toHaveProperty("date");
  });

  it("gives a mapped subtype the tag its mapping names, even where its example holds a sibling's", () => {
    expect(fixtures.listEvents.responses[200]).toEqual([{ message: "hello", type: "event" }]);
  });

  it("gives a subtype that declares its own discriminator values one of them", () => {
    expect(["branches", "tags"]).toContain(fixtures.addSchedule.request.body.selector.type);
  });
});

describe("the reconciled types on the wire", () => {
  it("reads an undescribed required key and extra named lists", async () => {
    server.reply(json(200, { ok: true, count: 2, queues: ["q"] }));
    const status = await createSchemaConflictsClient({ baseUrl: server.baseUrl }).getStatus();
    expect(status).toMatchObject({ ok: true, status: 200, data: { ok: true, count: 2, queues: ["q"] } });
    if (status.ok) expectTypeOf(status.data["queues"]).toEqualTypeOf<string[] | number | true | undefined>();
  });

  it("sends a parameter referenced from another operation under its own name", async () => {
    server.reply(json(200, [{ key: "k", name: "n", host: "h" }]));
    const listeners = await createSchemaConflictsClient({ baseUrl: server.baseUrl }).listListeners({
      query: { per_page: 5 },
    });
    expect(server.only().url).toBe("/listeners?per_page=5");
    expect(listeners).toMatchObject({ ok: true, data: [{ host: "h" }] });
    expectTypeOf<Schemas["Listener"]["host"]>().toEqualTypeOf<unknown>();
  });
});
