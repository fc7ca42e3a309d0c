/** specs/edge/deprecated.yaml: `deprecated` reaches the output as `@deprecated` (editors strike the name through). */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { goldenDir } from "./edge-specs.js";

/** The doc comment right above `name(` in an interface. */
function docAbove(source: string, name: string): string {
  const at = source.indexOf(`  ${name}(`);
  if (at === -1) throw new Error(`no method ${name}`);
  const start = source.lastIndexOf("/**", at);
  return source.slice(start, at);
}

describe("deprecated", () => {
  it("marks the deprecated operation's method, and only it", async () => {
    const client = await readFile(join(goldenDir, "deprecated", "client.ts"), "utf8");
    expect(docAbove(client, "oldList")).toContain("@deprecated");
    expect(docAbove(client, "newList")).not.toContain("@deprecated");
  });

  it("marks the deprecated property in the types", async () => {
    const schema = await readFile(join(goldenDir, "deprecated", "schema.ts"), "utf8");
    expect(schema).toMatch(/\/\*\*[^/]*@deprecated[^/]*\*\/\s*legacyId\?: number;/);
  });
});
