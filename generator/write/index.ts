/**
 * The write stage, the only one that touches an output folder: compare with disk, then write changed files through
 * temporary names and renames, and remove stale files we own (listed in the manifest, or carrying our banner). A file
 * the manifest knows but that was edited by hand is not overwritten without `force`.
 */
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join, relative, sep } from "node:path";
import { SpecError } from "../errors.js";
import { hasBanner } from "../emit/banner.js";
import type { OutputFile } from "../format/prettier.js";
import { MANIFEST_FILE, readManifest, renderManifest, sha256, type Manifest } from "./manifest.js";

export type FileChange = "create" | "update" | "unchanged" | "remove";

export interface FileState {
  readonly path: string;
  readonly change: FileChange;
  /** The file differs from what the generator last wrote: someone edited it. */
  readonly editedByHand: boolean;
}

export interface DiskComparison {
  readonly states: readonly FileState[];
  readonly previous: Manifest | undefined;
}

export async function compareWithDisk(outDir: string, files: readonly OutputFile[]): Promise<DiskComparison> {
  const previous = await readManifest(outDir);
  const known = previous?.files ?? {};
  const states: FileState[] = [];
  const edited = (path: string, text: string): boolean => known[path] !== undefined && known[path] !== sha256(text);
  for (const file of files) {
    const current = await readIfExists(join(outDir, file.path));
    const change = current === undefined ? "create" : current === file.text ? "unchanged" : "update";
    states.push({ path: file.path, change, editedByHand: change === "update" && current !== undefined && edited(file.path, current) });
  }
  const wanted = new Set(files.map((file) => file.path));
  for (const path of await listFiles(outDir)) {
    if (wanted.has(path) || path === MANIFEST_FILE) continue;
    const text = await readIfExists(join(outDir, path));
    if (text === undefined || !(known[path] !== undefined || (path.endsWith(".ts") && hasBanner(text)))) continue;
    states.push({ path, change: "remove", editedByHand: edited(path, text) });
  }
  return { states: states.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)), previous };
}

/** Refuses to overwrite or delete hand-edited files unless forced; names them so the user can look. */
export function guardHandEdits(outDir: string, states: readonly FileState[], force: boolean): void {
  const edited = states.filter((state) => state.editedByHand && state.change !== "unchanged");
  if (force || edited.length === 0) return;
  const names = edited.map((state) => join(outDir, state.path));
  throw new SpecError(
    `${edited.length === 1 ? "this generated file was" : "these generated files were"} edited by hand since the last generation: ${names.join(", ")}. Nothing was written; move your changes elsewhere, or run again with --force to overwrite them`,
    { file: names[0] ?? outDir },
  );
}

/** Writes every changed file (and the manifest) to a temporary sibling first, then renames them all into place. */
export async function applyChanges(outDir: string, files: readonly OutputFile[], states: readonly FileState[], manifest: Manifest): Promise<void> {
  const byPath = new Map(files.map((file) => [file.path, file]));
  const writes = states
    .filter((state) => state.change === "create" || state.change === "update")
    .map((state) => byPath.get(state.path))
    .filter((file): file is OutputFile => file !== undefined);
  const manifestText = renderManifest(manifest);
  if ((await readIfExists(join(outDir, MANIFEST_FILE))) !== manifestText) writes.push({ path: MANIFEST_FILE, text: manifestText });

  const pending: Array<{ temporary: string; target: string }> = [];
  try {
    for (const file of writes) {
      const target = join(outDir, file.path);
      const temporary = join(dirname(target), `.${file.path.split("/").pop() ?? "file"}.${process.pid}.tmp`);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(temporary, file.text);
      pending.push({ temporary, target });
    }
  } catch (error) {
    await Promise.all(pending.map(({ temporary }) => rm(temporary, { force: true })));
    throw error;
  }
  for (const { temporary, target } of pending) await rename(temporary, target);
  for (const state of states) if (state.change === "remove") await rm(join(outDir, state.path), { force: true });
}

async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

async function listFiles(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    return entries
      .filter((entry) => entry.isFile() && !entry.name.endsWith(".tmp"))
      .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join("/"));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
}
