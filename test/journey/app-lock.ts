/**
 * A package-lock.json for a fresh app that installs kapso-codegen, made from the tool's own lock so that
 * `npm install --offline` needs only the tarballs `npm ci` of this repo put in npm's cache. npm caches tarballs, not the
 * packuments it would ask for to resolve ranges with no lock; a lock whose entries carry their tarball URLs needs none.
 * npm drops the entries the app does not need (the tool's devDependencies it does not ask for).
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { root } from "../support/run.js";
import { withTarballUrl } from "../vendoring/monorepo.js";

interface LockEntry {
  readonly [field: string]: unknown;
}

interface AppManifest {
  readonly name: string;
  readonly dependencies?: Record<string, string>;
  readonly devDependencies?: Record<string, string>;
}

/** The range this repo asks for `name` (a dependency or devDependency), so that the cached version satisfies it. */
export async function toolRange(name: string): Promise<string> {
  const manifest = JSON.parse(await readFile(join(root, "package.json"), "utf8")) as {
    dependencies?: Record<string, string>;
    devDependencies?: Record<string, string>;
  };
  const range = manifest.dependencies?.[name] ?? manifest.devDependencies?.[name];
  if (range === undefined)
    throw new Error(`${name} is not a dependency of kapso-codegen, so npm's cache may not hold it`);
  return range;
}

/** The lock of an app whose package.json names the tool as `file:<tarball>` (a path relative to the app). */
export async function appLock(app: AppManifest, tarball: string, registry: string): Promise<string> {
  const lock = JSON.parse(await readFile(join(root, "package-lock.json"), "utf8")) as {
    packages: Record<string, LockEntry>;
  };
  const { [""]: tool = {}, ...entries } = lock.packages;
  // The tool's installed packages; not its own workspaces (the corpus), which a user never gets.
  const installed = Object.entries(entries).filter(
    ([path, entry]) => path.startsWith("node_modules/") && entry["link"] !== true,
  );
  const toolEntry = {
    version: tool["version"],
    resolved: `file:${tarball}`,
    license: tool["license"],
    dependencies: tool["dependencies"],
    bin: tool["bin"],
    engines: tool["engines"],
  };
  const packages = {
    "": { name: app.name, dependencies: app.dependencies, devDependencies: app.devDependencies },
    "node_modules/kapso-codegen": toolEntry,
    ...Object.fromEntries(installed.map(([path, entry]) => [path, withTarballUrl(path, entry, registry)])),
  };
  return `${JSON.stringify({ name: app.name, lockfileVersion: 3, requires: true, packages }, null, 2)}\n`;
}
