/**
 * Whatever the tool accepts compiles, and no input crashes it. Edge specs reduced from public specs whose output used
 * not to type-check (a spec without operations, `$ref`s that lead only to each other, binary bodies with object
 * examples, discriminated unions used through allOf), generated with the built CLI and checked by strict tsc, once as
 * an ESM project under NodeNext and once under a bundler's resolution (where a file without exports is not a module).
 * A spec nested thousands of levels deep (or a chain of thousands of `$ref`s) is a located error, never a stack overflow.
 */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFixtureValidator } from "../../generator/fixtures/validate.js";
import { strictCompilerOptions } from "../../scripts/lib/typecheck.js";
import { removeDir, root, runCli, runTsc, tempDir, type CommandResult } from "../support/run.js";
import { strictestExtras } from "../support/strict.js";
import { generate } from "../../generator/index.js";
import { linkNodeModules } from "./edge-specs.js";

const SPECS = ["no-operations", "webhooks-only", "ref-cycles", "binary-bodies", "discriminator-uses"] as const;

let dir: string;
const runs = new Map<string, CommandResult>();

/** A spec whose one schema nests `levels` objects through `properties` (or arrays through `items`), as JSON text. */
function deepSpec(levels: number, keyword: "properties" | "items"): string {
  const open = keyword === "items" ? `{"type": "array", "items": ` : `{"type": "object", "properties": {"a": `;
  const close = keyword === "items" ? "}" : "}}";
  const deep = `${open.repeat(levels)}{"type": "string"}${close.repeat(levels)}`;
  const response = `{"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Deep"}}}}`;
  return `{"openapi": "3.0.3", "info": {"title": "Deep", "version": "1"}, "paths": {"/x": {"get": {"operationId": "getX", "responses": {"200": ${response}}}}}, "components": {"schemas": {"Deep": ${deep}}}}\n`;
}

/** The same nesting as flow-style YAML (block style would be megabytes of indentation). */
function deepYaml(levels: number): string {
  return `openapi: 3.0.3\ninfo: {title: Deep, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    Deep: ${"{type: array, items: ".repeat(levels)}{type: string}${"}".repeat(levels)}\n`;
}

