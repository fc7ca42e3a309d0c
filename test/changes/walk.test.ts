import { describe, expect, it } from "vitest";
import { compareSpecs } from "../../generator/changes/index.js";
import { MAX_SCHEMA_DEPTH } from "../../generator/changes/schema-walk.js";
import { VERSIONS, brief, documentOf, objectSchema, okResponse, patchDocument } from "./fixtures.js";

const name = { type: "string" };

/** An object nested `depth` levels deep under properties "n", with `leaf` at the bottom. */
function nested(depth: number, leaf: unknown): unknown {
  let schema = leaf;
  for (let level = 0; level < depth; level++) schema = objectSchema({ n: schema });
  return schema;
}

/** Reverses the key order of every object, to show the report does not depend on it. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([key, item]) => [key, reverseKeys(item)]),
  );
}

describe.each(VERSIONS)("schema walk (OpenAPI %s)", (version) => {
  it("ends on a self-referencing schema and reports its change once", () => {
    const node = (extra: Record<string, unknown>, required: readonly string[]): unknown =>
      objectSchema(
        { name, children: { type: "array", items: { $ref: "#/components/schemas/Node" } }, ...extra },
        required,
      );
    const document = (schema: unknown): object =>
      patchDocument(
        version,
        { responses: okResponse(objectSchema({ data: { $ref: "#/components/schemas/Node" } })) },
        { schemas: { Node: schema } },
      );
    const report = compareSpecs(document(node({}, [])), document(node({ id: name }, ["id"])));
    expect(brief(report)).toEqual([
      { kind: "property-added", severity: "non-breaking", location: "response 200 /data/id" },
    ]);
  });

  it("follows mutually referencing schemas from every operation", () => {
    const person = (withEmail: boolean): unknown =>
      objectSchema({ org: { $ref: "#/components/schemas/Org" }, ...(withEmail ? { email: name } : {}) });
    const org = objectSchema({ owner: { $ref: "#/components/schemas/Person" } });
    const document = (withEmail: boolean): object =>
      documentOf(
        version,
        {
          "/people": {
            get: { operationId: "getPerson", responses: okResponse({ $ref: "#/components/schemas/Person" }) },
          },
          "/orgs": { get: { operationId: "getOrg", responses: okResponse({ $ref: "#/components/schemas/Org" }) } },
        },
        { schemas: { Person: person(withEmail), Org: org } },
      );
    const report = compareSpecs(document(true), document(false));
    expect(report.changes.map((change) => [change.operationId, change.location])).toEqual([
      ["getOrg", "response 200 /owner/email"],
      ["getPerson", "response 200 /email"],
    ]);
  });

  it("reports a schema shared by two fields once, at the first of the shallowest places", () => {
    const user = (fields: Record<string, unknown>): unknown => objectSchema(fields);
    const document = (fields: Record<string, unknown>): object =>
      patchDocument(
        version,
        {
          responses: okResponse(
            objectSchema({
              owner: { $ref: "#/components/schemas/User" },
              nested: objectSchema({ editor: { $ref: "#/components/schemas/User" } }),
            }),
          ),
        },
        { schemas: { User: user(fields) } },
      );
    const report = compareSpecs(document({ name, email: name }), document({ name }));
    expect(brief(report)).toEqual([
      { kind: "property-removed", severity: "breaking", location: "response 200 /owner/email" },
    ]);
  });

  it("walks down to the depth bound and stops below it", () => {
    const document = (depth: number, fields: Record<string, unknown>): object =>
      patchDocument(version, {
        requestBody: {
          required: true,
          content: { "application/json": { schema: nested(depth, objectSchema(fields)) } },
        },
      });
    const reachable = MAX_SCHEMA_DEPTH - 1;
    const within = compareSpecs(document(reachable, { name }), document(reachable, {}));
    expect(within.changes).toHaveLength(1);
    expect(within.changes[0]?.location).toBe(`request body ${"/n".repeat(reachable)}/name`);
    const beyond = compareSpecs(document(MAX_SCHEMA_DEPTH + 10, { name }), document(MAX_SCHEMA_DEPTH + 10, {}));
    expect(beyond.changes).toEqual([]);
  });

  it("gives the same report whatever the key order of the documents", () => {
    const before = documentOf(version, {
      "/b": {
        get: {
          operationId: "b",
          parameters: [{ name: "q", in: "query", schema: { type: "string", enum: ["x", "y"] } }],
          responses: okResponse(objectSchema({ a: name, b: name })),
        },
      },
      "/a": {
        post: { operationId: "a", responses: okResponse(objectSchema({ z: name })) },
        delete: { operationId: "gone", responses: {} },
      },
    });
    const after = documentOf(version, {
      "/b": {
        get: {
          operationId: "b2",
          parameters: [{ name: "q", in: "query", schema: { type: "string", enum: ["x"] } }],
          responses: okResponse(objectSchema({ a: { type: "integer" } })),
        },
      },
      "/a": { post: { operationId: "a", responses: okResponse(objectSchema({ z: name, y: name })) } },
    });
    const report = compareSpecs(before, after);
    expect(compareSpecs(reverseKeys(before) as object, reverseKeys(after) as object)).toEqual(report);
    expect(report.changes.map((change) => `${change.operation}|${change.location ?? ""}|${change.kind}`)).toEqual([
      "DELETE /a||operation-removed",
      "POST /a|response 200 /y|property-added",
      "GET /b||operation-renamed",
      "GET /b|query parameter q|enum-value-removed",
      "GET /b|response 200 /a|type-changed",
      "GET /b|response 200 /b|property-removed",
    ]);
  });
});
