/** The CLI on bad input: one clear message naming the file and place, a non-zero exit, and the output untouched. */
import { createHash } from "node:crypto";
import { cp, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { committedKapso, readTree, removeDir, runCli, tempDir } from "../support/run.js";

let dir: string;
let out: string;
let before: Map<string, string>;

beforeAll(async () => {
  dir = await tempDir("cli");
  out = join(dir, "kapso");
  await cp(committedKapso, out, { recursive: true });
  before = await readTree(out);
});
afterAll(async () => {
  await removeDir(dir);
});

/** Adds a file to a folder together with its line in the folder's manifest, as if an earlier generation wrote it. */
async function addOwnedFile(folder: string, path: string, text: string): Promise<void> {
  await writeFile(join(folder, path), text);
  const manifestPath = join(folder, "kapso-codegen.manifest.json");
  const manifest = JSON.parse(await readFile(manifestPath, "utf8")) as { files: Record<string, string> };
  manifest.files[path] = createHash("sha256").update(text).digest("hex");
  await writeFile(manifestPath, JSON.stringify(manifest, null, 2));
}

async function specFile(name: string, text: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

const minimal = (body: string): string => `openapi: 3.1.0\ninfo: { title: T, version: "1" }\n${body}`;

const badInputs: Array<{ name: string; file: () => Promise<string>; message: RegExp }> = [
  {
    name: "a missing file",
    file: async () => join(dir, "nope.yaml"),
    message: /nope\.yaml: cannot read the spec: no such file/,
  },
  {
    name: "invalid YAML",
    file: () => specFile("bad.yaml", "openapi: 3.1.0\ninfo:\n  title: [unclosed\n  version: 1\n"),
    message: /bad\.yaml:\d+:\d+: cannot parse/,
  },
  {
    name: "invalid JSON",
    file: () => specFile("bad.json", '{\n  "openapi": "3.1.0",\n  "info": {\n}'),
    message: /bad\.json:\d+:\d+: cannot parse/,
  },
  {
    name: "a document that is not OpenAPI",
    file: () => specFile("not-openapi.yaml", "name: my-package\nversion: 1.0.0\n"),
    message: /not-openapi\.yaml:1:1: not an OpenAPI document: the `openapi` version field is missing/,
  },
  {
    name: "an unsupported OpenAPI version",
    file: () => specFile("v4.yaml", "openapi: 4.0.0\ninfo: { title: T, version: '1' }\n"),
    message: /v4\.yaml:1:1 \(at \/openapi\): unsupported OpenAPI version "4\.0\.0"/,
  },
  {
    name: "a broken $ref",
    file: () =>
      specFile(
        "broken-ref.yaml",
        minimal(
          "paths:\n  /pets:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema:\n                $ref: '#/components/schemas/Missing'\n",
        ),
      ),
    message:
      /broken-ref\.yaml:12:17 \(at \/paths\/~1pets\/get\/responses\/200\/content\/application~1json\/schema\/\$ref\): broken \$ref "#\/components\/schemas\/Missing"/,
  },
];

describe("kapso-codegen generate on bad input", () => {
  it.each(badInputs)("$name: exit 1, one message naming the place, output untouched", async ({ file, message }) => {
    const result = await runCli(["generate", "--spec", await file(), "--out", out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(await readTree(out)).toEqual(before);
  });

  it("rejects an unknown flag with exit 2 and a pointer to --help", async () => {
    const result = await runCli(["generate", "--sepc", "x.yaml", "--out", out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Unknown argument: sepc/);
    expect(result.stderr).toMatch(/--help/);
    expect(await readTree(out)).toEqual(before);
  });

  it("--help lists the options and examples", async () => {
    const result = await runCli(["generate", "--help"]);
    expect(result.code).toBe(0);
    for (const flag of ["--spec", "--out", "--name", "--check"]) expect(result.stdout).toContain(flag);
    expect(result.stdout).toContain("Examples:");
  });
});

describe("kapso-codegen generate on the Kapso spec", () => {
  it("warns, with file:line:column relative to the working directory, about the documented example that contradicts its schema", async () => {
    const result = await runCli(["generate", "--check", "--out", out]);
    expect(result.stderr).toContain(
      "warning: specs/kapso-platform.yaml:469:15 (at /paths/~1customers~1{customer_id}~1whatsapp~1phone_numbers/post/responses/200/content/application~1json/example): example does not match its schema: /data/whatsapp_business_manager_messaging_limit must be integer",
    );
  });
});

describe("kapso-codegen generate --check", () => {
  it("exits 0 when the output is current", async () => {
    const result = await runCli(["generate", "--check", "--out", out]);
    expect(result.stderr).not.toMatch(/stale/);
    expect(result.stdout).toMatch(/is up to date \(10 files\)/);
    expect(result.code).toBe(0);
  });

  it("exits 1 and names the stale files, writing nothing", async () => {
    const stale = join(dir, "stale");
    await cp(committedKapso, stale, { recursive: true });
    await writeFile(join(stale, "client.ts"), "// Generated by kapso-codegen, edited\n");
    await addOwnedFile(stale, "old.ts", "// Generated by kapso-codegen 0.0.1 from x (sha256 0).\n");
    const snapshot = await readTree(stale);
    const result = await runCli(["generate", "--check", "--out", stale]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/differs\s+client\.ts/);
    expect(result.stderr).toMatch(/obsolete\s+old\.ts/);
    expect(result.stderr).not.toMatch(/fixtures\.ts/);
    expect(await readTree(stale)).toEqual(snapshot);
  });

  it("regenerating removes only stale files its manifest lists, even when others carry the banner", async () => {
    const target = join(dir, "regen");
    await cp(committedKapso, target, { recursive: true });
    await addOwnedFile(target, "old.ts", "// Generated by kapso-codegen 0.0.1 from x (sha256 0).\n");
    await writeFile(join(target, "stray.ts"), "// Generated by kapso-codegen 0.0.1 from y (sha256 0).\n");
    await writeFile(join(target, "mine.ts"), "export const mine = 1;\n");
    const result = await runCli(["generate", "--out", target]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/1 removed/);
    const tree = await readTree(target);
    expect(tree.has("old.ts")).toBe(false);
    expect(tree.get("mine.ts")).toBe("export const mine = 1;\n");
    expect(tree.has("stray.ts")).toBe(true);
  });
});
