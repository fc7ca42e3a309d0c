/**
 * Request serialization the way OpenAPI describes it: query parameters by `style`/`explode`, and bodies by media type.
 * Copied verbatim into the output by kapso-codegen. The runtime never calls these by name: each operation's route
 * refers to the ones it needs, so a bundle holds only the serializers of the operations an app calls.
 */

/** How one query parameter is written; absent means OpenAPI's default, `form` with `explode: true`. */
export type QueryStyle = readonly ["form" | "spaceDelimited" | "pipeDelimited" | "deepObject", boolean];

/** Binary request bodies: anything fetch can send as bytes. */
export type BinaryBody = Blob | ArrayBuffer | ArrayBufferView | ReadableStream<Uint8Array> | string;

/** A multipart body: the spec's fields, where a string field (often `format: binary`) also takes a Blob or File. */
export type FormBody<T> = {
  [K in keyof T]: T[K] extends string | undefined
    ? T[K] | Blob
    : T[K] extends ReadonlyArray<string> | undefined
      ? T[K] | ReadonlyArray<string | Blob>
      : T[K];
};

type Primitive = string | number | boolean;

/** What fetch sends for a body, and the Content-Type to send with it (undefined for multipart: fetch sets the boundary). */
export interface SentBody {
  readonly body: BodyInit;
  readonly contentType: string | undefined;
}

/** Writes a body of the given media type: `jsonBody` for operations that take only JSON, else `serializeBody`. */
export type BodyWriter = (mediaType: string, body: unknown) => SentBody;

/** Writes a query string (`serializeQuery`). */
export type QueryWriter = typeof serializeQuery;

/** Splits the query string off a path the spec writes with one (`splitFixedQuery`). */
export type FixedQuerySplitter = typeof splitFixedQuery;

/** `a=1&tags=x&tags=y&filter[kind]=dog`, without the leading `?`. */
export function serializeQuery(
  query: Readonly<Record<string, unknown>>,
  styles?: Readonly<Record<string, QueryStyle>>,
): string {
  let search = "";
  for (const name in query) {
    const value = query[name];
    if (value === undefined || value === null) continue;
    const style = styles?.[name];
    // The common case, a primitive written `form` + `explode: true`, without building a list of pairs.
    const written =
      style === undefined && isPrimitive(value)
        ? `${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`
        : queryPairs(name, value, style?.[0] ?? "form", style?.[1] ?? true).join("&");
    if (written !== "") search = search === "" ? written : `${search}&${written}`;
  }
  return search;
}

function queryPairs(name: string, value: unknown, style: QueryStyle[0], explode: boolean): string[] {
  const key = encodeURIComponent(name);
  if (Array.isArray(value)) {
    const items = value.filter(isPrimitive).map((item) => encodeURIComponent(String(item)));
    if (explode && style !== "deepObject") return items.map((item) => `${key}=${item}`);
    const separator = style === "spaceDelimited" ? "%20" : style === "pipeDelimited" ? "|" : ",";
    return [`${key}=${items.join(separator)}`];
  }
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value).filter((entry): entry is [string, Primitive] => isPrimitive(entry[1]));
    if (style === "deepObject")
      return entries.map(([field, item]) => `${key}[${encodeURIComponent(field)}]=${encodeURIComponent(String(item))}`);
    if (explode)
      return entries.map(([field, item]) => `${encodeURIComponent(field)}=${encodeURIComponent(String(item))}`);
    return [
      `${key}=${entries.map(([field, item]) => `${encodeURIComponent(field)},${encodeURIComponent(String(item))}`).join(",")}`,
    ];
  }
  return isPrimitive(value) ? [`${key}=${encodeURIComponent(String(value))}`] : [];
}

function isPrimitive(value: unknown): value is Primitive {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean";
}

/** Turns a body into what fetch sends, by the media type the caller chose. */
export function serializeBody(mediaType: string, body: unknown): SentBody {
  // `application/form-data` is not a registered type, but specs in the wild use it for multipart.
  if (/^(multipart|application)\/form-data/i.test(mediaType)) return { body: toFormData(body), contentType: undefined };
  if (/^application\/x-www-form-urlencoded/i.test(mediaType))
    return { body: toSearchParams(body).toString(), contentType: mediaType };
  if (isJsonMediaType(mediaType)) return jsonBody(mediaType, body);
  if (/^text\//i.test(mediaType)) return { body: String(body), contentType: mediaType };
  return { body: body as BodyInit, contentType: mediaType };
}

/** A JSON body; a body typed "any media type" is sent as `application/json`. */
export function jsonBody(mediaType: string, body: unknown): SentBody {
  return { body: JSON.stringify(body), contentType: mediaType === "*/*" ? "application/json" : mediaType };
}

export function isJsonMediaType(mediaType: string): boolean {
  return /^application\/(.+\+)?json(;|$)/i.test(mediaType) || mediaType === "*/*";
}

function toFormData(body: unknown): FormData {
  const form = new FormData();
  for (const [name, value] of fields(body)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item instanceof Blob) form.append(name, item);
      else if (item !== undefined && item !== null) form.append(name, fieldText(item));
    }
  }
  return form;
}

function toSearchParams(body: unknown): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of fields(body)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== undefined && item !== null) params.append(name, fieldText(item));
    }
  }
  return params;
}

function fields(body: unknown): Array<[string, unknown]> {
  return typeof body === "object" && body !== null ? Object.entries(body) : [];
}

/** Form fields are text; nested objects travel as JSON, the usual reading of OpenAPI's default for them. */
function fieldText(value: unknown): string {
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

/**
 * A path the spec writes with a query string (`/items?type=foo`, `/rides?page={page}`) is requested without it; the
 * query, its `{name}`s filled from the path parameters, is sent on every call ahead of the caller's own. A pair whose
 * `{name}` has no value is left out (the spec may declare that name as a query parameter instead).
 */
export function splitFixedQuery(
  path: string,
  values: Readonly<Record<string, unknown>> | undefined,
): { pathname: string; query: string } {
  const at = path.indexOf("?");
  const valueOf = (name: string): unknown => values?.[name];
  const pairs = path
    .slice(at + 1)
    .split("&")
    .filter((pair) => [...pair.matchAll(/\{([^{}]+)\}/g)].every((match) => valueOf(match[1] ?? "") !== undefined));
  const filled = pairs.map((pair) =>
    pair.replace(/\{([^{}]+)\}/g, (_, name: string) => encodeURIComponent(String(valueOf(name)))),
  );
  return { pathname: path.slice(0, at), query: filled.join("&") };
}
