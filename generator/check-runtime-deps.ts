/**
 * The generated runtime imports `openapi-fetch`, and the package that owns the output folder must provide it. We look it
 * up from the output folder as tsc, bundlers and Node's ESM resolver do: a `node_modules/<name>/package.json` in the
 * folder or one above it. An npm workspace may hoist it there by luck (as a dependency of kapso-codegen); a pnpm
 * workspace, or a folder outside any package, will not, and then the generated code neither compiles nor runs.
 *
 * Not `createRequire(...).resolve`: CommonJS resolution also searches NODE_PATH, which pnpm sets for every script it
 * runs (pointing at its private store), so it would find openapi-fetch where tsc and bundlers never look.
 */
import { existsSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { shortPath } from "./errors.js";

/** The packages that generated code imports at run time. */
export const RUNTIME_DEPENDENCIES: readonly string[] = ["openapi-fetch"];

/** What msw.ts (written with the `msw` option) imports besides: a dev dependency, since only tests use it. */
export const MSW_DEPENDENCY = "msw";

/** The runtime dependencies that do not resolve from `outDir`, in the order of RUNTIME_DEPENDENCIES. */
export function findUnresolvableRuntimeDeps(outDir: string): string[] {
  return RUNTIME_DEPENDENCIES.filter((name) => installedPackageDir(name, outDir) === undefined);
}

/** The folders searched for a bare import from `dir`: `dir/node_modules`, then each parent's, up to the root (as Node does). */
export function nodeModulesLookupPaths(dir: string): string[] {
  const paths: string[] = [];
  for (let current = resolve(dir); ; current = dirname(current)) {
    if (basename(current) !== "node_modules") paths.push(join(current, "node_modules")); // no node_modules/node_modules
    if (dirname(current) === current) return paths;
  }
}

/** Where `name` is installed as seen from `dir` (the folder need not exist yet), or undefined. */
export function installedPackageDir(name: string, dir: string): string | undefined {
  return nodeModulesLookupPaths(dir)
    .map((nodeModules) => join(nodeModules, name))
    .find((packageDir) => existsSync(join(packageDir, "package.json")));
}

/** The nearest folder at or above `dir` with a package.json: the package whose dependencies the folder can use. */
export function owningPackageDir(dir: string): string | undefined {
  for (let current = resolve(dir); ; current = dirname(current)) {
    if (existsSync(join(current, "package.json"))) return current;
    if (dirname(current) === current) return undefined;
  }
}

/** The install command of the package manager running us (npm, pnpm, yarn and bun name themselves in this variable). */
export function installCommand(packages: readonly string[], userAgent: string | undefined): string {
  const manager = /^(pnpm|yarn|bun)\//.exec(userAgent ?? "")?.[1];
  return `${manager === undefined ? "npm install" : `${manager} add`} ${packages.join(" ")}`;
}

/** One line: which folder, what is missing, and the command that fixes it in which package. */
export function runtimeDepsWarning(folder: string, missing: readonly string[], ownerDir: string | undefined, command: string, consequence = "the generated client cannot compile or run"): string {
  const what = `${missing.join(", ")} ${missing.length === 1 ? "does" : "do"} not resolve from ${shortPath(folder)}, so ${consequence}`;
  return `warning: ${what}; fix: run \`${command}\` ${describeOwner(folder, ownerDir)}\n`;
}

function describeOwner(folder: string, ownerDir: string | undefined): string {
  if (ownerDir === undefined) return `in the package that will own ${shortPath(folder)} (there is no package.json above it)`;
  const shown = shortPath(ownerDir);
  return shown === "." ? "here, in the package that owns it" : `in ${shown}, the package that owns it`;
}

/** The output folders of a run (a ResolvedRun fits). */
export interface RunFolders {
  readonly apis: readonly { readonly out: string; readonly msw?: boolean | undefined }[];
  readonly runtimeDir: string | undefined;
}

/** The folders whose generated code imports the runtime dependencies: the shared runtime folder, else each API's. */
export function foldersImportingRuntime(run: RunFolders): string[] {
  return run.runtimeDir !== undefined ? [run.runtimeDir] : [...new Set(run.apis.map((api) => api.out))];
}

/** Prints one warning per folder from which a runtime dependency does not resolve. */
export function warnAboutUnresolvableRuntimeDeps(run: RunFolders, write: (line: string) => void = (line) => process.stderr.write(line)): void {
  for (const folder of foldersImportingRuntime(run)) {
    const missing = findUnresolvableRuntimeDeps(folder);
    if (missing.length === 0) continue;
    write(runtimeDepsWarning(folder, missing, owningPackageDir(folder), installCommand(missing, process.env["npm_config_user_agent"])));
  }
  // msw.ts imports msw, which only the project's tests need: a dev dependency.
  for (const api of run.apis) {
    if (api.msw !== true || installedPackageDir(MSW_DEPENDENCY, api.out) !== undefined) continue;
    const command = installCommand(["-D", `${MSW_DEPENDENCY}@2`], process.env["npm_config_user_agent"]);
    write(runtimeDepsWarning(api.out, [MSW_DEPENDENCY], owningPackageDir(api.out), command, "its msw.ts cannot compile or run"));
  }
}
