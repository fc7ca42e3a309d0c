/**
 * Emits the generated part of mock.ts: every operation as data (method, path template, parameters, request body
 * schemas, documented responses pointing at their fixtures) and the JSON schemas their `$ref`s name. The template's
 * hand-written part matches, checks and answers with that data. Built as ts-morph structures and printed once.
 *
 * Only what the checker reads is embedded: validation keywords, never descriptions or examples, so the data stays
 * small, and every spec string in it is printed by literal.ts.
 */
import type { StatementStructures } from "ts-morph";
import { printStructure, StructureKind, VariableDeclarationKind } from "./ts-morph.js";
import { openApiVersionOf, type OpenApiVersion } from "../fixtures/json-schema-dialect.js";
import { appendPointer, isObject, resolvePointer } from "../spec/pointer.js";
import { refTarget } from "../spec/refs.js";
import type { OperationModel, ParameterModel } from "../model/index.js";
import { compareText, isJsonMediaType } from "../spec/constants.js";
import type { ClientPlan, OperationPlan } from "../plan/index.js";
import { successStatuses } from "./client.js";
import { fixtureContent, type EmittedFixtures } from "./fixtures.js";
import { printWithSlots } from "./literal-slots.js";
import { isPlainLine, typeAliasInShape, withLayouts, type ShapedText } from "../format/shape.js";

/** The anchor in templates/mock.ts after which the generated region goes. */
export const MOCK_ANCHOR = "kapso-codegen:mock";

export function emitMockRegion(
  plan: ClientPlan,
  document: Record<string, unknown>,
  emitted: EmittedFixtures,
): ShapedText {
  const embedder = createSchemaEmbedder(document);
  const credentials = credentialData(plan);
  const entries = plan.operations.map((operation) => operationEntry(operation, embedder, emitted, credentials));
  const names = plan.operations.map((operation) => JSON.stringify(operation.functionName));
  const operations = `JSON.parse(${jsonTemplate(entries)}) as readonly MockOperation[]`;
  const schemas = `JSON.parse(${jsonTemplate(embedder.refTargets())}) as SchemaRefs`;
  const members = names.length === 0 ? ["never"] : names;
  // The names' union is printed on its own, so its shape is known: prettier keeps the data after it (JSON text in
  // template literals) as it is.
  const nameAlias = printStructure(
    {
      kind: StructureKind.SourceFile,
      statements: [
        {
          kind: StructureKind.TypeAlias,
          name: "MockOperationName",
          isExported: true,
          docs: ["The operations' names, as on the client."],
          type: members.join(" | "),
        },
      ],
    },
    { indentNumberOfSpaces: 2 },
  );
  // The data is printed already: it goes in as slots.
  const data = printWithSlots((slot) => {
    const statements: StatementStructures[] = [
      {
        kind: StructureKind.VariableStatement,
        declarationKind: VariableDeclarationKind.Const,
        docs: [
          "Every operation of the spec, in the order of the client. JSON text: as a string, data this size costs tsc nothing.",
        ],
        declarations: [{ name: "operations", initializer: slot(operations) }],
      },
      {
        kind: StructureKind.VariableStatement,
        declarationKind: VariableDeclarationKind.Const,
        docs: ["The schemas named by `$ref` in the operations' schemas, keyed by the `$ref` itself."],
        declarations: [{ name: "schemas", initializer: slot(schemas) }],
      },
    ];
    return printStructure({ kind: StructureKind.SourceFile, statements }, { indentNumberOfSpaces: 2 });
  });
  const line = `export type MockOperationName = ${members.join(" | ")};`;
  const layout = typeAliasInShape("export type MockOperationName", members);
  const shapedAlias = isPlainLine(line) ? withLayouts(nameAlias, new Map([[line, layout]])) : undefined;
  return { text: nameAlias + data, shaped: shapedAlias === undefined ? undefined : shapedAlias + data };
}

/**
 * A JSON value as a template literal of its pretty-printed text (one line per field, so diffs stay readable), with
 * the characters a template literal gives meaning to escaped: any string a spec holds stays data.
 */
