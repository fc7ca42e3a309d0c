/**
 * Finds and reads the config file. A `.ts` config is transpiled with TypeScript (loaded only then) and the result is
 * cached by content hash, so later runs import plain JavaScript and stay fast.
 */
import { existsSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { basename, dirname, extname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { SpecError } from "../errors.js";
import { sha256 } from "../write/manifest.js";
import type { ApiConfig, KapsoCodegenConfig } from "./define.js";

export const CONFIG_NAMES = ["kapso-codegen.config.ts", "kapso-codegen.config.mts", "kapso-codegen.config.mjs", "kapso-codegen.config.js", "kapso-codegen.config.json"];

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
  } catch {
    throw new SpecError("cannot read the config file: no such file", { file: path });
  }
  const value = extname(path) === ".json" ? parseJson(path, text) : await importModule(path, text);
  return { file: path, config: checkConfig(path, value) };
}

function parseJson(path: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new SpecError(`cannot parse the config: ${(error as Error).message}`, { file: path });
  }
}

async function importModule(path: string, text: string): Promise<unknown> {
  const isTypeScript = /\.m?ts$/.test(path);
  const code = isTypeScript ? await transpiled(path, text) : undefined;
  // Imported from beside the config, so its own imports resolve exactly as the user wrote them.
  const target = code === undefined ? path : join(dirname(path), `.${basename(path)}.${process.pid}.mjs`);
  try {
    if (code !== undefined) await writeFile(target, code);
    const module = (await import(`${pathToFileURL(target).href}?v=${sha256(text).slice(0, 12)}`)) as { default?: unknown };
    return module.default;
  } catch (error) {
    throw new SpecError(`cannot load the config: ${(error as Error).message.split("\n")[0]}`, { file: path });
  } finally {
    if (code !== undefined) await rm(target, { force: true });
  }
}

async function transpiled(path: string, text: string): Promise<string> {
  const cacheDir = join(process.cwd(), "node_modules", ".cache", "kapso-codegen");
  const cached = join(cacheDir, `config-${sha256(text)}.mjs`);
  try {
    return await readFile(cached, "utf8");
  } catch {
    // not cached yet
  }
  const ts = (await import("typescript")).default;
  const output = ts.transpileModule(text, {
    fileName: path,
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false },
  }).outputText;
  await mkdir(cacheDir, { recursive: true }).catch(() => undefined);
  await writeFile(cached, output).catch(() => undefined);
  return output;
}

function checkConfig(file: string, value: unknown): KapsoCodegenConfig {
  const fail = (message: string): never => {
    throw new SpecError(message, { file });
  };
  if (typeof value !== "object" || value === null) return fail("the config must export an object (export default defineConfig({ apis: [...] }))");
  const config = value as Record<string, unknown>;
  if (!Array.isArray(config["apis"]) || config["apis"].length === 0) return fail("the config needs `apis`: a non-empty list of { spec, out?, name? }");
  config["apis"].forEach((api: unknown, index) => {
    if (typeof api !== "object" || api === null || typeof (api as ApiConfig).spec !== "string") fail(`apis[${index}] needs a \`spec\` (a file path or URL)`);
    for (const key of ["out", "name"] as const) {
      const field = (api as Record<string, unknown>)[key];
      if (field !== undefined && typeof field !== "string") fail(`apis[${index}].${key} must be a string`);
    }
    const msw = (api as Record<string, unknown>)["msw"];
    if (msw !== undefined && typeof msw !== "boolean") fail(`apis[${index}].msw must be true or false`);
  });
  if (config["runtime"] !== undefined && typeof config["runtime"] !== "string") fail("`runtime` must be a folder path");
  if (config["strict"] !== undefined && typeof config["strict"] !== "boolean") fail("`strict` must be true or false");
  return value as KapsoCodegenConfig;
}

