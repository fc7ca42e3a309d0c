/** The package's entry point for code: `defineConfig` for config files, and the pipeline for build scripts. */
export { defineConfig, type ApiConfig, type KapsoCodegenConfig } from "./config/define.js";
export { generate, generateRuntime, type GenerateOptions, type GenerateResult } from "./index.js";
export { compareSpecs, formatChangeReportJson, formatChangeReportText, type ChangeReport } from "./changes/index.js";
