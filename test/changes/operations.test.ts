import { describe, expect, it } from "vitest";
import { compareSpecs } from "../../generator/changes/index.js";
import { VERSIONS, brief, documentOf } from "./fixtures.js";

const listThings = { get: { operationId: "listThings", responses: { "200": { description: "ok" } } } };
const createThing = { operationId: "createThing", responses: { "201": { description: "created" } } };

describe.each(VERSIONS)("operations (OpenAPI %s)", (version) => {
  it("reports nothing when the documents are equal", () => {
    const report = compareSpecs(
      documentOf(version, { "/things": listThings }),
      documentOf(version, { "/things": listThings }),
    );
    expect(report.changes).toEqual([]);
    expect(report.summary).toEqual({ breaking: 0, nonBreaking: 0 });
  });

  it("reports an added operation as non-breaking", () => {
    const before = documentOf(version, { "/things": listThings });
    const after = documentOf(version, { "/things": { ...listThings, post: createThing } });
    const report = compareSpecs(before, after);
    expect(brief(report)).toEqual([{ kind: "operation-added", severity: "non-breaking" }]);
    expect(report.changes[0]).toMatchObject({ operation: "POST /things", operationId: "createThing" });
    expect(report.summary).toEqual({ breaking: 0, nonBreaking: 1 });
  });

  it("reports a removed operation as breaking", () => {
    const before = documentOf(version, { "/things": { ...listThings, post: createThing } });
    const after = documentOf(version, { "/things": listThings });
    const report = compareSpecs(before, after);
    expect(brief(report)).toEqual([{ kind: "operation-removed", severity: "breaking" }]);
    expect(report.changes[0]).toMatchObject({ operation: "POST /things", operationId: "createThing" });
  });

  it("reports a changed operationId as a breaking rename", () => {
    const before = documentOf(version, { "/things": listThings });
    const after = documentOf(version, { "/things": { get: { ...listThings.get, operationId: "getAllThings" } } });
    const [change] = compareSpecs(before, after).changes;
    expect(change).toMatchObject({
      kind: "operation-renamed",
      severity: "breaking",
      operation: "GET /things",
      operationId: "getAllThings",
      before: "listThings",
      after: "getAllThings",
    });
  });

  it("matches operations by method and path, not by operationId", () => {
    const before = documentOf(version, { "/things": listThings });
    const after = documentOf(version, { "/items": listThings });
    const operations = compareSpecs(before, after).changes.map((change) => [change.kind, change.operation]);
    expect(operations).toEqual([
      ["operation-added", "GET /items"],
      ["operation-removed", "GET /things"],
    ]);
  });

  it("follows a path item given as a $ref", () => {
    const before = documentOf(
      version,
      { "/things": { $ref: "#/components/pathItems/Things" } },
      { pathItems: { Things: listThings } },
    );
    const after = documentOf(version, { "/things": listThings });
    expect(compareSpecs(before, after).changes).toEqual([]);
  });
});
