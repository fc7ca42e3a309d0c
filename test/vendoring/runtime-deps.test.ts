/**
 * openapi-fetch missing: the generated runtime imports it, so it must resolve from the output folder. Checked by the
 * node_modules lookup from that folder that tsc, a bundler or Node's ESM resolver makes; `generate` warns once per
 * folder, naming the fix.
 */
import { existsSync } from "node:fs";
import { mkdir, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  declaringField,
  findUnresolvableRuntimeDeps,
  foldersImportingRuntime,
  installCommand,
  installedPackageDir,
  nodeModulesLookupPaths,
  owningPackageDir,
  runtimeDepsWarning,
  warnAboutUnresolvableRuntimeDeps,
} from "../../generator/check-runtime-deps.js";
import { removeDir, root, tempDir } from "../support/run.js";
import { isolatedEnv, PETS_SPEC, runCommand } from "./monorepo.js";

const cli = join(root, "dist", "generator", "cli.js");
const WARNING = /does not resolve from/;

/** Whether some folder above `dir` already provides openapi-fetch: the "outside any node_modules tree" tests need none. */
function ancestorProvidesOpenapiFetch(dir: string): boolean {
  for (let current = dir; ; current = dirname(current)) {
    if (existsSync(join(current, "node_modules", "openapi-fetch"))) return true;
    if (dirname(current) === current) return false;
  }
}

/** A fake installed package, enough for resolution: its package.json and entry file. */
async function fakePackage(
  nodeModules: string,
  name: string,
  manifest: Record<string, unknown>,
  entry: string,
): Promise<void> {
  const dir = join(nodeModules, name);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, "package.json"), JSON.stringify({ name, version: "0.0.0", ...manifest }));
  await writeFile(join(dir, entry), "export default {};\n");
}

let dir: string;
beforeAll(async () => {
  dir = await tempDir("runtime-deps");
});
afterAll(async () => {
  await removeDir(dir);
});

describe("nodeModulesLookupPaths", () => {
  it.each([
    [
      "/repo/packages/app/src",
      [
        "/repo/packages/app/src/node_modules",
        "/repo/packages/app/node_modules",
        "/repo/packages/node_modules",
        "/repo/node_modules",
        "/node_modules",
      ],
    ],
    [
      "/repo/node_modules/pkg/dist",
      [
        "/repo/node_modules/pkg/dist/node_modules",
        "/repo/node_modules/pkg/node_modules",
        "/repo/node_modules",
        "/node_modules",
      ],
    ],
    ["/", ["/node_modules"]],
  ])("from %s", (dir, expected) => {
    expect(nodeModulesLookupPaths(dir)).toEqual(expected);
  });
});

