/**
 * A generation killed (SIGKILL) in the middle of its write stage leaves every file either as it was or as the new
 * generation makes it, never half-written; the next run cleans up the temporary files and finishes the job.
 * The write stage is slowed with its test-only hook, KAPSO_CODEGEN_TEST_WRITE_PAUSE_MS, so the kills land inside it.
 */
import { once } from "node:events";
import { mkdir, readdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readTree, removeDir, runCli, tempDir } from "../support/run.js";
import { packageFolder, petsSpec, spawnCli, temporaries } from "./helpers.js";

let dir: string;
beforeAll(async () => {
  dir = await tempDir("interrupted");
  await packageFolder(dir);
});
afterAll(async () => {
  await removeDir(dir);
});

const PAUSE_MS = 150;

async function waitFor(condition: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return false;
}

/** `name` generated from the pets spec; the spec (`<name>.yaml`) then changed, so the next run rewrites several files. */
async function generatedThenChanged(
  name: string,
): Promise<{ spec: string; out: string; oldTree: Map<string, string> }> {
  const spec = join(dir, `${name}.yaml`);
  const out = join(dir, name);
  await petsSpec(spec);
  expect((await runCli(["generate", "--spec", spec, "--out", out, "--name", "pets", "-q"], dir)).code).toBe(0);
  const oldTree = await readTree(out);
  await petsSpec(spec, "age");
  return { spec, out, oldTree };
}

describe("a generation killed while writing", () => {
  it("leaves each file old or new, and the next run succeeds and removes the temporary files", async () => {
    // Version A in `out`; version B generated once into `expected` (a sibling, so even the manifest is the same).
    const { spec, out, oldTree } = await generatedThenChanged("out");
    const expected = join(dir, "expected");
    expect((await runCli(["generate", "--spec", spec, "--out", expected, "--name", "pets", "-q"], dir)).code).toBe(0);
    const newTree = await readTree(expected);
    expect([...newTree.keys()]).toEqual([...oldTree.keys()]);
    const differing = [...newTree.keys()].filter((path) => newTree.get(path) !== oldTree.get(path));
    expect(differing.length).toBeGreaterThan(3);

    let lastPid = 0;
    // Kill points spread over the stage: while temporary files are written, while they are renamed, near the end.
    for (const delay of [
      0,
      PAUSE_MS * 3 + Math.random() * PAUSE_MS,
      PAUSE_MS * differing.length + Math.random() * PAUSE_MS * differing.length,
    ]) {
      const child = spawnCli(["generate", "--spec", spec, "--out", out, "--name", "pets", "-q"], dir, {
        KAPSO_CODEGEN_TEST_WRITE_PAUSE_MS: String(PAUSE_MS),
      });
      const exited = once(child, "exit");
      const writing = await waitFor(async () => (await temporaries(out)).length > 0 || child.exitCode !== null, 60_000);
      expect(writing).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, delay));
      child.kill("SIGKILL");
      await exited;
      lastPid = child.pid ?? 0;

      const tree = await readTree(out);
      for (const [path, text] of tree) {
        if (/\.\d+\.tmp$/.test(path)) continue;
        expect([oldTree.get(path), newTree.get(path)], path).toContain(text);
      }
    }

    // A temporary file of a process that is gone: ours by name when it shadows a file we own, else left alone.
    await writeFile(join(out, `.client.ts.${lastPid}.tmp`), "half");
    await writeFile(join(out, `.notes.md.${lastPid}.tmp`), "someone else's");
    const final = await runCli(["generate", "--spec", spec, "--out", out, "--name", "pets"], dir);
    expect(final.stderr).toBe("");
    expect(final.code).toBe(0);
    expect(await readdir(out)).toContain(`.notes.md.${lastPid}.tmp`);
    const tree = await readTree(out);
    tree.delete(`.notes.md.${lastPid}.tmp`);
    expect(tree).toEqual(newTree);
  });

  it("removes its temporary files when a write fails midway, and leaves the old files", async () => {
    const { spec, out, oldTree: before } = await generatedThenChanged("fail");

    // Once the first temporary file exists, a folder takes the temporary name of schema.ts, written later.
    const child = spawnCli(["generate", "--spec", spec, "--out", out, "--name", "pets"], dir, {
      KAPSO_CODEGEN_TEST_WRITE_PAUSE_MS: String(PAUSE_MS * 3),
    });
    let stderr = "";
    child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = once(child, "exit");
    expect(await waitFor(async () => (await temporaries(out)).length > 0, 60_000)).toBe(true);
    const blocker = join(out, `.schema.ts.${child.pid}.tmp`);
    await mkdir(join(blocker, "inside"), { recursive: true });
    const [code] = (await exited) as [number];

    expect(code).toBe(1);
    expect(stderr).toMatch(
      /^kapso-codegen: fail\/schema\.ts: cannot write schema\.ts: is a folder, where a file is needed \(EISDIR\)/,
    );
    await rm(blocker, { recursive: true });
    expect(await temporaries(out)).toEqual([]);
    expect(await readTree(out)).toEqual(before);
  });
});
