import { describe, expect, it } from "vitest";
import { compareSpecs } from "../../generator/changes/index.js";
import { VERSIONS, brief, jsonBody, objectSchema, patchDocument, type BriefChange } from "./fixtures.js";

const name = { type: "string" };
const age = { type: "integer" };

interface BodyCase {
  readonly name: string;
  readonly before: unknown;
  readonly after: unknown;
  readonly expected: readonly BriefChange[];
}

/** Schemas wrapped in a resource key, like Kapso's bodies. */
function wrapped(inner: unknown): unknown {
  return objectSchema({ thing: inner }, ["thing"]);
}

const cases: readonly BodyCase[] = [
  {
    name: "optional field added",
    before: wrapped(objectSchema({ name })),
    after: wrapped(objectSchema({ name, age })),
    expected: [{ kind: "property-added", severity: "non-breaking", location: "request body /thing/age" }],
  },
  {
    name: "required field added",
    before: wrapped(objectSchema({ name })),
    after: wrapped(objectSchema({ name, age }, ["age"])),
    expected: [{ kind: "property-added", severity: "breaking", location: "request body /thing/age" }],
  },
  {
    name: "field removed",
    before: wrapped(objectSchema({ name, age })),
    after: wrapped(objectSchema({ name })),
    expected: [{ kind: "property-removed", severity: "breaking", location: "request body /thing/age" }],
  },
  {
    name: "field made required",
    before: wrapped(objectSchema({ name })),
    after: wrapped(objectSchema({ name }, ["name"])),
    expected: [{ kind: "property-became-required", severity: "breaking", location: "request body /thing/name" }],
  },
  {
    name: "field made optional",
    before: wrapped(objectSchema({ name }, ["name"])),
    after: wrapped(objectSchema({ name })),
    expected: [{ kind: "property-became-optional", severity: "non-breaking", location: "request body /thing/name" }],
  },
  {
    name: "field type changed",
    before: wrapped(objectSchema({ age: { type: "string" } })),
    after: wrapped(objectSchema({ age })),
    expected: [{ kind: "type-changed", severity: "breaking", location: "request body /thing/age" }],
  },
  {
    name: "field type widened from integer to number",
    before: wrapped(objectSchema({ age })),
    after: wrapped(objectSchema({ age: { type: "number" } })),
    expected: [{ kind: "type-changed", severity: "non-breaking", location: "request body /thing/age" }],
  },
  {
    name: "field format changed",
    before: wrapped(objectSchema({ at: { type: "string", format: "date" } })),
    after: wrapped(objectSchema({ at: { type: "string", format: "date-time" } })),
    expected: [{ kind: "format-changed", severity: "breaking", location: "request body /thing/at" }],
  },
  {
    name: "field format dropped",
    before: wrapped(objectSchema({ at: { type: "string", format: "date" } })),
    after: wrapped(objectSchema({ at: { type: "string" } })),
    expected: [{ kind: "format-changed", severity: "non-breaking", location: "request body /thing/at" }],
  },
  {
    name: "field inside array items removed",
    before: objectSchema({ tags: { type: "array", items: objectSchema({ name, age }) } }),
    after: objectSchema({ tags: { type: "array", items: objectSchema({ name }) } }),
    expected: [{ kind: "property-removed", severity: "breaking", location: "request body /tags[]/age" }],
  },
  {
    name: "field moved between allOf members is no change",
    before: { allOf: [objectSchema({ name }), objectSchema({ age }, ["age"])] },
    after: { allOf: [objectSchema({ name, age }, ["age"])] },
    expected: [],
  },
  {
    name: "required field added through an allOf member",
    before: { allOf: [objectSchema({ name })] },
    after: { allOf: [objectSchema({ name }), objectSchema({ age }, ["age"])] },
    expected: [{ kind: "property-added", severity: "breaking", location: "request body /age" }],
  },
  {
    name: "map value field added as required",
    before: { type: "object", additionalProperties: objectSchema({ name }) },
    after: { type: "object", additionalProperties: objectSchema({ name, age }, ["age"]) },
    expected: [{ kind: "property-added", severity: "breaking", location: "request body /*/age" }],
  },
  {
    name: "object replaced by a string stops the comparison there",
    before: wrapped(objectSchema({ name, age })),
    after: wrapped({ type: "string" }),
    expected: [{ kind: "type-changed", severity: "breaking", location: "request body /thing" }],
  },
];

