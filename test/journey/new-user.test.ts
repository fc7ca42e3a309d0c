/**
 * SLOW (about a minute; under 40 s of CPU): what a new user does, in fresh app folders outside this repo, with no network. The tool is
 * packed once (`npm pack`) and installed from the tarball into one app, with openapi-fetch, vitest, msw and typescript;
 * another app installs it from this repo's folder. Then `npx kapso-codegen init`, `npm run generate`, the app's strict
 * tsc over the output and a small consumer, the app's vitest against the generated mock fetch, and `--msw` with msw's
 * own server. Needs a built dist/ and npm's cache filled by `npm ci` of this repo (what `.ci/run` does).
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { copyFile, mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { strictCompilerOptions } from "../../scripts/lib/typecheck.js";
import { removeDir, root, tempDir } from "../support/run.js";
import { strictestExtras } from "../support/strict.js";
import { installProblems, isolatedEnv, runCommand, type CommandResult } from "../vendoring/monorepo.js";
import { appLock, toolRange } from "./app-lock.js";

/** About a minute on an idle two-core machine; the margin is for a busy one (five minutes at a load of 19 was seen). */
const JOURNEY_TIMEOUT = 480_000;

/** The outer vitest's own variables would make the app's vitest think it runs inside a test; no colours in its report. */
const env = {
  ...Object.fromEntries(
    Object.entries(isolatedEnv()).filter(([name]) => !/^(VITEST|TEST$|NODE_ENV$|FORCE_COLOR$)/.test(name)),
  ),
  NO_COLOR: "1",
};
const registry = (): string => execFileSync("npm", ["config", "get", "registry"], { env, encoding: "utf8" }).trim();

/** A spec of the user's own: a schema in components (with the example the mock answers with), a 404 for the tests. */
const PETS_SPEC = `openapi: 3.1.0
info: { title: Pets, version: "1" }
servers: [{ url: https://pets.example.com }]
components:
  schemas:
    Pet:
      type: object
      required: [id, name]
      properties:
        id: { type: string }
        name: { type: string, example: Rex }
paths:
  /pets/{petId}:
    get:
      operationId: getPet
      parameters: [{ name: petId, in: path, required: true, schema: { type: string } }]
      responses:
        "200":
          description: the pet
          content: { application/json: { schema: { $ref: "#/components/schemas/Pet" } } }
        "404": { description: no such pet }
`;

const CONSUMER = `import { createPetsClient, type GetPetResult } from "./api/pets/index.js";

const pets = createPetsClient();

export async function petName(petId: string): Promise<string | undefined> {
  const result: GetPetResult = await pets.getPet({ path: { petId } });
  return result.ok ? result.data.name : undefined;
}
`;

const MOCK_TEST = `import { expect, it } from "vitest";
import { createPetsClient } from "./api/pets/index.js";
import { createMockFetch } from "./api/pets/mock.js";

it("answers from the spec's example", async () => {
  const mock = createMockFetch();
  const result = await createPetsClient({ fetch: mock }).getPet({ path: { petId: "p1" } });
  expect(result.status).toBe(200);
  expect(result.ok && result.data.name).toBe("Rex");
  expect(mock.calls.map((call) => call.operation)).toEqual(["getPet"]);
  mock.assertNoProblems();
});

it("answers the status a test asks for", async () => {
  const mock = createMockFetch({ responses: { getPet: 404 } });
  const result = await createPetsClient({ fetch: mock }).getPet({ path: { petId: "p1" } });
  expect(result.status).toBe(404);
  expect(result.ok).toBe(false);
});
`;

const MSW_TEST = `import { setupServer } from "msw/node";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createPetsClient } from "./api/pets/index.js";
import { createMswHandlers } from "./api/pets/msw.js";

const mock = createMswHandlers();
const server = setupServer(...mock.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());

it("msw answers the client, which has no fetch of its own", async () => {
  const result = await createPetsClient().getPet({ path: { petId: "p1" } });
  expect(result.ok && result.data.name).toBe("Rex");
  mock.assertNoProblems();
});
`;

interface Step {
  readonly name: string;
  readonly result: CommandResult;
  readonly ms: number;
}

/** Runs the steps in order, each timed; a failed step ends the journey (the rest are recorded as not run). */
class Journey {
  readonly steps = new Map<string, Step>();
  private failed = false;

  async step(name: string, command: string, args: readonly string[], cwd: string): Promise<CommandResult> {
    const started = performance.now();
    const result = this.failed
      ? { code: -1, stdout: "", stderr: "not run: an earlier step failed" }
      : await runCommand(command, args, cwd, env);
    if (result.code !== 0) this.failed = true;
    this.steps.set(name, { name, result, ms: Math.round(performance.now() - started) });
    return result;
  }

