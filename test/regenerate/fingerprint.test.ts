/**
 * "Up to date" is true only when nothing that decides the output changed. One project (a multi-file spec, a config
 * with a shared runtime folder) is generated once; then each input is changed in turn and the next run must not be a
 * no-op. Rows marked as probes run the real CLI with a module hook that stands in for the pipeline module (index.js),
 * so a run that decides to regenerate stops there and says for which folder: the decision is what is tested, at the
 * cost of a process start. Broken specs and spec switches run the whole pipeline.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { cp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join, relative, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readTree, removeDir, root, runCli, tempDir, type CommandResult } from "../support/run.js";

let dir: string;
let project: string;
let probe: string[];
const out = (): string => join(project, "src", "api", "main");
const configFile = (): string => join(project, "kapso-codegen.config.json");

const MAIN_SPEC = [
  "openapi: 3.1.0",
  "info: { title: Main, version: '1' }",
  "servers: [{ url: 'https://main.example.com' }]",
  "paths:",
  "  /ping:",
  "    get:",
  "      operationId: ping",
  "      responses:",
  "        '200': { description: ok, content: { application/json: { schema: { $ref: 'common.yaml#/Pong' } } } }",
  "",
].join("\n");
const COMMON_SPEC = "Pong:\n  type: object\n  properties:\n    ok: { type: boolean }\n";
const CONFIG = { apis: [{ spec: "specs/main.yaml", out: "src/api/main", name: "main" }], runtime: "src/api/runtime" };
const PACKAGE_JSON = `${JSON.stringify({ name: "project", private: true, type: "module" }, null, 2)}\n`;

/** A hook that replaces the pipeline module: the run says which folder it would regenerate, and stops. */
async function writeProbe(): Promise<string[]> {
  const standIn = [
    'export async function generate(options) { process.stderr.write("full pipeline: " + options.out + "\\n"); process.exit(99); }',
    'export async function generateRuntime(dir) { process.stderr.write("runtime pipeline: " + dir + "\\n"); process.exit(98); }',
  ].join("\n");
  const hooks = join(dir, "probe-hooks.mjs");
  await writeFile(
    hooks,
    `export async function resolve(specifier, context, next) {\n  const resolved = await next(specifier, context);\n  if (!/\\/dist\\/generator\\/index\\.js$/.test(resolved.url)) return resolved;\n  return { url: "data:text/javascript," + encodeURIComponent(${JSON.stringify(standIn)}), format: "module", shortCircuit: true };\n}\n`,
  );
  const register = join(dir, "probe.mjs");
  await writeFile(
    register,
    `import { register } from "node:module";\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`,
  );
  return ["--import", register];
}

const generate = (args: readonly string[] = []): Promise<CommandResult> => runCli(["generate", ...args], project);
const probed = (args: readonly string[] = []): Promise<CommandResult> => runCli(["generate", ...args], project, probe);

async function expectNoop(): Promise<void> {
  const result = await probed();
  expect(result.stderr).not.toMatch(/pipeline/);
  expect(result.code).toBe(0);
  expect(result.stdout).toMatch(/src\/api\/main: up to date/);
}

async function editConfig(edit: (config: typeof CONFIG & { strict?: boolean }) => void): Promise<() => Promise<void>> {
  const config = structuredClone(CONFIG) as typeof CONFIG & { strict?: boolean };
  edit(config);
  await writeFile(configFile(), JSON.stringify(config));
  return () => writeFile(configFile(), JSON.stringify(CONFIG));
}

/** Replaces a file's bytes (or removes it, for undefined) and returns how to put the old bytes back. */
async function replaceFile(path: string, bytes: string | Uint8Array | undefined): Promise<() => Promise<void>> {
  const before = await readFile(path).catch(() => undefined);
  if (bytes === undefined) await rm(path);
  else await writeFile(path, bytes);
  return async () => {
    if (before === undefined) await rm(path, { force: true });
    else await writeFile(path, before);
  };
}

const spec = (name: string): string => join(project, "specs", name);

