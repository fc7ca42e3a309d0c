/**
 * generate(options): the whole pipeline for one API, stage by stage, each timed.
 *   load → model → plan → emit (types, client, fixtures, templates) → format → compare with disk → write
 * Everything is rendered in memory before anything is written, so a failure leaves the output folder as it was.
 */
import { readFile } from "node:fs/promises";
import { basename, join, relative, sep } from "node:path";
import { compareSpecs, type ChangeReport } from "./changes/index.js";
import { isFileSystemError, SpecError, type SpecWarning } from "./errors.js";
import type { GenerateOptions } from "./generate-options.js";
import { banner, runtimeBanner } from "./emit/banner.js";
import { CLIENT_CHECK_DIRECTIVE } from "./emit/check-directive.js";
import { emitClientRegion } from "./emit/client.js";
import {
  createFixtureValues,
  type EmittedFixture,
  type ExampleWarning,
  type OutputWarning,
} from "./emit/fixture-values.js";
import { emitFixturesRegion } from "./emit/fixtures.js";
import { emitMockRegion, MOCK_ANCHOR } from "./emit/mock.js";
import { emitMswRegion, MSW_ANCHOR, MSW_FILE } from "./emit/msw.js";
import { emitNamedTypesRegion, NAMED_TYPES_ANCHOR } from "./emit/named-types.js";
import { fillAnchor, fillAnchorKeeping, readTemplate } from "./emit/template.js";
import { renderSchemaTypes } from "./emit/types.js";
import { apiInputs, fingerprint, optionValues, runtimeInputs } from "./fingerprint.js";
import {
  createFormatter,
  formatFiles,
  type FormatHelper,
  type OutputFile,
  type SourceFile,
} from "./format/prettier.js";
import { checkRefChains } from "./load/depth.js";
import { loadSpec } from "./load/index.js";
import { createLeniency } from "./load/leniency.js";
import { isUrl } from "./load/read.js";
import { buildModel } from "./model/index.js";
import { generatorVersion } from "./paths.js";
import { onDemandFormatThread, startHelperThread, type HelperThread } from "./parallel/helper-thread.js";
import { planClient } from "./plan/index.js";
import { checkRenamedOperations } from "./plan/renamed-operations.js";
import { type ShapedText } from "./format/shape.js";
import { indentCompactJson } from "./spec/canonical.js";
import { sha256 } from "./write/manifest.js";
import { applyChanges, compareWithDisk, guardHandEdits, type FileState } from "./write/index.js";

export type { GenerateOptions };

export interface GenerateResult {
  readonly out: string;
  readonly files: readonly FileState[];
  /** Files that differ from disk (with `check`, these are stale). */
  readonly changed: readonly FileState[];
  /** Their new text, to show a diff. */
  readonly rendered: readonly OutputFile[];
  readonly operations: number;
  readonly warnings: readonly ExampleWarning[];
  /** Flaws in the spec that were repaired (see `LoadedSpec.warnings`). */
  readonly specWarnings: readonly SpecWarning[];
  /** What the output leaves out or types as `unknown` because TypeScript cannot hold it as the spec says. */
  readonly outputWarnings: readonly OutputWarning[];
  /** Every fixture value with the schema it is meant to satisfy, and the document those pointers are in. */
  readonly fixtures: { readonly document: Record<string, unknown>; readonly values: readonly EmittedFixture[] };
  /** What changed for callers since the spec the folder was last generated from; undefined on a first generation. */
  readonly changes: ChangeReport | undefined;
  /** Why there is no change report although the spec changed (the previous spec copy could not be read or compared). */
  readonly changesWarning: string | undefined;
  /** Milliseconds per stage. */
  readonly timings: Readonly<Record<string, number>>;
}

/**
 * The spec kept beside the output: the "before" of the next run's change report. It is kept canonical (keys sorted),
 * as its only job is comparing: its diff in review shows what the spec changed in meaning, not how it was reordered.
 */
export const SPEC_COPY = "openapi.json";
/**
 * The hand-written runtime, written as it is (or shared through `runtimeDir`): the client's runtime and serializers,
 * the mock engine each API's mock.ts hands its operations to, and schema-check.ts, the checker the mock embeds (the
 * same file the generator judges fixtures with).
 */
export const RUNTIME_FILES = ["runtime.ts", "serialize.ts", "schema-check.ts", "mock-engine.ts"] as const;

export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  // Started first: its start-up (openapi-typescript, TypeScript) overlaps the load stage on the other core.
  const helper = startHelperThread();
  const formatThread = helper && onDemandFormatThread();
  try {
    return await generateWith(options, helper, formatThread);
  } finally {
    await Promise.all([helper?.close(), formatThread?.close()]);
  }
}

