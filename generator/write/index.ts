/**
 * The write stage, the only one that touches an output folder: compare with disk, then write changed files through
 * temporary names and renames, and remove stale files. It touches only what it can prove it wrote: a file the folder's
 * own manifest lists with the hash it has on disk, or one whose bytes already equal what it would write. Anything else
 * (a file of the user's, a hand edit, any file while the manifest cannot be read) is refused without `force`.
 */
import { existsSync, unlinkSync } from "node:fs";
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join, relative, sep } from "node:path";
import { environmentError, EnvironmentError, errorCode, SpecError, UsageError } from "../errors.js";
import type { OutputFile } from "../format/prettier.js";
import { loadManifest, MANIFEST_FILE, renderManifest, sha256, type Manifest, type ManifestState } from "./manifest.js";

export type FileChange = "create" | "update" | "unchanged" | "remove";

/**
 * Why a file that would be overwritten or removed may hold someone's work: the manifest lists another hash (edited by
 * hand), no manifest lists it (not ours), or the manifest cannot be read (nothing can be proved).
 */
export type Protection = "edited" | "unowned" | "unverifiable";

export interface FileState {
  readonly path: string;
  readonly change: FileChange;
  /** Set when the change would destroy bytes the generator cannot prove it wrote. */
  readonly protection: Protection | undefined;
}

export interface DiskComparison {
  readonly states: readonly FileState[];
  readonly previous: Manifest | undefined;
  readonly manifest: ManifestState;
}

export async function compareWithDisk(outDir: string, files: readonly OutputFile[]): Promise<DiskComparison> {
  await requireFolder(outDir);
  const manifest = await loadManifest(outDir);
  const known = manifest.kind === "read" ? manifest.manifest.files : {};
  const protection = (path: string, text: string): Protection | undefined => {
    if (manifest.kind === "unreadable") return "unverifiable";
    const hash = known[path];
    return hash === undefined ? "unowned" : hash === sha256(text) ? undefined : "edited";
  };
  const states: FileState[] = [];
  for (const file of files) {
    const current = await readIfExists(join(outDir, file.path));
    const change = current === undefined ? "create" : current === file.text ? "unchanged" : "update";
    states.push({
      path: file.path,
      change,
      protection: change === "update" && current !== undefined ? protection(file.path, current) : undefined,
    });
  }
  // Stale files: only those this folder's manifest lists, never one inside another output's folder.
  const wanted = new Set(files.map((file) => file.path));
  for (const path of Object.keys(known)) {
    if (wanted.has(path) || path === MANIFEST_FILE || insideAnotherOutput(outDir, path)) continue;
    const text = await readIfExists(join(outDir, path));
    if (text !== undefined) states.push({ path, change: "remove", protection: protection(path, text) });
  }
  return {
    states: states.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
    previous: manifest.kind === "read" ? manifest.manifest : undefined,
    manifest,
  };
}

/**
 * Refuses, unless forced, to overwrite or delete a file the generator cannot prove it wrote; names every such file so
 * the user can look. Nothing has been written when this throws.
 */
export function guardHandEdits(outDir: string, comparison: DiskComparison, force: boolean): void {
  if (force) return;
  const at = (protection: Protection): string[] =>
    comparison.states
      .filter((state) => state.protection === protection && state.change !== "unchanged")
      .map((state) => join(outDir, state.path));
  const list = (names: readonly string[]): string => names.join(", ");
  const unverifiable = at("unverifiable");
  if (comparison.manifest.kind === "unreadable" && unverifiable.length > 0) {
    throw new SpecError(
      `the manifest of ${outDir} cannot be read (${comparison.manifest.reason}), so nothing proves these files were generated and not edited: ${list(unverifiable)}. Nothing was written; check them, then run again with --force to overwrite them and write a new manifest`,
      { file: join(outDir, MANIFEST_FILE) },
    );
  }
  const edited = at("edited");
  if (edited.length > 0) {
    throw new SpecError(
      `${edited.length === 1 ? "this generated file was" : "these generated files were"} edited by hand since the last generation: ${list(edited)}. Nothing was written; move your changes elsewhere, or run again with --force to overwrite them`,
      { file: edited[0] ?? outDir },
    );
  }
  const unowned = at("unowned");
  if (unowned.length > 0) {
    const manifestNote =
      comparison.manifest.kind === "absent"
        ? `${outDir} has no ${MANIFEST_FILE}`
        : `its ${MANIFEST_FILE} does not list ${unowned.length === 1 ? "it" : "them"}`;
    throw new UsageError(
      `${unowned.length === 1 ? "this file was" : "these files were"} not written by kapso-codegen and would be overwritten: ${list(unowned)} (${manifestNote}). Nothing was written; choose another --out, move ${unowned.length === 1 ? "the file" : "the files"}, or run again with --force to overwrite ${unowned.length === 1 ? "it" : "them"}`,
    );
  }
}

/**
 * Writes every changed file (and the manifest, last) to a temporary sibling first, then renames them into place: a
 * failure or a signal leaves each file either old or new. Temporary files are removed on failure; those a killed run
 * left behind are removed by the next one.
 */