beforeAll(async () => {
  dir = await tempDir("fingerprint");
  project = join(dir, "project");
  await mkdir(join(project, "specs"), { recursive: true });
  await writeFile(spec("main.yaml"), MAIN_SPEC);
  await writeFile(spec("common.yaml"), COMMON_SPEC);
  await cp(join(root, "specs", "edge", "methods.yaml"), spec("other.yaml"));
  await cp(join(root, "specs", "edge", "swagger2", "petstore.yaml"), spec("petstore.yaml"));
  await writeFile(join(project, "package.json"), PACKAGE_JSON);
  await writeFile(configFile(), JSON.stringify(CONFIG));
  probe = await writeProbe();
  const first = await generate(["-q"]);
  expect(first.code, first.stderr).toBe(0);
}, 120_000);
afterAll(async () => {
  await removeDir(dir);
});

describe("an unchanged run", () => {
  it("is a no-op for the API and the shared runtime: the pipeline is never loaded and not a byte changes", async () => {
    const before = await readTree(join(project, "src"));
    const result = await probed();
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/src\/api\/main: up to date \(\d+ ms\)/);
    expect(result.stdout).toMatch(/src\/api\/runtime: shared runtime; up to date/);
    expect(await readTree(join(project, "src"))).toEqual(before);
  });

  it("is a no-op for a spec with bytes that are not UTF-8 (a Latin-1 comment) too", async () => {
    const latin1 = Buffer.concat([
      Buffer.from("# in Latin-1: "),
      Buffer.from([0x52, 0xe9, 0x73, 0x75, 0x6d, 0xe9, 0x0a]),
      Buffer.from(MAIN_SPEC),
    ]);
    await writeFile(spec("latin1.yaml"), latin1);
    expect((await generate(["--spec", "specs/latin1.yaml", "--out", "out/latin1", "-q"])).code).toBe(0);
    const again = await probed(["--spec", "specs/latin1.yaml", "--out", "out/latin1"]);
    expect(again.stderr).not.toMatch(/pipeline/);
    expect(again.stdout).toMatch(/out\/latin1: up to date/);
  }, 120_000);
});

interface Listing {
  readonly out: string;
  readonly files: readonly { readonly path: string; readonly key?: string; readonly text?: true }[];
  readonly values: readonly string[];
  readonly urls: readonly string[];
  readonly outputs: readonly string[];
}

const sha256 = (data: string | Uint8Array): string => createHash("sha256").update(data).digest("hex");

/** The fingerprint as the README defines it, from nothing but what `inputs --json` printed. */
function fingerprintOf(listing: Listing): string {
  const folder = resolve(project, listing.out);
  const files = listing.files.map((file) => {
    const path = resolve(project, file.path);
    const name = relative(folder, path).split(sep).join("/");
    if (file.text) return `file ${name} ${sha256(readFileSync(path, "utf8"))}`;
    if (file.key === undefined) return `file ${name} ${sha256(readFileSync(path))}`;
    const value = (JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>)[file.key] ?? null;
    return `file ${name} ${file.key} ${sha256(JSON.stringify(value))}`;
  });
  return sha256([...files, ...listing.values.map((value) => `value ${value}`)].join("\n"));
}

describe("kapso-codegen inputs", () => {
  it("prints exactly what the fingerprint hashes: recomputed from the printed list, it equals the manifest's", async () => {
    const result = await runCli(["inputs", "--json"], project);
    expect(result.code, result.stderr).toBe(0);
    const { apis, runtime } = JSON.parse(result.stdout) as { apis: Listing[]; runtime: Listing };
    const [api] = apis;
    if (api === undefined) throw new Error("no API listed");

    expect(api.files.slice(0, 3)).toEqual([
      { path: "specs/main.yaml", text: true },
      { path: "specs/common.yaml", text: true },
      { path: "package.json", key: "prettier" },
    ]);
    expect(api.values).toEqual(
      expect.arrayContaining([
        "spec=../../../specs/main.yaml",
        "name=main",
        "strict=false",
        "msw=false",
        "runtimeDir=../runtime",
      ]),
    );
    expect(api.outputs).toContain("src/api/main/client.ts");
    const manifest = (folder: string): { fingerprint: string } =>
      JSON.parse(readFileSync(join(project, folder, "kapso-codegen.manifest.json"), "utf8")) as { fingerprint: string };
    expect(fingerprintOf(api)).toBe(manifest("src/api/main").fingerprint);
    expect(fingerprintOf(runtime)).toBe(manifest("src/api/runtime").fingerprint);

    const text = await runCli(["inputs"], project);
    expect(text.stdout).toMatch(
      /^src\/api\/main \(main\)\n {2}file {4}specs\/main\.yaml\n {2}file {4}specs\/common\.yaml\n/,
    );
    expect(text.stdout).toContain("  value   name=main\n");
  });
});

