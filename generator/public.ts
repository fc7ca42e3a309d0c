/**
 * The package's entry point for code: `defineConfig` for config files, and the pipeline for build scripts. A config
 * file imports this module, so it stays light: the pipeline loads on the first call of `generate`.
 */
import type { GenerateOptions, GenerateResult, RuntimeResult } from "./index.js";

export { defineConfig, type ApiConfig, type KapsoCodegenConfig } from "./config/define.js";
export type { GenerateOptions, GenerateResult, RuntimeResult } from "./index.js";
export { compareSpecs, formatChangeReportJson, formatChangeReportText, type ChangeReport } from "./changes/index.js";

/** Generates one API's output folder (see GenerateOptions). */
export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  return (await import("./index.js")).generate(options);
}

/** Writes (or, with `check`, compares) the shared runtime folder. */
export async function generateRuntime(
  dir: string,
  options: { check?: boolean | undefined; force?: boolean | undefined } = {},
): Promise<RuntimeResult> {
  return (await import("./index.js")).generateRuntime(dir, options);
}
