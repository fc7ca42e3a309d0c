/**
 * The bundler (~170 ms to import) and the Swagger converter are imported only for specs that need them. Vitest runs
 * each test file in its own process and imports node_modules natively, so `require.cache` shows what was loaded.
 */
import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadSpec } from "../../generator/load/index.js";
import { kapsoSpec, root } from "../support/run.js";

const require = createRequire(import.meta.url);
const loaded = (name: string): boolean =>
  Object.keys(require.cache).some((path) => path.includes(`/node_modules/${name}/`));

describe("lazy imports", () => {
  it("a one-file OpenAPI spec loads neither the bundler nor the converter; a multi-file spec loads the bundler; Swagger the converter", async () => {
    await loadSpec(kapsoSpec);
    expect(loaded("@redocly/openapi-core")).toBe(false);
    expect(loaded("swagger2openapi")).toBe(false);

    await loadSpec(join(root, "specs", "edge", "multi-file", "openapi.yaml"));
    expect(loaded("@redocly/openapi-core")).toBe(true);
    expect(loaded("swagger2openapi")).toBe(false);

    await loadSpec(join(root, "specs", "edge", "swagger2", "petstore.yaml"));
    expect(loaded("swagger2openapi")).toBe(true);
  });
});
