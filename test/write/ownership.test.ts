/**
 * The write stage touches only what it can prove it wrote: a user's file in the output folder, a hand edit under a
 * truncated manifest, another output's folder inside this one are never overwritten or removed without --force.
 */
import { cp, mkdir, readFile, rm, truncate, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readTree, removeDir, runCli, tempDir } from "../support/run.js";
import { packageFolder, petsSpec, temporaries } from "./helpers.js";

const MANIFEST = "kapso-codegen.manifest.json";

let dir: string;
let spec: string;
/** A finished output folder of the pets spec, copied by the tests that need one. */
let generated: string;
beforeAll(async () => {
  dir = await tempDir("ownership");
  await packageFolder(dir);
  spec = await petsSpec(join(dir, "pets.yaml"));
  generated = join(dir, "generated");
  const first = await runCli(["generate", "--spec", spec, "--out", generated, "--name", "pets", "-q"], dir);
  expect(first.stderr).toBe("");
});
afterAll(async () => {
  await removeDir(dir);
});

async function copyOfGenerated(name: string): Promise<string> {
  const out = join(dir, name);
  await cp(generated, out, { recursive: true });
  return out;
}

describe("a folder without a manifest", () => {
  it("refuses to replace the user's own client.ts (exit 2, naming it) and replaces it only with --force", async () => {
    const out = join(dir, "users-folder");
    await mkdir(out);
    await writeFile(join(out, "client.ts"), "export const mine = 1;\n");
    const refused = await runCli(["generate", "--spec", spec, "--out", out, "--name", "pets"], dir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/users-folder\/client\.ts/);
    expect(refused.stderr).toMatch(/not written by kapso-codegen.*has no kapso-codegen\.manifest\.json.*--force/s);
    expect([...(await readTree(out))]).toEqual([["client.ts", "export const mine = 1;\n"]]);

    const forced = await runCli(["generate", "--spec", spec, "--out", out, "--name", "pets", "--force", "-q"], dir);
    expect(forced.code).toBe(0);
    expect((await readTree(out)).get("client.ts")).toContain("createPetsClient");
  });

  it("adopts files whose bytes are exactly what it would write", async () => {
    const out = await copyOfGenerated("adopted");
    await rm(join(out, MANIFEST));
    const result = await runCli(["generate", "--spec", spec, "--out", out, "--name", "pets"], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/0 files written, 10 unchanged, 0 removed/); // only the manifest is new
    expect(await readTree(out)).toEqual(await readTree(generated));
  });
});

