/**
 * `generate`'s flags read without yargs, for the fast path. Only the plain forms are taken: a value yargs would read
 * differently (a repeated flag, `--no-x`, `--flag=value` on a boolean, a stray word, help, version) makes this return
 * undefined and the caller hands the arguments to yargs, so behaviour and error messages stay yargs' own.
 */
import { parseArgs } from "node:util";
import type { GenerateArgs } from "./generate.js";

const STRINGS = ["spec", "out", "name", "config"] as const;
const BOOLEANS = ["strict", "msw", "quiet", "json", "check", "force"] as const;

export function plainGenerateArgs(args: readonly string[]): GenerateArgs | undefined {
  const flags = args[0] === "generate" ? args.slice(1) : args;
  let parsed;
  try {
    parsed = parseArgs({
      args: [...flags],
      strict: true,
      allowPositionals: false,
      tokens: true,
      options: {
        ...Object.fromEntries(STRINGS.map((name) => [name, { type: "string" }])),
        ...Object.fromEntries(BOOLEANS.map((name) => [name, { type: "boolean" }])),
        quiet: { type: "boolean", short: "q" },
        api: { type: "string", multiple: true },
      },
    });
  } catch (error) {
    // Flags parseArgs rejects (unknown, missing values) go to yargs, which words the usage error.
    if (String((error as { code?: unknown }).code).startsWith("ERR_PARSE_ARGS")) return undefined;
    throw error;
  }
  const seen = parsed.tokens
    .filter((token) => token.kind === "option" && token.name !== "api")
    .map((token) => (token.kind === "option" ? token.name : ""));
  if (new Set(seen).size !== seen.length) return undefined; // yargs turns a repeated flag into an array
  const values = parsed.values as Record<string, string | boolean | string[] | undefined>;
  const string = (name: string): string | undefined => (typeof values[name] === "string" ? values[name] : undefined);
  const boolean = (name: string): boolean | undefined => (typeof values[name] === "boolean" ? values[name] : undefined);
  const api = values["api"];
  return {
    spec: string("spec"),
    out: string("out"),
    name: string("name"),
    config: string("config"),
    api: Array.isArray(api) ? api : undefined,
    strict: boolean("strict"),
    msw: boolean("msw"),
    quiet: boolean("quiet"),
    json: boolean("json"),
    check: boolean("check"),
    force: boolean("force"),
  };
}
