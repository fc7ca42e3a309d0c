/**
 * The types stage: openapi-typescript's Node API turns the bundled document into schema.ts. It is the heaviest stage,
 * so it runs on the helper thread (parallel/helper-thread.ts) while the main thread emits the client and fixtures; it
 * is loaded on demand, so a run with nothing to regenerate never pays for it.
 */
import { createRequire } from "node:module";
import type * as OpenapiTypescript from "openapi-typescript";
import { prepareForTypes } from "./types-input.js";

/**
 * openapi-typescript through its CommonJS build: TypeScript (which it loads) is a CommonJS file in a package without a
 * module type, and imported from ESM Node would read it three times (guess its format, list its exports, compile it);
 * required, it is compiled once. That is about a third of the types stage's start-up.
 */
export function requireOpenapiTypescript(): typeof OpenapiTypescript {
  return createRequire(import.meta.url)("openapi-typescript") as typeof OpenapiTypescript;
}

/**
 * Takes the document as JSON text: openapi-typescript annotates the object it is given, so it gets its own copy.
 * Calls openapi-typescript's transform directly: `openapiTS()` would first lint and bundle the document again with
 * Redocly, which the load stage has already done (on GitHub's spec that is a second of the critical path).
 */
export interface SchemaTypes {
  /** schema.ts */
  readonly text: string;
  /** Pointers of the schemas typed `unknown` because their `$ref`s lead only back to themselves. */
  readonly refCycles: readonly string[];
}

export async function renderSchemaTypes(documentJson: string): Promise<SchemaTypes> {
  const { astToString, resolveRef, scanDiscriminators, transformSchema } = requireOpenapiTypescript();
  const input = prepareForTypes(JSON.parse(documentJson) as Record<string, unknown>);
  const document = input.document as unknown as Parameters<typeof transformSchema>[0];
  const options = {
    silent: true,
    // An object schema without properties accepts any object: `Record<string, unknown>`, not `Record<string, never>`.
    emptyObjectsUnknown: true,
    // A property with a default may still be absent from a body; it stays optional, as the schema says.
    defaultNonNullable: false,
  };
  const context = {
    ...OPENAPI_TS_DEFAULTS,
    ...options,
    discriminators: scanDiscriminators(document, options),
    injectFooter: [],
    redoc: undefined as never, // read only by the lint and bundle steps skipped here
    resolve: ($ref: string) => resolveRef(document, $ref, { silent: true }),
  };
  return {
    text: astToString(transformSchema(document, context as unknown as Parameters<typeof transformSchema>[1])),
    refCycles: input.refCycles,
  };
}

/** openapi-typescript's own defaults for everything `openapiTS()` would otherwise fill in. */
const OPENAPI_TS_DEFAULTS = {
  additionalProperties: false,
  alphabetize: false,
  arrayLength: false,
  enum: false,
  enumValues: false,
  conditionalEnums: false,
  dedupeEnums: false,
  excludeDeprecated: false,
  exportType: false,
  immutable: false,
  rootTypes: false,
  rootTypesNoSchemaPrefix: false,
  rootTypesKeepCasing: false,
  pathParamsAsTypes: false,
  postTransform: undefined,
  propertiesRequiredByDefault: false,
  inject: undefined,
  transform: undefined,
  transformProperty: undefined,
  makePathsEnum: false,
  generatePathParams: false,
  readWriteMarkers: false,
};
