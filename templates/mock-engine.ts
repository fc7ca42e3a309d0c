/**
 * The mock engine behind each API's `createMockFetch` (mock.ts): spec-independent, written once for all APIs. Given
 * an API's operations as data, the schemas their `$ref`s name and its fixtures, it finds the operation by method and
 * path template (after any base path), checks the request against the spec (credentials, required parameters, the
 * JSON body's schema), records the call, and answers with the fixture body of the chosen status. A request it cannot
 * match, or one that breaks the spec, fails loudly and lands in `problems`. No dependencies: schemas are checked by
 * schema-check.ts, the checker the generator judges fixtures with, so formats and patterns are read the same way.
 */
import { isJsonMediaType } from "./serialize.js";
import {
  checkSchema,
  declaredTypes,
  hasOwn,
  isSchemaObject,
  type JsonSchema,
  type SchemaIssue,
  type SchemaRefs,
} from "./schema-check.js";

export { checkSchema, type JsonSchema, type SchemaIssue, type SchemaRefs } from "./schema-check.js";

/** An answer for one operation: a status (the body is that status's fixture), or a status with a body of your own. */
export type MockReply =
  | number
  | {
      readonly status: number;
      /** Replaces the fixture body; `undefined` sends no body. */
      readonly body?: unknown;
      readonly headers?: Readonly<Record<string, string>> | undefined;
    };

/** A fixed answer, or a function of the call (sync or async) that decides it. `Name`: the API's operation names. */
export type MockResponder<Name extends string = string> =
  MockReply | ((call: MockCall<Name>) => MockReply | Promise<MockReply>);

export interface MockFetchOptions<Name extends string = string> {
  /** Per operation, how to answer; the default is the operation's first documented success with its fixture body. */
  readonly responses?: { readonly [Operation in Name]?: MockResponder<Name> };
  /**
   * What a request that matches no operation, or breaks the spec, gets. `"throw"` (default): fetch rejects with a
   * `MockFetchError`; the generated client turns that into a `NetworkFailure` whose `error.message` carries the problem.
   * `"respond"`: a 501 (no operation) or 422 (invalid request) response with `{ error }` as its JSON body.
   * Either way the problem is kept in `problems`, which `assertNoProblems()` turns into one thrown error.
   */
  readonly onProblem?: "throw" | "respond";
  /** Check requests against the spec; default true. */
  readonly validateRequests?: boolean;
}

/** One request the mock matched to an operation, as the code under test sent it. */
export interface MockCall<Name extends string = string> {
  readonly operation: Name;
  readonly method: string;
  readonly url: string;
  /** Path parameters, percent-decoded. */
  readonly path: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly headers: Headers;
  /** JSON parsed; text as a string; form fields as URLSearchParams or FormData; other media as a Blob; none: undefined. */
  readonly body: unknown;
}

/** A `fetch` for the client's `fetch` option, with what it saw. */
export interface MockFetch<Name extends string = string> {
  (input: Request | string | URL, init?: RequestInit): Promise<Response>;
  /** Every matched request, in order. */
  readonly calls: readonly MockCall<Name>[];
  /** Every unmatched or invalid request, as a message naming the operation and the field. */
  readonly problems: readonly string[];
  /** Throws one `MockFetchError` listing every problem so far; does nothing when there is none. */
  assertNoProblems(): void;
}

/** What the mock throws: an unmatched or invalid request, or an answer fetch cannot give. */
export class MockFetchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MockFetchError";
  }
}

/** One operation as data: what matching, validation and answering need. */
export interface MockOperation {
  /**
   * One of the API's operation names (its MockOperationName). Typed as a string: checking a thousand-entry table
   * against a thousand-member union is more than tsc can represent (TS2590 on GitHub's spec); the table is generated
   * from the same names.
   */
  readonly name: string;
  /** The operation's export in fixtures.ts. */
  readonly fixture: string;
  readonly method: string;
  readonly path: string;
  /** The status answered by default: the first documented success. */
  readonly success: number;
  readonly parameters: readonly MockParameter[];
  /**
   * The credentials the operation needs: any one of the lists, each credential in it. Absent when a call needs none
   * (or may be anonymous).
   */
  readonly security?: readonly (readonly MockCredential[])[];
  readonly requestBody?: {
    readonly required: boolean;
    /** Only JSON media types carry a schema: other bodies are checked for presence and media type only. */
    readonly contents: readonly { readonly mediaType: string; readonly schema?: JsonSchema }[];
  };
  /** By documented status ("200", "4XX", "default"); `fixture` is the key of its body in the operation's fixtures. */
  readonly responses: Readonly<Record<string, { readonly mediaType?: string; readonly fixture?: string }>>;
}

