/**
 * Builds throwaway monorepos in the temp folder: the tool copied to tools/kapso-codegen as a user would vendor it, and a
 * consumer package packages/app that generates two APIs from a config file through `npm run generate`.
 */
import { execFile } from "node:child_process";
import { cp, mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { strictCompilerOptions } from "../../scripts/lib/typecheck.js";
import { root } from "../support/run.js";

const run = promisify(execFile);

/** What a user copies to vendor the tool: everything needed to build and run it, not node_modules, dist, generated or tests. */
export const VENDORED_PATHS = [
  "package.json",
  "package-lock.json",
  "tsconfig.json",
  "tsconfig.build.json",
  "README.md",
  "bin",
  "generator",
  "templates",
  "specs",
  "scripts",
];

export interface CommandResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function runCommand(
  command: string,
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv = process.env,
  timeoutMs = 150_000,
): Promise<CommandResult> {
  try {
    const { stdout, stderr } = await run(command, [...args], {
      cwd,
      env,
      timeout: timeoutMs,
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: unknown; stdout?: string; stderr?: string; message?: string };
    return {
      code: typeof failed.code === "number" ? failed.code : 1,
      stdout: failed.stdout ?? "",
      stderr: `${failed.stderr ?? ""}${failed.message ?? ""}`,
    };
  }
}

/**
 * The environment for installs: the test runner's own npm_* variables dropped (they describe the outer `npm test`), and
 * proxies that lead nowhere, so that any request to the internet fails loudly instead of quietly succeeding.
 */
export function isolatedEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const kept = Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name) || /^npm_config_cache$/i.test(name));
  const deadEnd = "http://127.0.0.1:9";
  return {
    ...Object.fromEntries(kept),
    HTTPS_PROXY: deadEnd,
    HTTP_PROXY: deadEnd,
    NO_PROXY: "127.0.0.1,localhost",
    npm_config_update_notifier: "false",
    ...extra,
  };
}

/** The tool's files that git tracks or would track (untracked but not ignored), so work in progress is vendored too. */
export async function vendoredFiles(): Promise<string[]> {
  const { stdout } = await run(
    "git",
    ["ls-files", "--cached", "--others", "--exclude-standard", "-z", "--", ...VENDORED_PATHS],
    { cwd: root, maxBuffer: 16 * 1024 * 1024 },
  );
  return [...new Set(stdout.split("\0").filter((path) => path !== ""))];
}

/** Copies the tool into `dest`; returns the relative paths copied. A path in the index but deleted from disk is skipped. */
export async function copyTool(dest: string): Promise<string[]> {
  const copied: string[] = [];
  for (const path of await vendoredFiles()) {
    try {
      await cp(join(root, path), join(dest, path));
      copied.push(path);
    } catch (error) {
      if ((error as { code?: unknown }).code !== "ENOENT") throw error;
    }
  }
  return copied;
}

/** A second API beside Kapso's, small on purpose. */
export const PETS_SPEC = `openapi: 3.1.0
info: { title: Pets, version: "1" }
servers: [{ url: https://pets.example.com }]
paths:
  /pets/{id}:
    get:
      operationId: getPet
      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
      responses:
        "200":
          description: the pet
          content:
            application/json:
              schema: { type: object, required: [id, name], properties: { id: { type: string }, name: { type: string } } }
`;

/** Consumer code: both clients used through their entry points, so tsc checks what an app imports, not only the output. */
const APP_MAIN = `import { createKapsoClient } from "./api/kapso/index.js";
import { createPetsClient, type GetPetResult } from "./api/pets/index.js";

export const kapso = createKapsoClient({ apiKey: "test-key" });
const pets = createPetsClient();

export async function petName(id: string): Promise<string | undefined> {
  const result: GetPetResult = await pets.getPet({ path: { id } });
  return result.ok ? result.data.name : undefined;
}
`;

export type ModuleResolution = "bundler" | "nodenext";

function appTsconfig(resolution: ModuleResolution): string {
  const module = resolution === "bundler" ? "ESNext" : "NodeNext";
  const compilerOptions = {
    ...strictCompilerOptions,
    module,
    moduleResolution: resolution === "bundler" ? "Bundler" : "NodeNext",
  };
  return `${JSON.stringify({ compilerOptions, include: ["src"] }, null, 2)}\n`;
}

export interface MonorepoLayout {
  /** The monorepo's root package.json fields beyond name and private (npm: `workspaces`). */
  readonly rootFields: Record<string, unknown>;
  /** npm: the registry whose tarball URLs go into a root package-lock.json pinning the tool's locked versions. */
  readonly npmRegistry?: string;
  /** Extra files at the root, such as pnpm-workspace.yaml. */
  readonly rootFiles: Record<string, string>;
  /** How the app names the vendored tool: "*" for npm, "workspace:*" for pnpm. */
  readonly toolRange: string;
  readonly moduleResolution: ModuleResolution;
}

export const appDir = (repo: string): string => join(repo, "packages", "app");
export const toolDir = (repo: string): string => join(repo, "tools", "kapso-codegen");

/** The range the tool itself asks for, so the app asks for a version that npm's cache holds. */
async function toolDependencyRange(repo: string, name: string): Promise<string> {
  const manifest = JSON.parse(await readFile(join(toolDir(repo), "package.json"), "utf8")) as {
    dependencies?: Record<string, string>;
  };
  return manifest.dependencies?.[name] ?? "*";
}

