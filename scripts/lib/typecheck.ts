/**
 * tsc --strict over many output folders at once. One program per core (folders balanced by size) is far faster than
 * one per spec: the lib files are checked once per program. Each diagnostic is mapped back to the folder it is in.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { readdir, stat, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { nodeModules, tscFullScript } from "./paths.js";

/** The options users of the generated code may have: the strictest common ones, lib checking included. */
export const strictCompilerOptions = {
  target: "ES2022",
  lib: ["ES2023", "DOM"],
  types: [],
  module: "NodeNext",
  moduleResolution: "NodeNext",
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  noUnusedLocals: true,
  skipLibCheck: false,
  noEmit: true,
} as const;

export interface TscDiagnostic {
  /** Relative to the work dir, as tsc prints it. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** `TS2322`. */
  readonly code: string;
  /** The first line of the message. */
  readonly message: string;
}

export interface TypecheckResult {
  /** Folder → its diagnostics, in tsc's order; folders without errors are absent. */
  readonly byFolder: ReadonlyMap<string, readonly TscDiagnostic[]>;
  /** Errors outside every folder (a lib file, the config) or tsc failing to run: a problem of the run itself. */
  readonly unplaced: readonly string[];
}

/**
 * Type-checks `folders` (relative to `workDir`) in up to `programs` tsc processes run side by side. `workDir` must
 * resolve `openapi-fetch` (the corpus links node_modules into it).
 */
export async function typecheckFolders(
  workDir: string,
  folders: readonly string[],
  programs: number,
): Promise<TypecheckResult> {
  const sized = await Promise.all(
    folders.map(async (folder) => ({ key: folder, size: await folderBytes(join(workDir, folder)) })),
  );
  const groups = partitionBySize(sized, programs).filter((group) => group.length > 0);
  const outputs = await Promise.all(groups.map((group, index) => runProgram(workDir, group, index)));
  const diagnostics = outputs.flatMap((output) => output.diagnostics);
  const { byFolder, outside } = assignToFolders(diagnostics, folders);
  const unplaced = [
    ...outputs.flatMap((output) => output.other),
    ...outside.map((diagnostic) => formatDiagnostic(diagnostic)),
  ];
  return { byFolder, unplaced };
}

/** Generated code imports `openapi-fetch`: a folder outside the repo sees its node_modules, as a user's project would. */
export async function linkNodeModules(workDir: string): Promise<void> {
  const link = join(workDir, "node_modules");
  if (!existsSync(link)) await symlink(nodeModules, link, "dir");
}

/** Greedy largest-first into `bins` groups of about equal total size; each group keeps its keys sorted. */
export function partitionBySize(
  items: readonly { readonly key: string; readonly size: number }[],
  bins: number,
): string[][] {
  const groups = Array.from({ length: Math.max(1, bins) }, () => ({ size: 0, keys: [] as string[] }));
  const largestFirst = [...items].sort((a, b) => b.size - a.size || (a.key < b.key ? -1 : 1));
  for (const item of largestFirst) {
    const lightest = groups.reduce((best, group) => (group.size < best.size ? group : best));
    lightest.size += item.size;
    lightest.keys.push(item.key);
  }
  return groups.map((group) => group.keys.sort());
}

interface ProgramOutput {
  readonly diagnostics: TscDiagnostic[];
  readonly other: string[];
}

const run = promisify(execFile);

async function runProgram(workDir: string, folders: readonly string[], index: number): Promise<ProgramOutput> {
  const config = join(workDir, `tsconfig.corpus-${index}.json`);
  const tsconfig = { compilerOptions: strictCompilerOptions, include: folders.map((folder) => `${folder}/**/*.ts`) };
  await writeFile(config, `${JSON.stringify(tsconfig, null, 2)}\n`);
  let stdout: string;
  let failure = "";
  try {
    ({ stdout } = await run(process.execPath, [tscFullScript, "-p", config, "--pretty", "false"], {
      cwd: workDir,
      maxBuffer: 512 * 1024 * 1024,
    }));
  } catch (error) {
    // Exit code 1 or 2 means "diagnostics present"; anything else (a crash, out of memory) is reported as is.
    const failed = error as { stdout?: string; stderr?: string; code?: unknown; signal?: unknown };
    stdout = failed.stdout ?? "";
    if (failed.code !== 1 && failed.code !== 2)
      failure = `tsc program ${index} failed (${String(failed.signal ?? failed.code)}): ${(failed.stderr ?? "").trim().split("\n").pop() ?? ""}`;
  }
  const parsed = parseTscOutput(stdout);
  return { diagnostics: parsed.diagnostics, other: failure === "" ? parsed.other : [...parsed.other, failure] };
}

