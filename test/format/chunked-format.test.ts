/**
 * Large files are formatted in runs of statements, shared with the helper thread. The text must be the one prettier
 * gives for the whole file, byte for byte: with the default options and with a user's config, on real generated files
 * (the edge goldens, with their indentation and line breaks taken out so prettier has work to do).
 */
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import * as prettier from "prettier";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { splitTopLevel } from "../../generator/format/chunks.js";
import { createFormatter } from "../../generator/format/prettier.js";
import type { FormatHelper } from "../../generator/format/prettier.js";
import type { HelperThread } from "../../generator/parallel/helper-thread.js";
import { removeDir, root, tempDir } from "../support/run.js";

const goldens = join(root, "test", "edge", "__golden__");
const RUN_SIZE = 1500; // small, so every file is cut into many runs

/** The spec-specific .ts files of the goldens, flattened: no indentation, and short lines joined where that stays valid. */
async function generatedSources(): Promise<Array<{ path: string; text: string }>> {
  const sources: Array<{ path: string; text: string }> = [];
  for (const dir of (await readdir(goldens)).sort()) {
    for (const file of ["client.ts", "mock.ts", "schema.ts"]) {
      const text = await readFile(join(goldens, dir, file), "utf8").catch(() => undefined);
      if (text !== undefined)
        sources.push({ path: `${dir}/${file}`, text: text.replace(/^[ \t]+/gm, "").replace(/,\n(?=[a-z"])/g, ", ") });
    }
  }
  return sources;
}

const userConfig: prettier.Options = {
  useTabs: true,
  semi: false,
  singleQuote: true,
  printWidth: 80,
  trailingComma: "none",
  bracketSpacing: false,
  arrowParens: "avoid",
  quoteProps: "consistent",
};

describe("formatting in runs of statements", () => {
  let helper: Pick<HelperThread, "format" | "close"> | undefined;
  const dirs: string[] = [];
  beforeAll(async () => {
    // The compiled formatting thread (from the build), started on the first batch, as in a real run.
    const { onDemandFormatThread } = (await import(
      pathToFileURL(join(root, "dist", "generator", "parallel", "helper-thread.js")).href
    )) as { onDemandFormatThread: () => Pick<HelperThread, "format" | "close"> };
    helper = onDemandFormatThread();
  });
  afterAll(async () => {
    await helper?.close();
    for (const dir of dirs) await removeDir(dir);
  });

  for (const [label, config] of [
    ["the default options", undefined],
    ["a user's .prettierrc", userConfig],
  ] as const) {
    it(`gives what formatting each whole file gives, with ${label}`, async () => {
      const out = await tempDir("chunked-format");
      dirs.push(out);
      if (config) await writeFile(join(out, ".prettierrc"), JSON.stringify(config));
      const sources = await generatedSources();
      expect(sources.length).toBeGreaterThan(40);
      const formatter = await createFormatter(out, RUN_SIZE);
      const pending = sources.map((source) => formatter.format(source));
      let batches = 0;
      const counted: FormatHelper | undefined = helper && {
        format: (texts, options) => {
          batches++;
          return helper?.format(texts, options) ?? Promise.reject(new Error("no helper"));
        },
      };
      if (counted) formatter.share(counted);
      const chunked = await Promise.all(pending);
      // The helper thread formatted some of the runs.
      expect(batches).toBeGreaterThan(0);
      let split = 0;
      for (const [index, source] of sources.entries()) {
        if (splitTopLevel(source.text, RUN_SIZE).length > 1) split++;
        const whole = await prettier.format(source.text, {
          printWidth: 120,
          ...config,
          parser: "typescript",
          filepath: join(out, source.path),
        });
        expect(chunked[index]?.text, source.path).toBe(whole);
      }
      // The shortcut was taken, not just the whole-file fallback.
      expect(split).toBeGreaterThan(sources.length / 2);
    }, 300_000);
  }

  it("formats the whole file when a run is not whole statements", async () => {
    const out = await tempDir("chunked-format");
    dirs.push(out);
    // A blank line inside a template literal after `;`: a lexer that lost track would cut here; the runs would not parse.
    const text = [
      "const a = 1;",
      "",
      "export const t = `x;",
      "",
      "export const u = 2;`;",
      "",
      "export function f() {",
      "return a;",
      "}",
      "",
    ].join("\n");
    const formatter = await createFormatter(out, 1);
    expect((await formatter.format({ path: "x.ts", text })).text).toBe(
      await prettier.format(text, { printWidth: 120, parser: "typescript" }),
    );
  });
});

describe("splitTopLevel", () => {
  it("cuts only between top-level statements, never inside strings, templates, comments or blocks", () => {
    const text = [
      "const s = 'a;\\n\\nb';",
      "",
      "const t = `;",
      "",
      "export ${1}`;",
      "",
      "/* ;",
      "",
      "export */",
      "function f() {",
      "a();",
      "",
      "b();",
      "}",
      "",
      "const r = /[/]\\//;",
      "",
      "export const z = 1;",
      "",
    ].join("\n");
    expect(splitTopLevel(text, 1)).toEqual([
      "const s = 'a;\\n\\nb';\n",
      "const t = `;\n\nexport ${1}`;\n",
      "/* ;\n\nexport */\nfunction f() {\na();\n\nb();\n}\n",
      "const r = /[/]\\//;\n",
      "export const z = 1;\n",
    ]);
  });
});
