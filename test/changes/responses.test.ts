import { describe, expect, it } from "vitest";
import { compareSpecs } from "../../generator/changes/index.js";
import {
  VERSIONS,
  brief,
  objectSchema,
  okResponse,
  patchDocument,
  type BriefChange,
  type Version,
} from "./fixtures.js";

const id = { type: "string" };
const status = { type: "string" };

/** Responses wrap the resource in `data`, like Kapso's. */
function enveloped(inner: unknown): unknown {
  return objectSchema({ data: inner }, ["data"]);
}

interface ResponseCase {
  readonly name: string;
  readonly before: unknown;
  readonly after: unknown;
  readonly expected: readonly BriefChange[];
}

const cases: readonly ResponseCase[] = [
  {
    name: "field added",
    before: enveloped(objectSchema({ id })),
    after: enveloped(objectSchema({ id, status })),
    expected: [{ kind: "property-added", severity: "non-breaking", location: "response 200 /data/status" }],
  },
  {
    name: "required field added",
    before: enveloped(objectSchema({ id })),
    after: enveloped(objectSchema({ id, status }, ["status"])),
    expected: [{ kind: "property-added", severity: "non-breaking", location: "response 200 /data/status" }],
  },
  {
    name: "field removed",
    before: enveloped(objectSchema({ id, status })),
    after: enveloped(objectSchema({ id })),
    expected: [{ kind: "property-removed", severity: "breaking", location: "response 200 /data/status" }],
  },
  {
    name: "field retyped",
    before: enveloped(objectSchema({ id, count: { type: "string" } })),
    after: enveloped(objectSchema({ id, count: { type: "integer" } })),
    expected: [{ kind: "type-changed", severity: "breaking", location: "response 200 /data/count" }],
  },
  {
    name: "field narrowed from number to integer",
    before: enveloped(objectSchema({ count: { type: "number" } })),
    after: enveloped(objectSchema({ count: { type: "integer" } })),
    expected: [{ kind: "type-changed", severity: "non-breaking", location: "response 200 /data/count" }],
  },
  {
    name: "required field made optional",
    before: enveloped(objectSchema({ id, status }, ["id", "status"])),
    after: enveloped(objectSchema({ id, status }, ["id"])),
    expected: [{ kind: "property-became-optional", severity: "breaking", location: "response 200 /data/status" }],
  },
  {
    name: "optional field made required",
    before: enveloped(objectSchema({ id, status })),
    after: enveloped(objectSchema({ id, status }, ["status"])),
    expected: [{ kind: "property-became-required", severity: "non-breaking", location: "response 200 /data/status" }],
  },
  {
    name: "format added",
    before: enveloped(objectSchema({ at: { type: "string" } })),
    after: enveloped(objectSchema({ at: { type: "string", format: "date-time" } })),
    expected: [{ kind: "format-changed", severity: "non-breaking", location: "response 200 /data/at" }],
  },
  {
    name: "field in an array of items removed",
    before: objectSchema({ data: { type: "array", items: objectSchema({ id, status }) } }),
    after: objectSchema({ data: { type: "array", items: objectSchema({ id }) } }),
    expected: [{ kind: "property-removed", severity: "breaking", location: "response 200 /data[]/status" }],
  },
];

/** How each version spells "a string or null". */
const nullableString: Readonly<Record<Version, unknown>> = {
  "3.0.3": { type: "string", nullable: true },
  "3.1.0": { type: ["string", "null"] },
};

function responsesDocument(version: Version, responses: unknown, components: Record<string, unknown> = {}): object {
  return patchDocument(version, { responses }, components);
}

describe.each(VERSIONS)("responses (OpenAPI %s)", (version) => {
  it.each(cases)("$name", ({ before, after, expected }) => {
    const report = compareSpecs(
      patchDocument(version, { responses: okResponse(before) }),
      patchDocument(version, { responses: okResponse(after) }),
    );
    expect(brief(report)).toEqual(expected);
  });

  it("reports a field that may now be null as breaking, and the reverse as not", () => {
    const plain = patchDocument(version, { responses: okResponse(enveloped(objectSchema({ status }))) });
    const nullable = patchDocument(version, {
      responses: okResponse(enveloped(objectSchema({ status: nullableString[version] }))),
    });
    expect(brief(compareSpecs(plain, nullable))).toEqual([
      { kind: "type-changed", severity: "breaking", location: "response 200 /data/status" },
    ]);
    expect(brief(compareSpecs(nullable, plain))).toEqual([
      { kind: "type-changed", severity: "non-breaking", location: "response 200 /data/status" },
    ]);
    expect(compareSpecs(plain, nullable).changes[0]).toMatchObject({ before: "string", after: "null | string" });
  });

  it("reports response statuses added and removed", () => {
    const ok = { "200": { description: "ok" } };
    const withNotFound = { ...ok, "404": { description: "missing" } };
    const added = compareSpecs(responsesDocument(version, ok), responsesDocument(version, withNotFound));
    expect(brief(added)).toEqual([{ kind: "response-status-added", severity: "breaking", location: "response 404" }]);
    const removed = compareSpecs(responsesDocument(version, withNotFound), responsesDocument(version, ok));
    expect(brief(removed)).toEqual([
      { kind: "response-status-removed", severity: "breaking", location: "response 404" },
    ]);
  });

  it("treats status ranges without regard to case", () => {
    const lower = responsesDocument(version, { "2xx": { description: "ok" } });
    const upper = responsesDocument(version, { "2XX": { description: "ok" } });
    expect(compareSpecs(lower, upper).changes).toEqual([]);
  });

  it("follows responses given as $ref", () => {
    const components = { responses: { Thing: okResponse(objectSchema({ id, status }))["200"] } };
    const before = responsesDocument(version, { "200": { $ref: "#/components/responses/Thing" } }, components);
    const after = responsesDocument(version, okResponse(objectSchema({ id })));
    expect(brief(compareSpecs(before, after))).toEqual([
      { kind: "property-removed", severity: "breaking", location: "response 200 /status" },
    ]);
  });

  it("ignores media type parameters and case", () => {
    const schema = objectSchema({ id });
    const before = responsesDocument(version, {
      "200": { description: "ok", content: { "application/json": { schema } } },
    });
    const after = responsesDocument(version, {
      "200": { description: "ok", content: { "Application/JSON; charset=utf-8": { schema } } },
    });
    expect(compareSpecs(before, after).changes).toEqual([]);
  });

  it("reports a response media type removed as breaking", () => {
    const json = { "application/json": { schema: objectSchema({ id }) } };
    const csv = { "text/csv": { schema: { type: "string" } } };
    const before = responsesDocument(version, { "200": { description: "ok", content: { ...json, ...csv } } });
    const after = responsesDocument(version, { "200": { description: "ok", content: json } });
    expect(compareSpecs(before, after).changes).toMatchObject([
      { kind: "media-type-removed", severity: "breaking", location: "response 200", before: "text/csv" },
    ]);
  });
});