  get(name: string): CommandResult {
    const step = this.steps.get(name);
    if (step === undefined) throw new Error(`the journey has no step ${name}`);
    return step.result;
  }

  timings(): string {
    return [...this.steps.values()].map((step) => `${step.name} ${(step.ms / 1000).toFixed(1)} s`).join(", ");
  }
}

let work: string;
let tarball = "";
let packedFiles: string[] = [];
const fromTarball = new Journey();
const fromFolder = new Journey();
let tarballApp: string;
let folderApp: string;
let tarballAppBefore: string[] = [];

async function writeTarballApp(): Promise<void> {
  await mkdir(join(tarballApp, "specs"), { recursive: true });
  await mkdir(join(tarballApp, "src"));
  await copyFile(join(work, tarball), join(tarballApp, tarball));
  const manifest = {
    name: "pets-app",
    private: true,
    type: "module",
    scripts: { generate: "kapso-codegen generate" },
    dependencies: { "kapso-codegen": `file:${tarball}`, "openapi-fetch": await toolRange("openapi-fetch") },
    devDependencies: {
      msw: await toolRange("msw"),
      typescript: await toolRange("typescript"),
      vitest: await toolRange("vitest"),
    },
  };
  await writeFile(join(tarballApp, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  await writeFile(join(tarballApp, "package-lock.json"), await appLock(manifest, tarball, registry()));
  await writeFile(join(tarballApp, "specs", "pets.yaml"), PETS_SPEC);
  await writeFile(join(tarballApp, "src", "main.ts"), CONSUMER);
  await writeFile(join(tarballApp, "src", "pets.test.ts"), MOCK_TEST);
  await writeFile(join(tarballApp, "src", "pets.msw.test.ts"), MSW_TEST);
  const compilerOptions = { ...strictCompilerOptions, ...strictestExtras, skipLibCheck: true };
  await writeFile(
    join(tarballApp, "tsconfig.json"),
    `${JSON.stringify({ compilerOptions, include: ["src"] }, null, 2)}\n`,
  );
}

async function tarballJourney(): Promise<void> {
  await writeTarballApp();
  const npm = (name: string, args: readonly string[]) => fromTarball.step(name, "npm", args, tarballApp);
  const npx = (name: string, args: readonly string[]) => fromTarball.step(name, "npx", args, tarballApp);
  // --offline: npm answers from its cache only, and fails with ENOTCACHED for anything it would have to download.
  await npm("install", ["install", "--offline", "--no-audit", "--no-fund"]);
  tarballAppBefore = (await readdir(tarballApp)).sort();
  await npx("init", ["--offline", "kapso-codegen", "init", "--spec", "specs/pets.yaml", "--out", "src/api/pets"]);
  await npm("generate", ["run", "generate"]);
  await npx("generate --msw", ["--offline", "kapso-codegen", "generate", "--msw"]);
  await npx("tsc", ["--offline", "tsc", "-p", "tsconfig.json"]);
  await npx("vitest", ["--offline", "vitest", "run"]);
}

async function folderJourney(): Promise<void> {
  await mkdir(join(folderApp, "specs"), { recursive: true });
  await writeFile(
    join(folderApp, "package.json"),
    `${JSON.stringify({ name: "folder-app", private: true, type: "module" }, null, 2)}\n`,
  );
  await writeFile(join(folderApp, "specs", "pets.yaml"), PETS_SPEC);
  const npm = (name: string, args: readonly string[]) => fromFolder.step(name, "npm", args, folderApp);
  const npx = (name: string, args: readonly string[]) => fromFolder.step(name, "npx", args, folderApp);
  // npm runs a folder dependency's `prepare` (here: rebuild dist/), which would pull the build from under the tests
  // running beside this one; the folder is built already, as a user's checkout is after its own `npm ci`.
  await npm("install", ["install", "--offline", "--no-audit", "--no-fund", "--ignore-scripts", root]);
  await npx("init", [
    "--offline",
    "kapso-codegen",
    "init",
    "--format",
    "mjs",
    "--spec",
    "specs/pets.yaml",
    "--out",
    "src/api/pets",
  ]);
  await npx("generate", ["--offline", "kapso-codegen", "generate"]);
}

beforeAll(async () => {
  work = await tempDir("journey");
  tarballApp = join(work, "pets-app");
  folderApp = join(work, "folder-app");
  await mkdir(folderApp);
  // Packed once, from the build `npm test` made: --ignore-scripts skips `prepare`, which would build again.
  const pack = await runCommand("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", work], root, env);
  if (pack.code !== 0) throw new Error(`npm pack failed:\n${pack.stderr}`);
  const [packed] = JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[];
  tarball = packed?.filename ?? "";
  packedFiles = packed?.files.map((file) => file.path) ?? [];
  await Promise.all([tarballJourney(), folderJourney()]);
  console.info(`journey from the tarball: ${fromTarball.timings()}\njourney from the folder: ${fromFolder.timings()}`);
}, JOURNEY_TIMEOUT);

afterAll(async () => {
  if (work !== undefined) await removeDir(work);
});

const ok = (journey: Journey, name: string): CommandResult => {
  const result = journey.get(name);
  expect(
    result.code,
    `${name} failed:\n${installProblems(result.stdout + result.stderr) || result.stdout + result.stderr}`,
  ).toBe(0);
  return result;
};

describe("[slow, ~1 min] a new user's app, installed from the packed tarball with no network", () => {
  it("the tarball holds only what the tool runs: its build (with the compiled schema checker), bin, templates and the embedded Kapso spec", () => {
    expect(tarball).toBe("kapso-codegen-0.1.0.tgz");
    const outside = packedFiles.filter(
      (path) =>
        !/^(bin\/|dist\/generator\/|dist\/templates\/|templates\/|specs\/kapso-platform\.yaml$|package\.json$|README\.md$|LICENSE)/.test(
          path,
        ),
    );
    expect(outside).toEqual([]);
    expect(packedFiles).toContain("dist/generator/cli.js");
    expect(packedFiles).toContain("templates/runtime.ts");
    // The generator judges fixtures with the mock's own schema checker, compiled from the template.
    expect(packedFiles).toContain("dist/templates/schema-check.js");
  });

  it("`npm install --offline` installs it from the tarball and links the command", () => {
    ok(fromTarball, "install");
    expect(existsSync(join(tarballApp, "node_modules", ".bin", "kapso-codegen"))).toBe(true);
  });

  it("`npx kapso-codegen init` writes a TypeScript config that imports defineConfig from the package", async () => {
    expect(ok(fromTarball, "init").stdout).toMatch(/wrote kapso-codegen\.config\.ts/);
    expect(await readFile(join(tarballApp, "kapso-codegen.config.ts"), "utf8")).toContain(
      'import { defineConfig } from "kapso-codegen";',
    );
  });

  it("`npm run generate` loads that config, writes the client, writes nothing beside the config, and has no dependency warning", async () => {
    const generate = ok(fromTarball, "generate");
    expect(generate.stdout).toMatch(/src\/api\/pets: 1 operations; \d+ files written/);
    expect(generate.stderr).not.toMatch(/warning|note:/);
    expect((await readdir(tarballApp)).sort()).toEqual(
      [...tarballAppBefore, "kapso-codegen.config.ts", "src"]
        .filter((entry, index, all) => all.indexOf(entry) === index)
        .sort(),
    );
  });

  it("`generate --msw` adds msw.ts (msw is a devDependency of the app: no warning)", async () => {
    const generate = ok(fromTarball, "generate --msw");
    expect(generate.stderr).not.toMatch(/warning|note:/);
    expect(await readdir(join(tarballApp, "src", "api", "pets"))).toContain("msw.ts");
  });

  it("the app's strict tsc passes over the output, the consumer and the tests", () => {
    const tsc = ok(fromTarball, "tsc");
    expect(tsc.stdout).not.toMatch(/error TS/);
  });

  it("the app's vitest passes against the generated mock fetch and against msw", () => {
    const vitest = ok(fromTarball, "vitest");
    expect(vitest.stdout).toMatch(/Test Files\s+2 passed/);
    expect(vitest.stdout).toMatch(/Tests\s+3 passed/);
  });
});

describe("[slow] a new user's app, installed from a folder path (a checkout of the tool)", () => {
  it("`npm install --offline <folder>` links it, and `npx kapso-codegen init --format mjs` then `generate` work", () => {
    ok(fromFolder, "install");
    ok(fromFolder, "init");
    expect(ok(fromFolder, "generate").stdout).toMatch(/src\/api\/pets: 1 operations; \d+ files written/);
    expect(existsSync(join(folderApp, "src", "api", "pets", "client.ts"))).toBe(true);
  });

  it("openapi-fetch resolves only inside the tool's folder, not from the app's output: the warning says so", () => {
    expect(fromFolder.get("generate").stderr).toMatch(
      /warning: openapi-fetch does not resolve from src\/api\/pets, .*fix: run `npm install openapi-fetch` here, in the package that owns it/,
    );
  });
});
