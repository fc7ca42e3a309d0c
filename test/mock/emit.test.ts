/** generator/emit/mock.ts: schemas reduced to what the checker reads, refs collected once, the region printed. */
import { describe, expect, it } from "vitest";
import { createSchemaEmbedder, defaultStatus, emitMockRegion, reduceSchema } from "../../generator/emit/mock.js";
import { buildModel, type OperationModel } from "../../generator/model/index.js";
import { planClient } from "../../generator/plan/index.js";

function reduce(schema: unknown, version: "3.0" | "3.1" = "3.1"): { reduced: unknown; refs: string[] } {
  const refs: string[] = [];
  return { reduced: reduceSchema(schema, version, (ref) => refs.push(ref)), refs };
}

describe("reduceSchema", () => {
  it("keeps validation keywords (formats among them) and drops documentation, examples and extensions", () => {
    const schema = {
      type: "object",
      description: "a pet",
      example: { name: "Rex" },
      "x-internal": true,
      discriminator: { propertyName: "kind" },
      required: ["name"],
      additionalProperties: false,
      properties: {
        name: { type: "string", format: "email", minLength: 1, maxLength: 9, pattern: "^a", title: "Name" },
      },
    };
    expect(reduce(schema).reduced).toEqual({
      type: "object",
      required: ["name"],
      additionalProperties: false,
      properties: { name: { type: "string", format: "email", minLength: 1, maxLength: 9, pattern: "^a" } },
    });
  });

  it("treats property names as names, so a property called `description` or `type` stays", () => {
    const schema = { properties: { description: { type: "string" }, type: { enum: ["a"] } } };
    expect(reduce(schema).reduced).toEqual(schema);
  });

  it("walks every keyword that holds schemas, and copies enum and const values as data", () => {
    const branch = { type: "integer", minimum: 1, description: "dropped" };
    const schema = {
      allOf: [branch],
      anyOf: [branch],
      oneOf: [branch],
      not: branch,
      items: branch,
      prefixItems: [branch],
      patternProperties: { "^x": branch },
      additionalProperties: branch,
      enum: [{ description: "kept: a value" }],
      const: { example: 1 },
    };
    const kept = { type: "integer", minimum: 1 };
    expect(reduce(schema).reduced).toEqual({
      allOf: [kept],
      anyOf: [kept],
      oneOf: [kept],
      not: kept,
      items: kept,
      prefixItems: [kept],
      patternProperties: { "^x": kept },
      additionalProperties: kept,
      enum: [{ description: "kept: a value" }],
      const: { example: 1 },
    });
  });

  it("3.0: `nullable` stays, and a $ref's siblings other than nullable do not apply", () => {
    expect(reduce({ $ref: "#/components/schemas/A", nullable: true, type: "string" }, "3.0")).toEqual({
      reduced: { $ref: "#/components/schemas/A", nullable: true },
      refs: ["#/components/schemas/A"],
    });
    expect(reduce({ type: "string", nullable: true }, "3.0").reduced).toEqual({ type: "string", nullable: true });
  });

  it("3.1: a $ref's siblings apply, and `nullable` is not a keyword", () => {
    expect(reduce({ $ref: "#/components/schemas/A", nullable: true, minLength: 2 }, "3.1")).toEqual({
      reduced: { $ref: "#/components/schemas/A", minLength: 2 },
      refs: ["#/components/schemas/A"],
    });
  });

  it("keeps boolean schemas; anything else that is not a schema accepts everything", () => {
    expect(reduce(false).reduced).toBe(false);
    expect(reduce(true).reduced).toBe(true);
    expect(reduce("nonsense").reduced).toBe(true);
  });
});

describe("createSchemaEmbedder", () => {
  const document = {
    openapi: "3.1.0",
    components: {
      schemas: {
        Tree: {
          type: "object",
          properties: {
            children: { type: "array", items: { $ref: "#/components/schemas/Tree" } },
            leaf: { $ref: "#/components/schemas/Leaf" },
          },
        },
        Leaf: { type: "string", description: "dropped" },
        Unused: { type: "number" },
      },
    },
    paths: {
      "/t": {
        post: { requestBody: { content: { "application/json": { schema: { $ref: "#/components/schemas/Tree" } } } } },
      },
    },
  };

  it("collects the targets of refs, and of refs inside them, once each, sorted, and nothing else", () => {
    const embedder = createSchemaEmbedder(document);
    expect(embedder.embed("/paths/~1t/post/requestBody/content/application~1json/schema")).toEqual({
      $ref: "#/components/schemas/Tree",
    });
    expect(Object.keys(embedder.refTargets())).toEqual(["#/components/schemas/Leaf", "#/components/schemas/Tree"]);
  });

  it("returns undefined where there is no schema, and leaves out refs that resolve to nothing", () => {
    const embedder = createSchemaEmbedder(document);
    expect(embedder.embed("/paths/~1t/get/schema")).toBeUndefined();
    const holder = { openapi: "3.1.0", s: { $ref: "#/components/schemas/Nowhere" } };
    const other = createSchemaEmbedder(holder);
    expect(other.embed("/s")).toEqual({ $ref: "#/components/schemas/Nowhere" });
    expect(other.refTargets()).toEqual({});
  });
});

