/** GitHub's REST spec (13 MB of JSON, one file) still takes the fast road: no bundler, same checks. */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadSpec } from "../../generator/load/index.js";
import { root } from "../support/run.js";

const githubSpec = join(root, "node_modules", "@octokit", "openapi", "generated", "api.github.com.json");

describe("GitHub's spec", () => {
  it("loads, with every path parameter declared and every ref resolved", async () => {
    const start = performance.now();
    const spec = await loadSpec(githubSpec);
    const elapsed = Math.round(performance.now() - start);
    console.log(`loadSpec(api.github.com.json): ${elapsed} ms`); // printed for a human; machines vary too much to assert
    expect(spec.version).toBe("3.0");
    expect(spec.files).toEqual([githubSpec]);
    expect(Object.keys(spec.document["paths"] as object).length).toBeGreaterThan(500);
    expect(spec.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});