describe.each(VERSIONS)("request bodies (OpenAPI %s)", (version) => {
  it.each(cases)("$name", ({ before, after, expected }) => {
    const report = compareSpecs(
      patchDocument(version, { requestBody: jsonBody(before) }),
      patchDocument(version, { requestBody: jsonBody(after) }),
    );
    expect(brief(report)).toEqual(expected);
  });

  it("reports a body added as required as breaking, and as optional as non-breaking", () => {
    const none = patchDocument(version, {});
    const required = patchDocument(version, { requestBody: jsonBody(objectSchema({ name }), true) });
    const optional = patchDocument(version, { requestBody: jsonBody(objectSchema({ name }), false) });
    expect(brief(compareSpecs(none, required))).toEqual([
      { kind: "request-body-added", severity: "breaking", location: "request body" },
    ]);
    expect(brief(compareSpecs(none, optional))).toEqual([
      { kind: "request-body-added", severity: "non-breaking", location: "request body" },
    ]);
  });

  it("reports a removed body as breaking", () => {
    const before = patchDocument(version, { requestBody: jsonBody(objectSchema({ name })) });
    expect(brief(compareSpecs(before, patchDocument(version, {})))).toEqual([
      { kind: "request-body-removed", severity: "breaking", location: "request body" },
    ]);
  });

  it("reports a body made required or optional", () => {
    const optional = patchDocument(version, { requestBody: jsonBody(objectSchema({ name }), false) });
    const required = patchDocument(version, { requestBody: jsonBody(objectSchema({ name }), true) });
    expect(brief(compareSpecs(optional, required))).toEqual([
      { kind: "request-body-became-required", severity: "breaking", location: "request body" },
    ]);
    expect(brief(compareSpecs(required, optional))).toEqual([
      { kind: "request-body-became-optional", severity: "non-breaking", location: "request body" },
    ]);
  });

  it("reports media types added and removed, and names non-JSON ones in locations", () => {
    const form = { "multipart/form-data": { schema: objectSchema({ file: { type: "string" } }) } };
    const formWithName = { "multipart/form-data": { schema: objectSchema({ file: { type: "string" }, name }) } };
    const before = patchDocument(version, { requestBody: { required: true, content: form } });
    const after = patchDocument(version, {
      requestBody: {
        required: true,
        content: { ...formWithName, "application/json": { schema: objectSchema({ name }) } },
      },
    });
    expect(brief(compareSpecs(before, after))).toEqual([
      { kind: "media-type-added", severity: "non-breaking", location: "request body" },
      { kind: "property-added", severity: "non-breaking", location: "request body [multipart/form-data] /name" },
    ]);
    expect(brief(compareSpecs(after, before))).toEqual([
      { kind: "media-type-removed", severity: "breaking", location: "request body" },
      { kind: "property-removed", severity: "breaking", location: "request body [multipart/form-data] /name" },
    ]);
  });

  it("resolves request bodies and schemas given as $ref", () => {
    const components = {
      requestBodies: { Thing: jsonBody({ $ref: "#/components/schemas/Thing" }) },
      schemas: { Thing: objectSchema({ name, age }) },
    };
    const before = patchDocument(version, { requestBody: { $ref: "#/components/requestBodies/Thing" } }, components);
    const after = patchDocument(version, { requestBody: jsonBody(objectSchema({ name })) });
    expect(brief(compareSpecs(before, after))).toEqual([
      { kind: "property-removed", severity: "breaking", location: "request body /age" },
    ]);
  });
});
