/**
 * tsc over the committed output and over a consumer whose `@ts-expect-error` lines must all be needed: strict, with
 * exactOptionalPropertyTypes and noUncheckedIndexedAccess, under both bundler and nodenext resolution. Twice: with the
 * client's declarations checked in full (as the tests check every output), and by tsc as a user's build runs it, where
 * client.ts's `@ts-nocheck` leaves its declarations to be resolved where the consumer uses them: every wrong call must
 * still be an error.
 */
import { cp, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { linkNodeModules, strictCompilerOptions } from "../../scripts/lib/typecheck.js";
import { CLIENT_CHECK_DIRECTIVE, checkedInFull } from "../../generator/emit/check-directive.js";
import { committedKapso, removeDir, root, runTsc, runUserTsc, tempDir } from "../support/run.js";
import { strictestExtras } from "../support/strict.js";

let dir: string;
beforeAll(async () => {
  dir = await tempDir("types");
});
afterAll(async () => {
  await removeDir(dir);
});

const strict = { ...strictCompilerOptions, ...strictestExtras, noPropertyAccessFromIndexSignature: true };

const resolutions = [
  { name: "bundler", module: "ESNext", moduleResolution: "bundler" },
  { name: "nodenext", module: "NodeNext", moduleResolution: "NodeNext" },
] as const;

const compilers = [
  { name: "in full", run: runTsc },
  { name: "as a user's build runs it", run: runUserTsc },
] as const;

describe.each(
  resolutions.flatMap((resolution) =>
    compilers.map((compiler) => ({ ...resolution, compiler: compiler.name, compiler$: compiler })),
  ),
)("tsc --strict, moduleResolution $name, $compiler", ({ compiler$: compiler, ...resolution }) => {
  it("accepts generated/ and the consumer, and rejects every wrong call in it", async () => {
    const config = join(dir, `tsconfig.${resolution.name}.${compiler.name === "in full" ? "full" : "user"}.json`);
    await writeFile(
      config,
      JSON.stringify({
        compilerOptions: {
          ...strict,
          module: resolution.module,
          moduleResolution: resolution.moduleResolution,
          typeRoots: [join(root, "node_modules/@types")],
        },
        files: [join(root, "test/kapso/consumer.ts")],
        include: [join(root, "generated/**/*.ts")],
      }),
    );
    const result = await compiler.run(["-p", config]);
    expect(result.stdout + result.stderr).toBe("");
    expect(result.code).toBe(0);
  });
});

describe("client.ts's check directive", () => {
  it("is read as @ts-check by the full check, as a whole line only, with LF or CRLF endings", () => {
    const checked = CLIENT_CHECK_DIRECTIVE.replace("@ts-nocheck", "@ts-check  ");
    expect(checked).toHaveLength(CLIENT_CHECK_DIRECTIVE.length);
    expect(checkedInFull(`// banner\n${CLIENT_CHECK_DIRECTIVE}\nexport {};\n`)).toBe(
      `// banner\n${checked}\nexport {};\n`,
    );
    expect(checkedInFull(`// banner\r\n${CLIENT_CHECK_DIRECTIVE}\r\n`)).toBe(`// banner\r\n${checked}\r\n`);
    const quoted = `const text = "${CLIENT_CHECK_DIRECTIVE}";\n`;
    expect(checkedInFull(quoted)).toBe(quoted);
  });

  it("follows the banner, and only the full check reports an error in the client's declarations", async () => {
    const client = await readFile(join(committedKapso, "client.ts"), "utf8");
    expect(client.split("\n")[2]).toBe(CLIENT_CHECK_DIRECTIVE);

    const copy = join(dir, "broken");
    await linkNodeModules(dir); // the output imports openapi-fetch's types
    await cp(committedKapso, copy, { recursive: true });
    const broken = client.replace(
      "export type UpdatePhoneNumberArgs = {",
      'const notANumber: number = "text";\nexport { notANumber };\nexport type UpdatePhoneNumberArgs = {',
    );
    expect(broken).not.toBe(client);
    await writeFile(join(copy, "client.ts"), broken);
    const config = join(dir, "tsconfig.broken.json");
    await writeFile(
      config,
      JSON.stringify({
        compilerOptions: {
          ...strict,
          module: "ESNext",
          moduleResolution: "bundler",
          typeRoots: [join(root, "node_modules/@types")],
        },
        include: [`${copy}/*.ts`],
      }),
    );
    const user = await runUserTsc(["-p", config, "--pretty", "false"]);
    expect(user.stdout).toBe("");
    const full = await runTsc(["-p", config, "--pretty", "false"]);
    expect(full.stdout).toMatch(
      /client\.ts\(\d+,\d+\): error TS2322: Type 'string' is not assignable to type 'number'\./,
    );
    expect(full.code).toBe(2);
  });
});
