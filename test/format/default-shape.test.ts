/**
 * Files the generator writes already in prettier's shape skip prettier when it would run at its defaults
 * (format/shape.ts). That is only sound while prettier leaves them as they are: the runtime templates, and the
 * index.ts and mock.ts regions, on real specs and at the widths where prettier's layout changes.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import * as prettier from "prettier";
import { afterAll, describe, expect, it } from "vitest";
import { banner, runtimeBanner } from "../../generator/emit/banner.js";
import { createFixtureValues } from "../../generator/emit/fixture-values.js";
import { emitFixturesRegion } from "../../generator/emit/fixtures.js";
import { emitMockRegion, MOCK_ANCHOR } from "../../generator/emit/mock.js";
import { emitNamedTypesRegion, NAMED_TYPES_ANCHOR } from "../../generator/emit/named-types.js";
import { fillAnchorKeeping, readTemplate } from "../../generator/emit/template.js";
import { RUNTIME_FILES } from "../../generator/index.js";
import { createFormatter } from "../../generator/format/prettier.js";
import { isDefaultShape, PRINT_WIDTH, typeAliasInShape } from "../../generator/format/shape.js";
import { loadSpec } from "../../generator/load/index.js";
import { buildModel } from "../../generator/model/index.js";
import { planClient } from "../../generator/plan/index.js";
import { kapsoSpec, removeDir, root, tempDir } from "../support/run.js";

const OPTIONS: prettier.Options = { parser: "typescript", printWidth: PRINT_WIDTH, filepath: "index.ts" };
const format = (text: string): Promise<string> => prettier.format(text, OPTIONS);
const head = banner({ generatorVersion: "0.0.0", specName: "spec.yaml", specSha256: "0".repeat(64) });

const specs = [
  kapsoSpec,
  ...["named-types", "hostile-strings", "operation-id-characters", "composition", "nullable-3.0"].map((name) =>
    join(root, "specs", "edge", `${name}.yaml`),
  ),
];

describe("files in prettier's default shape", () => {
  it.each(RUNTIME_FILES)("the runtime template %s is left as it is by prettier", async (path) => {
    const template = await readTemplate(path);
    for (const text of [head + template, runtimeBanner("0.0.0") + template]) expect(await format(text)).toBe(text);
  });

  it.each(specs.map((file) => [relative(root, file), file]))(
    "%s: index.ts and mock.ts in shape are what prettier makes of them",
    async (_name, file) => {
      const spec = await loadSpec(file, {});
      const model = buildModel(spec.document);
      const plan = planClient(model, "shape", { document: spec.document });
      const fixtures = emitFixturesRegion(plan, createFixtureValues(spec.document, spec.locate).values);
      const regions = [
        ["index.ts", NAMED_TYPES_ANCHOR, emitNamedTypesRegion(plan.namedTypes)],
        ["mock.ts", MOCK_ANCHOR, emitMockRegion(plan, spec.document, fixtures.emitted)],
      ] as const;
      for (const [path, anchor, region] of regions) {
        const filled = fillAnchorKeeping(await readTemplate(path), anchor, region.text);
        // These specs have names enough for every import of the templates.
        expect(filled.headAsWritten, path).toBe(true);
        // Names prettier would requote or measure otherwise (escapes, non-ASCII) leave the shape unknown: prettier runs.
        if (file === kapsoSpec) expect(region.shaped, path).toBeDefined();
        if (region.shaped !== undefined)
          expect(head + filled.head + region.shaped, path).toBe(await format(head + filled.text));
      }
    },
  );

  it("breaks type aliases and unions where prettier does", async () => {
    const cases: Array<[string, string[]]> = [];
    for (let length = PRINT_WIDTH - 4; length <= PRINT_WIDTH + 4; length++) {
      const name = "N".repeat(length - 'export type  = components["schemas"]["x"];'.length);
      cases.push([`export type ${name}`, ['components["schemas"]["x"]']]);
      // Unions of names around the width of one line, and of the line after `=`.
      for (const count of [1, 2, 5, 6, 7]) {
        const word = "m".repeat(Math.max(1, Math.floor((length - 31) / count) - 5));
        cases.push(["export type MockOperationName", Array.from({ length: count }, (_, i) => `"${word}${i}"`)]);
        cases.push([`export type U${"u".repeat(length % 40)}`, Array.from({ length: count }, () => `"${word}"`)]);
      }
    }
    cases.push(["export type MockOperationName", ["never"]]);
    for (const [left, members] of cases) {
      const text = `${typeAliasInShape(left, members)}\n`;
      expect(text).toBe(await format(`${left} = ${members.join(" | ")};\n`));
    }
  });

  it("takes only a config that formats as the defaults do for prettier's defaults", () => {
    expect(isDefaultShape({})).toBe(true);
    expect(isDefaultShape({ printWidth: 120, semi: true, trailingComma: "all", singleQuote: false })).toBe(true);
    expect(isDefaultShape({ printWidth: 100 })).toBe(false);
    expect(isDefaultShape({ semi: false })).toBe(false);
    expect(isDefaultShape({ plugins: [] })).toBe(false);
    expect(isDefaultShape({ useTabs: true })).toBe(false);
  });

  describe("the formatter", () => {
    const dirs: string[] = [];
    afterAll(async () => {
      for (const dir of dirs) await removeDir(dir);
    });
    const text = 'export type Short = components["schemas"]["x"]\n';
    const shaped = 'export type Short = components["schemas"]["x"]; // as the generator knows it\n';

    it("takes the text in shape as it is with no config", async () => {
      const dir = await tempDir("shape-default-");
      dirs.push(dir);
      const formatter = await createFormatter(join(dir, "out"));
      expect((await formatter.format({ path: "index.ts", text, shaped })).text).toBe(shaped);
    });

    it("runs prettier with a user's config, and with an .editorconfig it honours", async () => {
      for (const [file, content] of [
        [".prettierrc", JSON.stringify({ semi: false })],
        [".editorconfig", "root = true\n[*]\nindent_style = tab\n"],
      ] as const) {
        const dir = await tempDir("shape-config-");
        dirs.push(dir);
        await mkdir(join(dir, "out"));
        await writeFile(join(dir, file), content);
        const formatter = await createFormatter(join(dir, "out"));
        const formatted = (await formatter.format({ path: "index.ts", text, shaped })).text;
        expect(formatted, file).toBe(await prettier.format(text, { ...OPTIONS, semi: file !== ".prettierrc" }));
      }
    });
  });
});
