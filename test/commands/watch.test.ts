/**
 * `kapso-codegen watch`: the watcher in process (through startWatch, waiting on its runs, never on the clock), and
 * the built CLI once, to see it stop cleanly on SIGINT.
 */
import { spawn } from "node:child_process";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { startWatch, type Watcher, type WatchRun } from "../../generator/commands/watch.js";
import { removeDir, root, tempDir } from "../support/run.js";
import { addPhoneNumberProperty, kapsoSpecText } from "./kapso-edits.js";

let dir: string;
let original: string;
beforeAll(async () => {
  dir = await tempDir("watch");
  original = await kapsoSpecText();
});
afterAll(async () => {
  await removeDir(dir);
});

/** Runs as they complete; `next()` waits for the next one not yet taken. */
class RunQueue {
  private readonly done: WatchRun[] = [];
  private readonly waiting: Array<(run: WatchRun) => void> = [];
  readonly onRun = (run: WatchRun): void => {
    const waiter = this.waiting.shift();
    if (waiter) waiter(run);
    else this.done.push(run);
  };
  next(): Promise<WatchRun> {
    const run = this.done.shift();
    return run ? Promise.resolve(run) : new Promise((resolve) => this.waiting.push(resolve));
  }
  get pending(): number {
    return this.done.length;
  }
}

/** What the watcher and the generate runs print, captured instead of shown. */
function captureOutput(): { stdout: () => string; stderr: () => string; clear: () => void } {
  let stdout = "";
  let stderr = "";
  vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  return {
    stdout: () => stdout,
    stderr: () => stderr,
    clear: () => {
      stdout = "";
      stderr = "";
    },
  };
}

function watchCount(): number {
  return process.getActiveResourcesInfo().filter((name) => name === "FSEventWrap").length;
}

let watcher: Watcher | undefined;
afterEach(async () => {
  await watcher?.close();
  watcher = undefined;
  vi.restoreAllMocks();
});

