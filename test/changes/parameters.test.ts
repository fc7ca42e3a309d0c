import { describe, expect, it } from "vitest";
import { compareSpecs } from "../../generator/changes/index.js";
import { VERSIONS, brief, documentOf, patchDocument, type BriefChange } from "./fixtures.js";

const idParameter = { name: "id", in: "path", required: true, schema: { type: "string" } };

function query(name: string, schema: unknown, required = false): Record<string, unknown> {
  return { name, in: "query", required, schema };
}

interface ParameterCase {
  readonly name: string;
  readonly before: readonly unknown[];
  readonly after: readonly unknown[];
  readonly expected: readonly BriefChange[];
}

const cases: readonly ParameterCase[] = [
  {
    name: "optional parameter added",
    before: [idParameter],
    after: [idParameter, query("page", { type: "integer" })],
    expected: [{ kind: "parameter-added", severity: "non-breaking", location: "query parameter page" }],
  },
  {
    name: "required parameter added",
    before: [idParameter],
    after: [idParameter, query("page", { type: "integer" }, true)],
    expected: [{ kind: "parameter-added", severity: "breaking", location: "query parameter page" }],
  },
  {
    name: "parameter removed",
    before: [idParameter, { name: "X-Trace", in: "header", schema: { type: "string" } }],
    after: [idParameter],
    expected: [{ kind: "parameter-removed", severity: "breaking", location: "header parameter X-Trace" }],
  },
  {
    name: "optional parameter made required",
    before: [idParameter, query("page", { type: "integer" })],
    after: [idParameter, query("page", { type: "integer" }, true)],
    expected: [{ kind: "parameter-became-required", severity: "breaking", location: "query parameter page" }],
  },
  {
    name: "required parameter made optional",
    before: [idParameter, query("page", { type: "integer" }, true)],
    after: [idParameter, query("page", { type: "integer" })],
    expected: [{ kind: "parameter-became-optional", severity: "non-breaking", location: "query parameter page" }],
  },
  {
    name: "parameter type changed",
    before: [idParameter, query("page", { type: "string" })],
    after: [idParameter, query("page", { type: "integer" })],
    expected: [{ kind: "type-changed", severity: "breaking", location: "query parameter page" }],
  },
  {
    name: "path parameter type changed",
    before: [idParameter],
    after: [{ ...idParameter, schema: { type: "integer" } }],
    expected: [{ kind: "type-changed", severity: "breaking", location: "path parameter id" }],
  },
  {
    name: "parameter enum value removed",
    before: [idParameter, query("sort", { type: "string", enum: ["asc", "desc"] })],
    after: [idParameter, query("sort", { type: "string", enum: ["asc"] })],
    expected: [{ kind: "enum-value-removed", severity: "breaking", location: "query parameter sort" }],
  },
  {
    name: "header names compared without case",
    before: [idParameter, { name: "X-Trace", in: "header", schema: { type: "string" } }],
    after: [idParameter, { name: "x-trace", in: "header", schema: { type: "string" } }],
    expected: [],
  },
  {
    name: "same name in another location is another parameter",
    before: [idParameter, query("token", { type: "string" })],
    after: [idParameter, { name: "token", in: "header", schema: { type: "string" } }],
    expected: [
      { kind: "parameter-added", severity: "non-breaking", location: "header parameter token" },
      { kind: "parameter-removed", severity: "breaking", location: "query parameter token" },
    ],
  },
];

describe.each(VERSIONS)("parameters (OpenAPI %s)", (version) => {
  it.each(cases)("$name", ({ before, after, expected }) => {
    const report = compareSpecs(
      patchDocument(version, { parameters: before }),
      patchDocument(version, { parameters: after }),
    );
    expect(brief(report)).toEqual(expected);
  });

  it("merges path-item parameters with operation parameters", () => {
    const operation = { operationId: "updateThing", responses: { "204": { description: "done" } } };
    const before = documentOf(version, { "/things/{id}": { parameters: [idParameter], patch: operation } });
    const after = documentOf(version, { "/things/{id}": { patch: { ...operation, parameters: [idParameter] } } });
    expect(compareSpecs(before, after).changes).toEqual([]);
  });

  it("lets an operation parameter override the path-item one", () => {
    const operation = { operationId: "updateThing", responses: { "204": { description: "done" } } };
    const pathItem = { parameters: [idParameter, query("page", { type: "integer" })] };
    const before = documentOf(version, { "/things/{id}": { ...pathItem, patch: operation } });
    const after = documentOf(version, {
      "/things/{id}": { ...pathItem, patch: { ...operation, parameters: [query("page", { type: "integer" }, true)] } },
    });
    expect(brief(compareSpecs(before, after))).toEqual([
      { kind: "parameter-became-required", severity: "breaking", location: "query parameter page" },
    ]);
  });

  it("resolves parameters given as $ref", () => {
    const components = { parameters: { Page: query("page", { type: "integer" }) } };
    const before = patchDocument(
      version,
      { parameters: [idParameter, { $ref: "#/components/parameters/Page" }] },
      components,
    );
    const after = patchDocument(version, { parameters: [idParameter, query("page", { type: "string" })] });
    expect(brief(compareSpecs(before, after))).toEqual([
      { kind: "type-changed", severity: "breaking", location: "query parameter page" },
    ]);
  });

  it("reads the schema of a parameter given with content", () => {
    const withContent = (type: string): unknown => ({
      name: "filter",
      in: "query",
      content: { "application/json": { schema: { type: "object", properties: { status: { type } } } } },
    });
    const report = compareSpecs(
      patchDocument(version, { parameters: [idParameter, withContent("string")] }),
      patchDocument(version, { parameters: [idParameter, withContent("boolean")] }),
    );
    expect(brief(report)).toEqual([
      { kind: "type-changed", severity: "breaking", location: "query parameter filter /status" },
    ]);
  });
});
