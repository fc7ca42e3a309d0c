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
