/**
 * The generated runtime imports `openapi-fetch`'s middleware types (nothing of it runs: a bundle holds none of it), and
 * the package that owns the output folder must provide it for the client to compile. We look it
 * up from the output folder as tsc, bundlers and Node's ESM resolver do: a `node_modules/<name>/package.json` in the
 * folder or one above it. An npm workspace may hoist it there by luck (as a dependency of kapso-codegen); a pnpm
 * workspace, or a folder outside any package, will not, and then the generated code neither compiles nor runs.
 *
 * Not `createRequire(...).resolve`: CommonJS resolution also searches NODE_PATH, which pnpm sets for every script it
 * runs (pointing at its private store), so it would find openapi-fetch where tsc and bundlers never look.
 */
import { existsSync, readFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { shortPath } from "./errors.js";

/** The packages the generated client imports (types only: a devDependency is enough). */
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
export function runtimeDepsWarning(
  folder: string,
  missing: readonly string[],
  ownerDir: string | undefined,
  command: string,
  consequence = "the generated client cannot compile",
): string {
  const what = `${missing.join(", ")} ${missing.length === 1 ? "does" : "do"} not resolve from ${shortPath(folder)}, so ${consequence}`;
  return `warning: ${what}; fix: run \`${command}\` ${describeOwner(folder, ownerDir)}\n`;
}

function describeOwner(folder: string, ownerDir: string | undefined): string {
  if (ownerDir === undefined)
    return `in the package that will own ${shortPath(folder)} (there is no package.json above it)`;
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

/** The dependency fields of package.json, in the order a declaration is looked for. */
type DependencyField = "dependencies" | "peerDependencies" | "optionalDependencies" | "devDependencies";
const DEPENDENCY_FIELDS: readonly DependencyField[] = [
  "dependencies",
  "peerDependencies",
  "optionalDependencies",
  "devDependencies",
];

/** The field of `ownerDir/package.json` that declares `name`, or undefined (also for an unreadable package.json). */
export function declaringField(ownerDir: string, name: string): DependencyField | undefined {
  let manifest: Partial<Record<DependencyField, Record<string, unknown>>>;
  try {
    manifest = JSON.parse(readFileSync(join(ownerDir, "package.json"), "utf8")) as typeof manifest;
  } catch {
    return undefined; // a package.json npm cannot read either: the install command's own error will say why
  }
  return DEPENDENCY_FIELDS.find((field) => typeof manifest[field]?.[name] === "string");
}

/**
 * A package that resolves but that the owning package does not declare is there by luck: hoisted as a dependency of
 * another package (kapso-codegen's own openapi-fetch), and gone after `npm prune --omit=dev` or a change to that
 * package. One line, with the fix.
 */
export function undeclaredWarning(folder: string, name: string, ownerDir: string, command: string): string {
  const owner = shortPath(join(ownerDir, "package.json"));
  return `warning: ${name} resolves from ${shortPath(folder)} only through another package: ${owner} does not list it, so an install that drops that package (such as \`npm prune --omit=dev\`) breaks the generated code; fix: run \`${command}\` ${describeOwner(folder, ownerDir)}\n`;
}

/**
 * What is wrong with one package for one folder: not resolvable, or resolvable but undeclared (a warning). Nothing when
 * the owning package declares it, in any dependency field: the client needs openapi-fetch's types, msw.ts runs in tests.
 */
function dependencyProblem(folder: string, name: string, runtime: boolean, write: (line: string) => void): void {
  const owner = owningPackageDir(folder);
  const command = installCommand(runtime ? [name] : ["-D", `${name}@2`], process.env["npm_config_user_agent"]);
  if (installedPackageDir(name, folder) === undefined) {
    write(
      runtimeDepsWarning(
        folder,
        [name],
        owner,
        command,
        runtime ? "the generated client cannot compile" : "its msw.ts cannot compile or run",
      ),
    );
    return;
  }
  if (owner === undefined) return; // a folder no package owns: nothing can declare it, and it resolves
  const field = declaringField(owner, name);
  if (field === undefined) write(undeclaredWarning(folder, name, owner, command));
}

/**
 * Prints one line per folder and package that is not a declared dependency of the package owning the folder:
 * openapi-fetch for the folders that import the runtime, msw (a dev dependency: only tests use it) for msw.ts.
 */
export function warnAboutUnresolvableRuntimeDeps(
  run: RunFolders,
  write: (line: string) => void = (line) => process.stderr.write(line),
): void {
  for (const folder of foldersImportingRuntime(run)) {
    for (const name of RUNTIME_DEPENDENCIES) dependencyProblem(folder, name, true, write);
  }
  for (const api of run.apis) if (api.msw === true) dependencyProblem(api.out, MSW_DEPENDENCY, false, write);
}
