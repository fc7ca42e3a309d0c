/** `kapso-codegen diff`, end to end through the built CLI: spec file and git bases, text and JSON, exit codes. */
import { execFile } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { classifyBase } from "../../generator/commands/diff.js";
import { removeDir, runCli, tempDir } from "../support/run.js";
import { addPhoneNumberProperty, kapsoSpecText, removeConnectOperation, requireAccessToken } from "./kapso-edits.js";

const execFileAsync = promisify(execFile);

let dir: string;
let original: string;
beforeAll(async () => {
  dir = await tempDir("diff");
  original = await kapsoSpecText();
});
afterAll(async () => {
  await removeDir(dir);
});

async function write(path: string, text: string): Promise<string> {
  const full = join(dir, path);
  await mkdir(join(full, ".."), { recursive: true });
  await writeFile(full, text);
  return full;
}

/** The report's message is one paragraph: one line, no stack. */
function expectOneParagraph(stderr: string): void {
  expect(stderr.trim().split("\n")).toHaveLength(1);
  expect(stderr).not.toMatch(/\n\s+at /);
}

describe("classifyBase", () => {
  it("takes an existing file, a URL or a spec-like name as a file, anything else as a git ref", async () => {
    await write("present", "x");
    expect(classifyBase("present", dir)).toEqual({ kind: "file", location: join(dir, "present") });
    expect(classifyBase("https://example.com/api.yaml", dir)).toEqual({
      kind: "file",
      location: "https://example.com/api.yaml",
    });
    expect(classifyBase("old/api.yml", dir)).toEqual({ kind: "file", location: join(dir, "old", "api.yml") });
    expect(classifyBase("HEAD~1", dir)).toEqual({ kind: "git", ref: "HEAD~1" });
    expect(classifyBase("origin/main", dir)).toEqual({ kind: "git", ref: "origin/main" });
  });
});

