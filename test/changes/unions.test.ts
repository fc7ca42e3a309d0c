import { describe, expect, it } from "vitest";
import { compareSpecs } from "../../generator/changes/index.js";
import { VERSIONS, brief, jsonBody, objectSchema, okResponse, patchDocument } from "./fixtures.js";

const cat = objectSchema({ meows: { type: "boolean" } });
const dog = objectSchema({ barks: { type: "boolean" } });
const bird = objectSchema({ sings: { type: "boolean" } });

function refs(...names: readonly string[]): unknown[] {
  return names.map((name) => ({ $ref: `#/components/schemas/${name}` }));
}

describe.each(VERSIONS)("unions (OpenAPI %s)", (version) => {
  const responseDocument = (pet: unknown, schemas: Record<string, unknown>): object =>
    patchDocument(version, { responses: okResponse(objectSchema({ pet })) }, { schemas });
  const requestDocument = (pet: unknown, schemas: Record<string, unknown> = {}): object =>
    patchDocument(version, { requestBody: jsonBody(objectSchema({ pet })) }, { schemas });

  it("compares matching members of a oneOf field by field", () => {
    const before = responseDocument({ oneOf: refs("Cat", "Dog") }, { Cat: cat, Dog: dog });
    const after = responseDocument(
      { oneOf: refs("Dog", "Cat") },
      { Cat: objectSchema({ meows: { type: "string" } }), Dog: dog },
    );
    expect(brief(compareSpecs(before, after))).toEqual([
      { kind: "type-changed", severity: "breaking", location: "response 200 /pet<Cat>/meows" },
    ]);
  });

  it("reports a member added to a response union as breaking and to a request union as not", () => {
    const schemas = { Cat: cat, Dog: dog, Bird: bird };
    expect(
      brief(
        compareSpecs(
          responseDocument({ oneOf: refs("Cat", "Dog") }, schemas),
          responseDocument({ oneOf: refs("Cat", "Dog", "Bird") }, schemas),
        ),
      ),
    ).toEqual([{ kind: "variant-added", severity: "breaking", location: "response 200 /pet" }]);
    expect(
      brief(
        compareSpecs(
          requestDocument({ anyOf: refs("Cat", "Dog") }, schemas),
          requestDocument({ anyOf: refs("Cat", "Dog", "Bird") }, schemas),
        ),
      ),
    ).toEqual([{ kind: "variant-added", severity: "non-breaking", location: "request body /pet" }]);
    expect(
      brief(
        compareSpecs(
          requestDocument({ anyOf: refs("Cat", "Dog", "Bird") }, schemas),
          requestDocument({ anyOf: refs("Cat", "Dog") }, schemas),
        ),
      ),
    ).toEqual([{ kind: "variant-removed", severity: "breaking", location: "request body /pet" }]);
  });

  it("matches inline members by type, and look-alike inline objects by position", () => {
    const before = requestDocument({ oneOf: [{ type: "string" }, cat, dog] });
    const after = requestDocument({
      oneOf: [
        cat,
        objectSchema({ barks: { type: "boolean" }, loud: { type: "boolean" } }, ["loud"]),
        { type: "string", format: "uuid" },
      ],
    });
    expect(brief(compareSpecs(before, after))).toEqual([
      { kind: "property-added", severity: "breaking", location: "request body /pet<object>/loud" },
      { kind: "format-changed", severity: "breaking", location: "request body /pet<string>" },
    ]);
  });

  it("sees a plain type turned into a union as members added", () => {
    const before = requestDocument({ type: "string" });
    const after = requestDocument({ oneOf: [{ type: "string" }, { type: "integer" }] });
    expect(compareSpecs(before, after).changes).toMatchObject([
      { kind: "variant-added", severity: "non-breaking", location: "request body /pet", after: "integer" },
    ]);
  });

  it("reports a type change when a plain schema matches no member of the new union", () => {
    const before = requestDocument({ type: "boolean" });
    const after = requestDocument({ oneOf: [{ type: "string" }, { type: "integer" }] });
    expect(compareSpecs(before, after).changes).toMatchObject([
      {
        kind: "type-changed",
        severity: "breaking",
        location: "request body /pet",
        before: "boolean",
        after: "string | integer",
      },
    ]);
  });
});
