import { describe, expect, it } from "vitest";
import {
  compareSpecs,
  formatChangeReportJson,
  formatChangeReportText,
  type ChangeReport,
} from "../../generator/changes/index.js";
import { documentOf, objectSchema, okResponse } from "./fixtures.js";

const name = { type: "string" };

function sampleReport(): ChangeReport {
  const before = documentOf("3.1.0", {
    "/things": {
      get: { operationId: "listThings", responses: okResponse(objectSchema({ id: name, label: name })) },
      delete: { operationId: "deleteThings", responses: { "204": { description: "done" } } },
    },
  });
  const after = documentOf("3.1.0", {
    "/things": {
      get: { operationId: "listThings", responses: okResponse(objectSchema({ id: name, size: { type: "integer" } })) },
      post: { operationId: "createThing", responses: { "201": { description: "created" } } },
    },
  });
  return compareSpecs(before, after);
}

describe("formatChangeReportText", () => {
  it("says so when nothing changed", () => {
    expect(formatChangeReportText({ changes: [], summary: { breaking: 0, nonBreaking: 0 } })).toBe(
      "No changes for callers.\n",
    );
  });

  it("prints a summary, then the changes grouped by operation with breaking ones first and marked", () => {
    expect(formatChangeReportText(sampleReport())).toBe(
      [
        "2 breaking, 2 non-breaking changes",
        "",
        "DELETE /things (deleteThings)",
        "  BREAKING      Operation DELETE /things removed",
        "",
        "GET /things (listThings)",
        "  BREAKING      Property removed at response 200 /label",
        "  non-breaking  Optional property added at response 200 /size",
        "",
        "POST /things (createThing)",
        "  non-breaking  Operation POST /things added",
        "",
      ].join("\n"),
    );
  });

  it("uses the singular for a single change", () => {
    const report = compareSpecs(documentOf("3.0.3", {}), documentOf("3.0.3", { "/x": { get: { responses: {} } } }));
    expect(formatChangeReportText(report).split("\n")[0]).toBe("0 breaking, 1 non-breaking change");
    expect(formatChangeReportText(report)).toContain("\nGET /x\n");
  });
});

describe("formatChangeReportJson", () => {
  it("round-trips the report with summary first and keys in a fixed order", () => {
    const report = sampleReport();
    const text = formatChangeReportJson(report);
    expect(JSON.parse(text)).toEqual({ summary: report.summary, changes: report.changes });
    expect(Object.keys(JSON.parse(text) as object)).toEqual(["summary", "changes"]);
    expect(text.endsWith("}\n")).toBe(true);
    expect(text).toContain('\n  "summary": {\n    "breaking": 2,\n    "nonBreaking": 2\n  },');
  });

  it("does not depend on the key order of the change objects", () => {
    const report = sampleReport();
    const shuffled: ChangeReport = {
      summary: report.summary,
      changes: report.changes.map((change) => Object.fromEntries(Object.entries(change).reverse()) as typeof change),
    };
    expect(formatChangeReportJson(shuffled)).toBe(formatChangeReportJson(report));
  });
});