async function generateWith(
  options: GenerateOptions,
  helper: HelperThread | undefined,
  formatThread: FormatHelper | undefined,
): Promise<GenerateResult> {
  const timings: Record<string, number> = {};
  const timed = async <T>(stage: string, work: () => T | Promise<T>): Promise<T> => {
    options.onStage?.(stage);
    const start = performance.now();
    try {
      return await work();
    } finally {
      timings[stage] = Math.round(performance.now() - start);
    }
  };

  const spec = await timed("load", async () => {
    const loaded = await loadSpec(options.spec, { strict: options.strict });
    checkRefChains(loaded.document, loaded.locate);
    return loaded;
  });
  // Taken now, before formatting reads the prettier config: an input edited during the run makes the next run regenerate.
  const inputsFingerprint = fingerprint(options.out, apiInputs(options, spec.files, spec.texts)) ?? "";
  // The types run on the helper thread while this thread emits the client and fixtures.
  const typesStarted = performance.now();
  // Not kept in a variable: the text (13 MB for GitHub's spec) would stay alive through the run.
  const pendingSchema = (helper?.types ?? renderSchemaTypes)(JSON.stringify(spec.document));
  // Its failure is reported where it is awaited below; this only keeps it from counting as unhandled meanwhile (when an
  // earlier stage fails first, that failure is the one reported).
  pendingSchema.catch(() => undefined);
  const model = await timed("model", () => buildModel(spec.document));
  const plan = await timed("plan", () =>
    planClient(model, options.name, { document: spec.document, conventions: options.pagination }),
  );
  const planLeniency = createLeniency(options.strict === true);
  checkRenamedOperations(plan, spec.locate, planLeniency);
  const head = banner({ generatorVersion, specName: basename(options.spec), specSha256: spec.sha256 });

  const client = await timed(
    "client",
    async () =>
      `${CLIENT_CHECK_DIRECTIVE}\n${fillAnchor(
        await readTemplate("client.ts"),
        "kapso-codegen:operations",
        emitClientRegion({
          plan,
          title: model.title,
          defaultServer: model.defaultServer,
          serverTemplate: model.serverTemplate,
          serverVariables: model.serverVariables,
        }),
      )}`,
  );
  const fixtureValues = createFixtureValues(spec.document, spec.locate);
  const fixtureRegion = await timed("fixtures", () => emitFixturesRegion(plan, fixtureValues.values));
  const fixtures = fillAnchor(await readTemplate("fixtures.ts"), "kapso-codegen:fixtures", fixtureRegion.text);
  const [firstWarning] = fixtureValues.warnings;
  if (options.strict && firstWarning) {
    throw new SpecError(
      `example does not match its schema (--strict): ${firstWarning.valuePointer || "(root)"} ${firstWarning.message}`,
      firstWarning.place,
    );
  }

  // Formatting starts on this thread while the types are still running; a helper takes a share once they are done.
  const formatter = await createFormatter(options.out);
  const format = (path: string, text: string, shaped?: string): Promise<OutputFile> => {
    const pending = formatter.format({
      path,
      text: head + text,
      shaped: shaped === undefined ? undefined : head + shaped,
    });
    pending.catch(() => undefined); // awaited (and its failure reported) below, after the types
    return pending;
  };
  // A template (in shape: the lint formats templates/) and a region that knows its shape, when the template's imports
  // are all kept as written.
  const formatRegion = (path: string, anchor: string, region: ShapedText): Promise<OutputFile> => {
    const pending = readTemplate(path).then((template) => {
      const filled = fillAnchorKeeping(template, anchor, region.text);
      const shaped = filled.headAsWritten && region.shaped !== undefined ? filled.head + region.shaped : undefined;
      return format(path, filled.text, shaped);
    });
    pending.catch(() => undefined); // as in format()
    return pending;
  };
  const formatted = [
    format("client.ts", client),
    format("fixtures.ts", fixtures),
    formatRegion("index.ts", NAMED_TYPES_ANCHOR, emitNamedTypesRegion(plan.namedTypes)),
    formatRegion("mock.ts", MOCK_ANCHOR, emitMockRegion(plan, spec.document, fixtureRegion.emitted)),
  ];
  const { text: schema, refCycles } = await timed("types (waiting)", () => pendingSchema);
  const outputWarnings = [
    ...refCycles.map((pointer) => ({
      place: spec.locate(pointer),
      message: "typed as `unknown`: its $ref leads only through $refs back to itself",
    })),
    ...fixtureValues.omitted,
  ];
  timings["types"] = Math.round(performance.now() - typesStarted);
  // openapi-typescript's working set is garbage now, but its thread would keep it committed until the run ends: closed
  // here, it leaves the run's peak memory (GitHub: about 100 MB less). Another thread takes the formatting share.
  await helper?.close();
  if (formatThread) formatter.share(formatThread);

  const rendered = await timed("format", async () => [
    ...(await Promise.all([
      ...formatted,
      format("schema.ts", schema),
      ...(options.msw
        ? [format(MSW_FILE, fillAnchor(await readTemplate(MSW_FILE), MSW_ANCHOR, emitMswRegion(model.defaultServer)))]
        : []),
      ...(await runtimeSources(options)).map((file) => format(file.path, file.text, file.shaped)),
    ])),
    // The load stage already wrote the canonical form (for the hash): indented, not sorted again.
    { path: SPEC_COPY, text: `${indentCompactJson(spec.canonicalJson)}\n` },
  ]);

  const comparison = await timed("compare", () => compareWithDisk(options.out, rendered));
  const { states, previous } = comparison;
  const { changes, warning: changesWarning } = await timed("changes", () =>
    changeReport(options.out, previous?.spec, spec.sha256, spec.document),
  );
  const changed = states.filter((state) => state.change !== "unchanged");
  if (!options.check) {
    guardHandEdits(options.out, comparison, options.force === true);
    const manifest = {
      generator: `kapso-codegen ${generatorVersion}`,
      fingerprint: inputsFingerprint,
      spec: spec.sha256,
      options: sha256(JSON.stringify(optionValues(options))),
      inputs: spec.files.map((file) => (isUrl(file) ? file : relative(options.out, file).split(sep).join("/"))),
      files: Object.fromEntries(rendered.map((file) => [file.path, sha256(file.text)])),
    };
    await timed("write", () => applyChanges(options.out, rendered, states, manifest));
  }
  const fixtureChecks = { document: spec.document, values: fixtureValues.emitted };
  return {
    out: options.out,
    files: states,
    changed,
    rendered,
    operations: model.operations.length,
    warnings: fixtureValues.warnings,
    specWarnings: [...spec.warnings, ...planLeniency.warnings],
    outputWarnings,
    fixtures: fixtureChecks,
    changes,
    changesWarning,
    timings,
  };
}

