/** A spec split over several files: bundled into one document with only internal refs, located back into its files. */
import { createHash } from "node:crypto";
import { cp, readFile, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolvePointer } from "../../generator/spec/pointer.js";
import { sortKeysDeep } from "../../generator/spec/canonical.js";
import { loadSpec, type LoadedSpec } from "../../generator/load/index.js";
import { removeDir, root, tempDir } from "../support/run.js";
import { placeOf, refsIn, specErrorOf, writeTree } from "./helpers.js";

const folder = join(root, "specs", "edge", "multi-file");
const mainPath = join(folder, "openapi.yaml");

let spec: LoadedSpec;
let dir: string;

beforeAll(async () => {
  spec = await loadSpec(mainPath);
  dir = await tempDir("load-multi");
});
afterAll(async () => {
  await removeDir(dir);
});

const read = (path: string): Promise<string> => readFile(path, "utf8");
const schemas = (): Record<string, Record<string, unknown>> =>
  (spec.document["components"] as { schemas: Record<string, Record<string, unknown>> }).schemas;
const at = (pointer: string): unknown => resolvePointer(spec.document, pointer);

describe("the multi-file edge spec", () => {
  it("bundles into one document whose every $ref is internal and leads somewhere", () => {
    const refs = refsIn(spec.document);
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) {
      expect(ref).toMatch(/^#\//);
      expect(at(ref.slice(1)), ref).toBeDefined();
    }
  });

  it("lists every file the refs reach, the main file first", () => {
    expect(spec.files[0]).toBe(mainPath);
    expect(spec.files.map((file) => relative(folder, file)).sort()).toEqual([
      "common.yaml",
      "openapi.yaml",
      "paths/pets.yaml",
      "schemas/category.yaml",
      "schemas/pet.yaml",
      "schemas/tag.yaml",
    ]);
  });

  it("turns a whole-file schema into a component named after the file, resolving its refs against that file", () => {
    expect(at("/paths/~1pets~1{petId}/get/responses/200/content/application~1json/schema")).toEqual({
      $ref: "#/components/schemas/pet",
    });
    expect(schemas()["pet"]?.["required"]).toEqual(["id", "name"]);
    expect(at("/components/schemas/pet/properties/tag")).toEqual({ $ref: "#/components/schemas/tag" });
  });

  it("copies a whole-file path item in place, its refs resolved against the path file's folder", () => {
    expect(at("/paths/~1pets/get/operationId")).toBe("listPets");
    expect(at("/paths/~1pets/get/responses/200/content/application~1json/schema/items")).toEqual({
      $ref: "#/components/schemas/pet",
    });
    expect(at("/paths/~1pets/get/responses/default")).toEqual({ $ref: "#/components/responses/Error" });
  });

  it("brings in a pointer into another file together with what it refers to inside that file", () => {
    expect(at("/paths/~1pets~1{petId}/get/responses/default")).toEqual({ $ref: "#/components/responses/Error" });
    expect(at("/components/responses/Error/content/application~1json/schema")).toEqual({
      $ref: "#/components/schemas/Error",
    });
    expect(schemas()["Error"]?.["required"]).toEqual(["code", "message"]);
  });

  it("keeps cycles as refs: across the main file and a sub file, between two sub files, and a file to itself", () => {
    expect(at("/components/schemas/Owner/properties/pets/items")).toEqual({ $ref: "#/components/schemas/pet" });
    expect(at("/components/schemas/pet/properties/owner")).toEqual({ $ref: "#/components/schemas/Owner" });
    expect(at("/components/schemas/tag/properties/category")).toEqual({ $ref: "#/components/schemas/category" });
    expect(at("/components/schemas/category/properties/tags/items")).toEqual({ $ref: "#/components/schemas/tag" });
    expect(at("/components/schemas/pet/properties/offspring/items")).toEqual({ $ref: "#/components/schemas/pet" });
  });

  it("hashes the canonical bundle", () => {
    expect(spec.canonicalJson).toBe(JSON.stringify(sortKeysDeep(spec.document)));
    expect(spec.sha256).toBe(createHash("sha256").update(spec.canonicalJson).digest("hex"));
  });

  it("keeps the order each file writes its keys in, for the main file and for what other files contribute", () => {
    expect(Object.keys(spec.document)).toEqual(["openapi", "info", "servers", "paths", "components"]);
    expect(Object.keys(schemas()["pet"] ?? {})).toEqual(["type", "required", "properties"]);
    expect(Object.keys(at("/components/schemas/pet/properties") as object)).toEqual([
      "id",
      "name",
      "tag",
      "owner",
      "offspring",
    ]);
  });

  it("locates a value of the bundle in the file that wrote it", async () => {
    const [tag, category, pets, common, main] = await Promise.all(
      ["schemas/tag.yaml", "schemas/category.yaml", "paths/pets.yaml", "common.yaml", "openapi.yaml"].map((path) =>
        read(join(folder, path)),
      ),
    );
    const cases: Array<
      [pointer: string, file: string, text: string | undefined, needle: string, pointerInFile: string]
    > = [
      ["/components/schemas/tag/properties/category", "schemas/tag.yaml", tag, "category:\n", "/properties/category"],
      [
        "/components/schemas/category/properties/tags/items/$ref",
        "schemas/category.yaml",
        category,
        "$ref: tag.yaml",
        "/properties/tags/items/$ref",
      ],
      ["/paths/~1pets/post/requestBody", "paths/pets.yaml", pets, "requestBody:", "/post/requestBody"],
      [
        "/components/schemas/Error/properties/message",
        "common.yaml",
        common,
        "message:\n",
        "/components/schemas/Error/properties/message",
      ],
      [
        "/components/schemas/Owner/required",
        "openapi.yaml",
        main,
        "required: [name]",
        "/components/schemas/Owner/required",
      ],
    ];
    for (const [pointer, file, text, needle, pointerInFile] of cases) {
      expect(spec.locate(pointer), pointer).toEqual({
        file: join(folder, file),
        ...placeOf(text ?? "", needle),
        pointer: pointerInFile,
      });
    }
  });
});