/** Every file prettier reads options from (prettier 3), and .editorconfig; written in the project folder, above the output. */
const FORMAT_CONFIG_KINDS = [
  ".prettierrc",
  ".prettierrc.json",
  ".prettierrc.yaml",
  ".prettierrc.yml",
  ".prettierrc.json5",
  ".prettierrc.toml",
  ".prettierrc.js",
  ".prettierrc.mjs",
  ".prettierrc.cjs",
  ".prettierrc.ts",
  ".prettierrc.mts",
  ".prettierrc.cts",
  "prettier.config.js",
  "prettier.config.mjs",
  "prettier.config.cjs",
  "prettier.config.ts",
  "prettier.config.mts",
  "prettier.config.cts",
  "package.yaml",
  ".editorconfig",
];

interface ProbeRow {
  readonly input: string;
  /** Changes the input; returns how to put it back. */
  readonly change: () => Promise<() => Promise<void>>;
}

const probeRows: ProbeRow[] = [
  { input: "main spec bytes", change: () => replaceFile(spec("main.yaml"), `${MAIN_SPEC}# a comment\n`) },
  {
    input: "a $ref'd file of the spec",
    change: () =>
      replaceFile(spec("common.yaml"), COMMON_SPEC.replace("type: boolean", "type: boolean, description: Alive")),
  },
  {
    input: "client name",
    change: () => editConfig((config) => void (config.apis[0] = { ...CONFIG.apis[0]!, name: "renamed" })),
  },
  { input: "strict", change: () => editConfig((config) => void (config.strict = true)) },
  {
    input: "msw",
    change: () =>
      editConfig((config) => void (config.apis[0] = { ...CONFIG.apis[0]!, msw: true } as (typeof CONFIG.apis)[0])),
  },
  { input: "runtime dir", change: () => editConfig((config) => void (config.runtime = "src/api/shared")) },
  {
    input: "the prettier key of package.json",
    change: () =>
      replaceFile(join(project, "package.json"), PACKAGE_JSON.replace("{", '{ "prettier": { "semi": false },')),
  },
  ...FORMAT_CONFIG_KINDS.map((name) => ({
    input: `format config ${name}`,
    change: () => replaceFile(join(project, name), "# a format setting\n"),
  })),
  {
    input: "an output file edited",
    change: async () =>
      replaceFile(join(out(), "client.ts"), `${await readFile(join(out(), "client.ts"), "utf8")}// edited\n`),
  },
  { input: "an output file deleted", change: () => replaceFile(join(out(), "mock.ts"), undefined) },
];

interface BrokenRow {
  readonly input: string;
  readonly change: () => Promise<() => Promise<void>>;
  /** The located error: file:line:column. */
  readonly error: RegExp;
}

