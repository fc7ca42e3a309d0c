/**
 * Regeneration as a build step: the manifest, the no-op fast path (which must not load the heavy libraries), hand-edit
 * protection, stale-file removal, and the change report printed on every generate.
 */
import { appendFile, cp, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { kapsoSpec, readTree, removeDir, root, runCli, tempDir } from "../support/run.js";

let dir: string;
beforeAll(async () => {
  dir = await tempDir("regenerate");
});
afterAll(async () => {
  await removeDir(dir);
});

/** A copy of the Kapso spec this test can change. */
async function specCopy(name: string): Promise<string> {
  const path = join(dir, `${name}.yaml`);
  await cp(kapsoSpec, path);
  return path;
}

/** Node resolve hook that logs every heavy module a run loads, to prove the no-op path never loads them. */
async function moduleLog(): Promise<{ args: string[]; read: () => Promise<string> }> {
  const log = join(dir, `modules-${Math.random().toString(36).slice(2)}.log`);
  const hooks = join(dir, "hooks.mjs");
  await writeFile(
    hooks,
    `import { appendFileSync } from "node:fs";\nexport async function resolve(specifier, context, next) {\n  if (/^(openapi-typescript|ts-morph|prettier|typescript|ajv|yargs)/.test(specifier)) appendFileSync(${JSON.stringify(log)}, specifier + "\\n");\n  return next(specifier, context);\n}\n`,
  );
  const register = join(dir, "register.mjs");
  await writeFile(
    register,
    `import { register } from "node:module";\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`,
  );
  await writeFile(log, "");
  return { args: ["--import", register], read: () => readFile(log, "utf8") };
}

describe("no-op regeneration", () => {
  it("writes a manifest, then returns 'up to date' without loading yargs, openapi-typescript, ts-morph, prettier or ajv", async () => {
    const out = join(dir, "noop");
    const spec = await specCopy("noop");
    expect((await runCli(["generate", "--spec", spec, "--out", out, "-q"])).code).toBe(0);
    const manifest = JSON.parse(await readFile(join(out, "kapso-codegen.manifest.json"), "utf8")) as {
      files: Record<string, string>;
    };
    expect(Object.keys(manifest.files)).toEqual([
      "client.ts",
      "fixtures.ts",
      "index.ts",
      "mock-engine.ts",
      "mock.ts",
      "openapi.json",
      "runtime.ts",
      "schema-check.ts",
      "schema.ts",
      "serialize.ts",
    ]);

    const modules = await moduleLog();
    const second = await runCli(["generate", "--spec", spec, "--out", out], root, modules.args);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/up to date \(\d+ ms\)/);
    expect(await modules.read()).toBe("");
  });

  it("regenerates when the spec changes, and reports what changed for callers", async () => {
    const out = join(dir, "changed");
    const spec = await specCopy("changed");
    await runCli(["generate", "--spec", spec, "--out", out, "-q"]);
    const document = parse(await readFile(spec, "utf8")) as {
      components: { schemas: { PhoneNumber: { properties: Record<string, unknown> } } };
    };
    delete document.components.schemas.PhoneNumber.properties["status"];
    await writeFile(spec, stringify(document));

    const result = await runCli(["generate", "--spec", spec, "--out", out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/6 operations; \d+ files? written/);
    expect(result.stdout).toMatch(/breaking/i);
    expect(result.stdout).toContain("status");
  });

  it("regenerates when an output file was deleted", async () => {
    const out = join(dir, "deleted");
    const spec = await specCopy("deleted");
    await runCli(["generate", "--spec", spec, "--out", out, "-q"]);
    await removeDir(join(out, "client.ts"));
    const result = await runCli(["generate", "--spec", spec, "--out", out]);
    expect(result.stdout).toMatch(/1 file written/);
    expect((await readTree(out)).has("client.ts")).toBe(true);
  });
});

describe("hand-edited output", () => {
  it("is not overwritten without --force, and the message names the file", async () => {
    const out = join(dir, "edited");
    const spec = await specCopy("edited");
    await runCli(["generate", "--spec", spec, "--out", out, "-q"]);
    await appendFile(join(out, "client.ts"), "// my local fix\n");
    const before = await readTree(out);

    const refused = await runCli(["generate", "--spec", spec, "--out", out]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/client\.ts.*edited by hand.*--force/s);
    expect(await readTree(out)).toEqual(before);

    const forced = await runCli(["generate", "--spec", spec, "--out", out, "--force"]);
    expect(forced.code).toBe(0);
    expect((await readTree(out)).get("client.ts")).not.toContain("my local fix");
  });

  it("removes files it owns that the spec no longer produces, and never touches others", async () => {
    const out = join(dir, "owned");
    const spec = await specCopy("owned");
    await runCli(["generate", "--spec", spec, "--out", out, "-q"]);
    const manifestPath = join(out, "kapso-codegen.manifest.json");
    const manifest = JSON.parse(await readFile(manifestPath, "utf8")) as { files: Record<string, string> };
    await writeFile(join(out, "legacy.json"), "{}\n");
    manifest.files["legacy.json"] = "ca3d163bab055381827226140568f3bef7eaac187cebd76878e0b63e9e442356"; // sha256 of "{}\n"
    await writeFile(manifestPath, JSON.stringify(manifest));
    await writeFile(join(out, "notes.md"), "mine\n");
    await appendFile(spec, "# a comment: a new spec version, so the run regenerates\n");

    const result = await runCli(["generate", "--spec", spec, "--out", out]);
    expect(result.code).toBe(0);
    const tree = await readTree(out);
    expect(tree.has("legacy.json")).toBe(false);
    expect(tree.get("notes.md")).toBe("mine\n");
  });
});