/** Where one security scheme's credential travels; `prefix` for HTTP schemes (`Bearer `, `Basic `). */
export interface MockCredential {
  readonly scheme: string;
  readonly in: "header" | "query" | "cookie";
  readonly name: string;
  readonly prefix?: string;
}

export interface MockParameter {
  readonly name: string;
  readonly in: "path" | "query" | "header" | "cookie";
  readonly required: boolean;
  /** Set for `deepObject` query parameters, written as `name[key]=value`. */
  readonly style?: string;
  readonly schema?: JsonSchema;
}

/** One API as data, as its mock.ts holds it. */
export interface MockSpec {
  /** Every operation of the spec, in the order of the client. */
  readonly operations: readonly MockOperation[];
  /** The schemas named by `$ref` in the operations' schemas, keyed by the `$ref` itself. */
  readonly schemas: SchemaRefs;
  /** The API's fixtures.ts as a module: `fixtures[operation.fixture].responses[key]` is a response body. */
  readonly fixtures: object;
}

/** A mock fetch answering one API's requests from its fixtures; see {@link MockFetchOptions}. */
export function createMockFetchFor<Name extends string>(
  spec: MockSpec,
  options: MockFetchOptions<Name> = {},
): MockFetch<Name> {
  const routes = spec.operations.map(compileRoute);
  const responders = checkedResponders(spec, options.responses);
  const calls: MockCall<Name>[] = [];
  const problems: string[] = [];
  const respondToProblems = options.onProblem === "respond";
  const fail = (problem: string, status: number): Response => {
    problems.push(problem);
    if (!respondToProblems) throw new MockFetchError(`mock fetch: ${problem}`);
    return new Response(JSON.stringify({ error: problem }), {
      status,
      headers: { "Content-Type": "application/json" },
    });
  };

  const answer = async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    const method = request.method.toUpperCase();
    const match = matchRoute(routes, method, url);
    if (match === undefined) return fail(unmatchedMessage(spec, routes, method, url), 501);
    const { operation, path } = match;
    const received = await readRequestBody(request);
    const call: MockCall<Name> = {
      operation: operation.name as Name,
      method,
      url: request.url,
      path,
      query: url.searchParams,
      headers: new Headers(request.headers),
      body: received.value,
    };
    calls.push(call);
    if (options.validateRequests !== false) {
      // As a server would: a call without its credential is refused before anything else is looked at.
      const missing = missingCredential(operation, url, request.headers);
      if (missing !== undefined) return unauthorized(spec, operation, `${operation.name}: ${missing}`, method);
      const issues = [
        ...parameterIssues(spec, operation, path, url, request.headers),
        ...bodyIssues(spec, operation, received),
      ];
      if (issues.length > 0) return fail(`${operation.name}: ${issues.join("; ")}`, 422);
    }
    const reply = await decideReply(operation, responders.get(operation.name), call);
    if (!Number.isInteger(reply.status) || reply.status < 200 || reply.status > 599) {
      const problem = `${operation.name}: status ${reply.status} cannot be mocked (fetch responses have a status from 200 to 599)`;
      problems.push(problem);
      throw new MockFetchError(`mock fetch: ${problem}`);
    }
    return respond(spec, operation, reply, method);
  };

  // A request's signal follows the caller's only while the request lives (undici holds it weakly): keep each one
  // until it is answered, or a responder that never answers would let the abort be collected with it.
  const inFlight = new Set<Request>();
  const mock = (input: Request | string | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request && init === undefined ? input : new Request(input, init);
    inFlight.add(request);
    return untilAborted(request.signal, () => answer(request)).finally(() => inFlight.delete(request));
  };

  return Object.assign(mock, {
    calls,
    problems,
    assertNoProblems(): void {
      if (problems.length === 0) return;
      const count = problems.length === 1 ? "1 problem" : `${problems.length} problems`;
      throw new MockFetchError(`mock fetch: ${count}:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
    },
  });
}

/**
 * Like fetch: an aborted request is not answered (nor recorded), and an abort while a responder is still deciding
 * rejects at once with the signal's reason.
 */
function untilAborted(signal: AbortSignal, answer: () => Promise<Response>): Promise<Response> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    answer()
      .then(resolve, reject)
      .finally(() => signal.removeEventListener("abort", onAbort));
  });
}

/** A name in `responses` that is no operation is a typo (or a JS caller): say so at once rather than never answer it. */
function checkedResponders<Name extends string>(
  spec: MockSpec,
  responses: MockFetchOptions<Name>["responses"],
): Map<string, MockResponder<Name>> {
  const known = new Set<string>(spec.operations.map((operation) => operation.name));
  const entries = Object.entries(responses ?? {}).filter(
    (entry): entry is [string, MockResponder<Name>] => entry[1] !== undefined,
  );
  const unknown = entries.map(([name]) => name).filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new MockFetchError(
      `createMockFetch: responses names no operation ${unknown.map((name) => JSON.stringify(name)).join(", ")}; known operations: ${operationList(spec.operations)}`,
    );
  }
  return new Map(entries);
}

// ---------------------------------------------------------------------------------------------------------------
// Matching: method, then the path template against the end of the URL path (the client's base path comes before it).

interface Route {
  readonly operation: MockOperation;
  /** One regular expression per template segment, with the names of the parameters it captures. */
  readonly segments: readonly { readonly pattern: RegExp; readonly names: readonly string[] }[];
  /** Characters outside `{…}`: among templates that all match, the most literal one is the most specific. */
  readonly literalLength: number;
  /** A path written with a query (`/items?type=foo&page={page}`): its pairs, each a literal value or a parameter's name. */
  readonly fixedQuery: readonly (readonly [key: string, value: string])[];
}

function compileRoute(operation: MockOperation): Route {
  const [pathname = "", query] = operation.path.split(/\?(.*)/s);
  const fixedQuery: Array<readonly [string, string]> = [];
  new URLSearchParams(query ?? "").forEach((value, key) => fixedQuery.push([key, value]));
  const segments = pathname
    .split("/")
    .slice(1)
    .map((segment) => {
      const names: string[] = [];
      const source = segment
        .split(/(\{[^}]*\})/)
        .map((piece) => {
          if (!/^\{[^}]*\}$/.test(piece)) return escapeRegExp(piece);
          names.push(piece.slice(1, -1));
          return "(.*?)";
        })
        .join("");
      return { pattern: new RegExp(`^${source}$`, "s"), names };
    });
  return { operation, segments, literalLength: operation.path.replace(/\{[^}]*\}/g, "").length, fixedQuery };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

/** The path parameters (percent-decoded) when the template matches the end of the URL's path, and its query any fixed one. */
function matchTemplate(route: Route, url: URL): Record<string, string> | undefined {
  const segments = url.pathname.split("/").slice(1).map(decodeSegment);
  if (route.segments.length > segments.length) return undefined;
  const tail = segments.slice(segments.length - route.segments.length);
  const captured: Array<[string, string]> = [];
  for (const [index, segment] of route.segments.entries()) {
    const found = segment.pattern.exec(tail[index] ?? "");
    if (found === null) return undefined;
    segment.names.forEach((name, group) => captured.push([name, found[group + 1] ?? ""]));
  }
  for (const [key, value] of route.fixedQuery) {
    const parameter = /^\{([^}]*)\}$/.exec(value)?.[1];
    if (parameter !== undefined) captured.push([parameter, url.searchParams.get(key) ?? ""]);
    else if (!url.searchParams.getAll(key).includes(value)) return undefined;
  }
  // fromEntries defines own properties, so a parameter named `__proto__` stays a parameter.
  return Object.fromEntries(captured);
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // a malformed escape is kept as written
  }
}

function matchRoute(
  routes: readonly Route[],
  method: string,
  url: URL,
): { operation: MockOperation; path: Record<string, string> } | undefined {
  let best: { route: Route; path: Record<string, string> } | undefined;
  for (const route of routes) {
    if (route.operation.method !== method) continue;
    const path = matchTemplate(route, url);
    if (path === undefined || (best !== undefined && !moreSpecific(route, best.route))) continue;
    best = { route, path };
  }
  return best && { operation: best.route.operation, path: best.path };
}

function moreSpecific(route: Route, than: Route): boolean {
  if (route.segments.length !== than.segments.length) return route.segments.length > than.segments.length;
  return route.literalLength > than.literalLength;
}

function unmatchedMessage(spec: MockSpec, routes: readonly Route[], method: string, url: URL): string {
  const samePath = routes.filter((route) => matchTemplate(route, url) !== undefined).map((route) => route.operation);
  const request = `${method} ${url.pathname}`;
  const known = `known operations: ${operationList(spec.operations)}`;
  if (samePath.length > 0)
    return `${request} matches the path of ${operationList(samePath)}, but not its method; ${known}`;
  return `${request} matches no operation of the spec; ${known}`;
}

/** `getPet (GET /pets/{petId}), …`, cut short on very large APIs. */
function operationList(list: readonly MockOperation[]): string {
  const shown = list.slice(0, 40).map((operation) => `${operation.name} (${operation.method} ${operation.path})`);
  const more = list.length > shown.length ? `, and ${list.length - shown.length} more` : "";
  return list.length === 0 ? "none" : `${shown.join(", ")}${more}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Request validation: required parameters, scalar parameter values, the body's media type and its JSON schema.

const LOCATION_LABELS: Readonly<Record<MockParameter["in"], string>> = {
  path: "path parameter",
  query: "query parameter",
  header: "header",
  cookie: "cookie",
};

/** A parameter that is present but not a single scalar (an array, an object): its value is not checked. */
const PRESENT_NOT_SCALAR = Symbol("present, not a scalar");

function parameterIssues(
  spec: MockSpec,
  operation: MockOperation,
  path: Readonly<Record<string, string>>,
  url: URL,
  headers: Headers,
): string[] {
  const cookies = parseCookies(headers.get("cookie"));
  return operation.parameters.flatMap((parameter) => {
    const label = `${LOCATION_LABELS[parameter.in]} ${parameter.name}`;
    const value = parameterValue(spec, parameter, path, url, headers, cookies);
    if (value === undefined) return parameter.required ? [`${label} is required`] : [];
    if (value === PRESENT_NOT_SCALAR || parameter.schema === undefined) return [];
    return scalarIssues(spec, value, parameter.schema).map(
      (issue) => `${label}${issue.path === "" ? "" : ` ${issue.path}`} ${issue.message}`,
    );
  });
}

function parameterValue(
  spec: MockSpec,
  parameter: MockParameter,
  path: Readonly<Record<string, string>>,
  url: URL,
  headers: Headers,
  cookies: ReadonlyMap<string, string>,
): string | typeof PRESENT_NOT_SCALAR | undefined {
  switch (parameter.in) {
    case "path": {
      const value = hasOwn(path, parameter.name) ? path[parameter.name] : undefined;
      // openapi-fetch leaves `{name}` in the URL when the caller gave no value.
      return value === undefined || value === "" || value === `{${parameter.name}}` ? undefined : value;
    }
    case "query":
      return queryValue(spec, parameter, url.searchParams);
    case "header":
      return headerValue(headers, parameter.name);
    case "cookie":
      return cookies.get(parameter.name);
  }
}

/** A spec may name a header fetch refuses to carry (one with a slash, say): no request can send it, so it is absent. */
function headerValue(headers: Headers, name: string): string | undefined {
  try {
    return headers.get(name) ?? undefined;
  } catch {
    return undefined;
  }
}

function queryValue(
  spec: MockSpec,
  parameter: MockParameter,
  query: URLSearchParams,
): string | typeof PRESENT_NOT_SCALAR | undefined {
  if (parameter.style === "deepObject") {
    let found = false;
    query.forEach((_value, key) => (found ||= key.startsWith(`${parameter.name}[`)));
    return found ? PRESENT_NOT_SCALAR : undefined;
  }
  const values = query.getAll(parameter.name);
  if (values.length > 1) return PRESENT_NOT_SCALAR;
  if (values.length === 1) return values[0];
  // An exploded object is written as its own fields (`?a=1&b=2`): its presence cannot be told from the URL.
  return parameter.schema !== undefined && typeIncludes(spec, parameter.schema, "object")
    ? PRESENT_NOT_SCALAR
    : undefined;
}

function parseCookies(header: string | null): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const pair of (header ?? "").split(";")) {
    const at = pair.indexOf("=");
    if (at > 0) cookies.set(pair.slice(0, at).trim(), decodeSegment(pair.slice(at + 1).trim()));
  }
  return cookies;
}

/**
 * A parameter arrives as text: it passes when the text, or the number or boolean it spells, matches the schema. The
 * issues reported are those of the most specific reading, so `?limit=abc` gives "must be integer".
 */
function scalarIssues(spec: MockSpec, text: string, schema: JsonSchema): SchemaIssue[] {
  if (typeIncludes(spec, schema, "array") || typeIncludes(spec, schema, "object")) return [];
  const readings: unknown[] = [text];
  if (/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(text)) readings.push(Number(text));
  if (text === "true" || text === "false") readings.push(text === "true");
  let issues: SchemaIssue[] = [];
  for (const reading of readings) {
    issues = checkSchema(reading, schema, spec.schemas);
    if (issues.length === 0) return [];
  }
  return issues;
}

/** Whether the schema (after its `$ref`s) declares `type` as or including `name`. */
function typeIncludes(spec: MockSpec, schema: JsonSchema, name: string): boolean {
  let current: unknown = schema;
  for (let hops = 0; hops < 16 && isSchemaObject(current); hops++) {
    const types = declaredTypes(current);
    if (types !== undefined) return types.includes(name);
    const ref = current["$ref"];
    if (typeof ref !== "string" || !hasOwn(spec.schemas, ref)) return false;
    current = spec.schemas[ref];
  }
  return false;
}

interface ReceivedBody {
  readonly present: boolean;
  /** The Content-Type without parameters, lower case; "" when none was sent. */
  readonly mediaType: string;
  readonly value: unknown;
  /** Why the body could not be read as its media type, such as invalid JSON. */
  readonly unreadable?: string;
}

async function readRequestBody(request: Request): Promise<ReceivedBody> {
  const mediaType = (request.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  const absent: ReceivedBody = { present: false, mediaType, value: undefined };
  if (request.body === null) return absent;
  if (isJsonMediaType(mediaType)) {
    const text = await request.text();
    if (text === "") return absent;
    try {
      return { present: true, mediaType, value: JSON.parse(text) as unknown };
    } catch {
      return { present: true, mediaType, value: text, unreadable: "is not valid JSON" };
    }
  }
  if (mediaType === "multipart/form-data") {
    try {
      return { present: true, mediaType, value: await request.formData() };
    } catch {
      return { present: true, mediaType, value: undefined, unreadable: "is not valid multipart/form-data" };
    }
  }
  if (mediaType === "application/x-www-form-urlencoded")
    return { present: true, mediaType, value: new URLSearchParams(await request.text()) };
  if (mediaType.startsWith("text/")) return { present: true, mediaType, value: await request.text() };
  const blob = await request.blob();
  return blob.size === 0 ? absent : { present: true, mediaType, value: blob };
}

function bodyIssues(spec: MockSpec, operation: MockOperation, received: ReceivedBody): string[] {
  const body = operation.requestBody;
  if (body === undefined) return [];
  if (!received.present) return body.required ? ["body is required"] : [];
  const content = body.contents.find((candidate) => mediaTypeAccepts(candidate.mediaType, received.mediaType));
  if (content === undefined) {
    const sent = received.mediaType === "" ? "no Content-Type" : `Content-Type ${received.mediaType}`;
    return [
      `body has ${sent}, but the operation takes ${body.contents.map((candidate) => candidate.mediaType).join(", ")}`,
    ];
  }
  if (received.unreadable !== undefined) return [`body ${received.unreadable}`];
  if (content.schema === undefined || !isJsonMediaType(received.mediaType)) return [];
  return checkSchema(received.value, content.schema, spec.schemas).map(
    (issue) => `body${issue.path === "" ? "" : ` ${issue.path}`} ${issue.message}`,
  );
}

/** `application/json` accepts itself (any parameters); `*\/*` and `text/*` accept their ranges. */
function mediaTypeAccepts(documented: string, sent: string): boolean {
  const essence = documented.split(";")[0]?.trim().toLowerCase() ?? "";
  if (essence === "*/*" || essence === sent) return true;
  return essence.endsWith("/*") && sent.startsWith(essence.slice(0, -1));
}

/**
 * Why the request lacks the credential its operation needs (the alternative closest to being met), or undefined when
 * one of the alternatives is met: `header Authorization is required, starting "Bearer " (security scheme bearer)`.
 */
function missingCredential(operation: MockOperation, url: URL, headers: Headers): string | undefined {
  const alternatives = operation.security ?? [];
  if (alternatives.length === 0) return undefined;
  const cookies = parseCookies(headers.get("cookie"));
  const missing = alternatives.map((credentials) =>
    credentials.filter((credential) => !credentialSent(credential, url, headers, cookies)),
  );
  if (missing.some((list) => list.length === 0)) return undefined;
  const closest = missing.reduce((best, list) => (list.length < best.length ? list : best));
  const described = closest.map((credential) => {
    const starting = credential.prefix === undefined ? "" : `, starting ${show(credential.prefix)}`;
    return `${LOCATION_LABELS[credential.in]} ${credential.name} is required${starting} (security scheme ${credential.scheme})`;
  });
  const others =
    alternatives.length > 1
      ? ` (or the credentials of another of its ${alternatives.length} security requirements)`
      : "";
  return `${described.join("; ")}${others}`;
}

function credentialSent(
  credential: MockCredential,
  url: URL,
  headers: Headers,
  cookies: ReadonlyMap<string, string>,
): boolean {
  const value =
    credential.in === "header"
      ? headerValue(headers, credential.name)
      : credential.in === "query"
        ? (url.searchParams.get(credential.name) ?? undefined)
        : cookies.get(credential.name);
  if (value === undefined || value.trim() === "") return false;
  const prefix = credential.prefix;
  return prefix === undefined || (value.toLowerCase().startsWith(prefix.toLowerCase()) && value.length > prefix.length);
}

/** The documented 401 (its fixture body), or a 401 whose JSON body says which credential is missing. */
function unauthorized(spec: MockSpec, operation: MockOperation, message: string, method: string): Response {
  if (documentedResponse(operation, 401)?.fixture !== undefined)
    return respond(spec, operation, { status: 401, ownBody: false, body: undefined, headers: undefined }, method);
  return new Response(JSON.stringify({ error: message }), {
    status: 401,
    headers: { "Content-Type": "application/json" },
  });
}

function show(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}

// ---------------------------------------------------------------------------------------------------------------
// Answering: the chosen status with its fixture body (or the responder's), by the documented media type.

interface DecidedReply {
  readonly status: number;
  readonly ownBody: boolean;
  readonly body: unknown;
  readonly headers: Readonly<Record<string, string>> | undefined;
}

async function decideReply<Name extends string>(
  operation: MockOperation,
  responder: MockResponder<Name> | undefined,
  call: MockCall<Name>,
): Promise<DecidedReply> {
  const decided = typeof responder === "function" ? await responder(call) : (responder ?? operation.success);
  if (typeof decided === "number") return { status: decided, ownBody: false, body: undefined, headers: undefined };
  return { status: decided.status, ownBody: hasOwn(decided, "body"), body: decided.body, headers: decided.headers };
}

/** Statuses fetch's Response refuses a body for. */
const NO_BODY_STATUSES = new Set([204, 205, 304]);

function respond(spec: MockSpec, operation: MockOperation, reply: DecidedReply, method: string): Response {
  const documented = documentedResponse(operation, reply.status);
  const hasBody = reply.ownBody ? reply.body !== undefined : documented?.fixture !== undefined;
  const headers = new Headers(reply.headers);
  if (!hasBody || NO_BODY_STATUSES.has(reply.status) || method === "HEAD")
    return new Response(null, { status: reply.status, headers });
  const mediaType = documented?.mediaType ?? "application/json";
  const body = reply.ownBody ? reply.body : fixtureBody(spec, operation, documented?.fixture);
  if (!headers.has("content-type")) headers.set("Content-Type", mediaType === "*/*" ? "application/json" : mediaType);
  return new Response(encodeBody(body, mediaType), { status: reply.status, headers });
}

/** A response body from fixtures.ts: `fixtures[operation].responses[key]`. */
function fixtureBody(spec: MockSpec, operation: MockOperation, key: string | undefined): unknown {
  if (key === undefined) return undefined;
  const byOperation = spec.fixtures as Readonly<
    Record<string, { readonly responses?: Readonly<Record<string, unknown>> }>
  >;
  return byOperation[operation.fixture]?.responses?.[key];
}

/** The exact status first, then its range ("4XX"), then `default`. */
function documentedResponse(operation: MockOperation, status: number): MockOperation["responses"][string] | undefined {
  const { responses } = operation;
  for (const key of [String(status), `${String(status).charAt(0)}XX`, "default"]) {
    if (hasOwn(responses, key)) return responses[key];
  }
  return undefined;
}

function encodeBody(body: unknown, mediaType: string): BodyInit {
  if (isJsonMediaType(mediaType)) return JSON.stringify(body);
  if (/^text\//i.test(mediaType)) return typeof body === "string" ? body : JSON.stringify(body);
  return body as BodyInit; // a responder's own bytes (Blob, ArrayBuffer, string) for other media
}
