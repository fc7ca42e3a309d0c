/**
 * The generated runtime imports `openapi-fetch`, and the package that owns the output folder must provide it. We resolve
 * it from the output folder, as the user's tsc, bundler or Node will: walking up node_modules folders. An npm workspace
 * may hoist it there by luck (as a dependency of kapso-codegen); a pnpm workspace, or a folder outside any package, will
 * not, and then the generated code neither compiles nor runs.
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { shortPath } from "./commands/shared.js";

/** The packages that generated code imports at run time. */
export const RUNTIME_DEPENDENCIES: readonly string[] = ["openapi-fetch"];

/** The runtime dependencies that do not resolve from `outDir`, in the order of RUNTIME_DEPENDENCIES. */
export function findUnresolvableRuntimeDeps(outDir: string): string[] {
  // createRequire wants a file path; the file need not exist, only its folder decides where the lookup starts.
  const requireFromOut = createRequire(join(resolve(outDir), "noop.js"));
  return RUNTIME_DEPENDENCIES.filter((name) => !resolves(requireFromOut, name));
}

function resolves(requireFromOut: NodeJS.Require, name: string): boolean {
  try {
    requireFromOut.resolve(name);
    return true;
  } catch (error) {
    // The package is there but offers nothing to `require` (ESM only): generated code imports it, so that is fine.
    return errorCode(error) === "ERR_PACKAGE_PATH_NOT_EXPORTED";
  }
}

function errorCode(error: unknown): unknown {
  return typeof error === "object" && error !== null && "code" in error ? error.code : undefined;
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
export function runtimeDepsWarning(folder: string, missing: readonly string[], ownerDir: string | undefined, command: string): string {
  const what = `${missing.join(", ")} ${missing.length === 1 ? "does" : "do"} not resolve from ${shortPath(folder)}, so the generated client cannot compile or run`;
  return `warning: ${what}; fix: run \`${command}\` ${describeOwner(folder, ownerDir)}\n`;
}

function describeOwner(folder: string, ownerDir: string | undefined): string {
  if (ownerDir === undefined) return `in the package that will own ${shortPath(folder)} (there is no package.json above it)`;
  const shown = shortPath(ownerDir);
  return shown === "." ? "here, in the package that owns it" : `in ${shown}, the package that owns it`;
}

/** The folders whose generated code imports the runtime dependencies: the shared runtime folder, else each API's. */
export function foldersImportingRuntime(run: { readonly apis: readonly { readonly out: string }[]; readonly runtimeDir: string | undefined }): string[] {
  return run.runtimeDir !== undefined ? [run.runtimeDir] : [...new Set(run.apis.map((api) => api.out))];
}

/** Prints one warning per folder from which a runtime dependency does not resolve. */
export function warnAboutUnresolvableRuntimeDeps(
  run: Parameters<typeof foldersImportingRuntime>[0],
  write: (line: string) => void = (line) => process.stderr.write(line),
): void {
  for (const folder of foldersImportingRuntime(run)) {
    const missing = findUnresolvableRuntimeDeps(folder);
    if (missing.length === 0) continue;
    write(runtimeDepsWarning(folder, missing, owningPackageDir(folder), installCommand(missing, process.env["npm_config_user_agent"])));
  }
}