describe("startWatch", () => {
  it("regenerates on a change, prints the report, survives a broken spec, and stops on close()", async () => {
    const folder = join(dir, "kapso");
    await mkdir(folder);
    const spec = join(folder, "kapso-platform.yaml");
    const out = join(folder, "generated");
    await writeFile(spec, original);
    const output = captureOutput();
    const runs = new RunQueue();
    const before = watchCount();

    watcher = await startWatch({ spec, out, name: "kapso", debounce: 30 }, { onRun: runs.onRun });
    expect(await runs.next()).toEqual({ changed: [], code: 0 });
    expect(await readFile(join(out, "client.ts"), "utf8")).toContain("createKapsoClient");
    expect(watcher.files()).toEqual([spec]);
    expect(watchCount()).toBe(before + 1);

    // Two quick saves are one regeneration.
    output.clear();
    await writeFile(spec, addPhoneNumberProperty(original, "nick"));
    await writeFile(spec, addPhoneNumberProperty(original, "nickname"));
    expect(await runs.next()).toEqual({ changed: [spec], code: 0 });
    expect(await readFile(join(out, "schema.ts"), "utf8")).toContain("nickname?: string");
    expect(output.stdout()).toContain("0 breaking, 2 non-breaking changes");
    expect(output.stdout()).toMatch(/non-breaking\s+Optional property added at response 200 \/data\/nickname/);

    // A half-saved spec: the error is printed, the output is left alone, and the watch goes on.
    output.clear();
    await writeFile(spec, original.slice(0, original.indexOf("  responses:\n")) + "  responses: [unclosed\n");
    expect(await runs.next()).toMatchObject({ changed: [spec], code: 1 });
    expect(output.stderr()).toMatch(/kapso-platform\.yaml:\d+:\d+: cannot parse/);
    expect(await readFile(join(out, "schema.ts"), "utf8")).toContain("nickname?: string");
    expect(runs.pending).toBe(0);

    output.clear();
    await writeFile(spec, addPhoneNumberProperty(addPhoneNumberProperty(original, "nickname"), "alias"));
    expect(await runs.next()).toEqual({ changed: [spec], code: 0 });
    expect(await readFile(join(out, "schema.ts"), "utf8")).toContain("alias?: string");
    expect(output.stdout()).toContain("0 breaking, 2 non-breaking changes"); // alias, in each of the two responses

    await watcher.close();
    // A closed fs.watch handle leaves the list of active resources on the event loop's next turn.
    await vi.waitFor(() => expect(watchCount()).toBe(before), { timeout: 1000, interval: 5 });
  });

  it("watches the files a spec $refs, and starts a run when one of them changes", async () => {
    const folder = join(dir, "split");
    await mkdir(join(folder, "schemas"), { recursive: true });
    const spec = join(folder, "openapi.yaml");
    const part = join(folder, "schemas", "thing.yaml");
    await writeFile(
      spec,
      "openapi: 3.1.0\ninfo: { title: Split, version: '1' }\npaths:\n  /thing:\n    get:\n      operationId: getThing\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema:\n                $ref: ./schemas/thing.yaml\n",
    );
    await writeFile(part, "type: object\nproperties:\n  id: { type: string }\n");
    captureOutput();
    const runs = new RunQueue();

    watcher = await startWatch({ spec, out: join(folder, "generated"), debounce: 30 }, { onRun: runs.onRun });
    expect(await runs.next()).toEqual({ changed: [], code: 0 });
    expect([...watcher.files()].sort()).toEqual([part, spec].sort());

    await writeFile(part, "type: object\nproperties:\n  id: { type: string }\n  size: { type: integer }\n");
    expect(await runs.next()).toEqual({ changed: [part], code: 0 });
  });

  it("ignores other files in the spec's folder", async () => {
    const folder = join(dir, "quiet");
    await mkdir(folder);
    const spec = join(folder, "api.yaml");
    await writeFile(spec, original);
    captureOutput();
    const runs = new RunQueue();

    watcher = await startWatch({ spec, out: join(folder, "generated"), debounce: 30 }, { onRun: runs.onRun });
    await runs.next();
    await writeFile(join(folder, "notes.txt"), "not a spec");
    await writeFile(spec, addPhoneNumberProperty(original, "nickname"));
    // The next run is the spec's, and only the spec is named: the other file started nothing.
    expect(await runs.next()).toEqual({ changed: [spec], code: 0 });
  });

  it("watches the config file too, with every API's spec", async () => {
    const folder = join(dir, "config");
    await mkdir(folder);
    const spec = join(folder, "api.yaml");
    const config = join(folder, "kapso-codegen.config.json");
    await writeFile(spec, original);
    await writeFile(config, JSON.stringify({ apis: [{ spec: "api.yaml", out: "generated/api" }] }));
    captureOutput();
    const runs = new RunQueue();

    watcher = await startWatch({ config, debounce: 30 }, { onRun: runs.onRun });
    expect(await runs.next()).toEqual({ changed: [], code: 0 });
    expect(watcher.files()).toEqual([config, spec]);

    await writeFile(config, JSON.stringify({ apis: [{ spec: "api.yaml", out: "generated/renamed" }] }));
    expect(await runs.next()).toEqual({ changed: [config], code: 0 });
    expect(await readFile(join(folder, "generated", "renamed", "client.ts"), "utf8")).toContain("createRenamedClient");
  });

  it("rejects a negative debounce as a usage error", async () => {
    await expect(startWatch({ spec: join(dir, "any.yaml"), debounce: -1 })).rejects.toThrow(
      /--debounce must be a number of milliseconds/,
    );
  });
});

describe("kapso-codegen watch", () => {
  it("generates, watches, and exits 0 on SIGINT", async () => {
    const folder = join(dir, "cli");
    await mkdir(folder);
    const spec = join(folder, "api.yaml");
    await writeFile(spec, original);
    const child = spawn(
      process.execPath,
      [join(root, "dist", "generator", "cli.js"), "watch", "--spec", spec, "--out", join(folder, "generated")],
      { cwd: folder },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    const watching = new Promise<void>((resolve) => {
      child.stderr.on("data", (chunk: Buffer) => {
        stderr += chunk.toString();
        if (stderr.includes("press Ctrl-C to stop")) resolve();
      });
    });
    // stdout and stderr are separate pipes: the summary line may arrive after the "watching" line.
    const generated = new Promise<void>((resolve) =>
      child.stdout.on("data", () => /^generated: /.test(stdout) && resolve()),
    );
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));

    await Promise.race([Promise.all([watching, generated]), exited]);
    expect(stderr).toContain("watching api.yaml for changes");
    expect(stdout).toMatch(/^generated: 6 operations; /);
    child.kill("SIGINT");
    expect(await exited).toBe(0);
    expect(stderr).toContain("stopped watching");
  });
});
