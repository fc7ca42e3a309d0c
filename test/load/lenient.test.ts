/**
 * Lenient by default, strict on request: flaws that peers accept are repaired in the loaded document, each with a
 * located warning, and rejected at the same place under `strict`.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadSpec, loadSpecText } from "../../generator/load/index.js";
import { resolvePointer } from "../../generator/spec/pointer.js";
import { root } from "../support/run.js";
import { placeOf, specErrorOf } from "./helpers.js";

const file = "specs/api.yaml";
const spec = (paths: string, components = ""): string =>
  `openapi: 3.0.3\ninfo: { title: T, version: "1" }\npaths:\n${paths}${components}`;
const ok = '      responses:\n        "204":\n          description: done\n';
const pathParameter = (name: string): string =>
  `        - { name: ${name}, in: path, required: true, schema: { type: integer } }\n`;

describe("path parameters that disagree with the template", () => {
  it("declares a template name no parameter declares as a required string, warning at the operation", async () => {
    const text = spec(`  /pets/{petId}:\n    get:\n${ok}`);
    const loaded = await loadSpecText(file, text);
    expect(resolvePointer(loaded.document, "/paths/~1pets~1{petId}/get/parameters")).toEqual([
      { name: "petId", in: "path", required: true, schema: { type: "string" } },
    ]);
    expect(loaded.warnings).toEqual([
      {
        place: { file, ...placeOf(text, "get:"), pointer: "/paths/~1pets~1{petId}/get" },
        message: 'path parameter {petId} of "/pets/{petId}" is not declared: taken as a required string parameter',
      },
    ]);
  });

  it("renames a parameter the template spells with another case or separators", async () => {
    const text = spec(`  /pets/{petId}:\n    get:\n      parameters:\n${pathParameter("PET_ID")}${ok}`);
    const loaded = await loadSpecText(file, text);
    expect(resolvePointer(loaded.document, "/paths/~1pets~1{petId}/get/parameters/0")).toEqual({
      name: "petId",
      in: "path",
      required: true,
      schema: { type: "integer" },
    });
    expect(loaded.warnings.map((warning) => warning.message)).toEqual([
      'parameter "PET_ID" is declared `in: path` but "/pets/{petId}" has no {PET_ID}: taken as {petId}',
    ]);
    expect(loaded.warnings[0]?.place).toEqual({
      file,
      ...placeOf(text, "{ name: PET_ID"),
      pointer: "/paths/~1pets~1{petId}/get/parameters/0",
    });
  });

  it("pairs the only unmatched parameter with the only undeclared name, and leaves the shared component as it is", async () => {
    const text = spec(
      `  /reports/{reportId}:\n    get:\n      parameters:\n        - $ref: "#/components/parameters/Id"\n${ok}  /things/{id}:\n    get:\n      parameters:\n        - $ref: "#/components/parameters/Id"\n${ok}`,
      "components:\n  parameters:\n    Id: { name: id, in: path, required: true, schema: { type: string } }\n",
    );
    const loaded = await loadSpecText(file, text);
    expect(resolvePointer(loaded.document, "/paths/~1reports~1{reportId}/get/parameters/0")).toEqual({
      name: "reportId",
      in: "path",
      required: true,
      schema: { type: "string" },
    });
    expect(resolvePointer(loaded.document, "/components/parameters/Id/name")).toBe("id");
    expect(resolvePointer(loaded.document, "/paths/~1things~1{id}/get/parameters/0")).toEqual({
      $ref: "#/components/parameters/Id",
    });
    expect(loaded.warnings).toHaveLength(1);
  });

  it("leaves out of the call a parameter the template lacks, and still locates the entries after it", async () => {
    const text = spec(
      `  /owners/{ownerId}:\n    get:\n      parameters:\n${pathParameter("ownerId")}${pathParameter("region")}        - { name: limit, in: query, schema: { type: integer } }\n${ok}`,
    );
    const loaded = await loadSpecText(file, text);
    const parameters = resolvePointer(loaded.document, "/paths/~1owners~1{ownerId}/get/parameters") as Array<{
      name: string;
    }>;
    expect(parameters.map((parameter) => parameter.name)).toEqual(["ownerId", "limit"]);
    expect(loaded.warnings.map((warning) => warning.message)).toEqual([
      'parameter "region" is declared `in: path` but "/owners/{ownerId}" has no {region}: left out of the call',
    ]);
    expect(loaded.warnings[0]?.place).toMatchObject(placeOf(text, "{ name: region"));
    expect(loaded.locate("/paths/~1owners~1{ownerId}/get/parameters/1")).toMatchObject(placeOf(text, "{ name: limit"));
    expect(loaded.locate("/paths/~1owners~1{ownerId}/get/parameters/1/schema")).toMatchObject({
      line: placeOf(text, "{ name: limit").line,
    });
  });

  it("renames and drops at the path item level too, and adds what an operation still lacks", async () => {
    const text = spec(
      `  /a/{x}/{y}:\n    parameters:\n${pathParameter("X")}${pathParameter("zz")}${pathParameter("w")}    get:\n${ok}`,
    );
    const loaded = await loadSpecText(file, text);
    const item = "/paths/~1a~1{x}~1{y}";
    expect(
      (resolvePointer(loaded.document, `${item}/parameters`) as Array<{ name: string }>).map(
        (parameter) => parameter.name,
      ),
    ).toEqual(["x"]);
    expect(resolvePointer(loaded.document, `${item}/get/parameters`)).toEqual([
      { name: "y", in: "path", required: true, schema: { type: "string" } },
    ]);
    expect(loaded.warnings.map((warning) => warning.message)).toEqual([
      'parameter "X" is declared `in: path` but "/a/{x}/{y}" has no {X}: taken as {x}',
      'parameter "zz" is declared `in: path` but "/a/{x}/{y}" has no {zz}: left out of the call',
      'parameter "w" is declared `in: path` but "/a/{x}/{y}" has no {w}: left out of the call',
      'path parameter {y} of "/a/{x}/{y}" is not declared: taken as a required string parameter',
    ]);
  });

  it("counts a {name} in the path's query string as declared by a query parameter of that name", async () => {
    const text = spec(
      `  /search?q={q}:\n    get:\n      parameters:\n        - { name: q, in: query, required: true, schema: { type: string } }\n${ok}`,
    );
    const loaded = await loadSpecText(file, text);
    expect(resolvePointer(loaded.document, "/paths/~1search?q={q}/get/parameters")).toEqual([
      { name: "q", in: "query", required: true, schema: { type: "string" } },
    ]);
    expect(loaded.warnings.map((warning) => warning.message)).toEqual([
      'path "/search?q={q}" holds a query string: every call goes to "/search" with the fixed query "q={q}"',
    ]);
  });

  it("keeps a query string in the path as written, with a warning at the path", async () => {
    const text = spec(`  /items?type=foo:\n    get:\n${ok}`);
    const loaded = await loadSpecText(file, text);
    expect(Object.keys(loaded.document["paths"] as object)).toEqual(["/items?type=foo"]);
    expect(loaded.warnings).toEqual([
      {
        place: { file, ...placeOf(text, "/items?type=foo:"), pointer: "/paths/~1items?type=foo" },
        message:
          'path "/items?type=foo" holds a query string: every call goes to "/items" with the fixed query "type=foo"',
      },
    ]);
    const error = await specErrorOf(loadSpecText(file, text, { strict: true }));
    expect(error.message).toBe(
      'path "/items?type=foo" holds a query string: a path template ends before "?" (--strict)',
    );
    expect(error.place).toEqual(loaded.warnings[0]?.place);
  });
});

describe("a schema $ref to a response, request body, parameter or header entry", () => {
  const mediaSchema = (type: string, schema: string): string =>
    `  /x:\n    get:\n      responses:\n        "200":\n          description: ok\n          content:\n            ${type}:\n              schema:\n                ${schema}\n`;
  const schemaAt = "/paths/~1x/get/responses/200/content/application~1json/schema";

  it.each([
    [
      "a response's JSON media type",
      "responses:\n    R:\n      description: r\n      content:\n        text/plain: { schema: { type: string } }\n        application/problem+json: { schema: { type: integer } }\n",
      "#/components/responses/R",
      "#/components/responses/R/content/application~1problem+json/schema",
    ],
    [
      "a response's first media type when none is JSON",
      "responses:\n    R:\n      description: r\n      content:\n        text/csv: { schema: { type: string } }\n        text/plain: { schema: { type: number } }\n",
      "#/components/responses/R",
      "#/components/responses/R/content/text~1csv/schema",
    ],
    [
      "a request body's",
      "requestBodies:\n    B:\n      content:\n        application/json: { schema: { type: boolean } }\n",
      "#/components/requestBodies/B",
      "#/components/requestBodies/B/content/application~1json/schema",
    ],
    [
      "a parameter's",
      "parameters:\n    P: { name: p, in: query, schema: { type: string, format: date } }\n",
      "#/components/parameters/P",
      "#/components/parameters/P/schema",
    ],
    [
      "a header's",
      "headers:\n    H: { schema: { type: integer } }\n",
      "#/components/headers/H",
      "#/components/headers/H/schema",
    ],
    [
      "a response's $ref'd",
      "responses:\n    R:\n      description: r\n      content:\n        application/json: { schema: { $ref: '#/components/schemas/S' } }\n  schemas:\n    S: { type: string }\n",
      "#/components/responses/R",
      "#/components/schemas/S",
    ],
  ])("points at %s schema", async (_, components, ref, expected) => {
    const text = spec(mediaSchema("application/json", `$ref: "${ref}"`), `components:\n  ${components}`);
    const loaded = await loadSpecText(file, text);
    const target = expected.startsWith("#/components/schemas/")
      ? expected
      : expect.stringMatching(/^#\/components\/schemas\//);
    // The deep target is hoisted into components.schemas under a name of its own, like any ref into another object.
    expect(resolvePointer(loaded.document, schemaAt)).toEqual({ $ref: target });
    const [warning] = loaded.warnings;
    expect(warning?.message).toMatch(
      new RegExp(
        `points at a \\w+ entry, not a schema: taken as its schema ${JSON.stringify(expected).replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}$`,
      ),
    );
    expect(warning?.place).toEqual({ file, ...placeOf(text, "$ref"), pointer: `${schemaAt}/$ref` });
  });

  it("accepts any value when the entry has no schema", async () => {
    const text = spec(
      mediaSchema("application/json", '$ref: "#/components/responses/Empty"'),
      "components:\n  responses:\n    Empty:\n      description: nothing\n",
    );
    const loaded = await loadSpecText(file, text);
    expect(resolvePointer(loaded.document, schemaAt)).toEqual({});
    expect(loaded.warnings.map((warning) => warning.message)).toEqual([
      `a schema's $ref "#/components/responses/Empty" points at a responses entry, not a schema: the entry has no schema, so any value is accepted`,
    ]);
  });

  it("repairs a component schema that is only such a ref", async () => {
    const text = spec(
      mediaSchema("application/json", '$ref: "#/components/schemas/Alias"'),
      "components:\n  schemas:\n    Alias:\n      $ref: '#/components/parameters/P'\n  parameters:\n    P: { name: p, in: query, schema: { type: string } }\n",
    );
    const loaded = await loadSpecText(file, text);
    expect(loaded.warnings[0]?.place.pointer).toBe("/components/schemas/Alias/$ref");
  });

  it("leaves alone a ref to the schema inside a response, and refs that are not schemas", async () => {
    const text = spec(
      `  /x:\n    get:\n      responses:\n        "200":\n          $ref: "#/components/responses/R"\n        "201":\n          description: ok\n          content:\n            application/json:\n              schema:\n                $ref: "#/components/responses/R/content/application~1json/schema"\n`,
      "components:\n  responses:\n    R:\n      description: r\n      content:\n        application/json: { schema: { type: string } }\n",
    );
    const loaded = await loadSpecText(file, text);
    expect(loaded.warnings).toEqual([]);
  });

  it("rejects a ref to an entry that never has a schema (an example), strict or not", async () => {
    const text = spec(
      mediaSchema("application/json", '$ref: "#/components/examples/E"'),
      "components:\n  examples:\n    E: { value: 1 }\n",
    );
    const error = await specErrorOf(loadSpecText(file, text));
    expect(error.message).toBe(`a schema's $ref "#/components/examples/E" points at a examples entry, not a schema`);
    expect(error.place).toEqual({ file, ...placeOf(text, "$ref"), pointer: `${schemaAt}/$ref` });
  });
});

describe("Swagger 2.0 collectionFormats OpenAPI 3 has no style for", () => {
  const swagger = join(root, "specs", "edge", "swagger2", "collection-formats.yaml");

  it("fall back to csv: form without explode in a query, simple in a path or header, each with a warning at it", async () => {
    const [loaded, text] = await Promise.all([loadSpec(swagger), readFile(swagger, "utf8")]);
    const operation = "/paths/~1tags~1{names}/get";
    expect(resolvePointer(loaded.document, `${operation}/parameters/0/style`)).toBe("simple");
    expect(resolvePointer(loaded.document, `${operation}/parameters/1`)).toMatchObject({
      name: "colors",
      in: "query",
      style: "form",
      explode: false,
    });
    expect(resolvePointer(loaded.document, `${operation}/responses/200/headers/X-Tag-Ids/style`)).toBe("simple");
    const places = (needle: string): { line: number; column: number } => {
      const { line, column } = placeOf(text, needle);
      return { line, column: column + (/^ */.exec(needle)?.[0].length ?? 0) };
    };
    expect(loaded.warnings).toEqual([
      {
        place: {
          file: swagger,
          ...places("          collectionFormat: ssv"),
          pointer: `${operation}/parameters/0/collectionFormat`,
        },
        message:
          'collectionFormat "ssv" has no OpenAPI 3 equivalent outside a query: taken as csv (comma-separated) instead',
      },
      {
        place: {
          file: swagger,
          ...places("          collectionFormat: tsv"),
          pointer: `${operation}/parameters/1/collectionFormat`,
        },
        message: 'collectionFormat "tsv" has no OpenAPI 3 equivalent: taken as csv (comma-separated) instead',
      },
      {
        place: {
          file: swagger,
          ...places("              collectionFormat: pipes"),
          pointer: `${operation}/responses/200/headers/X-Tag-Ids/collectionFormat`,
        },
        message:
          'collectionFormat "pipes" has no OpenAPI 3 equivalent in a header: taken as csv (comma-separated) instead',
      },
    ]);
  });

  it("are errors under --strict, at the first", async () => {
    const error = await specErrorOf(loadSpec(swagger, { strict: true }));
    expect(error.message).toBe('collectionFormat "ssv" has no OpenAPI 3 equivalent outside a query (--strict)');
    expect(error.place.pointer).toBe("/paths/~1tags~1{names}/get/parameters/0/collectionFormat");
  });
});
