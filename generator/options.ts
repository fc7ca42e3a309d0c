/**
 * Resolves what the user asked for (flags, and the config file if there is one) into the runs to make: one set of
 * generate options per API, plus the shared runtime folder when there is one. Flags override the config.
 */
import { readdir } from "node:fs/promises";
import { basename, dirname, extname, isAbsolute, join, relative, resolve } from "node:path";
import { CONFIG_NAMES, findConfig, loadConfig } from "./config/load.js";
import type { ApiConfig } from "./config/define.js";
import { environmentError, errorCode, UsageError } from "./errors.js";
import type { GenerateOptions } from "./generate-options.js";
import { isUrl } from "./load/read.js";
import { clientIdentifier, unusableClientName } from "./plan/names.js";
import { defaultSpecPath, packageRoot } from "./paths.js";
import { loadManifest, MANIFEST_FILE } from "./write/manifest.js";

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

export async function resolveRun(
  requested: RequestedOptions,
  cwd = process.cwd(),
  purpose: "write" | "read" = "write",
): Promise<ResolvedRun> {
  const run = await resolveRequested(requested, cwd, purpose);
  if (purpose === "write") for (const api of run.apis) await refuseProjectFolder(api.out, cwd);
  return run;
}

async function resolveRequested(
  requested: RequestedOptions,
  cwd: string,
  purpose: "write" | "read",
): Promise<ResolvedRun> {
  const flagsNameAnApi = requested.spec !== undefined || requested.out !== undefined || requested.name !== undefined;
  const configPath = requested.config !== undefined ? resolve(cwd, requested.config) : findConfig(cwd);
  if (configPath === undefined) {
    if (requested.spec === undefined && !isPackageRoot(cwd)) {
      throw new UsageError(
        `no config file (${CONFIG_NAMES.join(", ")}) in ${cwd}, and no --spec; run \`kapso-codegen init\` to write one, or pass --spec FILE`,
      );
    }
    return { apis: [resolveOptions(requested, cwd)], runtimeDir: undefined, configFile: undefined };
  }

  const { file, config } = await loadConfig(configPath);
  const base = dirname(file);
  const strict = requested.strict ?? config.strict;
  const all = config.apis.map((api) => apiOptions(api, base, { ...requested, strict }));
  const runtimeDir =
    config.runtime !== undefined
      ? resolve(base, config.runtime)
      : all.length > 1
        ? join(dirname(all[0]?.out ?? base), "runtime")
        : undefined;
  refuseOverlaps(file, all, runtimeDir);
  if (flagsNameAnApi) {
    const adHoc = resolveOptions({ ...requested, strict }, cwd);
    if (purpose === "write") refuseManagedFolder(file, adHoc.out, all, runtimeDir);
    return { apis: [adHoc], runtimeDir: undefined, configFile: file };
  }

  const wanted = requested.api ?? [];
  const unknown = wanted.filter((name) => !all.some((api) => api.name === name));
  if (unknown.length > 0)
    throw new UsageError(
      `no API named ${unknown.join(", ")} in ${file} (it has: ${all.map((api) => api.name).join(", ")})`,
    );
  const chosen = wanted.length > 0 ? all.filter((api) => wanted.includes(api.name)) : all;
  return { apis: chosen.map((api) => ({ ...api, runtimeDir })), runtimeDir, configFile: file };
}

/**
 * An output folder that is the folder the tool runs in, or holds it (`--out .`), would mix generated files with the
 * project's own: refused while it holds anything its manifest does not list.
 */
async function refuseProjectFolder(out: string, cwd: string): Promise<void> {
  if (!isInside(cwd, out)) return;
  let entries: string[];
  try {
    entries = await readdir(out);
  } catch (error) {
    if (errorCode(error) === "ENOENT") return;
    throw environmentError(error, out, "list the output folder") ?? error;
  }
  const state = await loadManifest(out);
  const listed =
    state.kind === "read" ? Object.keys(state.manifest.files).map((file) => file.split("/")[0] ?? file) : [];
  const owned = new Set([MANIFEST_FILE, ...listed]);
  const foreign = entries.filter((entry) => !owned.has(entry)).sort();
  if (foreign.length === 0) return;
  const shown = `${foreign.slice(0, 5).join(", ")}${foreign.length > 5 ? `, and ${foreign.length - 5} more` : ""}`;
  throw new UsageError(
    `the output folder ${shortened(out)} is ${relative(out, cwd) === "" ? "the folder you run in" : "a folder that holds the one you run in"}, and it holds files kapso-codegen did not write (${shown}); generate into a folder of its own, such as generated/<name>`,
  );
}

/** The embedded Kapso spec is this repository's own default; anywhere else a run needs a config or --spec. */
function isPackageRoot(cwd: string): boolean {
  return resolve(cwd) === resolve(packageRoot);
}