/** A spec whose response example is an object nested `levels` deep. */
function deepExampleSpec(levels: number): string {
  const example = `${`{"a": `.repeat(levels)}"leaf"${"}".repeat(levels)}`;
  const media = `{"schema": {"type": "object"}, "example": ${example}}`;
  return `{"openapi": "3.0.3", "info": {"title": "Deep", "version": "1"}, "paths": {"/x": {"get": {"operationId": "getX", "responses": {"200": {"description": "ok", "content": {"application/json": ${media}}}}}}}}\n`;
}

beforeAll(async () => {
  dir = await tempDir("compiles");
  await linkNodeModules(dir);
  await writeFile(join(dir, "package.json"), JSON.stringify({ private: true, type: "module" }));
  await writeFile(join(dir, "deep-120.json"), deepSpec(120, "properties"));
  await writeFile(join(dir, "deep-example.json"), deepExampleSpec(100));
  for (const spec of SPECS)
    runs.set(
      spec,
      await runCli([
        "generate",
        "--spec",
        join(root, "specs", "edge", `${spec}.yaml`),
        "--out",
        join(dir, "out", spec),
        "-q",
      ]),
    );
  for (const spec of ["deep-120", "deep-example"])
    runs.set(
      spec,
      await runCli(["generate", "--spec", join(dir, `${spec}.json`), "--out", join(dir, "out", spec), "-q"]),
    );
}, 120_000);

afterAll(async () => {
  await removeDir(dir);
});

async function typecheck(moduleOptions: Record<string, string>): Promise<CommandResult> {
  const config = join(dir, `tsconfig.${moduleOptions["moduleResolution"]}.json`);
  await writeFile(
    config,
    JSON.stringify({
      compilerOptions: { ...strictCompilerOptions, ...strictestExtras, ...moduleOptions },
      include: [join(dir, "out", "*", "*.ts")],
    }),
  );
  return runTsc(["-p", config, "--pretty", "false"]);
}

describe("accepted specs give output that compiles", () => {
  it("generates every spec", () => {
    for (const [spec, run] of runs)
      expect({ spec, code: run.code, stderr: run.code === 0 ? "" : run.stderr }).toEqual({ spec, code: 0, stderr: "" });
  });

  it("passes strict tsc as an ESM project under NodeNext", async () => {
    const result = await typecheck({ module: "NodeNext", moduleResolution: "NodeNext" });
    expect(result.stdout + result.stderr).toBe("");
  }, 120_000);

  it("passes strict tsc under a bundler's resolution, where a file without exports would not be a module", async () => {
    const result = await typecheck({ module: "ESNext", moduleResolution: "Bundler" });
    expect(result.stdout + result.stderr).toBe("");
  }, 120_000);
});

describe("what TypeScript cannot hold is left out or typed unknown, with a located warning", () => {
  it("types each schema of a $ref-only cycle as unknown and says where it is", () => {
    const stderr = runs.get("ref-cycles")?.stderr ?? "";
    const lines = stderr.split("\n").filter((line) => line.includes("typed as `unknown`"));
    expect(lines).toEqual([
      expect.stringMatching(/^warning: specs\/edge\/ref-cycles\.yaml:27:5 \(at \/components\/schemas\/Baz\): /),
      expect.stringMatching(/^warning: specs\/edge\/ref-cycles\.yaml:29:5 \(at \/components\/schemas\/Qux\): /),
      expect.stringMatching(/^warning: specs\/edge\/ref-cycles\.yaml:31:5 \(at \/components\/schemas\/Self\): /),
    ]);
  });

  it("leaves out a binary body's fixture that can only be an object, once per place", () => {
    const lines = (runs.get("binary-bodies")?.stderr ?? "").split("\n").filter((line) => line.includes("left out"));
    expect(lines).toEqual([
      expect.stringMatching(
        /^warning: specs\/edge\/binary-bodies\.yaml:37:13 \(at \/paths\/~1images\/post\/requestBody\/content\/application~1octet-stream\/example\): request fixture left out: .*"application\/octet-stream"/,
      ),
      expect.stringMatching(
        /^warning: specs\/edge\/binary-bodies\.yaml:\d+:\d+ \(at \/paths\/~1plans~1\{day\}\/delete\/requestBody\/content\/\/schema\): request fixture left out/,
      ),
    ]);
  });

  it("leaves out a fixture nested deeper than tsc compares", () => {
    expect(runs.get("deep-example")?.stderr).toMatch(
      /deep-example\.json:1:\d+ \(at \/paths\/~1x\/get\/responses\/200\/content\/application~1json\/example\): fixture left out: the value nests deeper/,
    );
  });

  it("lists the same warnings in --json", async () => {
    const run = await runCli([
      "generate",
      "--spec",
      join(root, "specs", "edge", "ref-cycles.yaml"),
      "--out",
      join(dir, "json", "ref-cycles"),
      "--json",
    ]);
    const summary = JSON.parse(run.stdout) as {
      apis: Array<{ outputWarnings: Array<{ pointer: string; line: number; message: string }> }>;
    };
    expect(summary.apis[0]?.outputWarnings.map((warning) => [warning.pointer, warning.line])).toEqual([
      ["/components/schemas/Baz", 27],
      ["/components/schemas/Qux", 29],
      ["/components/schemas/Self", 31],
    ]);
  });

  it("gives a binary body whose schema admits a string a string fixture that Ajv accepts", async () => {
    const result = await generate({
      spec: join(root, "specs", "edge", "binary-bodies.yaml"),
      out: join(dir, "api", "binary-bodies"),
      name: "binary-bodies",
      check: true,
    });
    const bodies = result.fixtures.values.filter((fixture) => fixture.schemaPointer.includes("/requestBody/"));
    expect(bodies.map((fixture) => [fixture.schemaPointer, fixture.value])).toEqual([
      ["/paths/~1attachments~1{name}/put/requestBody/content/application~1octet-stream/schema", ""],
    ]);
    const validate = createFixtureValidator(result.fixtures.document);
    expect(
      result.fixtures.values.flatMap((fixture) =>
        validate(fixture.schemaPointer, fixture.value, { direction: fixture.direction }),
      ),
    ).toEqual([]);
  });
});

describe("a spec nested thousands of levels deep", () => {
  it.each([
    ["properties", "json", 5_000],
    ["items", "json", 5_000],
    ["items", "yaml", 300],
    ["items", "yaml", 5_000],
  ] as const)(
    "%s nested in %s (%i levels) is a located error, exit 1",
    async (keyword, format, levels) => {
      const file = join(dir, `deep-${keyword}-${levels}.${format}`);
      await writeFile(file, format === "json" ? deepSpec(levels, keyword) : deepYaml(levels));
      const run = await runCli(["generate", "--spec", file, "--out", join(dir, "rejected"), "-q"]);
      expect(run.stderr).not.toMatch(/internal error|RangeError/);
      expect(run.stderr).toMatch(new RegExp(`deep-${keyword}-${levels}\\.${format}:\\d+:\\d+.*nested too deeply`));
      expect(run.code).toBe(1);
    },
    60_000,
  );

  it.each([
    ["a $ref", (next: string) => ({ $ref: next })],
    ["an allOf", (next: string) => ({ allOf: [{ $ref: next }] })],
  ])(
    "so is a chain of 5,000 schemas that are each only %s of the next",
    async (_kind, link) => {
      const schemas = Object.fromEntries(
        Array.from({ length: 5_000 }, (_, index) => [`S${index}`, link(`#/components/schemas/S${index + 1}`)]),
      );
      const schema = { $ref: "#/components/schemas/S0" };
      const responses = { "200": { description: "ok", content: { "application/json": { schema } } } };
      const spec = {
        openapi: "3.0.3",
        info: { title: "Chain", version: "1" },
        paths: { "/x": { get: { operationId: "getX", responses } } },
        components: { schemas: { ...schemas, S5000: { type: "string" } } },
      };
      const file = join(dir, "ref-chain.json");
      await writeFile(file, JSON.stringify(spec));
      const run = await runCli(["generate", "--spec", file, "--out", join(dir, "rejected"), "-q"]);
      expect(run.stderr).not.toMatch(/internal error|RangeError/);
      expect(run.stderr).toMatch(/ref-chain\.json:1:\d+ \(at \/components\/schemas\/S\d+\): \$ref chain too long/);
      expect(run.code).toBe(1);
    },
    60_000,
  );
});
