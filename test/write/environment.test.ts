/**
 * Problems of the machine, not the input: a folder that cannot be written, a file where the output folder should be,
 * a folder given as the spec, a config that cannot be read. Each is one located message, exit 1, no stack trace, and
 * the output is left as it was, without temporary files.
 */
import { chmod, cp, mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readTree, removeDir, runCli, tempDir } from "../support/run.js";
import { packageFolder, petsSpec, runCliWithout, temporaries } from "./helpers.js";

let dir: string;
let spec: string;
beforeAll(async () => {
  dir = await tempDir("environment");
  await packageFolder(dir);
  await chmod(dir, 0o755); // the runs as another user must reach it
  spec = await petsSpec(join(dir, "pets.yaml"));
});
afterAll(async () => {
  await removeDir(dir);
});

function expectLocated(result: { code: number; stderr: string }, place: RegExp): void {
  expect(result.code).toBe(1);
  expect(result.stderr).toMatch(place);
  expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
  expect(result.stderr.trim().split("\n")).toHaveLength(1);
}

describe("environment errors", () => {
  it("a read-only output folder: exit 1 naming the file, the folder as it was, no temporary file left", async () => {
    const out = join(dir, "read-only");
    expect((await runCli(["generate", "--spec", spec, "--out", out, "--name", "pets", "-q"], dir)).code).toBe(0);
    const changed = await petsSpec(join(dir, "pets-changed.yaml"), "age");
    const before = await readTree(out);
    const result = await runCliWithout(
      "write",
      [out],
      ["generate", "--spec", changed, "--out", out, "--name", "pets"],
      dir,
    );
    expectLocated(result, /^kapso-codegen: read-only\/\w+\.(ts|json): cannot write .*: permission denied \(EACCES\)/);
    expect(await readTree(out)).toEqual(before);
    expect(await temporaries(out)).toEqual([]);
  });

  it("--out naming a file, or a path through a file: exit 1 naming it", async () => {
    await writeFile(join(dir, "a-file"), "mine\n");
    expectLocated(
      await runCli(["generate", "--spec", spec, "--out", "a-file"], dir),
      /^kapso-codegen: a-file: the output folder is a file, not a folder/,
    );
    expectLocated(
      await runCli(["generate", "--spec", spec, "--out", "a-file/sub"], dir),
      /^kapso-codegen: a-file\/sub: .*a file stands where a folder is needed \(ENOTDIR\)/,
    );
  });

  it("a folder as the spec: exit 1 naming the folder (not an empty name)", async () => {
    await mkdir(join(dir, "specs-folder"));
    expectLocated(
      await runCli(["generate", "--spec", "specs-folder", "--out", "x"], dir),
      /^kapso-codegen: specs-folder: .*folder/,
    );
    expectLocated(
      await runCli(["generate", "--spec", ".", "--out", "x"], join(dir, "specs-folder")),
      /^kapso-codegen: \.: .*folder/,
    );
  });

  it("a config file that cannot be read is a permission error, not 'no such file'", async () => {
    const project = join(dir, "project");
    await mkdir(project);
    await cp(spec, join(project, "pets.yaml"));
    const config = join(project, "kapso-codegen.config.json");
    await writeFile(config, JSON.stringify({ apis: [{ spec: "pets.yaml", out: "gen" }] }));
    const result = await runCliWithout("read", [config], ["generate"], project);
    expectLocated(
      result,
      /^kapso-codegen: kapso-codegen\.config\.json: cannot read the config file: permission denied \(EACCES\)/,
    );
  });
});
