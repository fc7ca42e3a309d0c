/** The edge-case specs (specs/edge/*.yaml, one concern each) and how the edge tests generate them. */
import { symlink } from "node:fs/promises";
import { join } from "node:path";
import { generate, type GenerateResult } from "../../generator/index.js";
import { root } from "../support/run.js";

/** Spec file names without `.yaml`; each is also the client name and its folder under `__golden__/`. */
export const EDGE_SPECS = [
  "binary-bodies",
  "composition",
  "deep-refs",
  "deprecated",
  "discriminator-uses",
  "duplicate-operation-ids",
  "honest-mock",
  "hostile-strings",
  "lenient",
  "methods",
  "named-types",
  "nullable-3.0",
  "operation-id-characters",
  "operation-ids",
  "paging",
  "parameters",
  "query-styles",
  "rate-limits",
  "recursive",
  "ref-cycles",
  "request-bodies",
  "responses",
  "schema-conflicts",
  "security",
  "servers",
] as const;

export type EdgeSpec = (typeof EDGE_SPECS)[number];

export const edgeSpecsDir = join(root, "specs", "edge");
export const goldenDir = join(root, "test", "edge", "__golden__");

export function edgeSpecPath(spec: EdgeSpec): string {
  return join(edgeSpecsDir, `${spec}.yaml`);
}

/** Generates one edge spec into `<outRoot>/<spec>/`, named after the spec (`query-styles` → `createQueryStylesClient`). */
export function generateEdge(spec: EdgeSpec, outRoot: string): Promise<GenerateResult> {
  return generate({ spec: edgeSpecPath(spec), out: join(outRoot, spec), name: spec });
}

/** The folder beside the spec folders that holds the one shared runtime of the goldens. */
export const SHARED_RUNTIME = "_runtime";

/**
 * Generates one edge spec as the golden test does: the runtime shared in `<outRoot>/_runtime/`, so each spec's
 * runtime files (runtime.ts, serialize.ts, schema-check.ts, mock-engine.ts) are one-line re-exports and the runtime
 * itself is compared with its templates once.
 */
export function generateGolden(spec: EdgeSpec, outRoot: string): Promise<GenerateResult> {
  return generate({
    spec: edgeSpecPath(spec),
    out: join(outRoot, spec),
    name: spec,
    runtimeDir: join(outRoot, SHARED_RUNTIME),
  });
}

/**
 * Lets code in a folder outside the repo (a temporary one) resolve the repo's packages (openapi-fetch, vitest types),
 * as it would inside a project that installed them.
 */
export async function linkNodeModules(dir: string): Promise<void> {
  await symlink(join(root, "node_modules"), join(dir, "node_modules"), "dir");
}
