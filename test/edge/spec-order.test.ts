/**
 * The output follows the order the spec writes its keys in (types, fixtures, the mock's schemas, operations); only
 * the hash and the spec copy kept for the change report are canonical, so a reordered spec hashes the same.
 */
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { generate, type GenerateResult } from "../../generator/index.js";
import { sortKeysDeep } from "../../generator/spec/canonical.js";
import { removeDir, tempDir } from "../support/run.js";
import { edgeSpecPath } from "./edge-specs.js";

let dir: string;
let written: GenerateResult;
let reordered: GenerateResult;
const text = (result: GenerateResult, path: string): string =>
  result.rendered.find((file) => file.path === path)?.text ?? "";
/** Where each needle first occurs in the text, in the order given. */
const positions = (haystack: string, needles: readonly string[]): number[] =>
  needles.map((needle) => haystack.indexOf(needle));

beforeAll(async () => {
  dir = await tempDir("spec-order");
  written = await generate({
    spec: edgeSpecPath("named-types"),
    out: join(dir, "written"),
    name: "named-types",
    check: true,
  });
  // The same spec with every object's keys sorted.
  const sortedSpec = join(dir, "sorted.json");
  await writeFile(sortedSpec, JSON.stringify(sortKeysDeep(parse(await readFile(edgeSpecPath("named-types"), "utf8")))));
  reordered = await generate({ spec: sortedSpec, out: join(dir, "sorted"), name: "named-types", check: true });
}, 120_000);

afterAll(async () => {
  await removeDir(dir);
});

describe("spec order", () => {
  it("types list properties and schemas as the spec writes them", () => {
    const schema = text(written, "schema.ts");
    const pet = schema.slice(schema.indexOf("    Pet: {"));
    expect(positions(pet, ["name: string", "id: number", "age?: number"])).toEqual(
      [...positions(pet, ["name: string", "id: number", "age?: number"])].sort((a, b) => a - b),
    );
    expect(schema.indexOf("zebra?: string")).toBeLessThan(schema.indexOf("aardvark?: string"));
    expect(schema.indexOf('"pet-store.Pet": {')).toBeLessThan(schema.indexOf("ListPetsResult: string"));
    expect(text(reordered, "schema.ts").indexOf("aardvark?: string")).toBeLessThan(
      text(reordered, "schema.ts").indexOf("zebra?: string"),
    );
  });

  it("fixtures and the mock's schemas keep the spec's property order", () => {
    const body = /createPet = \{\s*request: \{\s*body: \{([^}]*)\}/.exec(text(written, "fixtures.ts"))?.[1] ?? "";
    expect(
      body
        .split("\n")
        .map((line) => line.trim().split(":")[0])
        .filter(Boolean),
    ).toEqual(["name", "id", "age"]);
    const mock = text(written, "mock.ts");
    const properties = mock.slice(mock.indexOf('"#/components/schemas/Pet"'));
    expect(properties.indexOf('"name"')).toBeLessThan(properties.indexOf('"id"'));
  });

  it("the named types follow the spec's order of components", () => {
    const index = text(written, "index.ts");
    const order = [
      "type Pet =",
      "type PetStorePet2 =",
      "type PetStorePet =",
      "type ListPetsResultSchema =",
      "type PetRequestBody =",
      "type PetResponse =",
    ];
    const at = positions(index, order);
    expect(at.every((position) => position > 0)).toBe(true);
    expect(at).toEqual([...at].sort((a, b) => a - b));
  });

  it("a reordered spec hashes the same and keeps the same canonical copy, while its output follows its own order", () => {
    const hash = (result: GenerateResult): string =>
      /sha256 ([0-9a-f]{64})/.exec(text(result, "client.ts"))?.[1] ?? "none";
    expect(hash(written)).toMatch(/^[0-9a-f]{64}$/);
    expect(hash(reordered)).toBe(hash(written));
    expect(text(reordered, "openapi.json")).toBe(text(written, "openapi.json"));
    expect(text(written, "openapi.json")).toBe(
      `${JSON.stringify(sortKeysDeep(JSON.parse(text(written, "openapi.json"))), null, 2)}\n`,
    );
    expect(text(reordered, "schema.ts")).not.toBe(text(written, "schema.ts"));
  });
});