export function jsonTemplate(value: unknown): string {
  const text = JSON.stringify(value, null, 2).replace(/\\/g, "\\\\").replace(/`/g, "\\`").replace(/\$\{/g, "\\${");
  return `\`${text}\``;
}

function operationEntry(
  plan: OperationPlan,
  embedder: SchemaEmbedder,
  emitted: EmittedFixtures,
  credentials: ReadonlyMap<string, Record<string, string>>,
): Record<string, unknown> {
  const { operation } = plan;
  const security = securityData(operation, credentials);
  return {
    name: plan.functionName,
    fixture: plan.fixtureName,
    method: operation.method.toUpperCase(),
    path: operation.path,
    success: defaultStatus(operation),
    parameters: operation.parameters.map((parameter) => parameterData(parameter, embedder)),
    ...(security === undefined ? {} : { security }),
    ...(operation.requestBody ? { requestBody: requestBodyData(operation, embedder) } : {}),
    responses: responsesData(plan, emitted.get(plan.fixtureName) ?? new Set()),
  };
}

/** Where each security scheme's credential travels, by scheme name, as the client sends it. */
function credentialData(plan: ClientPlan): Map<string, Record<string, string>> {
  return new Map(
    plan.credentials.map(({ scheme }): [string, Record<string, string>] => {
      if (scheme.kind === "apiKey")
        return [scheme.name, { scheme: scheme.name, in: scheme.in, name: scheme.parameterName }];
      const prefix = scheme.kind === "basic" ? "Basic " : "Bearer ";
      return [scheme.name, { scheme: scheme.name, in: "header", name: "Authorization", prefix }];
    }),
  );
}

/**
 * The alternatives of credentials the operation needs; undefined when it may be called without one (no requirement,
 * an empty one, or one naming a scheme the client cannot send, which the mock then cannot judge either).
 */
function securityData(
  operation: OperationModel,
  credentials: ReadonlyMap<string, Record<string, string>>,
): Record<string, string>[][] | undefined {
  const alternatives = operation.security.map((set) => set.map((scheme) => credentials.get(scheme)));
  if (
    alternatives.length === 0 ||
    alternatives.some((set) => set.length === 0 || set.some((credential) => credential === undefined))
  )
    return undefined;
  return alternatives as Record<string, string>[][];
}

/** The first documented success ("2XX" answers 200); 200 when the operation documents none. */
export function defaultStatus(operation: OperationModel): number {
  const first = successStatuses(operation)[0];
  return first === undefined ? 200 : Number(first.replace(/XX$/i, "00"));
}

function parameterData(parameter: ParameterModel, embedder: SchemaEmbedder): Record<string, unknown> {
  const schema = embedder.embed(appendPointer(parameter.pointer, "schema"));
  return {
    name: parameter.name,
    in: parameter.in,
    required: parameter.required,
    ...(parameter.queryStyle?.[0] === "deepObject" ? { style: "deepObject" } : {}),
    ...(schema === undefined ? {} : { schema }),
  };
}

/** Every accepted media type; only JSON ones carry a schema, since only JSON bodies are checked beyond their media type. */
function requestBodyData(operation: OperationModel, embedder: SchemaEmbedder): Record<string, unknown> {
  const body = operation.requestBody;
  const contents = (body?.contents ?? []).map((content) => {
    const schema = isJsonMediaType(content.mediaType)
      ? embedder.embed(appendPointer(content.pointer, "schema"))
      : undefined;
    return { mediaType: content.mediaType, ...(schema === undefined ? {} : { schema }) };
  });
  return { required: body?.required === true, contents };
}

/**
 * `{ "200": { mediaType, fixture: "200" }, "4XX": {…}, default: {} }`: `fixture` is the key of the body in the
 * operation's fixtures (`fixtures.x.responses[key]`), present when the fixtures have one for that status.
 */
function responsesData(plan: OperationPlan, withFixture: ReadonlySet<string>): Record<string, unknown> {
  const responses: Record<string, unknown> = {};
  for (const response of plan.operation.responses) {
    const content = fixtureContent(response);
    const key = response.status.toUpperCase() === "DEFAULT" ? "default" : response.status.toUpperCase();
    responses[key] = content
      ? { mediaType: content.mediaType, ...(withFixture.has(response.status) ? { fixture: response.status } : {}) }
      : {};
  }
  return responses;
}

// ---------------------------------------------------------------------------------------------------------------
// Schemas as data: keep the validation keywords, follow `$ref`s to collect their targets, keyed by the ref string.

/** Keywords whose value is one schema, a list of schemas, or a map from names to schemas. */
const SCHEMA_KEYWORDS = new Set(["not", "additionalProperties", "items"]);
const SCHEMA_LIST_KEYWORDS = new Set(["allOf", "anyOf", "oneOf", "prefixItems"]);
const SCHEMA_MAP_KEYWORDS = new Set(["properties", "patternProperties"]);
/** Keywords copied as they are: their values are data. */
const VALUE_KEYWORDS = new Set([
  "type",
  "required",
  "enum",
  "const",
  "minLength",
  "maxLength",
  "pattern",
  "format",
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "multipleOf",
  "minItems",
  "maxItems",
  "uniqueItems",
  "minProperties",
  "maxProperties",
]);

export interface SchemaEmbedder {
  /** The schema at `pointer`, reduced to what the checker reads; undefined when there is none. */
  embed(pointer: string): unknown;
  /** The reduced targets of every `$ref` met so far (and of the refs inside them), sorted by ref. */
  refTargets(): Record<string, unknown>;
}

export function createSchemaEmbedder(document: Record<string, unknown>): SchemaEmbedder {
  const version = openApiVersionOf(document);
  const pending: string[] = [];
  const seen = new Set<string>();
  const noteRef = (ref: string): void => {
    if (seen.has(ref)) return;
    seen.add(ref);
    pending.push(ref);
  };
  return {
    embed(pointer) {
      const schema = resolvePointer(document, pointer);
      return schema === undefined ? undefined : reduceSchema(schema, version, noteRef);
    },
    refTargets() {
      const targets = new Map<string, unknown>();
      // Targets add refs of their own; the queue ends because each ref is taken once.
      for (let ref = pending.shift(); ref !== undefined; ref = pending.shift()) {
        const target = refTarget(document, ref)?.value;
        // An unresolvable ref is left out; the checker then accepts anything there.
        if (target !== undefined) targets.set(ref, reduceSchema(target, version, noteRef));
      }
      // fromEntries defines own properties: a ref spelled `__proto__` stays a key.
      return Object.fromEntries([...targets].sort(([a], [b]) => compareText(a, b)));
    },
  };
}

/**
 * One schema with only the keywords the checker reads. In 3.0 a `$ref`'s siblings do not apply (the spec says so),
 * except `nullable`, which specs write beside a `$ref` and tools honour; in 3.1 they all apply, and `nullable` is
 * not a keyword at all.
 */
export function reduceSchema(schema: unknown, version: OpenApiVersion, noteRef: (ref: string) => void): unknown {
  if (typeof schema === "boolean") return schema;
  if (!isObject(schema)) return true;
  const reduced: Record<string, unknown> = {};
  const ref = schema["$ref"];
  if (typeof ref === "string") {
    noteRef(ref);
    reduced["$ref"] = ref;
  }
  if (version === "3.0" && schema["nullable"] === true) reduced["nullable"] = true;
  if (version === "3.0" && typeof ref === "string") return reduced;
  const reduce = (child: unknown): unknown => reduceSchema(child, version, noteRef);
  for (const [keyword, value] of Object.entries(schema)) {
    if (VALUE_KEYWORDS.has(keyword)) reduced[keyword] = value;
    else if (SCHEMA_KEYWORDS.has(keyword)) reduced[keyword] = Array.isArray(value) ? value.map(reduce) : reduce(value);
    else if (SCHEMA_LIST_KEYWORDS.has(keyword) && Array.isArray(value)) reduced[keyword] = value.map(reduce);
    else if (SCHEMA_MAP_KEYWORDS.has(keyword) && isObject(value)) {
      reduced[keyword] = Object.fromEntries(Object.entries(value).map(([name, child]) => [name, reduce(child)]));
    }
  }
  return reduced;
}
