/**
 * The write stage, the only one that touches the output folder: compare with disk, then write changed files through
 * temporary names and renames, and remove stale files that carry our banner (nothing else is ever deleted).
 */
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join, relative, sep } from "node:path";
import { hasBanner } from "../emit/banner.js";
import type { OutputFile } from "../format/prettier.js";

export type FileChange = "create" | "update" | "unchanged" | "remove";

export interface FileState {
  readonly path: string;
  readonly change: FileChange;
}

export async function compareWithDisk(outDir: string, files: readonly OutputFile[]): Promise<FileState[]> {
  const states: FileState[] = [];
  for (const file of files) {
    const current = await readIfExists(join(outDir, file.path));
    states.push({ path: file.path, change: current === undefined ? "create" : current === file.text ? "unchanged" : "update" });
  }
  const wanted = new Set(files.map((file) => file.path));
  for (const path of await listFiles(outDir)) {
    if (wanted.has(path)) continue;
    const text = await readIfExists(join(outDir, path));
    if (text !== undefined && hasBanner(text)) states.push({ path, change: "remove" });
  }
  return states.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Writes every changed file to a temporary sibling first, then renames them all into place. */
export async function applyChanges(outDir: string, files: readonly OutputFile[], states: readonly FileState[]): Promise<void> {
  const byPath = new Map(files.map((file) => [file.path, file]));
  const pending: Array<{ temporary: string; target: string }> = [];
  try {
    for (const state of states) {
      const file = byPath.get(state.path);
      if (!file || (state.change !== "create" && state.change !== "update")) continue;
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
      .filter((entry) => entry.isFile() && entry.name.endsWith(".ts"))
      .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join("/"));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
}