describe("diff --base <spec file>", () => {
  let before: string;
  let after: string;
  beforeAll(async () => {
    before = await write("files/before.yaml", original);
    after = await write("files/after.yaml", addPhoneNumberProperty(requireAccessToken(original), "nickname"));
  });

  it("lists a breaking change in text, and exits 0 without --fail-on-breaking", async () => {
    const result = await runCli(["diff", "--base", before, "--spec", after], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^after: files\/after\.yaml compared with files\/before\.yaml\n/);
    expect(result.stdout).toContain("1 breaking, 2 non-breaking changes");
    expect(result.stdout).toMatch(/BREAKING\s+Request body \/whatsapp_phone_number\/access_token became required/);
    expect(result.stdout).toMatch(/non-breaking\s+Optional property added at response 200 \/data\/nickname/);
    expect(result.stderr).toBe("");
  });

  it("exits 1 with --fail-on-breaking, and says why", async () => {
    const result = await runCli(["diff", "--base", before, "--spec", after, "--fail-on-breaking"], dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("BREAKING");
    expect(result.stderr).toContain("1 breaking change for callers (--fail-on-breaking)");
  });

  it("exits 0 with --fail-on-breaking when the changes are not breaking", async () => {
    const later = await write(
      "files/later.yaml",
      addPhoneNumberProperty(addPhoneNumberProperty(requireAccessToken(original), "nickname"), "alias"),
    );
    const result = await runCli(["diff", "--base", after, "--spec", later, "--fail-on-breaking"], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("0 breaking, 2 non-breaking changes");
  });

  it("prints parseable JSON with the summary, overall and per API", async () => {
    const result = await runCli(["diff", "--base", before, "--spec", after, "--format", "json"], dir);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as {
      summary: { breaking: number; nonBreaking: number };
      apis: Array<{
        name: string;
        spec: string;
        base: string;
        summary: { breaking: number; nonBreaking: number };
        changes: Array<{ kind: string; severity: string; location?: string }>;
      }>;
    };
    expect(report.summary).toEqual({ breaking: 1, nonBreaking: 2 });
    expect(report.apis).toHaveLength(1);
    const [api] = report.apis;
    expect(api).toMatchObject({
      name: "after",
      spec: "files/after.yaml",
      base: "files/before.yaml",
      summary: { breaking: 1, nonBreaking: 2 },
    });
    expect(api?.changes).toContainEqual(
      expect.objectContaining({
        kind: "property-became-required",
        severity: "breaking",
        location: "request body /whatsapp_phone_number/access_token",
      }),
    );
  });

  it("says there is nothing to report for identical specs", async () => {
    const result = await runCli(["diff", "--base", before, "--spec", before, "--fail-on-breaking"], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("No changes for callers.");
  });

  it("names a missing base file, exit 1", async () => {
    const result = await runCli(["diff", "--base", "files/missing.yaml", "--spec", after], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      "kapso-codegen: files/missing.yaml: cannot read the base spec (--base): no such file",
    );
    expectOneParagraph(result.stderr);
  });

  it("reports a broken base spec at its place", async () => {
    const broken = await write("files/broken.yaml", "openapi: 3.1.0\ninfo:\n  title: [unclosed\n");
    const result = await runCli(["diff", "--base", broken, "--spec", after], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/files\/broken\.yaml:\d+:\d+: cannot parse/);
  });

  it("is a usage error (exit 2) without --base", async () => {
    const result = await runCli(["diff", "--spec", after], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("base");
  });
});

describe("diff --base <git ref>", () => {
  let repo: string;
  const git = (...args: string[]) =>
    execFileAsync(
      "git",
      ["-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false", ...args],
      { cwd: repo },
    );

  beforeAll(async () => {
    repo = join(dir, "repo");
    await write("repo/specs/api.yaml", original);
    await write(
      "repo/specs/split/main.yaml",
      "openapi: 3.1.0\ninfo: { title: T, version: '1' }\npaths:\n  /a:\n    $ref: ./a.yaml\n",
    );
    await write("repo/specs/split/a.yaml", "get:\n  responses:\n    '204':\n      description: none\n");
    await git("init", "--quiet");
    await git("add", ".");
    await git("commit", "--quiet", "-m", "first");
    await write("repo/specs/api.yaml", removeConnectOperation(original));
  });

  it("compares the working file with the same file at the ref", async () => {
    const result = await runCli(["diff", "--base", "HEAD", "--spec", "specs/api.yaml", "--fail-on-breaking"], repo);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("api: specs/api.yaml compared with HEAD:specs/api.yaml");
    expect(result.stdout).toMatch(
      /POST \/customers\/\{customer_id\}\/whatsapp\/phone_numbers \(connectPhoneNumber\)\n\s+BREAKING/,
    );
    expect(result.stdout).not.toContain("updatePhoneNumber");
  });

  it("finds the file from the repository root when run from a subfolder", async () => {
    const result = await runCli(
      ["diff", "--base", "HEAD", "--spec", "api.yaml", "--format", "json"],
      join(repo, "specs"),
    );
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { summary: { breaking: number }; apis: Array<{ base: string }> };
    expect(report.apis[0]?.base).toBe("HEAD:specs/api.yaml");
    expect(report.summary.breaking).toBeGreaterThan(0);
  });

  it("names a ref that does not exist, exit 1", async () => {
    const result = await runCli(["diff", "--base", "no-such-branch", "--spec", "specs/api.yaml"], repo);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'specs/api.yaml: cannot take the base spec from git: --base "no-such-branch" is neither a file nor a commit, branch or tag',
    );
    expectOneParagraph(result.stderr);
  });

  it("says when the spec did not exist at the ref", async () => {
    await write("repo/specs/new.yaml", original);
    const result = await runCli(["diff", "--base", "HEAD", "--spec", "specs/new.yaml"], repo);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("specs/new.yaml does not exist at HEAD");
    expectOneParagraph(result.stderr);
  });

  it("says when the spec is not in a git repository", async () => {
    const outside = await write("loose/api.yaml", original);
    const result = await runCli(["diff", "--base", "HEAD", "--spec", outside], join(dir, "loose"));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("not inside a git repository");
  });

  it("refuses a multi-file spec at a ref, saying so", async () => {
    const result = await runCli(["diff", "--base", "HEAD", "--spec", "specs/split/main.yaml"], repo);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('HEAD:specs/split/main.yaml: the spec refers to other files ($ref "./a.yaml")');
    expect(result.stderr).toContain("multi-file spec from git is not supported");
  });

  it("names a broken spec at the ref as <ref>:<path>, not its temporary copy", async () => {
    await write("repo/specs/api.yaml", "openapi: 3.1.0\ninfo:\n  title: [unclosed\n");
    await git("commit", "--quiet", "-am", "broken");
    await write("repo/specs/api.yaml", original);
    const result = await runCli(["diff", "--base", "HEAD", "--spec", "specs/api.yaml"], repo);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^kapso-codegen: HEAD:specs\/api\.yaml:\d+:\d+: cannot parse/);
    expect(result.stderr).not.toContain("kapso-codegen-base-");
  });
});