describe("a multi-file spec's hash and names", () => {
  it("changes when any file's content changes, not when a file is reformatted or its keys reordered", async () => {
    const copy = join(dir, "hash");
    await cp(folder, copy, { recursive: true });
    const original = await loadSpec(join(copy, "openapi.yaml"));
    expect(original.canonicalJson).toBe(spec.canonicalJson);

    await writeFile(
      join(copy, "schemas", "tag.yaml"),
      '{ "properties": { "category": { "$ref": "./category.yaml" }, "label": { "type": "string" } }, "type": "object" }\n',
    );
    const reformatted = await loadSpec(join(copy, "openapi.yaml"));
    expect(reformatted.sha256).toBe(original.sha256);

    const category = await read(join(copy, "schemas", "category.yaml"));
    await writeFile(
      join(copy, "schemas", "category.yaml"),
      category.replace("  title:\n    type: string\n", "  title:\n    type: string\n    maxLength: 80\n"),
    );
    const changed = await loadSpec(join(copy, "openapi.yaml"));
    expect(changed.sha256).not.toBe(original.sha256);
  });

  it("names clashing components the same way whatever order the main file lists its paths in", async () => {
    const errorFile = (type: string): string => `components:\n  schemas:\n    Error:\n      type: ${type}\n`;
    const path = (name: string, file: string): string =>
      `  /${name}:\n    get:\n      responses:\n        "200":\n          description: ok\n          content:\n            application/json:\n              schema:\n                $ref: ${file}#/components/schemas/Error\n`;
    const head = 'openapi: 3.0.3\ninfo: { title: T, version: "1" }\npaths:\n';
    await writeTree(join(dir, "clash"), {
      "a.yaml": errorFile("string"),
      "b.yaml": errorFile("integer"),
      "ab.yaml": head + path("a", "a.yaml") + path("b", "b.yaml"),
      "ba.yaml": head + path("b", "b.yaml") + path("a", "a.yaml"),
    });
    const [ab, ba] = await Promise.all([
      loadSpec(join(dir, "clash", "ab.yaml")),
      loadSpec(join(dir, "clash", "ba.yaml")),
    ]);
    expect(Object.keys((ab.document["components"] as { schemas: object }).schemas)).toHaveLength(2);
    expect(ba.canonicalJson).toBe(ab.canonicalJson);
  });
});

const specWithSchemaRef = (ref: string): string =>
  `openapi: 3.1.0\ninfo: { title: T, version: "1" }\npaths:\n  /a:\n    get:\n      responses:\n        "200":\n          description: ok\n          content:\n            application/json:\n              schema:\n                $ref: ${ref}\n`;
const schemaPointer = "/paths/~1a/get/responses/200/content/application~1json/schema/$ref";

