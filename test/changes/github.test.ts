import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { compareSpecs } from "../../generator/changes/index.js";

type Json = Record<string, unknown>;

const GITHUB_SPEC_URL = new URL("../../node_modules/@octokit/openapi/generated/api.github.com.json", import.meta.url);
const REMOVED_PATH = "/repos/{owner}/{repo}";
const REMOVED_METHOD = "get";

function isJson(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function parseSpec(text: string): Json {
  const parsed: unknown = JSON.parse(text);
  if (!isJson(parsed)) throw new Error("GitHub's spec is not an object");
  return parsed;
}

/** A copy sharing everything with the original except the path item that loses one operation. */
function withoutOperation(spec: Json, path: string, method: string): Json {
  const paths = spec["paths"];
  const pathItem = isJson(paths) ? paths[path] : undefined;
  if (!isJson(paths) || !isJson(pathItem) || !isJson(pathItem[method]))
    throw new Error(`no ${method} ${path} in the spec`);
  const { [method]: _removed, ...remaining } = pathItem;
  return { ...spec, paths: { ...paths, [path]: remaining } };
}

describe("GitHub's REST spec", () => {
  let text = "";
  beforeAll(() => {
    text = readFileSync(GITHUB_SPEC_URL, "utf8");
  });

  it("has no changes against a separately parsed copy of itself", () => {
    const before = parseSpec(text);
    const after = parseSpec(text);
    const started = performance.now();
    const report = compareSpecs(before, after);
    const elapsed = performance.now() - started;
    console.log(`compareSpecs(GitHub, GitHub) took ${elapsed.toFixed(0)} ms`);
    expect(report.changes).toEqual([]);
    expect(report.summary).toEqual({ breaking: 0, nonBreaking: 0 });
  }, 60_000);

  it("reports exactly one breaking change when one operation is removed", () => {
    const spec = parseSpec(text);
    const report = compareSpecs(spec, withoutOperation(spec, REMOVED_PATH, REMOVED_METHOD));
    expect(report.changes).toEqual([
      {
        kind: "operation-removed",
        severity: "breaking",
        operation: `GET ${REMOVED_PATH}`,
        operationId: "repos/get",
        message: `Operation GET ${REMOVED_PATH} removed`,
      },
    ]);
    expect(report.summary).toEqual({ breaking: 1, nonBreaking: 0 });
  }, 60_000);
});
