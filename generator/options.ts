/** Resolves what the user asked for into one readonly set of generate options, with the defaults filled in. */
import { basename, extname, resolve } from "node:path";
import type { GenerateOptions } from "./index.js";
import { isUrl } from "./load/read.js";
import { defaultSpecPath } from "./paths.js";

export interface RequestedOptions {
  readonly spec?: string | undefined;
  readonly out?: string | undefined;
  readonly name?: string | undefined;
  readonly check?: boolean | undefined;
  readonly force?: boolean | undefined;
  readonly strict?: boolean | undefined;
}

/**
 * Defaults: the embedded Kapso spec; the client name from `--out`'s folder name, else "kapso" for the Kapso spec, else
 * the spec file's name; the output folder `generated/<name>` under the current directory.
 */
export function resolveOptions(requested: RequestedOptions, cwd = process.cwd()): GenerateOptions {
  const spec = requested.spec === undefined ? defaultSpecPath : isUrl(requested.spec) ? requested.spec : resolve(cwd, requested.spec);
  const name =
    requested.name ??
    (requested.out !== undefined ? basename(resolve(cwd, requested.out)) : spec === defaultSpecPath ? "kapso" : specStem(spec));
  const out = resolve(cwd, requested.out ?? `generated/${name}`);
  return { spec, out, name, check: requested.check === true, force: requested.force === true, strict: requested.strict === true };
}

function specStem(spec: string): string {
  const file = basename(spec.split(/[?#]/)[0] ?? spec);
  return file.slice(0, file.length - extname(file).length) || "api";
}
