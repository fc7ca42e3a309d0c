/**
 * Finds and reads the config file. JSON is parsed here (with places for its errors); a module config (`.ts`, `.mts`,
 * `.mjs`, `.js`) is evaluated in memory by jiti, nothing written beside it, and its `import ... from "kapso-codegen"`
 * is mapped to the running tool's own entry point, however the tool was installed (or not installed at all).
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { extname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { findNodeAtLocation, parse, parseTree, printParseErrorCode, type ParseError } from "jsonc-parser";
import { environmentError, errorCode, SpecError, type SourcePlace } from "../errors.js";
import type { ApiConfig, KapsoCodegenConfig } from "./define.js";

export const CONFIG_NAMES = [
  "kapso-codegen.config.ts",
  "kapso-codegen.config.mts",
  "kapso-codegen.config.mjs",
  "kapso-codegen.config.js",
  "kapso-codegen.config.json",
];

export interface LoadedConfig {
  readonly file: string;
  readonly config: KapsoCodegenConfig;
}

export function findConfig(cwd: string): string | undefined {
  return CONFIG_NAMES.map((name) => join(cwd, name)).find((path) => existsSync(path));
}

export async function loadConfig(file: string): Promise<LoadedConfig> {
  const path = resolve(file);
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if (errorCode(error) === "ENOENT") throw new SpecError("cannot read the config file: no such file", { file: path });
    throw environmentError(error, path, "read the config file") ?? error;
  }
  if (extname(path) === ".json") {
    const value = parseJson(path, text);
    return { file: path, config: checkConfig(value, jsonPlaces(path, text)) };
  }
  return { file: path, config: checkConfig(await importModule(path), () => ({ file: path })) };
}

/** JSON with comments allowed (as in tsconfig.json); a syntax error names its line and column. */
function parseJson(path: string, text: string): unknown {
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, { allowTrailingComma: false, disallowComments: false });
  const [first] = errors;
  if (first !== undefined)
    throw new SpecError(`cannot parse the config: ${printParseErrorCode(first.error)}`, {
      file: path,
      ...lineAndColumn(text, first.offset),
    });
  return value;
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split("\n");
  return { line: before.length, column: (before[before.length - 1]?.length ?? 0) + 1 };
}

/** Where a key of the config is, in a JSON config: the place of the key itself, else of its object. */
type PlaceOf = (path: ReadonlyArray<string | number>) => SourcePlace;

function jsonPlaces(file: string, text: string): PlaceOf {
  const tree = parseTree(text);
  return (path) => {
    for (let length = path.length; length >= 0 && tree !== undefined; length--) {
      const node = findNodeAtLocation(tree, [...path.slice(0, length)]);
      if (node === undefined) continue;
      const key = node.parent?.type === "property" ? node.parent.children?.[0] : undefined;
      return { file, ...lineAndColumn(text, (key ?? node).offset) };
    }
    return { file };
  };
}

/** The package's public entry beside this file: `public.js` in the build, `public.ts` when run from source. */
function publicEntry(): string {
  const built = fileURLToPath(new URL("../public.js", import.meta.url));
  return existsSync(built) ? built : fileURLToPath(new URL("../public.ts", import.meta.url));
}

async function importModule(path: string): Promise<unknown> {
  const { createJiti } = await import("jiti"); // only for module configs: a JSON config stays light
  // moduleCache off: `watch` reloads an edited config in the same process.
  const jiti = createJiti(path, {
    alias: { "kapso-codegen": publicEntry() },
    moduleCache: false,
    interopDefault: true,
  });
  try {
    return await jiti.import(path, { default: true });
  } catch (error) {
    // Whatever the user's module throws while loading (a syntax error, a failing import) is reported as its problem.
    throw loadError(path, error instanceof Error ? error.message : String(error));
  }
}

/** One paragraph: the message's first line, placed at the line and column of the config that jiti's parser names. */
function loadError(path: string, message: string): SpecError {
  const at = new RegExp(`\\s*${path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:(\\d+):(\\d+)`).exec(message);
  const first = (at === null ? message : message.replace(at[0], "")).split("\n")[0]?.trim() ?? "";
  const text = first.replace(/^ParseError: /, "syntax error: ");
  return new SpecError(
    `cannot load the config: ${text}`,
    at === null ? { file: path } : { file: path, line: Number(at[1]), column: Number(at[2]) },
  );
}

const CONFIG_KEYS = ["apis", "runtime", "strict"] as const satisfies ReadonlyArray<keyof KapsoCodegenConfig>;
const API_KEYS = ["name", "spec", "out", "msw", "pagination"] as const satisfies ReadonlyArray<keyof ApiConfig>;

