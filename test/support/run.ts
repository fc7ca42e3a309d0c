/** Helpers shared by the tests: temporary folders, the built CLI, and tsc over a folder. */
import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { cliScript, tscBin, tscFullScript } from "../../scripts/lib/paths.js";

export const root = fileURLToPath(new URL("../..", import.meta.url));
export const kapsoSpec = join(root, "specs", "kapso-platform.yaml");
export const committedKapso = join(root, "generated", "kapso");

const run = promisify(execFile);

export async function tempDir(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `kapso-codegen-${prefix}-`));
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

export interface CommandResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the built CLI (npm test builds it first), as a user's build would. */
export async function runCli(
  args: readonly string[],
  cwd = root,
  nodeArgs: readonly string[] = [],
): Promise<CommandResult> {
  return runNode([...nodeArgs, cliScript, ...args], cwd);
}

/** tsc -p over a project, generated clients checked in full (see scripts/tsc-full.ts). */
export async function runTsc(args: readonly string[], cwd = root): Promise<CommandResult> {
  return runNode([tscFullScript, ...args], cwd);
}

/** tsc itself, as a user's build runs it: a generated client's declarations are resolved where they are used. */
export async function runUserTsc(args: readonly string[], cwd = root): Promise<CommandResult> {
  return runNode([tscBin, ...args], cwd);
}

async function runNode(args: readonly string[], cwd: string): Promise<CommandResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, [...args], { cwd, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return {
      code: typeof failed.code === "number" ? failed.code : 1,
      stdout: failed.stdout ?? "",
      stderr: failed.stderr ?? "",
    };
  }
}

/** Every file below `dir`, as relative path → content. */
export async function readTree(dir: string): Promise<Map<string, string>> {
  const tree = new Map<string, string>();
  let entries;
  try {
    entries = await readdir(dir, { recursive: true, withFileTypes: true });
  } catch {
    return tree;
  }
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    tree.set(relative(dir, path), await readFile(path, "utf8"));
  }
  return new Map([...tree].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/**
 * Like readTree, but with the manifest's fingerprint and input paths blanked: they cover raw input bytes, where the
 * inputs are, and the generator's own build, so they legitimately differ between a source and a dist run, between
 * output folders in different places, or between two byte-different but equal specs.
 */
export async function readComparableTree(dir: string): Promise<Map<string, string>> {
  const tree = await readTree(dir);
  const manifest = tree.get("kapso-codegen.manifest.json");
  if (manifest !== undefined) {
    const blanked = manifest
      .replace(/"fingerprint": "[0-9a-f]*"/, '"fingerprint": "…"')
      .replace(/"inputs": \[[^\]]*\]/, '"inputs": […]');
    tree.set("kapso-codegen.manifest.json", blanked);
  }
  return tree;
}