interface NpmLock {
  readonly lockfileVersion: number;
  readonly packages: Record<string, Record<string, unknown>>;
}

/**
 * The monorepo's package-lock.json, made from the tool's own: the tool as a workspace at `toolPath`, its locked
 * packages hoisted to the root as npm would place them, each with its tarball URL. Without a lock, npm resolves every
 * range from full packuments, which `npm ci` never caches (it asks for the abbreviated ones), and may pick versions
 * newer than the cached tarballs; without the URLs (this repo's lock omits them) it asks for abbreviated packuments
 * again, which `npm install` and `npm view` may have replaced in the cache. With both, the install needs only the
 * tarballs that `npm ci` of the tool downloaded. npm adds the other workspaces itself; their dependencies are already
 * in the tree.
 */
export function monorepoLock(
  toolLock: NpmLock,
  rootManifest: Record<string, unknown>,
  toolPath: string,
  registry: string,
): NpmLock {
  const { [""]: tool = {}, ...installed } = toolLock.packages;
  const toolName = typeof tool["name"] === "string" ? tool["name"] : "kapso-codegen";
  const withUrls = Object.fromEntries(
    Object.entries(installed).map(([path, entry]) => [path, withTarballUrl(path, entry, registry)]),
  );
  return {
    ...toolLock,
    name: rootManifest["name"],
    packages: {
      "": rootManifest,
      [toolPath]: tool,
      [`node_modules/${toolName}`]: { resolved: toolPath, link: true },
      ...withUrls,
    },
  } as NpmLock;
}

/** `node_modules/a/node_modules/@s/b` at 1.2.3 → `<registry>@s/b/-/b-1.2.3.tgz`, the URL npm itself downloads. */
export function withTarballUrl(
  path: string,
  entry: Record<string, unknown>,
  registry: string,
): Record<string, unknown> {
  if (entry["resolved"] !== undefined || entry["link"] === true || typeof entry["version"] !== "string") return entry;
  const name =
    typeof entry["name"] === "string"
      ? entry["name"]
      : path.slice(path.lastIndexOf("node_modules/") + "node_modules/".length);
  const base = name.slice(name.lastIndexOf("/") + 1);
  return { ...entry, resolved: `${registry.replace(/\/?$/, "/")}${name}/-/${base}-${entry["version"]}.tgz` };
}

export async function writeMonorepo(repo: string, layout: MonorepoLayout): Promise<void> {
  const rootManifest = { name: "monorepo", private: true, ...layout.rootFields };
  await writeFile(join(repo, "package.json"), `${JSON.stringify(rootManifest, null, 2)}\n`);
  for (const [name, text] of Object.entries(layout.rootFiles)) await writeFile(join(repo, name), text);
  await copyTool(toolDir(repo));
  if (layout.npmRegistry !== undefined) {
    const toolLock = JSON.parse(await readFile(join(toolDir(repo), "package-lock.json"), "utf8")) as NpmLock;
    const lock = monorepoLock(toolLock, rootManifest, "tools/kapso-codegen", layout.npmRegistry);
    await writeFile(join(repo, "package-lock.json"), `${JSON.stringify(lock, null, 2)}\n`);
  }

  const app = appDir(repo);
  await mkdir(join(app, "specs"), { recursive: true });
  await mkdir(join(app, "src"), { recursive: true });
  await cp(join(root, "specs", "kapso-platform.yaml"), join(app, "specs", "kapso-platform.yaml"));
  await writeFile(join(app, "specs", "pets.yaml"), PETS_SPEC);
  await writeFile(join(app, "src", "main.ts"), APP_MAIN);
  await writeFile(join(app, "tsconfig.json"), appTsconfig(layout.moduleResolution));
  const config = {
    apis: [
      { spec: "specs/kapso-platform.yaml", out: "src/api/kapso" },
      { spec: "specs/pets.yaml", out: "src/api/pets" },
    ],
  };
  await writeFile(join(app, "kapso-codegen.config.json"), `${JSON.stringify(config, null, 2)}\n`);
  const manifest = {
    name: "app",
    private: true,
    type: "module",
    scripts: { generate: "kapso-codegen generate", typecheck: "tsc -p tsconfig.json --noEmit" },
    devDependencies: {
      "kapso-codegen": layout.toolRange,
      "openapi-fetch": await toolDependencyRange(repo, "openapi-fetch"),
      typescript: await toolDependencyRange(repo, "typescript"),
    },
  };
  await writeFile(join(app, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
}

/** The files (relative paths) of a tree that import `module`. */
export function filesImporting(tree: ReadonlyMap<string, string>, module: string): string[] {
  const pattern = new RegExp(`from\\s+["']${module.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}["']`);
  return [...tree].filter(([, text]) => pattern.test(text)).map(([path]) => path);
}

/** The lines of an install log worth showing when it fails: errors, and what was missing from the cache. */
export function installProblems(log: string): string {
  return log
    .split("\n")
    .filter((line) => /ERR|ENOTCACHED|error|not found|404/i.test(line))
    .slice(0, 30)
    .join("\n");
}
