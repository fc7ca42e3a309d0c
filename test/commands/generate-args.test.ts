/**
 * `generate`'s quick argument reader takes only the forms it reads exactly as yargs does, and hands everything else to
 * yargs; through the real CLI, help, --version and usage errors stay yargs' own.
 */
import { describe, expect, it } from "vitest";
import { plainGenerateArgs } from "../../generator/commands/generate-args.js";
import { runCli } from "../support/run.js";

describe("plainGenerateArgs", () => {
  it("reads every generate flag, in both `--flag value` and `--flag=value` forms, with or without the command name", () => {
    expect(
      plainGenerateArgs([
        "generate",
        "--spec",
        "a.yaml",
        "--out=src/api",
        "--name",
        "api",
        "--config",
        "c.json",
        "--api",
        "x",
        "--api",
        "y",
        "--strict",
        "--msw",
        "-q",
        "--json",
        "--check",
        "--force",
      ]),
    ).toEqual({
      spec: "a.yaml",
      out: "src/api",
      name: "api",
      config: "c.json",
      api: ["x", "y"],
      strict: true,
      msw: true,
      quiet: true,
      json: true,
      check: true,
      force: true,
    });
    expect(plainGenerateArgs([])).toEqual(plainGenerateArgs(["generate"]));
    expect(plainGenerateArgs(["--quiet"])?.quiet).toBe(true);
  });

  it.each([
    ["--help"],
    ["-h"],
    ["--version"],
    ["check"],
    ["generate", "extra"],
    ["--sepc", "a.yaml"],
    ["--no-strict"],
    ["--strict=false"],
    ["--spec", "a.yaml", "--spec", "b.yaml"],
    ["--api", "x", "y"],
    ["--spec"],
    ["generate", "--", "--spec", "a.yaml"],
  ])("leaves %j to yargs", (...args) => {
    expect(plainGenerateArgs(args)).toBeUndefined();
  });
});

describe("the CLI around the quick path", () => {
  it("--version prints the version; --help lists generate's options; unknown flags are usage errors", async () => {
    const version = await runCli(["--version"]);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const help = await runCli(["--help"]);
    expect(help.stdout).toContain("kapso-codegen inputs");
    expect(help.stdout).toContain("--spec");
    const unknown = await runCli(["generate", "--bogus"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Unknown argument: bogus/);
    const stray = await runCli(["generate", "stray"]);
    expect(stray.code).toBe(2);
    expect(stray.stderr).toMatch(/Unknown argument: stray/);
  });
});
