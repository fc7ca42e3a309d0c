/** Checks on one-file specs: path parameters against their template, and which `$ref`s count as refs. */
import { describe, expect, it } from "vitest";
import { loadSpecText } from "../../generator/load/index.js";
import { templateNames } from "../../generator/load/path-params.js";
import { placeOf, specErrorOf } from "./helpers.js";

const file = "specs/api.yaml";
const spec = (paths: string, components = ""): string =>
  `openapi: 3.1.0\ninfo: { title: T, version: "1" }\npaths:\n${paths}${components}`;
const ok = '      responses:\n        "204":\n          description: done\n';

describe("path template names", () => {
  it.each([
    ["/pets", []],
    ["/pets/{petId}", ["petId"]],
    ["/pets/{petId}/toys/{toy_id}.json", ["petId", "toy_id"]],
    ["/files/{name}{ext}", ["name", "ext"]],
  ])("%s → %j", (path, names) => {
    expect(templateNames(path)).toEqual(names);
  });
});

const strict = { strict: true };

describe("path parameters under --strict", () => {
  it("rejects a template name that the operation does not declare, at the operation", async () => {
    const text = spec(`  /pets/{petId}:\n    get:\n${ok}`);
    const error = await specErrorOf(loadSpecText(file, text, strict));
    expect(error.message).toMatch(
      /^path parameter \{petId\} of "\/pets\/\{petId\}" is not declared: add a parameter with `in: path`, `name: petId`/,
    );
    expect(error.place).toEqual({ file, ...placeOf(text, "get:"), pointer: "/paths/~1pets~1{petId}/get" });
  });

  it("rejects an `in: path` parameter that is not in the template, at the parameter", async () => {
    const text = spec(
      `  /pets:\n    get:\n      parameters:\n        - name: id\n          in: path\n          required: true\n          schema: { type: string }\n${ok}`,
    );
    const error = await specErrorOf(loadSpecText(file, text, strict));
    expect(error.message).toBe('parameter "id" is declared `in: path` but "/pets" has no {id} (--strict)');
    expect(error.place).toEqual({ file, ...placeOf(text, "name: id"), pointer: "/paths/~1pets/get/parameters/0" });
  });

  it("rejects a path item's parameter that is not in the template, at that parameter", async () => {
    const text = spec(
      `  /pets/{petId}:\n    parameters:\n      - { name: petId, in: path, required: true, schema: { type: string } }\n      - { name: ownerId, in: path, required: true, schema: { type: string } }\n    get:\n${ok}`,
    );
    const error = await specErrorOf(loadSpecText(file, text, strict));
    expect(error.message).toBe(
      'parameter "ownerId" is declared `in: path` but "/pets/{petId}" has no {ownerId} (--strict)',
    );
    expect(error.place).toEqual({
      file,
      ...placeOf(text, "{ name: ownerId"),
      pointer: "/paths/~1pets~1{petId}/parameters/1",
    });
  });

  it("rejects the one operation of a path item that forgets the parameter", async () => {
    const text = spec(
      `  /pets/{petId}:\n    get:\n      parameters:\n        - { name: petId, in: path, required: true, schema: { type: string } }\n${ok}    delete:\n${ok}`,
    );
    const error = await specErrorOf(loadSpecText(file, text, strict));
    expect(error.place).toEqual({ file, ...placeOf(text, "delete:"), pointer: "/paths/~1pets~1{petId}/delete" });
  });

  it("accepts parameters declared on the path item, through a $ref, or in a query alongside", async () => {
    const text = spec(
      `  /owners/{ownerId}/pets/{petId}:\n    parameters:\n      - $ref: "#/components/parameters/OwnerId"\n    get:\n      parameters:\n        - { name: petId, in: path, required: true, schema: { type: string } }\n        - { name: petId, in: query, schema: { type: string } }\n${ok}`,
      "components:\n  parameters:\n    OwnerId: { name: ownerId, in: path, required: true, schema: { type: string } }\n",
    );
    const loaded = await loadSpecText(file, text, strict);
    expect(Object.keys(loaded.document["paths"] as object)).toEqual(["/owners/{ownerId}/pets/{petId}"]);
    expect(loaded.warnings).toEqual([]);
  });
});

describe("which $refs are checked", () => {
  it("checks a ref under the `default` response (a name there, not the `default` keyword)", async () => {
    const text = spec(
      `  /pets:\n    get:\n      responses:\n        default:\n          $ref: "#/components/responses/Missing"\n`,
    );
    const error = await specErrorOf(loadSpecText(file, text));
    expect(error.message).toBe(`broken $ref "#/components/responses/Missing": nothing in ${file} at that pointer`);
    expect(error.place).toEqual({
      file,
      ...placeOf(text, "$ref"),
      pointer: "/paths/~1pets/get/responses/default/$ref",
    });
  });

  it("checks a ref in a property named like a keyword (`example`, `default`)", async () => {
    const text = spec(
      "  {}\n",
      "components:\n  schemas:\n    Settings:\n      properties:\n        example:\n          type: string\n        default:\n          $ref: '#/components/schemas/Nope'\n",
    );
    const error = await specErrorOf(loadSpecText(file, text));
    expect(error.place.pointer).toBe("/components/schemas/Settings/properties/default/$ref");
  });

  it("ignores a `$ref` key inside example data", async () => {
    const text = spec(
      "  {}\n",
      "components:\n  schemas:\n    Doc:\n      type: object\n      example: { $ref: '#/not/a/ref' }\n  examples:\n    Doc:\n      value: { $ref: '#/also/data' }\n",
    );
    await expect(loadSpecText(file, text)).resolves.toMatchObject({ version: "3.1" });
  });
});

describe("schema $refs under --strict", () => {
  it("rejects a schema whose $ref names a response, at the $ref", async () => {
    const text = spec(
      `  /captions:\n    get:\n      responses:\n        "200":\n          description: ok\n          content:\n            text/plain:\n              schema:\n                $ref: "#/components/responses/Caption"\n`,
      `components:\n  responses:\n    Caption:\n      description: a caption\n`,
    );
    const error = await specErrorOf(loadSpecText(file, text, strict));
    expect(error.message).toBe(
      `a schema's $ref "#/components/responses/Caption" points at a responses entry, not a schema (--strict)`,
    );
    expect(error.place).toMatchObject({
      file,
      pointer: "/paths/~1captions/get/responses/200/content/text~1plain/schema/$ref",
    });
  });
});