/** True when `child` is `parent` or lies inside it. */
function isInside(child: string, parent: string): boolean {
  const path = relative(parent, child);
  return path === "" || (!path.startsWith("..") && !isAbsolute(path));
}

/** True when one folder is the other or contains it. */
function overlaps(a: string, b: string): boolean {
  return isInside(a, b) || isInside(b, a);
}

/** Each API writes a folder of its own: two APIs in one folder, or one inside another, would remove each other's files. */
function refuseOverlaps(file: string, apis: readonly GenerateOptions[], runtimeDir: string | undefined): void {
  const folders = [
    ...apis.map((api) => ({ what: `API ${api.name}`, out: api.out })),
    ...(runtimeDir === undefined ? [] : [{ what: "the shared runtime", out: runtimeDir }]),
  ];
  folders.forEach((first, index) => {
    for (const second of folders.slice(index + 1)) {
      if (!overlaps(first.out, second.out)) continue;
      const how = first.out === second.out ? "the same output folder" : "output folders inside one another";
      const fix =
        second.what === "the shared runtime"
          ? "set `runtime` to a folder of its own"
          : "give each API an `out` folder of its own";
      throw new UsageError(
        `${first.what} and ${second.what} have ${how} (${shortened(first.out)}, ${shortened(second.out)}) in ${file}; ${fix}`,
      );
    }
  });
}

/**
 * A --spec/--out run into (or around) a folder the config manages would generate it without the config's options
 * (msw, the shared runtime): refused, pointing at the API to generate instead.
 */
function refuseManagedFolder(
  file: string,
  out: string,
  apis: readonly GenerateOptions[],
  runtimeDir: string | undefined,
): void {
  const api = apis.find((candidate) => overlaps(candidate.out, out));
  if (api !== undefined) {
    const exact = api.out === out;
    throw new UsageError(
      `${shortened(out)} ${exact ? "is" : "overlaps"} the output folder of API ${api.name} in ${file}${exact ? "" : ` (${shortened(api.out)})`}; generate it with \`kapso-codegen generate --api ${api.name}\` (with the config's options), or pick an --out of its own`,
    );
  }
  if (runtimeDir !== undefined && overlaps(runtimeDir, out))
    throw new UsageError(
      `${shortened(out)} overlaps the shared runtime folder ${shortened(runtimeDir)} of ${file}; pick an --out of its own`,
    );
}

function shortened(path: string): string {
  return relative(process.cwd(), path) || ".";
}

function apiOptions(api: ApiConfig, base: string, flags: RequestedOptions): GenerateOptions {
  const spec = isUrl(api.spec) ? api.spec : resolve(base, api.spec);
  const name = usableName(
    api.name,
    api.out !== undefined
      ? ["the `out` folder's name", basename(resolve(base, api.out))]
      : ["the spec file's name", specStem(spec)],
  );
  return {
    spec,
    name,
    out: resolve(base, api.out ?? `generated/${name}`),
    check: flags.check === true,
    force: flags.force === true,
    strict: flags.strict === true,
    msw: flags.msw ?? api.msw === true,
    pagination: api.pagination,
  };
}

/**
 * Without a config: the embedded Kapso spec by default; the client name from `--out`'s folder name, else "kapso" for
 * the Kapso spec, else the spec file's name; the output folder `generated/<name>` under the current directory.
 */
export function resolveOptions(requested: RequestedOptions, cwd = process.cwd()): GenerateOptions {
  const spec =
    requested.spec === undefined
      ? defaultSpecPath
      : isUrl(requested.spec)
        ? requested.spec
        : resolve(cwd, requested.spec);
  const name = usableName(
    requested.name,
    requested.out !== undefined
      ? ["the --out folder's name", basename(resolve(cwd, requested.out))]
      : ["the spec file's name", spec === defaultSpecPath ? "kapso" : specStem(spec)],
  );
  const out = resolve(cwd, requested.out ?? `generated/${name}`);
  return {
    spec,
    out,
    name,
    check: requested.check === true,
    force: requested.force === true,
    strict: requested.strict === true,
    msw: requested.msw === true,
  };
}

/** The name given, else the one derived from a path; a UsageError when it cannot name a client (see clientIdentifier). */
function usableName(given: string | undefined, [origin, derived]: readonly [string, string]): string {
  const name = given ?? derived;
  if (clientIdentifier(name) === undefined)
    throw new UsageError(unusableClientName(name, given === undefined ? ` (taken from ${origin})` : ""));
  return name;
}

function specStem(spec: string): string {
  const file = basename(spec.split(/[?#]/)[0] ?? spec);
  return file.slice(0, file.length - extname(file).length) || "api";
}