describe("defaultStatus", () => {
  const operation = (statuses: string[]): OperationModel => ({
    method: "get",
    path: "/x",
    pointer: "/paths/~1x/get",
    operationId: "x",
    summary: undefined,
    description: undefined,
    deprecated: false,
    parameters: [],
    requestBody: undefined,
    responses: statuses.map((status) => ({ status, description: "", contents: [], headers: [] })),
    security: [[]],
  });

  it.each([
    [["201", "400"], 201],
    [["202", "204"], 202],
    [["2XX", "4XX"], 200],
    [["default"], 200],
    [["404"], 200],
    [[], 200],
  ])("%j → %i", (statuses, expected) => {
    expect(defaultStatus(operation(statuses))).toBe(expected);
  });
});

describe("emitMockRegion", () => {
  const document = {
    openapi: "3.0.3",
    info: { title: "T", version: "1" },
    paths: {
      "/pets/{id}": {
        put: {
          operationId: "putPet",
          parameters: [
            { name: "id", in: "path", required: true, schema: { type: "string" } },
            { name: "filter", in: "query", style: "deepObject", schema: { type: "object" } },
          ],
          requestBody: {
            required: true,
            content: {
              "application/json": { schema: { $ref: "#/components/schemas/Pet" } },
              "text/plain": { schema: { type: "string" } },
            },
          },
          responses: {
            "201": { description: "ok", content: { "application/json": { schema: { type: "object" } } } },
            "4xx": { description: "no" },
          },
        },
      },
    },
    components: { schemas: { Pet: { type: "object", nullable: true, description: "*/ ends a comment" } } },
  };

  /** As generate does, with every documented response given a fixture. */
  function emit(doc: Record<string, unknown>): string {
    const plan = planClient(buildModel(doc), "t");
    const emitted = new Map(
      plan.operations.map((operation) => [
        operation.fixtureName,
        new Set(operation.operation.responses.map((response) => response.status)),
      ]),
    );
    return emitMockRegion(plan, doc, emitted).text;
  }

  /** The JSON data the emitted region holds, parsed back. */
  function data(text: string, name: "operations" | "schemas"): unknown {
    const match = new RegExp(`^const ${name} = JSON\\.parse\\((\`[\\s\\S]*?\`)\\) as`, "m").exec(text);
    if (!match?.[1]) throw new Error(`no ${name} data`);
    return JSON.parse(new Function(`return ${match[1]};`)() as string);
  }

  it("answers without a body where the fixture was left out", () => {
    const plan = planClient(buildModel(document), "t");
    const { text } = emitMockRegion(plan, document, new Map([["putPet", new Set<string>()]]));
    expect(data(text, "operations")).toMatchObject([{ responses: { "201": { mediaType: "application/json" } } }]);
    expect(JSON.stringify(data(text, "operations"))).not.toContain('"fixture":"201"');
  });

  it("emits the operation as JSON data: parameters, bodies, and responses naming their fixtures", () => {
    const text = emit(document);
    expect(text).toContain('export type MockOperationName = "putPet";');
    expect(data(text, "operations")).toMatchObject([
      {
        name: "putPet",
        fixture: "putPet",
        success: 201,
        parameters: expect.arrayContaining([expect.objectContaining({ style: "deepObject" })]),
        requestBody: {
          contents: [
            { mediaType: "application/json", schema: { $ref: "#/components/schemas/Pet" } },
            { mediaType: "text/plain" },
          ],
        },
        responses: { "201": { mediaType: "application/json", fixture: "201" }, "4XX": {} },
      },
    ]);
    expect(data(text, "schemas")).toEqual({ "#/components/schemas/Pet": { nullable: true, type: "object" } });
    expect(text).not.toContain("*/ ends a comment");
  });

  it("keeps any string a spec holds as data inside the template literal", () => {
    const hostile = structuredClone(document) as typeof document;
    (hostile.components.schemas.Pet as Record<string, unknown>)["enum"] = [
      "`${process.exit(1)}`",
      "back\\slash",
      "line\u2028sep",
    ];
    const schemas = data(emit(hostile), "schemas") as Record<string, { enum: string[] }>;
    expect(schemas["#/components/schemas/Pet"]?.enum).toEqual(["`${process.exit(1)}`", "back\\slash", "line\u2028sep"]);
  });

  it("is deterministic", () => {
    expect(emit(document)).toBe(emit(structuredClone(document)));
  });

  it("an API without operations still compiles: the name union is never", () => {
    const text = emit({ openapi: "3.1.0", info: { title: "Empty", version: "1" }, paths: {} });
    expect(text).toContain("export type MockOperationName = never;");
    expect(data(text, "operations")).toEqual([]);
  });
});
