/**
 * The load stage: read → parse → follow and bundle refs across files → upgrade Swagger 2.0 → check shape and refs →
 * repair what peers accept (each with a located warning; an error under `strict`) → one document with only internal
 * refs, a SHA-256 of it and a way back from any JSON pointer to file:line:column.
 *
 * A one-file OpenAPI spec takes the short road (no bundler, no converter imported): a no-op regeneration stays fast.
 */
import { createHash } from "node:crypto";
import type { SourcePlace, SpecWarning } from "../errors.js";
import { bundleSources } from "./bundle.js";
import { copyDeep, sortKeysDeep } from "../spec/canonical.js";
import { repairEntryRefs } from "./entry-refs.js";
import { followRefs } from "./follow.js";
import { hoistDeepRefs } from "./hoist.js";
import { createLeniency, type Leniency } from "./leniency.js";
import { createBundleLocator, inSourceOrder } from "./origins.js";
import { parseSpecText, type LocatedDocument, type ParsedFile } from "./parse.js";
import { repairPathParameters } from "./path-params.js";
import { readSpecText } from "./read.js";
import { checkRefs, collectRefs, isExternalRef } from "./refs.js";
import { createSourceSet, sourceId } from "./sources.js";
import { upgradeSwagger2 } from "./swagger.js";
import { checkOpenApiShape, detectSpecFormat, type OpenApiVersion } from "./validate.js";

export type { OpenApiVersion } from "./validate.js";

export interface LoadedSpec {
  /** The spec as given (a path or a URL), for messages. */
  readonly source: string;
  /** Every file the spec was read from (the main one first): absolute paths or URLs. */
  readonly files: readonly string[];
  /** Each of those files' text as it was read: what the output was made from, even if the file changed since. */
  readonly texts: ReadonlyMap<string, string>;
  /** The bundled document, keys in the order the spec writes them: every `$ref` internal; Swagger 2.0 upgraded to 3.0. */
  readonly document: Record<string, unknown>;
  readonly version: OpenApiVersion;
  /** The canonical document as JSON text (keys sorted): the hash input; never what output is generated from. */
  readonly canonicalJson: string;
  /**
   * SHA-256 of `canonicalJson`, hex: the same for any key order or formatting of the same spec. The bundle holds what
   * every file contributes, so a change in any of them changes it.
   */
  readonly sha256: string;
  /**
   * Where the value at a pointer into `document` is written: the file it came from (a multi-file spec's part, or the
   * Swagger document), its line:column, and the pointer inside that file.
   */
  locate(pointer: string): SourcePlace;
  /** Flaws that peers accept and this stage repaired (each says what it did); empty under `strict`, which rejects them. */
  readonly warnings: readonly SpecWarning[];
}

export interface LoadOptions {
  /** Flaws that are repaired with a warning by default are errors. */
  readonly strict?: boolean | undefined;
}

export async function loadSpec(source: string, options: LoadOptions = {}): Promise<LoadedSpec> {
  const text = await readSpecText(source);
  return loadSpecText(source, text, options);
}

/** Loads a spec whose main text is already read; relative refs resolve against `source` (a path or a URL). */
export async function loadSpecText(source: string, text: string, options: LoadOptions = {}): Promise<LoadedSpec> {
  const leniency = createLeniency(options.strict === true);
  const parsed = parseSpecText(source, text);
  const format = detectSpecFormat(parsed);
  const main = format.kind === "swagger2" ? withQuotedSwaggerVersion(parsed) : parsed;
  const sites = collectRefs(main.value);
  const multiFile = sites.some((site) => isExternalRef(site.ref));
  let texts = new Map([[sourceId(source), text]]);
  let document: LocatedDocument = main;
  if (multiFile) {
    ({ document, texts } = await bundleFiles(main, source));
  } else {
    checkRefs(main, sites);
  }
  if (format.kind === "swagger2") {
    document = await upgradeSwagger2(document, main.file, text, leniency);
  }
  checkOpenApiShape(document);
  // Bundling and conversion rewrite refs: check once more that each is internal and leads somewhere.
  if (document !== main) checkRefs(document, collectRefs(document.value), false);
  document = repair(document, leniency);
  return finish(source, texts, document, format.kind === "swagger2" ? "3.0" : format.version, leniency.warnings);
}

/** What peers accept and the later stages cannot use as written; repaired in place, with a warning for each. */
function repair(document: LocatedDocument, leniency: Leniency): LocatedDocument {
  const repaired = repairPathParameters(document, leniency);
  repairEntryRefs(repaired, leniency);
  return repaired;
}

async function bundleFiles(
  main: ParsedFile,
  source: string,
): Promise<{ document: LocatedDocument; texts: Map<string, string> }> {
  const sources = createSourceSet(main, source);
  await followRefs(sources);
  const bundled = inSourceOrder(await bundleSources(sources), sources);
  return {
    document: { value: bundled, locate: createBundleLocator(bundled, sources) },
    texts: new Map(sources.files().map((file) => [file.id, file.text])),
  };
}

/** YAML reads an unquoted `swagger: 2.0` as the number 2; the bundler and the converter expect the string. */
function withQuotedSwaggerVersion(parsed: ParsedFile): ParsedFile {
  return { ...parsed, value: { ...(parsed.value as Record<string, unknown>), swagger: "2.0" } };
}

function finish(
  source: string,
  texts: ReadonlyMap<string, string>,
  located: LocatedDocument,
  version: OpenApiVersion,
  warnings: readonly SpecWarning[],
): LoadedSpec {
  hoistDeepRefs(located.value as Record<string, unknown>);
  // The output follows the spec's own order; only the hash (and what compares specs) reads the canonical form.
  const document = copyDeep(located.value) as Record<string, unknown>;
  const canonicalJson = JSON.stringify(sortKeysDeep(document));
  return {
    source,
    files: [...texts.keys()],
    texts,
    document,
    version,
    canonicalJson,
    sha256: createHash("sha256").update(canonicalJson).digest("hex"),
    locate: located.locate,
    warnings,
  };
}