describe("findUnresolvableRuntimeDeps", () => {
  it("the temp folder has no openapi-fetch above it (what the 'missing' cases rely on)", () => {
    expect(ancestorProvidesOpenapiFetch(tmpdir())).toBe(false);
  });

  it("finds nothing missing for a folder inside this repo, whose node_modules has openapi-fetch", () => {
    expect(findUnresolvableRuntimeDeps(join(root, "generated", "kapso"))).toEqual([]);
  });

  it("resolves from where the folder will be, even before it exists", () => {
    expect(findUnresolvableRuntimeDeps(join(root, ".tmp", "not-created", "deep", "api"))).toEqual([]);
  });

  it("reports openapi-fetch for a folder outside any node_modules tree", () => {
    expect(findUnresolvableRuntimeDeps(join(dir, "lonely", "src", "api"))).toEqual(["openapi-fetch"]);
  });

  it.each([
    { layout: "a package with `main`", manifest: { main: "index.js" }, entry: "index.js" },
    {
      layout: "an ESM-only package (exports offers only `import`)",
      manifest: { type: "module", exports: { ".": { import: "./index.mjs" } } },
      entry: "index.mjs",
    },
  ])("finds $layout in a node_modules two folders up", async ({ layout, manifest, entry }) => {
    const project = join(dir, layout.replace(/\W+/g, "-"));
    await fakePackage(join(project, "node_modules"), "openapi-fetch", manifest, entry);
    expect(findUnresolvableRuntimeDeps(join(project, "src", "api"))).toEqual([]);
  });

  it("finds a symlinked package, as pnpm lays them out, and says where", async () => {
    const project = join(dir, "symlinked");
    await mkdir(join(project, "node_modules"), { recursive: true });
    await symlink(join(root, "node_modules", "openapi-fetch"), join(project, "node_modules", "openapi-fetch"), "dir");
    expect(findUnresolvableRuntimeDeps(join(project, "generated"))).toEqual([]);
    expect(installedPackageDir("openapi-fetch", join(project, "generated", "api"))).toBe(
      join(project, "node_modules", "openapi-fetch"),
    );
  });

  it("does not count a folder that is merely named node_modules/openapi-fetch, with no package in it", async () => {
    const project = join(dir, "empty-folder");
    await mkdir(join(project, "node_modules", "openapi-fetch"), { recursive: true });
    expect(findUnresolvableRuntimeDeps(join(project, "generated"))).toEqual(["openapi-fetch"]);
  });
});

describe("the pieces of the warning", () => {
  it("owningPackageDir is the nearest folder with a package.json, or undefined", async () => {
    const app = join(dir, "owner", "packages", "app");
    await mkdir(join(app, "src", "api"), { recursive: true });
    await writeFile(join(app, "package.json"), "{}");
    expect(owningPackageDir(join(app, "src", "api", "runtime"))).toBe(app);
    expect(owningPackageDir(app)).toBe(app);
    expect(owningPackageDir(join(dir, "owner", "elsewhere"))).toBe(undefined);
  });

  it.each([
    [undefined, "npm install openapi-fetch"],
    ["npm/11.6.0 node/v20.20.0 linux x64 workspaces/false", "npm install openapi-fetch"],
    ["pnpm/10.34.8 npm/? node/v20.20.0 linux x64", "pnpm add openapi-fetch"],
    ["yarn/4.5.0 npm/? node/v20.20.0 linux x64", "yarn add openapi-fetch"],
    ["bun/1.2.0 npm/? node/v20.20.0 linux x64", "bun add openapi-fetch"],
  ])("installCommand for user agent %s: %s", (userAgent, expected) => {
    expect(installCommand(["openapi-fetch"], userAgent)).toBe(expected);
  });

  it("runtimeDepsWarning is one line naming the folder, the missing package, the command and where to run it", () => {
    const owned = runtimeDepsWarning(
      join(process.cwd(), "packages/app/src/api"),
      ["openapi-fetch"],
      join(process.cwd(), "packages/app"),
      "npm install openapi-fetch",
    );
    expect(owned).toBe(
      "warning: openapi-fetch does not resolve from packages/app/src/api, so the generated client cannot compile; fix: run `npm install openapi-fetch` in packages/app, the package that owns it\n",
    );
    const here = runtimeDepsWarning(
      join(process.cwd(), "src/api"),
      ["openapi-fetch"],
      process.cwd(),
      "pnpm add openapi-fetch",
    );
    expect(here).toMatch(/fix: run `pnpm add openapi-fetch` here, in the package that owns it\n$/);
    const unowned = runtimeDepsWarning(
      join(process.cwd(), "out"),
      ["openapi-fetch"],
      undefined,
      "npm install openapi-fetch",
    );
    expect(unowned).toMatch(/in the package that will own out \(there is no package\.json above it\)\n$/);
    for (const line of [owned, here, unowned]) expect(line.trimEnd().split("\n")).toHaveLength(1);
  });

  it("foldersImportingRuntime is the shared runtime folder when there is one, else each API's folder once", () => {
    expect(
      foldersImportingRuntime({ apis: [{ out: "/a/kapso" }, { out: "/a/pets" }], runtimeDir: "/a/runtime" }),
    ).toEqual(["/a/runtime"]);
    expect(
      foldersImportingRuntime({ apis: [{ out: "/a/kapso" }, { out: "/a/kapso" }], runtimeDir: undefined }),
    ).toEqual(["/a/kapso"]);
  });

  it("warnAboutUnresolvableRuntimeDeps writes one warning per folder that misses it, nothing for one that has it", () => {
    const lines: string[] = [];
    warnAboutUnresolvableRuntimeDeps(
      {
        apis: [{ out: join(dir, "nowhere", "api") }, { out: join(root, "generated", "kapso") }],
        runtimeDir: undefined,
      },
      (line) => lines.push(line),
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/openapi-fetch does not resolve from .*nowhere\/api/);
  });

  it("warns about msw, as a dev dependency, only for a folder that gets msw.ts", () => {
    const lines: string[] = [];
    const nowhere = join(dir, "nowhere", "api");
    warnAboutUnresolvableRuntimeDeps(
      {
        apis: [
          { out: nowhere, msw: true },
          { out: join(root, "generated", "kapso"), msw: true },
        ],
        runtimeDir: join(root, "generated", "kapso"),
      },
      (line) => lines.push(line),
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /msw does not resolve from .*nowhere\/api, so its msw\.ts cannot compile or run; fix: run `(npm install|pnpm add|yarn add|bun add) -D msw@2`/,
    );
  });
});