export async function applyChanges(
  outDir: string,
  files: readonly OutputFile[],
  states: readonly FileState[],
  manifest: Manifest,
): Promise<void> {
  const byPath = new Map(files.map((file) => [file.path, file]));
  const writes = states
    .filter((state) => state.change === "create" || state.change === "update")
    .map((state) => byPath.get(state.path))
    .filter((file): file is OutputFile => file !== undefined);
  const manifestText = renderManifest(manifest);
  if ((await readIfExists(join(outDir, MANIFEST_FILE))) !== manifestText)
    writes.push({ path: MANIFEST_FILE, text: manifestText });
  if (writes.length === 0 && !states.some((state) => state.change === "remove")) return;

  await makeFolder(outDir);
  await removeStaleTemporaries(
    outDir,
    new Set([...files.map((file) => file.path), ...Object.keys(manifest.files), MANIFEST_FILE]),
  );
  const pending: Array<{ temporary: string; target: string }> = [];
  const cleanUp = (): void => {
    for (const { temporary } of pending.splice(0)) removeTemporary(temporary);
  };
  const onSignal = (signal: NodeJS.Signals): void => {
    // Another listener (watch) stops gracefully after this write: let it finish rather than end the process here.
    if (process.listenerCount(signal) > 0) return;
    cleanUp();
    process.kill(process.pid, signal); // listeners are gone by now: the default action ends the process
  };
  const signals = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
  const listen = (on: boolean): void => {
    for (const signal of signals) {
      if (on) process.once(signal, onSignal);
      else process.removeListener(signal, onSignal);
    }
  };
  listen(true);
  try {
    for (const file of writes) {
      const target = join(outDir, file.path);
      const temporary = temporaryName(target);
      await makeFolder(dirname(target));
      pending.push({ temporary, target });
      await located(writeFile(temporary, file.text), target, `write ${file.path}`);
      await testPause();
    }
    // The manifest is renamed last: until then the old one still proves every file not yet replaced.
    while (pending.length > 0) {
      const next = pending[0];
      if (next === undefined) break;
      await located(rename(next.temporary, next.target), next.target, `replace ${basename(next.target)}`);
      pending.shift();
      await testPause();
    }
    for (const state of states)
      if (state.change === "remove")
        await located(rm(join(outDir, state.path), { force: true }), join(outDir, state.path), `remove ${state.path}`);
  } finally {
    cleanUp();
    listen(false);
  }
}

/** `.client.ts.1234.tmp` beside `client.ts`: hidden, and marked with the process that writes it. */
function temporaryName(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
}

/** Synchronous, so it can run in a signal handler too. */
function removeTemporary(path: string): void {
  try {
    unlinkSync(path);
  } catch (error) {
    // Not written yet, or something else (a folder) in its place: neither is ours to remove.
    if (errorCode(error) !== "ENOENT" && errorCode(error) !== "EISDIR") throw error;
  }
}

const TEMPORARY = /^\.(.+)\.(\d+)\.tmp$/;

/** Removes temporary files a killed run left: ours by name (a file this folder owns, a process that is gone). */
async function removeStaleTemporaries(outDir: string, owned: ReadonlySet<string>): Promise<void> {
  const folders = new Set([...owned].map((path) => dirname(join(outDir, path))));
  for (const folder of folders) {
    for (const name of await listNames(folder)) {
      const match = TEMPORARY.exec(name);
      if (!match?.[1] || !match[2] || Number(match[2]) === process.pid || processAlive(Number(match[2]))) continue;
      const relativeTarget = relative(outDir, join(folder, match[1])).split(sep).join("/");
      if (owned.has(relativeTarget))
        await located(rm(join(folder, name), { force: true }), join(folder, name), "remove a stale temporary file");
    }
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    if (errorCode(error) === "ESRCH") return false;
    if (errorCode(error) === "EPERM") return true; // alive, someone else's
    throw error;
  }
}

/**
 * Test-only hook: KAPSO_CODEGEN_TEST_WRITE_PAUSE_MS makes the write stage wait that long after each temporary file and
 * each rename, so a test can interrupt it at a chosen point. Not an option for users.
 */
async function testPause(): Promise<void> {
  const ms = Number(process.env["KAPSO_CODEGEN_TEST_WRITE_PAUSE_MS"] ?? 0);
  if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
}

/** A subfolder holding its own manifest belongs to another output: never touched from here. */
function insideAnotherOutput(outDir: string, path: string): boolean {
  const parts = path.split("/").slice(0, -1);
  return parts.some((_, index) => existsSync(join(outDir, ...parts.slice(0, index + 1), MANIFEST_FILE)));
}

/** The output folder is a folder, or does not exist yet; a file in its place is the user's to fix. */
async function requireFolder(outDir: string): Promise<void> {
  try {
    if (!(await stat(outDir)).isDirectory())
      throw new EnvironmentError("the output folder is a file, not a folder", { file: outDir });
  } catch (error) {
    if (errorCode(error) === "ENOENT") return;
    throw environmentError(error, outDir, "use the output folder") ?? error;
  }
}

async function makeFolder(dir: string): Promise<void> {
  await located(mkdir(dir, { recursive: true }), dir, "create the folder");
}

/** Awaits a file-system call, turning a failure the user can fix into an error naming the path. */
async function located<T>(work: Promise<T>, path: string, doing: string): Promise<T> {
  try {
    return await work;
  } catch (error) {
    throw environmentError(error, path, doing) ?? error;
  }
}

async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    if (errorCode(error) === "ENOENT") return undefined;
    throw environmentError(error, path, "read it") ?? error;
  }
}

async function listNames(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (error) {
    if (errorCode(error) === "ENOENT") return [];
    throw environmentError(error, dir, "list the folder") ?? error;
  }
}