const diagnosticLine = /^(.+?)\((\d+),(\d+)\): error (TS\d+): (.*)$/;

/** Parses `tsc --pretty false`: one diagnostic per line; indented lines continue the previous message and are dropped. */
export function parseTscOutput(text: string): { diagnostics: TscDiagnostic[]; other: string[] } {
  const diagnostics: TscDiagnostic[] = [];
  const other: string[] = [];
  for (const line of text.split("\n")) {
    if (line.trim() === "" || /^\s/.test(line)) continue;
    const match = diagnosticLine.exec(line);
    const [, file, lineNumber, column, code, message] = match ?? [];
    if (
      file === undefined ||
      lineNumber === undefined ||
      column === undefined ||
      code === undefined ||
      message === undefined
    )
      other.push(line);
    else
      diagnostics.push({
        file,
        line: Number(lineNumber),
        column: Number(column),
        code,
        message: stableUnions(message),
      });
  }
  return { diagnostics, other };
}

const literal = String.raw`(?<![\w$.])(?:"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?|true|false|null|undefined|\.\.\. \d+ more \.\.\.)`;
const literalUnion = new RegExp(`${literal}(?: \\| ${literal})+`, "g");

/**
 * tsc prints a union of literals in the order it created the types, which depends on everything else in the program:
 * sorted members (and a count instead of a truncated `... N more ...` list) keep a spec's reason the same when other
 * specs change.
 */
export function stableUnions(message: string): string {
  return message.replace(literalUnion, (union) => {
    const members = union.split(" | ");
    const hidden = members
      .map((member) => /^\.\.\. (\d+) more \.\.\.$/.exec(member)?.[1])
      .find((count) => count !== undefined);
    return hidden === undefined
      ? members.sort().join(" | ")
      : `(one of ${members.length - 1 + Number(hidden)} literals)`;
  });
}

export function assignToFolders(
  diagnostics: readonly TscDiagnostic[],
  folders: readonly string[],
): { byFolder: Map<string, TscDiagnostic[]>; outside: TscDiagnostic[] } {
  // Longest first, so a folder nested in another (a/b inside a) claims its own files.
  const candidates = [...folders].sort((a, b) => b.length - a.length);
  const byFolder = new Map<string, TscDiagnostic[]>();
  const outside: TscDiagnostic[] = [];
  for (const diagnostic of diagnostics) {
    const folder = candidates.find((candidate) => diagnostic.file.startsWith(`${candidate}/`));
    if (folder === undefined) outside.push(diagnostic);
    else {
      const list = byFolder.get(folder) ?? [];
      list.push(diagnostic);
      byFolder.set(folder, list);
    }
  }
  return { byFolder, outside };
}

export function formatDiagnostic(diagnostic: TscDiagnostic, relativeTo = ""): string {
  const file =
    relativeTo !== "" && diagnostic.file.startsWith(`${relativeTo}/`)
      ? diagnostic.file.slice(relativeTo.length + 1)
      : diagnostic.file;
  return `${file}:${diagnostic.line}:${diagnostic.column} ${diagnostic.code}: ${diagnostic.message}`;
}

async function folderBytes(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const sizes = await Promise.all(
    entries
      .filter((entry) => entry.isFile())
      .map(async (entry) => (await stat(join(entry.parentPath, entry.name))).size),
  );
  return sizes.reduce((sum, size) => sum + size, 0);
}