describe("a package that resolves but that the owning package does not declare", () => {
  /** An app whose node_modules has openapi-fetch and msw (hoisted there by some other package), declaring `fields`. */
  async function app(name: string, fields: Record<string, Record<string, string>>): Promise<string> {
    const project = join(dir, "declared", name);
    await fakePackage(join(project, "node_modules"), "openapi-fetch", { main: "index.js" }, "index.js");
    await fakePackage(join(project, "node_modules"), "msw", { main: "index.js" }, "index.js");
    await writeFile(join(project, "package.json"), JSON.stringify({ name, private: true, ...fields }));
    return project;
  }
  const warnings = (out: string, msw = false): string[] => {
    const lines: string[] = [];
    warnAboutUnresolvableRuntimeDeps({ apis: [{ out, msw }], runtimeDir: undefined }, (line) => lines.push(line));
    return lines;
  };

  it("openapi-fetch declared nowhere (it came with the tool): a warning naming package.json and the fix", async () => {
    const project = await app("undeclared", { devDependencies: { "kapso-codegen": "*" } });
    const lines = warnings(join(project, "src", "api"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^warning: openapi-fetch resolves from .*declared\/undeclared\/src\/api only through another package: .*declared\/undeclared\/package\.json does not list it, .*`npm prune --omit=dev`.*; fix: run `(npm install|pnpm add|yarn add|bun add) openapi-fetch` in .*declared\/undeclared, the package that owns it\n$/,
    );
  });

  // The client imports only openapi-fetch's types, so a devDependency is as good as a dependency.
  it.each(["dependencies", "peerDependencies", "devDependencies"])(
    "openapi-fetch in %s: nothing to say",
    async (field) => {
      const project = await app(field, { [field]: { "openapi-fetch": "^0.17.0" } });
      expect(warnings(join(project, "src", "api"))).toEqual([]);
    },
  );

  it("msw for msw.ts: a devDependency is right; undeclared gets the warning with `-D msw@2`", async () => {
    const declared = await app("msw-dev", {
      dependencies: { "openapi-fetch": "^0.17.0" },
      devDependencies: { msw: "^2.0.0" },
    });
    expect(warnings(join(declared, "src", "api"), true)).toEqual([]);
    const undeclared = await app("msw-undeclared", { dependencies: { "openapi-fetch": "^0.17.0" } });
    const lines = warnings(join(undeclared, "src", "api"), true);
    expect(lines).toEqual([
      expect.stringMatching(
        /^warning: msw resolves from .* only through another package: .*; fix: run `(npm install|pnpm add|yarn add|bun add) -D msw@2`/,
      ),
    ]);
  });

  it("declaringField reads the owning package.json, and an unreadable one declares nothing", async () => {
    const project = await app("fields", { peerDependencies: { "openapi-fetch": "*" }, devDependencies: { msw: "*" } });
    expect(declaringField(project, "openapi-fetch")).toBe("peerDependencies");
    expect(declaringField(project, "msw")).toBe("devDependencies");
    expect(declaringField(project, "yaml")).toBe(undefined);
    await writeFile(join(project, "package.json"), "{ not json");
    expect(declaringField(project, "openapi-fetch")).toBe(undefined);
  });
});

describe("kapso-codegen generate (the built CLI) warns when openapi-fetch does not resolve from the output", () => {
  // No npm_* variables: the fix then names plain npm, whatever runs this test.
  const env = isolatedEnv();
  const generate = (args: readonly string[], cwd: string) =>
    runCommand(process.execPath, [cli, "generate", ...args], cwd, env, 60_000);

  beforeAll(async () => {
    await writeFile(join(dir, "pets.yaml"), PETS_SPEC);
  });

  it("into a temp folder outside any node_modules tree: one warning naming the folder and the fix", async () => {
    const result = await generate(["--spec", "pets.yaml", "--out", "out/pets"], dir);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr.split("\n").filter((line) => WARNING.test(line))).toEqual([
      "warning: openapi-fetch does not resolve from out/pets, so the generated client cannot compile; fix: run `npm install openapi-fetch` in the package that will own out/pets (there is no package.json above it)",
    ]);
  });

  it("on a no-op run too, since the problem is still there", async () => {
    const args = ["--spec", "pets.yaml", "--out", "again/pets"];
    expect((await generate(args, dir)).code).toBe(0);
    const result = await generate(args, dir);
    expect(result.stdout).toMatch(/again\/pets: up to date/);
    expect(result.stderr).toMatch(/openapi-fetch does not resolve from again\/pets/);
  });

  it("with a package.json in the temp folder, the fix names that package", async () => {
    const project = join(dir, "project");
    await mkdir(project, { recursive: true });
    await writeFile(join(project, "package.json"), JSON.stringify({ name: "project", private: true }));
    const result = await generate(["--spec", "../pets.yaml", "--out", "src/api/pets"], project);
    expect(result.stderr).toMatch(
      /openapi-fetch does not resolve from src\/api\/pets, .*fix: run `npm install openapi-fetch` here, in the package that owns it/,
    );
  });

  it("whatever NODE_PATH says: pnpm sets it for the scripts it runs, but tsc and bundlers never read it", async () => {
    const withNodePath = await runCommand(
      process.execPath,
      [cli, "generate", "--spec", "pets.yaml", "--out", "out/pets"],
      dir,
      { ...env, NODE_PATH: join(root, "node_modules") },
      60_000,
    );
    expect(withNodePath.stderr).toMatch(/openapi-fetch does not resolve from out\/pets/);
  });

  it("not with --check, which writes nothing", async () => {
    const result = await generate(["--spec", "pets.yaml", "--out", "checked/pets", "--check"], dir);
    expect(result.stderr).not.toMatch(WARNING);
  });

  it("inside this repo, where openapi-fetch resolves: no warning", async () => {
    const inRepo = join(root, ".tmp", `vendoring-${process.pid}`);
    try {
      const result = await generate(["--spec", join(dir, "pets.yaml"), "--out", join(inRepo, "pets")], root);
      expect(result.code, result.stderr).toBe(0);
      expect(existsSync(join(inRepo, "pets", "runtime.ts"))).toBe(true);
      expect(result.stderr).not.toMatch(WARNING);
    } finally {
      await removeDir(inRepo);
    }
  });
});
