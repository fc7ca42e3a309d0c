/** Swagger 2.0 specs are upgraded to OpenAPI 3.0 (swagger2openapi, patch mode) and located back in the Swagger file. */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolvePointer } from "../../generator/spec/pointer.js";
import { loadSpec, type LoadedSpec } from "../../generator/load/index.js";
import { removeDir, root, tempDir } from "../support/run.js";
import { placeOf, refsIn, specErrorOf, writeTree } from "./helpers.js";

const petstore = join(root, "specs", "edge", "swagger2", "petstore.yaml");

let spec: LoadedSpec;
let text: string;
let dir: string;

beforeAll(async () => {
  [spec, text, dir] = await Promise.all([loadSpec(petstore), readFile(petstore, "utf8"), tempDir("load-swagger")]);
});
afterAll(async () => {
  await removeDir(dir);
});

const at = (pointer: string): unknown => resolvePointer(spec.document, pointer);

describe("the Swagger 2.0 edge spec", () => {
  it("becomes OpenAPI 3.0 with components, request bodies, media types and servers", () => {
    expect(spec.version).toBe("3.0");
    expect(at("/openapi")).toMatch(/^3\.0\./);
    expect(at("/swagger")).toBeUndefined();
    expect(at("/servers")).toEqual([{ url: "https://pets.example.com/v2" }]);
    expect(at("/paths/~1pets/post/requestBody/content/application~1json/schema")).toEqual({
      $ref: "#/components/schemas/NewPet",
    });
    expect(at("/paths/~1pets~1{petId}/get/parameters/0")).toEqual({
      name: "petId",
      in: "path",
      required: true,
      schema: { type: "integer", format: "int64" },
    });
    expect(at("/components/schemas/Pet/allOf/0")).toEqual({ $ref: "#/components/schemas/NewPet" });
    expect(at("/components/responses/Error/content/application~1json/schema")).toEqual({
      $ref: "#/components/schemas/Error",
    });
    for (const ref of refsIn(spec.document)) expect(at(ref.slice(1)), ref).toBeDefined();
  });

  it("locates values of the converted document in the Swagger file", () => {
    const cases: Array<[pointer: string, needle: string, swaggerPointer: string]> = [
      ["/components/schemas/Pet", "  Pet:", "/definitions/Pet"],
      [
        "/paths/~1pets/post/requestBody/content/application~1json/schema",
        'schema:\n            $ref: "#/definitions/NewPet"',
        "/paths/~1pets/post/parameters/0/schema",
      ],
      [
        "/paths/~1pets~1{petId}/get/parameters/0/schema/format",
        "format: int64",
        "/paths/~1pets~1{petId}/get/parameters/0/format",
      ],
      [
        "/components/responses/Error/content/application~1json/schema",
        'schema:\n      $ref: "#/definitions/Error"',
        "/responses/Error/schema",
      ],
      [
        "/paths/~1pets~1{petId}/get/responses/200/content/application~1json/examples/response/value",
        "application/json:\n              id",
        "/paths/~1pets~1{petId}/get/responses/200/examples/application~1json",
      ],
    ];
    for (const [pointer, needle, swaggerPointer] of cases) {
      const { line, column } = placeOf(text, needle);
      // Needles that start with indentation point at the key after it.
      const indent = /^ */.exec(needle)?.[0].length ?? 0;
      expect(spec.locate(pointer), pointer).toEqual({
        file: petstore,
        line,
        column: column + indent,
        pointer: swaggerPointer,
      });
    }
  });
});

describe("Swagger 2.0 quirks and failures", () => {
  it("patches common mistakes: an unquoted version, a numeric info.version, a path parameter not marked required, a response without description", async () => {
    await writeTree(dir, {
      "sloppy.yaml": [
        "swagger: 2.0",
        "info: { title: Sloppy, version: 1 }",
        "paths:",
        "  /things/{id}:",
        "    get:",
        "      parameters:",
        "        - { name: id, in: path, type: string }",
        "      responses:",
        '        "200":',
        "          schema: { type: string }",
        "",
      ].join("\n"),
    });
    const sloppy = await loadSpec(join(dir, "sloppy.yaml"));
    expect(resolvePointer(sloppy.document, "/info/version")).toBe("1");
    expect(resolvePointer(sloppy.document, "/paths/~1things~1{id}/get/parameters/0/required")).toBe(true);
    expect(resolvePointer(sloppy.document, "/paths/~1things~1{id}/get/responses/200/description")).toBe("");
  });

  it("bundles a multi-file Swagger spec before converting it", async () => {
    await writeTree(join(dir, "multi"), {
      "main.yaml":
        'swagger: "2.0"\ninfo: { title: S, version: "1" }\nproduces: [application/json]\npaths:\n  /pets:\n    get:\n      responses:\n        "200":\n          description: ok\n          schema:\n            $ref: defs/pet.yaml\n',
      "defs/pet.yaml": "type: object\nproperties:\n  friend:\n    $ref: ./pet.yaml\n",
    });
    const multi = await loadSpec(join(dir, "multi", "main.yaml"));
    expect(resolvePointer(multi.document, "/paths/~1pets/get/responses/200/content/application~1json/schema")).toEqual({
      $ref: "#/components/schemas/pet",
    });
    expect(resolvePointer(multi.document, "/components/schemas/pet/properties/friend")).toEqual({
      $ref: "#/components/schemas/pet",
    });
    expect(multi.locate("/components/schemas/pet/properties/friend").file).toBe(join(dir, "multi", "defs", "pet.yaml"));
  });

  it("reports what the converter cannot fix as a SpecError naming the file", async () => {
    await writeTree(dir, { "broken.yaml": 'swagger: "2.0"\ninfo: not an object\npaths: {}\n' });
    const error = await specErrorOf(loadSpec(join(dir, "broken.yaml")));
    expect(error.message).toBe("cannot convert Swagger 2.0 to OpenAPI 3.0: info must be an object");
    expect(error.place).toEqual({ file: join(dir, "broken.yaml") });
  });

  it("rejects another Swagger version at its field", async () => {
    await writeTree(dir, { "v1.yaml": 'info: { title: T, version: "1" }\nswagger: "1.2"\n' });
    const error = await specErrorOf(loadSpec(join(dir, "v1.yaml")));
    expect(error.message).toMatch(/^unsupported Swagger version "1\.2"/);
    expect(error.place).toEqual({ file: join(dir, "v1.yaml"), line: 2, column: 1, pointer: "/swagger" });
  });
});
