/**
 * Resolves what the user asked for (flags, and the config file if there is one) into the runs to make: one set of
 * generate options per API, plus the shared runtime folder when there is one. Flags override the config.
 */
import { basename, dirname, extname, join, resolve } from "node:path";
import { findConfig, loadConfig } from "./config/load.js";
import type { ApiConfig } from "./config/define.js";
import { UsageError } from "./errors.js";
import type { GenerateOptions } from "./index.js";
import { isUrl } from "./load/read.js";
import { clientIdentifier, unusableClientName } from "./plan/names.js";
import { defaultSpecPath } from "./paths.js";

export interface RequestedOptions {
  readonly spec?: string | undefined;
  readonly out?: string | undefined;
  readonly name?: string | undefined;
  readonly check?: boolean | undefined;
  readonly force?: boolean | undefined;
  readonly strict?: boolean | undefined;
  readonly msw?: boolean | undefined;
  readonly config?: string | undefined;
  readonly api?: readonly string[] | undefined;
}

export interface ResolvedRun {
  readonly apis: readonly GenerateOptions[];
  /** The shared runtime folder, when the APIs share one. */
  readonly runtimeDir: string | undefined;
  /** The config file used, if any. */
  readonly configFile: string | undefined;
}

export async function resolveRun(requested: RequestedOptions, cwd = process.cwd()): Promise<ResolvedRun> {
  const flagsNameAnApi = requested.spec !== undefined || requested.out !== undefined || requested.name !== undefined;
  const configPath = requested.config !== undefined ? resolve(cwd, requested.config) : flagsNameAnApi ? undefined : findConfig(cwd);
  if (configPath === undefined) return { apis: [resolveOptions(requested, cwd)], runtimeDir: undefined, configFile: undefined };

  const { file, config } = await loadConfig(configPath);
  const base = dirname(file);
  const strict = requested.strict ?? config.strict;
  if (flagsNameAnApi) return { apis: [resolveOptions({ ...requested, strict }, cwd)], runtimeDir: undefined, configFile: file };

  const wanted = requested.api ?? [];
  const all = config.apis.map((api) => apiOptions(api, base, { ...requested, strict }));
  const unknown = wanted.filter((name) => !all.some((api) => api.name === name));
  if (unknown.length > 0) throw new UsageError(`no API named ${unknown.join(", ")} in ${file} (it has: ${all.map((api) => api.name).join(", ")})`);
  const runtimeDir = config.runtime !== undefined ? resolve(base, config.runtime) : all.length > 1 ? join(dirname(all[0]?.out ?? base), "runtime") : undefined;
  if (runtimeDir !== undefined && all.some((api) => api.out === runtimeDir)) throw new UsageError(`the runtime folder ${runtimeDir} is also an API's output folder; set \`runtime\` in ${file}`);
  const chosen = wanted.length > 0 ? all.filter((api) => wanted.includes(api.name)) : all;
  return { apis: chosen.map((api) => ({ ...api, runtimeDir })), runtimeDir, configFile: file };
}

function apiOptions(api: ApiConfig, base: string, flags: RequestedOptions): GenerateOptions {
  const spec = isUrl(api.spec) ? api.spec : resolve(base, api.spec);
  const name = usableName(api.name, api.out !== undefined ? ["the `out` folder's name", basename(resolve(base, api.out))] : ["the spec file's name", specStem(spec)]);
  return {
    spec,
    name,
    out: resolve(base, api.out ?? `generated/${name}`),
    check: flags.check === true,
    force: flags.force === true,
    strict: flags.strict === true,
    msw: flags.msw ?? api.msw === true,
  };
}

/**
 * Without a config: the embedded Kapso spec by default; the client name from `--out`'s folder name, else "kapso" for
 * the Kapso spec, else the spec file's name; the output folder `generated/<name>` under the current directory.
 */
export function resolveOptions(requested: RequestedOptions, cwd = process.cwd()): GenerateOptions {
  const spec = requested.spec === undefined ? defaultSpecPath : isUrl(requested.spec) ? requested.spec : resolve(cwd, requested.spec);
  const name = usableName(
    requested.name,
    requested.out !== undefined ? ["the --out folder's name", basename(resolve(cwd, requested.out))] : ["the spec file's name", spec === defaultSpecPath ? "kapso" : specStem(spec)],
  );
  const out = resolve(cwd, requested.out ?? `generated/${name}`);
  return { spec, out, name, check: requested.check === true, force: requested.force === true, strict: requested.strict === true, msw: requested.msw === true };
}

/** The name given, else the one derived from a path; a UsageError when it cannot name a client (see clientIdentifier). */
function usableName(given: string | undefined, [origin, derived]: readonly [string, string]): string {
  const name = given ?? derived;
  if (clientIdentifier(name) === undefined) throw new UsageError(unusableClientName(name, given === undefined ? ` (taken from ${origin})` : ""));
  return name;
}

function specStem(spec: string): string {
  const file = basename(spec.split(/[?#]/)[0] ?? spec);
  return file.slice(0, file.length - extname(file).length) || "api";
}
