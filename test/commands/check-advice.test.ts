/**
 * `check` on a stale folder: the advice names the generate command that fits this run, and it is true (running it
 * works; with hand-edited files it refuses until --force, as the advice says). The diff has both file headers.
 * `init --help` shows examples.
 */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { removeDir, runCli, tempDir } from "../support/run.js";
import { petsSpec } from "../write/helpers.js";

let dir: string;
beforeAll(async () => {
  dir = await tempDir("check-advice");
});
afterAll(async () => {
  await removeDir(dir);
});

/** The command between backticks after `regenerate with` / the one to run at the end, as arguments for the CLI. */
function advisedArgs(stderr: string, pattern: RegExp): string[] {
  const command = pattern.exec(stderr)?.[1];
  if (command === undefined) throw new Error(`no advice in:\n${stderr}`);
  return command.replace(/^kapso-codegen /, "").split(" ");
}

describe("check on a stale folder", () => {
  it("whose files are all the tool's own: `regenerate with` the generate command of this run, which then works", async () => {
    const spec = await petsSpec(join(dir, "pets.yaml"));
    const out = join(dir, "plain");
    expect((await runCli(["generate", "-q", "--spec", spec, "--out", out])).code).toBe(0);
    await petsSpec(spec, "age");
    const check = await runCli(["check", "--spec", spec, "--out", out]);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain(`is stale; regenerate with \`kapso-codegen generate --spec ${spec} --out ${out}\`:`);
    // The diff names the old and the new file, in that order, as `git apply` and patch expect.
    expect(check.stderr).toMatch(/^--- a\/client\.ts\n\+\+\+ b\/client\.ts\n@@ /m);

    const advised = await runCli(advisedArgs(check.stderr, /regenerate with `([^`]+)`/));
    expect(advised.code, advised.stderr).toBe(0);
    expect((await runCli(["check", "--spec", spec, "--out", out])).code).toBe(0);
  });

  it("with a file edited by hand: marks it, says generate will refuse it, and that --force overwrites it (both true)", async () => {
    const spec = await petsSpec(join(dir, "edited.yaml"));
    const out = join(dir, "edited");
    expect((await runCli(["generate", "-q", "--spec", spec, "--out", out])).code).toBe(0);
    await writeFile(join(out, "client.ts"), "// my own change\n");
    const check = await runCli(["check", "--spec", spec, "--out", out]);
    expect(check.code).toBe(1);
    const command = `kapso-codegen generate --spec ${spec} --out ${out}`;
    expect(check.stderr).toContain(
      `is stale; \`${command}\` will refuse to overwrite 1 file marked below; keep what you need from it, then run \`${command} --force\`:`,
    );
    expect(check.stderr).toMatch(/differs\s+client\.ts \(edited by hand\)\n/);

    const refused = await runCli(["generate", "--spec", spec, "--out", out]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/edited by hand/);
    const forced = await runCli(advisedArgs(check.stderr, /then run `([^`]+)`/));
    expect(forced.code, forced.stderr).toBe(0);
    expect((await runCli(["check", "--spec", spec, "--out", out])).code).toBe(0);
  });
});

describe("init --help", () => {
  it("shows examples with --spec and --out", async () => {
    const help = await runCli(["init", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Examples:");
    expect(help.stdout).toMatch(/kapso-codegen init --spec openapi\.yaml --out src\/api/);
  });
});