const brokenRows: BrokenRow[] = [
  {
    input: "main spec truncated",
    change: () => replaceFile(spec("main.yaml"), MAIN_SPEC.slice(0, MAIN_SPEC.indexOf("content: {") + 12)),
    error: /specs\/main\.yaml:\d+:\d+: cannot parse/,
  },
  {
    input: "main spec not YAML",
    change: () => replaceFile(spec("main.yaml"), MAIN_SPEC.replace("paths:", "paths: [unclosed")),
    error: /specs\/main\.yaml:\d+:\d+: cannot parse/,
  },
  {
    input: "a $ref to a missing file",
    change: () => replaceFile(spec("main.yaml"), MAIN_SPEC.replace("common.yaml", "missing.yaml")),
    error: /specs\/main\.yaml:9:\d+ \(at \/paths\/.*\): broken \$ref/,
  },
  {
    input: "the $ref'd file deleted",
    change: () => replaceFile(spec("common.yaml"), undefined),
    error: /specs\/main\.yaml:9:\d+ \(at \/paths\/.*\): broken \$ref/,
  },
  {
    input: "the $ref'd file not YAML",
    change: () => replaceFile(spec("common.yaml"), "Pong: [unclosed\n"),
    error: /specs\/common\.yaml:\d+:\d+: cannot parse/,
  },
  {
    input: "main spec binary",
    change: () => replaceFile(spec("main.yaml"), new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 0xff, 0xfe, 1, 2, 3])),
    error: /specs\/main\.yaml:1:1: /,
  },
];

describe("a changed input", () => {
  // Each row starts from the no-op state the row before it ended with (the first, from "an unchanged run").
  it.each(probeRows)(
    "$input: the next run regenerates the API folder, and putting it back makes it a no-op again",
    async (row) => {
      const putBack = await row.change();
      const result = await probed();
      expect(result.stderr).toContain(`full pipeline: ${out()}`);
      expect(result.code).toBe(99);
      await putBack();
      await expectNoop();
    },
    60_000,
  );

  it("anywhere else in package.json: still a no-op (prettier reads only its prettier key)", async () => {
    const putBack = await replaceFile(
      join(project, "package.json"),
      PACKAGE_JSON.replace("{", '{ "scripts": { "build": "tsc" },'),
    );
    await expectNoop();
    await putBack();
  });

  it.each(brokenRows)(
    "$input: the next run reads the spec and fails with a located error (exit 1), never 'up to date'",
    async (row) => {
      const before = await readTree(out());
      const putBack = await row.change();
      const result = await generate();
      expect(result.stdout).not.toMatch(/up to date/);
      expect(result.stderr).toMatch(row.error);
      expect(result.code).toBe(1);
      expect(await readTree(out())).toEqual(before);
      await putBack();
      await expectNoop();
    },
    120_000,
  );
});

describe("the main spec switched to another one", () => {
  it("with flags, as in `generate --spec a.yaml --out x` then `--spec b.yaml --out x`: regenerates for the new spec, broken or not", async () => {
    const folder = join(project, "out", "x");
    expect((await generate(["--spec", "specs/other.yaml", "--out", "out/x", "-q"])).code).toBe(0);
    expect(await readFile(join(folder, "client.ts"), "utf8")).toContain("itemExists");

    const truncated = join(project, "specs", "deprecated-truncated.yaml");
    const deprecated = await readFile(join(root, "specs", "edge", "deprecated.yaml"), "utf8");
    await writeFile(truncated, deprecated.slice(0, deprecated.indexOf("components:") + 25));
    const broken = await generate(["--spec", "specs/deprecated-truncated.yaml", "--out", "out/x"]);
    expect(broken.stdout).not.toMatch(/up to date/);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/specs\/deprecated-truncated\.yaml:\d+:\d+/);

    await cp(join(root, "specs", "edge", "deprecated.yaml"), spec("deprecated.yaml"));
    const switched = await generate(["--spec", "specs/deprecated.yaml", "--out", "out/x"]);
    expect(switched.code, switched.stderr).toBe(0);
    expect(switched.stdout).toMatch(/out\/x: 2 operations; \d+ files written/);
    const client = await readFile(join(folder, "client.ts"), "utf8");
    expect(client).toContain("newList");
    expect(client).not.toContain("itemExists");
  }, 180_000);

  it("in the config, to a Swagger 2.0 file: regenerates from it", async () => {
    await editConfig((config) => void (config.apis[0] = { ...CONFIG.apis[0]!, spec: "specs/petstore.yaml" }));
    const result = await generate();
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/src\/api\/main: \d+ operations; \d+ files? written/);
    expect(await readFile(join(out(), "openapi.json"), "utf8")).toMatch(/"openapi": "3\.0/);
  }, 120_000);
});