/** The runtime itself, or, when it is shared, one-line re-exports of it. */
async function runtimeSources(options: GenerateOptions): Promise<SourceFile[]> {
  if (options.runtimeDir === undefined)
    return Promise.all(
      RUNTIME_FILES.map(async (path) => {
        const text = await readTemplate(path);
        return { path, text, shaped: text }; // copied verbatim, and the lint keeps templates/ formatted
      }),
    );
  const shared = relative(options.out, options.runtimeDir).split(sep).join("/");
  return RUNTIME_FILES.map((path) => ({
    path,
    text: `/** The shared runtime, generated once for all APIs of this project. */\nexport * from "${shared}/${path.replace(/\.ts$/, ".js")}";\n`,
  }));
}

/**
 * The change report against the spec copy kept from the last run. A copy that is gone, unreadable or not JSON gives no
 * report but a warning that says why: the user must not read silence as "nothing changed".
 */
async function changeReport(
  out: string,
  previousSha: string | undefined,
  currentSha: string,
  document: object,
): Promise<{ changes: ChangeReport | undefined; warning: string | undefined }> {
  if (previousSha === undefined) return { changes: undefined, warning: undefined };
  if (previousSha === currentSha)
    return { changes: { changes: [], summary: { breaking: 0, nonBreaking: 0 } }, warning: undefined };
  const copy = join(out, SPEC_COPY);
  let before: object;
  try {
    before = JSON.parse(await readFile(copy, "utf8")) as object;
  } catch (error) {
    if (!(error instanceof SyntaxError) && !isFileSystemError(error)) throw error;
    return {
      changes: undefined,
      warning: `no change report: the previous spec copy ${copy} cannot be read (${error.message.split("\n")[0]})`,
    };
  }
  try {
    return { changes: compareSpecs(before, document), warning: undefined };
  } catch (error) {
    // The previous copy may be from an older generator or edited; the generation itself must not fail over a report.
    return {
      changes: undefined,
      warning: `no change report: comparing with the previous spec copy ${copy} failed: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

export interface RuntimeResult {
  readonly files: readonly FileState[];
  readonly changed: readonly FileState[];
}

/** Writes (or, with `check`, compares) the shared runtime folder: the runtime templates, verbatim. */
export async function generateRuntime(
  dir: string,
  options: { check?: boolean | undefined; force?: boolean | undefined } = {},
): Promise<RuntimeResult> {
  const inputsFingerprint = fingerprint(dir, runtimeInputs(dir)) ?? ""; // before formatting reads the config, as in generate()
  const sources = await Promise.all(
    RUNTIME_FILES.map(async (path) => {
      const text = runtimeBanner(generatorVersion) + (await readTemplate(path));
      return { path, text, shaped: text };
    }),
  );
  const rendered = await formatFiles(sources, dir);
  const comparison = await compareWithDisk(dir, rendered);
  const { states } = comparison;
  if (!options.check) {
    guardHandEdits(dir, comparison, options.force === true);
    const files = Object.fromEntries(rendered.map((file) => [file.path, sha256(file.text)]));
    await applyChanges(dir, rendered, states, {
      generator: `kapso-codegen ${generatorVersion}`,
      fingerprint: inputsFingerprint,
      spec: "",
      files,
    });
  }
  return { files: states, changed: states.filter((state) => state.change !== "unchanged") };
}
