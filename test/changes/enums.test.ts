import { describe, expect, it } from "vitest";
import { compareSpecs } from "../../generator/changes/index.js";
import {
  VERSIONS,
  brief,
  jsonBody,
  objectSchema,
  okResponse,
  patchDocument,
  type BriefChange,
  type Version,
} from "./fixtures.js";

type Side = "request" | "response";

function statusSchema(values: readonly string[] | undefined): unknown {
  const status = values === undefined ? { type: "string" } : { type: "string", enum: values };
  return objectSchema({ status });
}

function documentWith(version: Version, side: Side, values: readonly string[] | undefined): object {
  const schema = statusSchema(values);
  return side === "request"
    ? patchDocument(version, { requestBody: jsonBody(schema) })
    : patchDocument(version, { responses: okResponse(schema) });
}

interface EnumCase {
  readonly side: Side;
  readonly before: readonly string[] | undefined;
  readonly after: readonly string[] | undefined;
  readonly expected: readonly Omit<BriefChange, "location">[];
}

const cases: readonly EnumCase[] = [
  {
    side: "request",
    before: ["A", "B"],
    after: ["A"],
    expected: [{ kind: "enum-value-removed", severity: "breaking" }],
  },
  {
    side: "request",
    before: ["A"],
    after: ["A", "B"],
    expected: [{ kind: "enum-value-added", severity: "non-breaking" }],
  },
  {
    side: "response",
    before: ["A"],
    after: ["A", "B"],
    expected: [{ kind: "enum-value-added", severity: "breaking" }],
  },
  {
    side: "response",
    before: ["A", "B"],
    after: ["A"],
    expected: [{ kind: "enum-value-removed", severity: "non-breaking" }],
  },
  { side: "request", before: undefined, after: ["A"], expected: [{ kind: "enum-added", severity: "breaking" }] },
  { side: "request", before: ["A"], after: undefined, expected: [{ kind: "enum-removed", severity: "non-breaking" }] },
  { side: "response", before: undefined, after: ["A"], expected: [{ kind: "enum-added", severity: "non-breaking" }] },
  { side: "response", before: ["A"], after: undefined, expected: [{ kind: "enum-removed", severity: "breaking" }] },
  { side: "response", before: ["B", "A"], after: ["A", "B"], expected: [] },
  {
    side: "request",
    before: ["A", "B"],
    after: ["B", "C"],
    expected: [
      { kind: "enum-value-added", severity: "non-breaking" },
      { kind: "enum-value-removed", severity: "breaking" },
    ],
  },
];

describe.each(VERSIONS)("enums (OpenAPI %s)", (version) => {
  it.each(cases)("$side enum $before → $after", ({ side, before, after, expected }) => {
    const report = compareSpecs(documentWith(version, side, before), documentWith(version, side, after));
    const location = side === "request" ? "request body /status" : "response 200 /status";
    expect(brief(report)).toEqual(expected.map((change) => ({ ...change, location })));
  });

  it("names the value that changed", () => {
    const report = compareSpecs(
      documentWith(version, "response", ["GREEN"]),
      documentWith(version, "response", ["GREEN", "RED"]),
    );
    expect(report.changes).toMatchObject([
      { after: '"RED"', message: 'Enum value "RED" added at response 200 /status' },
    ]);
  });

  it("reads const as a one-value enum", () => {
    const constant = (value: string): object =>
      patchDocument(version, { responses: okResponse(objectSchema({ kind: { type: "string", const: value } })) });
    expect(brief(compareSpecs(constant("a"), constant("b")))).toEqual([
      { kind: "enum-value-added", severity: "breaking", location: "response 200 /kind" },
      { kind: "enum-value-removed", severity: "non-breaking", location: "response 200 /kind" },
    ]);
  });
});
