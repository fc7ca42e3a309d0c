/** Which files make up a spec: the `$ref` scan that `watch` and `diff` rely on. */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { externalRefs, refStrings, refTargetFile, specFiles } from "../../generator/commands/spec-files.js";
import { removeDir, tempDir } from "../support/run.js";

let dir: string;
beforeAll(async () => {
  dir = await tempDir("spec-files");
});
afterAll(async () => {
  await removeDir(dir);
});

async function write(path: string, text: string): Promise<string> {
  const full = join(dir, path);
  await mkdir(join(full, ".."), { recursive: true });
  await writeFile(full, text);
  return full;
}

describe("refStrings and externalRefs", () => {
  const document = {
    paths: {
      "/a": { $ref: "./paths/a.yaml" },
      "/b": { get: { responses: { default: { $ref: "common.yaml#/components/responses/Error" } } } },
    },
    components: { schemas: { Pet: { $ref: "#/components/schemas/Animal" }, Again: { $ref: "./paths/a.yaml" } } },
    list: [{ $ref: "https://example.com/shared.yaml#/X" }],
  };

  it("finds every $ref string, nested in objects and arrays", () => {
    expect(refStrings(document).sort()).toEqual(
      [
        "#/components/schemas/Animal",
        "./paths/a.yaml",
        "./paths/a.yaml",
        "common.yaml#/components/responses/Error",
        "https://example.com/shared.yaml#/X",
      ].sort(),
    );
  });

  it("keeps only refs into other documents, once each", () => {
    expect(externalRefs(document).sort()).toEqual(
      ["./paths/a.yaml", "common.yaml#/components/responses/Error", "https://example.com/shared.yaml#/X"].sort(),
    );
  });

  it("ignores a $ref whose value is not a string", () => {
    expect(refStrings({ $ref: { nested: "x" }, other: { $ref: 3 } })).toEqual([]);
  });
});

describe("refTargetFile", () => {
  it("resolves relative to the file that writes the ref, without the fragment", () => {
    expect(refTargetFile("/specs/paths/pets.yaml", "../schemas/pet.yaml#/Pet")).toBe("/specs/schemas/pet.yaml");
  });

  it("decodes URL escapes, as $ref values are URIs", () => {
    expect(refTargetFile("/specs/api.yaml", "my%20schemas.yaml")).toBe("/specs/my schemas.yaml");
  });

  it("has no file for internal refs and URLs", () => {
    expect(refTargetFile("/specs/api.yaml", "#/components/schemas/A")).toBeUndefined();
    expect(refTargetFile("/specs/api.yaml", "https://example.com/a.yaml")).toBeUndefined();
  });
});

describe("specFiles", () => {
  it("lists the spec, then the files it references, transitively and once each", async () => {
    const main = await write(
      "multi/openapi.yaml",
      "paths:\n  /a:\n    $ref: ./paths/a.yaml\n  /b:\n    $ref: 'common.yaml#/b'\n",
    );
    const pathA = await write(
      "multi/paths/a.yaml",
      "get:\n  responses:\n    default:\n      $ref: '../common.yaml#/e'\n",
    );
    const common = await write("multi/common.yaml", '{ "b": {}, "e": { "$ref": "#/b" } }\n');
    const found = await specFiles(main);
    expect(found.complete).toBe(true);
    expect(found.files[0]).toBe(main);
    expect([...found.files].sort()).toEqual([main, pathA, common].sort());
  });

  it("still lists a file that does not parse, and says the list may be incomplete", async () => {
    const main = await write("broken/openapi.yaml", "paths:\n  /a:\n    $ref: ./part.yaml\n");
    const part = await write("broken/part.yaml", "get: [unclosed\n");
    const found = await specFiles(main);
    expect(found.files).toEqual([main, part]);
    expect(found.complete).toBe(false);
  });

  it("lists a referenced file that does not exist yet, so creating it is noticed", async () => {
    const main = await write("missing/openapi.yaml", "components:\n  schemas:\n    A:\n      $ref: ./later.yaml\n");
    const found = await specFiles(main);
    expect(found.files).toEqual([main, join(dir, "missing", "later.yaml")]);
  });

  it("survives reference cycles", async () => {
    const a = await write("cycle/a.yaml", "x:\n  $ref: ./b.yaml\n");
    const b = await write("cycle/b.yaml", "y:\n  $ref: ./a.yaml\n");
    expect((await specFiles(a)).files).toEqual([a, b]);
  });
});