describe("a truncated manifest", () => {
  it("does not switch off the hand-edit guard: the edit is refused, naming the file and the unreadable manifest", async () => {
    const out = await copyOfGenerated("truncated");
    await writeFile(join(out, "client.ts"), `${await readFile(join(out, "client.ts"), "utf8")}// my local fix\n`);
    await truncate(join(out, MANIFEST), 40);
    const before = await readTree(out);

    const refused = await runCli(["generate", "--spec", spec, "--out", out, "--name", "pets"], dir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /truncated\/kapso-codegen\.manifest\.json: the manifest .* cannot be read \(it is not JSON/,
    );
    expect(refused.stderr).toMatch(/truncated\/client\.ts/);
    expect(refused.stderr).not.toMatch(/fixtures\.ts/); // unchanged files are not at risk
    expect(await readTree(out)).toEqual(before);

    const forced = await runCli(["generate", "--spec", spec, "--out", out, "--name", "pets", "--force", "-q"], dir);
    expect(forced.code).toBe(0);
    expect(await readTree(out)).toEqual(await readTree(generated));
  });
});

describe("stale files", () => {
  it("are removed only when this folder's manifest lists them: not for a banner, never inside another output", async () => {
    // An app root with its own output in src/api/petstore (one file edited by hand), then `--out .` over it.
    const app = join(dir, "app");
    const petstore = join(app, "src", "api", "petstore");
    await mkdir(join(app, "src", "api"), { recursive: true });
    await cp(generated, petstore, { recursive: true });
    await writeFile(join(petstore, "mock.ts"), `${await readFile(join(petstore, "mock.ts"), "utf8")}// edited\n`);
    await writeFile(join(app, "package.json"), '{ "dependencies": { "openapi-fetch": "*" } }\n');
    await writeFile(join(app, "index.ts"), "export * from './src/main.js';\n");
    const petstoreBefore = await readTree(petstore);

    // The folder it runs in holds the project's own files: refused before anything is read or written.
    const refused = await runCli(["generate", "--spec", spec, "--out", ".", "--name", "pets"], app);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      /the output folder \. is the folder you run in, and it holds files kapso-codegen did not write \(index\.ts, package\.json, src\)/,
    );
    expect(await readFile(join(app, "index.ts"), "utf8")).toBe("export * from './src/main.js';\n");
    expect(await readTree(petstore)).toEqual(petstoreBefore);

    // A folder of its own beside the other output: written, and nothing of the other output is touched.
    const result = await runCli(["generate", "--spec", spec, "--out", "src/api/pets", "--name", "pets"], app);
    expect(result.stderr).toBe("");
    expect(result.stdout).toMatch(/10 files written, 0 unchanged, 0 removed/);
    expect(await readTree(petstore)).toEqual(petstoreBefore);
  });

  it("a folder the tool runs in is accepted once it holds only what its manifest lists", async () => {
    const app = join(dir, "only-ours");
    await mkdir(app, { recursive: true });
    const first = await runCli(["generate", "--spec", spec, "--out", ".", "--name", "pets"], app);
    expect(first.code).toBe(0);
    const again = await runCli(["generate", "--spec", spec, "--out", ".", "--name", "pets"], app);
    expect(again.code).toBe(0);
    await writeFile(join(app, "notes.md"), "mine\n");
    const refused = await runCli(["generate", "--spec", spec, "--out", ".", "--name", "pets", "--force"], app);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/did not write \(notes\.md\)/);
  });

  it("listed in a manifest but inside a subfolder that holds another output's manifest are left alone", async () => {
    const out = await copyOfGenerated("outer");
    await cp(generated, join(out, "inner"), { recursive: true });
    const manifest = JSON.parse(await readFile(join(out, MANIFEST), "utf8")) as { files: Record<string, string> };
    const innerManifest = JSON.parse(await readFile(join(out, "inner", MANIFEST), "utf8")) as {
      files: Record<string, string>;
    };
    manifest.files["inner/client.ts"] = innerManifest.files["client.ts"] ?? "";
    await writeFile(join(out, MANIFEST), JSON.stringify(manifest, null, 2));
    const inner = await readTree(join(out, "inner"));

    // Even --force (which also skips the no-op check) does not reach into the other output.
    const result = await runCli(["generate", "--spec", spec, "--out", out, "--name", "pets", "--force"], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/0 files written, 10 unchanged, 0 removed/);
    expect(await readTree(join(out, "inner"))).toEqual(inner);
  });
});

describe("the change report", () => {
  it("says so when it cannot be made (the previous spec copy is gone), in text and in --json", async () => {
    const out = await copyOfGenerated("no-copy");
    await rm(join(out, "openapi.json"));
    const changed = await petsSpec(join(dir, "pets-changed.yaml"), "age");
    const result = await runCli(["generate", "--spec", changed, "--out", out, "--name", "pets", "--json"], dir);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      /^warning: no-copy: no change report: the previous spec copy .*openapi\.json cannot be read \(ENOENT/m,
    );
    const summary = JSON.parse(result.stdout) as { apis: Array<{ changes: unknown; changesWarning?: string }> };
    expect(summary.apis[0]?.changes).toBeNull();
    expect(summary.apis[0]?.changesWarning).toMatch(/no change report/);
    expect(await temporaries(out)).toEqual([]);
  });
});
