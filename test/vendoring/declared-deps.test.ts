/**
 * Fast guards for vendoring. An npm workspace hoists every transitive package to the root, so the tool can import a
 * package it never declared and still work; pnpm links only declared dependencies, and the same build then fails
 * ("Cannot find module"). And the generated code's imports must be exactly what the missing-dependency warning checks.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MSW_DEPENDENCY, RUNTIME_DEPENDENCIES } from "../../generator/check-runtime-deps.js";
import { root } from "../support/run.js";
import { packageOf, packagesImportedBelow } from "./imports.js";

describe("packageOf", () => {
  it.each([
    ["openapi-fetch", "openapi-fetch"],
    ["ajv/dist/2020.js", "ajv"],
    ["@redocly/openapi-core", "@redocly/openapi-core"],
    ["@scope/name/deep/file.js", "@scope/name"],
    ["./runtime.js", undefined],
    ["../errors.js", undefined],
    ["node:fs/promises", undefined],
    ["path", undefined],
  ])("%s → %s", (specifier, expected) => {
    expect(packageOf(specifier)).toBe(expected);
  });
});

describe("what the tool imports", () => {
  it("every package imported by generator/ is in package.json `dependencies` (a pnpm workspace installs nothing else for it)", async () => {
    const manifest = JSON.parse(await readFile(join(root, "package.json"), "utf8")) as {
      name: string;
      dependencies?: Record<string, string>;
    };
    const declared = new Set([manifest.name, ...Object.keys(manifest.dependencies ?? {})]);
    const imported = await packagesImportedBelow(join(root, "generator"));
    expect(imported.size).toBeGreaterThan(3); // the scan found the imports at all
    const undeclared = [...imported]
      .filter(([name]) => !declared.has(name))
      .map(([name, files]) => `${name} (imported by ${files.join(", ")})`);
    expect(undeclared).toEqual([]);
  });

  it("the packages that the templates (copied into the outputs) import are exactly the ones the warnings check", async () => {
    const imported = await packagesImportedBelow(join(root, "templates"));
    expect([...imported.keys()].sort()).toEqual([...RUNTIME_DEPENDENCIES, MSW_DEPENDENCY].sort());
    expect(imported.get(MSW_DEPENDENCY)).toEqual([expect.stringMatching(/msw\.ts$/)]); // only the opt-in msw.ts
  });
});