function checkConfig(value: unknown, placeOf: PlaceOf): KapsoCodegenConfig {
  const fail = (message: string, path: ReadonlyArray<string | number> = []): never => {
    throw new SpecError(message, placeOf(path));
  };
  if (typeof value !== "object" || value === null || Array.isArray(value))
    return fail("the config must export an object (export default defineConfig({ apis: [...] }))");
  const config = value as Record<string, unknown>;
  checkKeys(config, CONFIG_KEYS, "the config", [], fail);
  if (!Array.isArray(config["apis"]) || config["apis"].length === 0)
    return fail("the config needs `apis`: a non-empty list of { spec, out?, name? }", ["apis"]);
  config["apis"].forEach((api: unknown, index) => {
    if (typeof api !== "object" || api === null || Array.isArray(api))
      return fail(`apis[${index}] must be an object { spec, out?, name?, msw? }`, ["apis", index]);
    const fields = api as Record<string, unknown>;
    checkKeys(fields, API_KEYS, `apis[${index}]`, ["apis", index], fail);
    if (typeof fields["spec"] !== "string")
      fail(`apis[${index}] needs a \`spec\` (a file path or URL)`, ["apis", index]);
    for (const key of ["out", "name"] as const) {
      if (fields[key] !== undefined && typeof fields[key] !== "string")
        fail(`apis[${index}].${key} must be a string`, ["apis", index, key]);
    }
    if (fields["msw"] !== undefined && typeof fields["msw"] !== "boolean")
      fail(`apis[${index}].msw must be true or false`, ["apis", index, "msw"]);
    if (fields["pagination"] !== undefined) checkPagination(fields["pagination"], ["apis", index, "pagination"], fail);
    return undefined;
  });
  if (config["runtime"] !== undefined && typeof config["runtime"] !== "string")
    fail("`runtime` must be a folder path", ["runtime"]);
  if (config["strict"] !== undefined && typeof config["strict"] !== "boolean")
    fail("`strict` must be true or false", ["strict"]);
  return value as KapsoCodegenConfig;
}

const CONVENTION_FIELDS = {
  page: { required: ["page", "items", "totalPages"], optional: [] },
  cursor: { required: ["cursor", "items"], optional: ["next", "nextCursor"] },
} as const;

/** `pagination`: a list of conventions, each `{ style: "page" | "cursor", … }` with string fields. */
function checkPagination(
  value: unknown,
  path: ReadonlyArray<string | number>,
  fail: (message: string, path: ReadonlyArray<string | number>) => never,
): void {
  const where = `apis[${String(path[1])}].pagination`;
  if (!Array.isArray(value))
    return fail(`${where} must be a list of conventions ({ style: "page" | "cursor", … })`, path);
  value.forEach((convention: unknown, index) => {
    const at = [...path, index];
    const style =
      typeof convention === "object" && convention !== null
        ? (convention as Record<string, unknown>)["style"]
        : undefined;
    if (style !== "page" && style !== "cursor")
      return fail(`${where}[${index}] needs \`style\`: "page" or "cursor"`, at);
    const fields = convention as Record<string, unknown>;
    const { required, optional } = CONVENTION_FIELDS[style];
    checkKeys(fields, ["style", ...required, ...optional], `${where}[${index}]`, at, fail);
    for (const key of [...required, ...optional]) {
      const given = fields[key];
      if (given === undefined && (required as readonly string[]).includes(key))
        fail(`${where}[${index}] needs \`${key}\` (a string)`, at);
      if (given !== undefined && (typeof given !== "string" || given === ""))
        fail(`${where}[${index}].${key} must be a non-empty string`, [...at, key]);
    }
    if (style === "cursor" && fields["next"] === undefined && fields["nextCursor"] === undefined)
      fail(`${where}[${index}] needs \`next\` or \`nextCursor\``, at);
    return undefined;
  });
}

/** A misspelt key would otherwise be ignored without a word: name it, and the known key it most likely meant. */
function checkKeys(
  object: Record<string, unknown>,
  known: readonly string[],
  where: string,
  path: ReadonlyArray<string | number>,
  fail: (message: string, path: ReadonlyArray<string | number>) => never,
): void {
  for (const key of Object.keys(object)) {
    if (known.includes(key)) continue;
    const nearest = [...known].sort((a, b) => editDistance(key, a) - editDistance(key, b))[0];
    const hint =
      nearest !== undefined && editDistance(key, nearest) <= Math.max(2, Math.floor(key.length / 2))
        ? `; did you mean \`${nearest}\`?`
        : "";
    fail(`unknown key \`${key}\` in ${where}${hint} (known keys: ${known.join(", ")})`, [...path, key]);
  }
}

/** Levenshtein distance, case-insensitive. */
function editDistance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let previous = Array.from({ length: y.length + 1 }, (_, index) => index);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + (x[i - 1] === y[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[y.length] ?? 0;
}
