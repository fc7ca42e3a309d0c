/**
 * Bundles a multi-file spec into one document with @redocly/openapi-core's bundler: what another file defines moves
 * into `components` (named after the pointer's last part or the file, renamed on a clash) or, where OpenAPI has no
 * component for it (a path item in 3.0), is copied in place. Only internal refs remain.
 *
 * The library takes ~170 ms to import, so it is imported here, on demand, only for specs with external refs. Every
 * file was already read and checked by followRefs; the resolver handed to the library serves those files and nothing
 * else, so bundling neither reads a file twice nor downloads what a `$ref` does not name (an `externalValue`).
 */
import type { Document, NormalizedProblem, Source } from "@redocly/openapi-core";
import { SpecError } from "../errors.js";
import { appendPointer, isObject, resolvePointer } from "../spec/pointer.js";
import { sortKeysDeep } from "../spec/canonical.js";
import { collectRefs, isExternalRef, isMappingRef } from "./refs.js";
import { refUriId, type SourceSet } from "./sources.js";
import { isRefObject, resolveLoadedRef } from "./targets.js";

export async function bundleSources(sources: SourceSet): Promise<unknown> {
  const redocly = await import("@redocly/openapi-core");

  class PreloadedResolver extends redocly.BaseResolver {
    override resolveExternalRef(base: string | null, ref: string): string {
      return refUriId(base ?? sources.main.id, ref);
    }
    override loadExternalRef(absoluteRef: string): Promise<Source> {
      const file = sources.get(absoluteRef);
      if (!file) return Promise.reject(new Error(`${sources.displayName(absoluteRef)} is not named by any $ref`));
      return Promise.resolve(new redocly.Source(absoluteRef, file.text));
    }
    override parseDocument(source: Source): Document {
      return { source, parsed: workingCopy(sources.get(source.absoluteRef)?.value) };
    }
  }

  let bundled: Awaited<ReturnType<typeof redocly.bundle>>;
  try {
    // The main file goes through the resolver too, so a ref back into it (`../openapi.yaml#/…`) meets the same
    // document, and the bundler sees it is already part of the bundle.
    bundled = await redocly.bundle({
      ref: sources.main.id,
      config: await redocly.createConfig({}),
      externalRefResolver: new PreloadedResolver(),
      dereference: false,
    });
  } catch (error) {
    throw new SpecError(`cannot bundle the spec: ${(error as Error).message}`, { file: sources.main.file });
  }
  const failure = bundled.problems.find(
    (problem) => problem.severity === "error" && !isLeftAsWritten(problemNode(problem, sources)),
  );
  if (failure) throw problemError(failure, sources);
  const document = bundled.bundle.parsed as unknown;
  redirectRefsEndingInMain(document, sources);
  return document;
}

/**
 * The bundler leaves a ref in the main file as written when its chain ends back in the main file (`a.yaml#/Alias`,
 * where Alias is `$ref: ../openapi.yaml#/components/schemas/Pet`): it is the main file's own `#/components/schemas/Pet`.
 */
function redirectRefsEndingInMain(document: unknown, sources: SourceSet): void {
  for (const site of collectRefs(document)) {
    if (!isExternalRef(site.ref)) continue;
    const target = resolveLoadedRef(sources, sources.main.id, site.ref);
    const holder = resolvePointer(document, site.pointer.slice(0, -"/$ref".length));
    if (target?.id === sources.main.id && isObject(holder)) holder["$ref"] = `#${target.pointer}`;
  }
}

/**
 * The bundler edits the documents it is given, so it gets copies (the parsed files stay as read, for locating); sorted
 * copies, so the order it walks in, and with it the names it picks on a clash, does not depend on key order.
 */
function workingCopy(value: unknown): unknown {
  return sortKeysDeep(value);
}

/**
 * What the bundler tries to resolve but a one-file spec leaves as written, so bundling does too: an Example's
 * `externalValue` (documentation, possibly a URL) and a bare schema name in a discriminator mapping (`Dog`).
 */
function isLeftAsWritten(node: unknown): boolean {
  if (typeof node === "string") return !isMappingRef(node);
  return isObject(node) && typeof node["externalValue"] === "string" && !isRefObject(node);
}

function problemNode(problem: NormalizedProblem, sources: SourceSet): unknown {
  const at = problem.location[0];
  const file = at && sources.get(at.source.absoluteRef);
  return file && at.pointer !== undefined ? resolvePointer(file.value, pointerOf(at.pointer)) : undefined;
}

/** followRefs has caught every broken ref it knows how to find; this reports, located, whatever else the bundler finds. */
function problemError(problem: NormalizedProblem, sources: SourceSet): SpecError {
  const at = problem.location[0];
  const file = at && sources.get(at.source.absoluteRef);
  if (!at || !file || at.pointer === undefined)
    return new SpecError(`cannot bundle the spec: ${problem.message}`, { file: sources.main.file });
  const pointer = pointerOf(at.pointer);
  const node = resolvePointer(file.value, pointer);
  if (isRefObject(node))
    return new SpecError(
      `broken $ref ${JSON.stringify(node.$ref)}: ${problem.message}`,
      file.locate(appendPointer(pointer, "$ref")),
    );
  return new SpecError(`cannot bundle the spec: ${problem.message}`, file.locate(pointer));
}

/** The library writes pointers as `#/paths/~1pets`, the root as `#/`. */
function pointerOf(libraryPointer: string): string {
  const pointer = libraryPointer.replace(/^#/, "");
  return pointer === "/" ? "" : pointer;
}