describe("errors in a multi-file spec name the file and the place of the $ref that broke", () => {
  it("a missing file referenced from the main file", async () => {
    const folderOf = join(dir, "missing-main");
    const main = specWithSchemaRef("./schemas/nope.yaml");
    await writeTree(folderOf, { "openapi.yaml": main });
    const error = await specErrorOf(loadSpec(join(folderOf, "openapi.yaml")));
    expect(error.message).toBe(
      `broken $ref "./schemas/nope.yaml": cannot read ${join(folderOf, "schemas", "nope.yaml")}: no such file`,
    );
    expect(error.place).toEqual({
      file: join(folderOf, "openapi.yaml"),
      ...placeOf(main, "$ref: ./schemas/nope.yaml"),
      pointer: schemaPointer,
    });
  });

  it("a missing file referenced from a sub file, relative to that sub file", async () => {
    const folderOf = join(dir, "missing-sub");
    const pet = "type: object\nproperties:\n  toy:\n    $ref: ./toy.yaml\n";
    await writeTree(folderOf, {
      "openapi.yaml": specWithSchemaRef("./schemas/pet.yaml"),
      "schemas/pet.yaml": pet,
      "toy.yaml": "type: string\n",
    });
    const error = await specErrorOf(loadSpec(join(folderOf, "openapi.yaml")));
    expect(error.message).toBe(
      `broken $ref "./toy.yaml": cannot read ${join(folderOf, "schemas", "toy.yaml")}: no such file`,
    );
    expect(error.place).toEqual({
      file: join(folderOf, "schemas", "pet.yaml"),
      ...placeOf(pet, "$ref"),
      pointer: "/properties/toy/$ref",
    });
  });

  it("a pointer into another file that leads nowhere", async () => {
    const folderOf = join(dir, "broken-pointer");
    const pet = "type: object\nproperties:\n  error:\n    $ref: ../common.yaml#/components/schemas/Eror\n";
    await writeTree(folderOf, {
      "openapi.yaml": specWithSchemaRef("schemas/pet.yaml"),
      "schemas/pet.yaml": pet,
      "common.yaml": "components:\n  schemas:\n    Error:\n      type: string\n",
    });
    const error = await specErrorOf(loadSpec(join(folderOf, "openapi.yaml")));
    expect(error.message).toBe(
      `broken $ref "../common.yaml#/components/schemas/Eror": nothing in ${join(folderOf, "common.yaml")} at that pointer`,
    );
    expect(error.place).toEqual({
      file: join(folderOf, "schemas", "pet.yaml"),
      ...placeOf(pet, "$ref"),
      pointer: "/properties/error/$ref",
    });
  });

  it("an internal ref inside another file that leads nowhere in that file", async () => {
    const folderOf = join(dir, "broken-internal");
    const common =
      "components:\n  schemas:\n    Error:\n      properties:\n        code:\n          $ref: '#/components/schemas/Code'\n";
    await writeTree(folderOf, {
      "openapi.yaml": specWithSchemaRef("common.yaml#/components/schemas/Error"),
      "common.yaml": common,
    });
    const error = await specErrorOf(loadSpec(join(folderOf, "openapi.yaml")));
    expect(error.message).toBe(
      `broken $ref "#/components/schemas/Code": nothing in ${join(folderOf, "common.yaml")} at that pointer`,
    );
    expect(error.place).toEqual({
      file: join(folderOf, "common.yaml"),
      ...placeOf(common, "$ref"),
      pointer: "/components/schemas/Error/properties/code/$ref",
    });
  });

  it("a sub file that does not parse", async () => {
    const folderOf = join(dir, "bad-yaml");
    await writeTree(folderOf, {
      "openapi.yaml": specWithSchemaRef("./pet.yaml"),
      "pet.yaml": "type: object\nproperties:\n  name: [unclosed\n",
    });
    const error = await specErrorOf(loadSpec(join(folderOf, "openapi.yaml")));
    expect(error.message).toMatch(/^cannot parse: /);
    expect(error.place.file).toBe(join(folderOf, "pet.yaml"));
    expect(error.place.line).toBeGreaterThanOrEqual(3);
  });

  it("a shape error inside a referenced path-item file", async () => {
    const folderOf = join(dir, "bad-path-item");
    const pets = "get:\n  responses: {}\npost: not an operation\n";
    await writeTree(folderOf, {
      "openapi.yaml": 'openapi: 3.0.3\ninfo: { title: T, version: "1" }\npaths:\n  /pets:\n    $ref: paths/pets.yaml\n',
      "paths/pets.yaml": pets,
    });
    const error = await specErrorOf(loadSpec(join(folderOf, "openapi.yaml")));
    expect(error.message).toBe("an operation must be an object");
    expect(error.place).toEqual({
      file: join(folderOf, "paths", "pets.yaml"),
      ...placeOf(pets, "post:"),
      pointer: "/post",
    });
  });

  it("shows sub files relative to the working directory when the main file is given that way", async () => {
    const folderOf = join(dir, "relative");
    await writeTree(folderOf, {
      "openapi.yaml": specWithSchemaRef("./pet.yaml"),
      "pet.yaml": "type: object\nproperties:\n  toy:\n    $ref: '#/nothing'\n",
    });
    const error = await specErrorOf(loadSpec(relative(process.cwd(), join(folderOf, "openapi.yaml"))));
    expect(error.place.file).toBe(relative(process.cwd(), join(folderOf, "pet.yaml")));
    expect(error.message).toBe(
      `broken $ref "#/nothing": nothing in ${relative(process.cwd(), join(folderOf, "pet.yaml"))} at that pointer`,
    );
  });
});

