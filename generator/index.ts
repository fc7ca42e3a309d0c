/**
 * generate(options): the whole pipeline, stage by stage, each timed.
 *   load → model → plan → emit (types, client, fixtures, templates) → format → compare with disk → write
 * Everything is rendered in memory before anything is written, so a failure leaves the output folder as it was.
 */
import { basename } from "node:path";
import { banner } from "./emit/banner.js";
import { emitClientRegion } from "./emit/client.js";
import { createFixtureValues, type ExampleWarning } from "./emit/fixture-values.js";
import { emitFixturesRegion } from "./emit/fixtures.js";
import { fillAnchor, readTemplate } from "./emit/template.js";
import { emitSchemaTypes } from "./emit/types.js";
import { formatFiles, type OutputFile } from "./format/prettier.js";
import { loadSpec } from "./load/index.js";
import { buildModel } from "./model/index.js";
import { generatorVersion } from "./paths.js";
import { planClient } from "./plan/index.js";
import { applyChanges, compareWithDisk, type FileState } from "./write/index.js";

export interface GenerateOptions {
  /** Spec file path or URL. */
  readonly spec: string;
  /** Output folder of this API. */
  readonly out: string;
  /** Client name: `kapso` gives `createKapsoClient`. */
  readonly name: string;
  /** Compare only: write nothing. */
  readonly check?: boolean;
}

export interface GenerateResult {
  readonly files: readonly FileState[];
  /** Files that differ from disk (with `check`, these are stale). */
  readonly changed: readonly FileState[];
  readonly operations: number;
  readonly warnings: readonly ExampleWarning[];
  /** Milliseconds per stage. */
  readonly timings: Readonly<Record<string, number>>;
}

export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const timings: Record<string, number> = {};
  const timed = async <T>(stage: string, work: () => T | Promise<T>): Promise<T> => {
    const start = performance.now();
    try {
      return await work();
    } finally {
      timings[stage] = Math.round(performance.now() - start);
    }
  };

  const spec = await timed("load", () => loadSpec(options.spec));
  const model = await timed("model", () => buildModel(spec.document));
  const plan = await timed("plan", () => planClient(model, options.name));
  const head = banner({ generatorVersion, specName: basename(options.spec), specSha256: spec.sha256 });

  const schema = await timed("types", () => emitSchemaTypes(spec.canonicalJson));
  const client = await timed("client", async () =>
    fillAnchor(await readTemplate("client.ts"), "kapso-codegen:operations", emitClientRegion({ plan, title: model.title, defaultServer: model.defaultServer })),
  );
  const fixtureValues = createFixtureValues(spec.document, spec.locate);
  const fixtures = await timed("fixtures", async () =>
    fillAnchor(await readTemplate("fixtures.ts"), "kapso-codegen:fixtures", emitFixturesRegion(plan, fixtureValues.values)),
  );
  const [runtime, index] = await Promise.all([readTemplate("runtime.ts"), readTemplate("index.ts")]);

  const rendered: OutputFile[] = [
    { path: "client.ts", text: client },
    { path: "fixtures.ts", text: fixtures },
    { path: "index.ts", text: index },
    { path: "runtime.ts", text: runtime },
    { path: "schema.ts", text: schema },
  ].map((file) => ({ path: file.path, text: head + file.text }));

  const files = await timed("format", () => formatFiles(rendered, options.out));
  const states = await timed("compare", () => compareWithDisk(options.out, files));
  const changed = states.filter((state) => state.change !== "unchanged");
  if (!options.check) await timed("write", () => applyChanges(options.out, files, states));
  return { files: states, changed, operations: model.operations.length, warnings: fixtureValues.warnings, timings };
}
