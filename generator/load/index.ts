/**
 * The load stage: read → parse → check shape → check references → one bundled document with a SHA-256 of its sources
 * and a way back from any JSON pointer to file:line:column.
 */
import { createHash } from "node:crypto";
import { SpecError, type SourcePlace } from "../errors.js";
import { sortKeysDeep } from "./canonical.js";
import { parseSpecText } from "./parse.js";
import { readSpecText } from "./read.js";
import { checkInternalRefs, collectRefs, isExternalRef } from "./refs.js";
import { checkOpenApiShape, type OpenApiVersion } from "./validate.js";

export interface LoadedSpec {
  /** The spec as given (a path or a URL), for messages. */
  readonly source: string;
  /** The bundled document: every `$ref` internal. */
  readonly document: Record<string, unknown>;
  readonly version: OpenApiVersion;
  /** The canonical document as JSON text (keys sorted): the hash input, and a cheap way to get a private copy. */
  readonly canonicalJson: string;
  /** SHA-256 of `canonicalJson`, hex: the same for any key order or formatting of the same spec. */
  readonly sha256: string;
  locate(pointer: string): SourcePlace;
}

export async function loadSpec(source: string): Promise<LoadedSpec> {
  const text = await readSpecText(source);
  return loadSpecText(source, text);
}

export function loadSpecText(source: string, text: string): LoadedSpec {
  const parsed = parseSpecText(source, text);
  const version = checkOpenApiShape(parsed);
  const refs = collectRefs(parsed.value);
  const external = refs.find((site) => isExternalRef(site.ref));
  if (external) {
    throw new SpecError(`external $ref ${JSON.stringify(external.ref)} is not supported yet: bundle the spec into one file`, parsed.locate(external.pointer));
  }
  checkInternalRefs(parsed, refs);
  const document = sortKeysDeep(parsed.value) as Record<string, unknown>;
  const canonicalJson = JSON.stringify(document);
  return {
    source,
    document,
    version,
    canonicalJson,
    sha256: createHash("sha256").update(canonicalJson).digest("hex"),
    locate: parsed.locate,
  };
}