describe("refs beyond schemas", () => {
  it("bundles example refs, discriminator mappings and 3.1 sibling fields, and leaves externalValue as written", async () => {
    const folderOf = join(dir, "beyond");
    const pet =
      "oneOf:\n  - $ref: ./cat.yaml\ndiscriminator:\n  propertyName: kind\n  mapping:\n    cat: ./cat.yaml\n    dog: ./dog.yaml\n";
    const dog = "type: object\nproperties:\n  bark:\n    type: boolean\n";
    await writeTree(folderOf, {
      "openapi.yaml": [
        "openapi: 3.1.0",
        'info: { title: T, version: "1" }',
        "paths:",
        "  /a:",
        "    get:",
        "      responses:",
        '        "200":',
        "          description: ok",
        "          content:",
        "            application/json:",
        "              schema:",
        "                description: a pet, said beside the $ref",
        "                $ref: sub/pet.yaml",
        "              examples:",
        "                one:",
        "                  $ref: sub/example.yaml",
        "                two:",
        "                  externalValue: ./sub/not-read.json",
        "",
      ].join("\n"),
      "sub/pet.yaml": pet,
      "sub/cat.yaml": "type: object\n",
      "sub/dog.yaml": dog,
      "sub/example.yaml": "summary: one\nvalue: { kind: cat }\n",
    });
    const loaded = await loadSpec(join(folderOf, "openapi.yaml"));
    const content = "/paths/~1a/get/responses/200/content/application~1json";
    expect(resolvePointer(loaded.document, `${content}/schema`)).toEqual({
      $ref: "#/components/schemas/pet",
      description: "a pet, said beside the $ref",
    });
    expect(resolvePointer(loaded.document, `${content}/examples`)).toEqual({
      one: { $ref: "#/components/examples/example" },
      two: { externalValue: "./sub/not-read.json" },
    });
    expect(resolvePointer(loaded.document, "/components/examples/example/value")).toEqual({ kind: "cat" });
    expect(resolvePointer(loaded.document, "/components/schemas/pet/discriminator/mapping")).toEqual({
      cat: "#/components/schemas/cat",
      dog: "#/components/schemas/dog",
    });
    expect(loaded.files.map((file) => relative(folderOf, file)).sort()).toEqual([
      "openapi.yaml",
      "sub/cat.yaml",
      "sub/dog.yaml",
      "sub/example.yaml",
      "sub/pet.yaml",
    ]);
    // dog.yaml is reached only through the mapping, and still located in its own file.
    expect(loaded.locate("/components/schemas/dog/properties/bark")).toEqual({
      file: join(folderOf, "sub", "dog.yaml"),
      ...placeOf(dog, "bark:"),
      pointer: "/properties/bark",
    });
  });

  it("leaves a bare schema name in a discriminator mapping as written, as a one-file spec does", async () => {
    const folderOf = join(dir, "bare-mapping");
    const pet =
      "oneOf:\n  - $ref: ../openapi.yaml#/components/schemas/Cat\ndiscriminator:\n  propertyName: kind\n  mapping:\n    cat: Cat\n";
    await writeTree(folderOf, {
      "openapi.yaml": specWithSchemaRef("sub/pet.yaml") + "components:\n  schemas:\n    Cat:\n      type: object\n",
      "sub/pet.yaml": pet,
    });
    const loaded = await loadSpec(join(folderOf, "openapi.yaml"));
    expect(resolvePointer(loaded.document, "/components/schemas/pet")).toEqual({
      oneOf: [{ $ref: "#/components/schemas/Cat" }],
      discriminator: { propertyName: "kind", mapping: { cat: "Cat" } },
    });
  });

  it("points a chain of refs that ends back in the main file at the main file's own component", async () => {
    const folderOf = join(dir, "chain");
    await writeTree(folderOf, {
      "openapi.yaml":
        specWithSchemaRef("sub/alias.yaml#/Alias") + "components:\n  schemas:\n    Name:\n      type: string\n",
      "sub/alias.yaml": "Alias:\n  $ref: ../openapi.yaml#/components/schemas/Name\n",
    });
    const loaded = await loadSpec(join(folderOf, "openapi.yaml"));
    expect(resolvePointer(loaded.document, schemaPointer)).toBe("#/components/schemas/Name");
    expect(refsIn(loaded.document)).toEqual(["#/components/schemas/Name"]);
  });
});
