/** templates/ are real TypeScript: they type-check on their own, against the stub schema. */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { root, runTsc } from "./support/run.js";

describe("templates/", () => {
  it("type-checks under its strict tsconfig", async () => {
    const result = await runTsc(["-p", join(root, "templates", "tsconfig.json")]);
    expect(result.stdout + result.stderr).toBe("");
    expect(result.code).toBe(0);
  });
});
