/** Small facts about OpenAPI and one ordering, shared by every stage. */

export type HttpMethod = "get" | "put" | "post" | "delete" | "options" | "head" | "patch" | "trace";

/** The operations a path item can hold, in the order OpenAPI lists them. */
export const HTTP_METHODS: readonly HttpMethod[] = [
  "get",
  "put",
  "post",
  "delete",
  "options",
  "head",
  "patch",
  "trace",
];

export function isHttpMethod(key: string): key is HttpMethod {
  return (HTTP_METHODS as readonly string[]).includes(key);
}

/** The sections of `components` (OpenAPI 3.1; 3.0 has all but `pathItems`), in the order the spec lists them. */
export const COMPONENT_SECTIONS = [
  "schemas",
  "responses",
  "parameters",
  "examples",
  "requestBodies",
  "headers",
  "securitySchemes",
  "links",
  "callbacks",
  "pathItems",
] as const;

export type ComponentSection = (typeof COMPONENT_SECTIONS)[number];

export function isComponentSection(key: string): key is ComponentSection {
  return (COMPONENT_SECTIONS as readonly string[]).includes(key);
}

/**
 * Maps whose keys are names chosen by the spec author, so a key there is never a keyword: a property may well be
 * called `default` or `$ref`, a component or a parameter `type` or `pattern`, a response `default` for its own
 * reasons. The maps themselves are not schemas; their values are walked. Every components section but `examples`
 * (a schema's `examples` is a list of values, and the same word names a media type's map of examples), the JSON
 * Schema maps of subschemas, and the OpenAPI maps keyed by path, media type, field or server variable.
 */
export const NAME_MAPS: ReadonlySet<string> = new Set([
  ...["properties", "patternProperties", "dependentSchemas", "$defs", "definitions"],
  ...COMPONENT_SECTIONS.filter((section) => section !== "examples"),
  ...["paths", "webhooks", "content", "encoding", "variables"],
]);

/** Code-unit order, not locale order: the same on every machine. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * JSON, JSON-based (`application/problem+json`) or anything (`*` `/` `*`). The generated runtime decides the same
 * in templates/serialize.ts; a test holds the two to the same answers.
 */
export function isJsonMediaType(mediaType: string): boolean {
  return /^application\/(.+\+)?json(;|$)/i.test(mediaType) || mediaType === "*/*";
}
