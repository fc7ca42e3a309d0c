/**
 * The hand-written runtime under every generated client: builds each request (paths as openapi-fetch fills them,
 * queries and bodies by the serializers each operation's route names), sends it through `fetch`, with the retries,
 * timeout and middleware the client or the call asks for, and turns the response into a result discriminated by `ok`
 * and by HTTP status. Copied verbatim into the output by kapso-codegen.
 *
 * Everything here is a function or a type, with no top-level side effects, so bundlers keep only what the operations an
 * app calls need.
 */
import type { MergedOptions, Middleware, MiddlewareCallbackParams } from "openapi-fetch";
import type { BodyWriter, FixedQuerySplitter, QueryStyle, QueryWriter, SentBody } from "./serialize.js";

export type { Middleware };

/** Every HTTP status a server can send (100–599), so results can be narrowed by `status` exhaustively. */
export type HttpStatus =
  InformationalStatus | SuccessStatus | RedirectionStatus | ClientErrorStatus | ServerErrorStatus;

/** 1XX */
// prettier-ignore
export type InformationalStatus =
  | 100 | 101 | 102 | 103 | 104 | 105 | 106 | 107 | 108 | 109 | 110 | 111 | 112 | 113 | 114 | 115 | 116 | 117 | 118 | 119
  | 120 | 121 | 122 | 123 | 124 | 125 | 126 | 127 | 128 | 129 | 130 | 131 | 132 | 133 | 134 | 135 | 136 | 137 | 138 | 139
  | 140 | 141 | 142 | 143 | 144 | 145 | 146 | 147 | 148 | 149 | 150 | 151 | 152 | 153 | 154 | 155 | 156 | 157 | 158 | 159
  | 160 | 161 | 162 | 163 | 164 | 165 | 166 | 167 | 168 | 169 | 170 | 171 | 172 | 173 | 174 | 175 | 176 | 177 | 178 | 179
  | 180 | 181 | 182 | 183 | 184 | 185 | 186 | 187 | 188 | 189 | 190 | 191 | 192 | 193 | 194 | 195 | 196 | 197 | 198 | 199;

/** 3XX */
// prettier-ignore
export type RedirectionStatus =
  | 300 | 301 | 302 | 303 | 304 | 305 | 306 | 307 | 308 | 309 | 310 | 311 | 312 | 313 | 314 | 315 | 316 | 317 | 318 | 319
  | 320 | 321 | 322 | 323 | 324 | 325 | 326 | 327 | 328 | 329 | 330 | 331 | 332 | 333 | 334 | 335 | 336 | 337 | 338 | 339
  | 340 | 341 | 342 | 343 | 344 | 345 | 346 | 347 | 348 | 349 | 350 | 351 | 352 | 353 | 354 | 355 | 356 | 357 | 358 | 359
  | 360 | 361 | 362 | 363 | 364 | 365 | 366 | 367 | 368 | 369 | 370 | 371 | 372 | 373 | 374 | 375 | 376 | 377 | 378 | 379
  | 380 | 381 | 382 | 383 | 384 | 385 | 386 | 387 | 388 | 389 | 390 | 391 | 392 | 393 | 394 | 395 | 396 | 397 | 398 | 399;

/** 2XX */
// prettier-ignore
export type SuccessStatus =
  | 200 | 201 | 202 | 203 | 204 | 205 | 206 | 207 | 208 | 209 | 210 | 211 | 212 | 213 | 214 | 215 | 216 | 217 | 218 | 219
  | 220 | 221 | 222 | 223 | 224 | 225 | 226 | 227 | 228 | 229 | 230 | 231 | 232 | 233 | 234 | 235 | 236 | 237 | 238 | 239
  | 240 | 241 | 242 | 243 | 244 | 245 | 246 | 247 | 248 | 249 | 250 | 251 | 252 | 253 | 254 | 255 | 256 | 257 | 258 | 259
  | 260 | 261 | 262 | 263 | 264 | 265 | 266 | 267 | 268 | 269 | 270 | 271 | 272 | 273 | 274 | 275 | 276 | 277 | 278 | 279
  | 280 | 281 | 282 | 283 | 284 | 285 | 286 | 287 | 288 | 289 | 290 | 291 | 292 | 293 | 294 | 295 | 296 | 297 | 298 | 299;

/** 4XX */
// prettier-ignore
export type ClientErrorStatus =
  | 400 | 401 | 402 | 403 | 404 | 405 | 406 | 407 | 408 | 409 | 410 | 411 | 412 | 413 | 414 | 415 | 416 | 417 | 418 | 419
  | 420 | 421 | 422 | 423 | 424 | 425 | 426 | 427 | 428 | 429 | 430 | 431 | 432 | 433 | 434 | 435 | 436 | 437 | 438 | 439
  | 440 | 441 | 442 | 443 | 444 | 445 | 446 | 447 | 448 | 449 | 450 | 451 | 452 | 453 | 454 | 455 | 456 | 457 | 458 | 459
  | 460 | 461 | 462 | 463 | 464 | 465 | 466 | 467 | 468 | 469 | 470 | 471 | 472 | 473 | 474 | 475 | 476 | 477 | 478 | 479
  | 480 | 481 | 482 | 483 | 484 | 485 | 486 | 487 | 488 | 489 | 490 | 491 | 492 | 493 | 494 | 495 | 496 | 497 | 498 | 499;

/** 5XX */
// prettier-ignore
export type ServerErrorStatus =
  | 500 | 501 | 502 | 503 | 504 | 505 | 506 | 507 | 508 | 509 | 510 | 511 | 512 | 513 | 514 | 515 | 516 | 517 | 518 | 519
  | 520 | 521 | 522 | 523 | 524 | 525 | 526 | 527 | 528 | 529 | 530 | 531 | 532 | 533 | 534 | 535 | 536 | 537 | 538 | 539
  | 540 | 541 | 542 | 543 | 544 | 545 | 546 | 547 | 548 | 549 | 550 | 551 | 552 | 553 | 554 | 555 | 556 | 557 | 558 | 559
  | 560 | 561 | 562 | 563 | 564 | 565 | 566 | 567 | 568 | 569 | 570 | 571 | 572 | 573 | 574 | 575 | 576 | 577 | 578 | 579
  | 580 | 581 | 582 | 583 | 584 | 585 | 586 | 587 | 588 | 589 | 590 | 591 | 592 | 593 | 594 | 595 | 596 | 597 | 598 | 599;

/**
 * A documented success: `data` is the parsed body of that status, `headers` the response headers the spec declares for
 * it (parsed by their schema; `undefined` when it declares none).
 */
export interface Success<Status extends HttpStatus, Data, Headers = undefined> {
  readonly ok: true;
  readonly status: Status;
  readonly data: Data;
  readonly headers: Headers;
  readonly response: Response;
  /** How many requests the call took: 1 unless it was retried. */
  readonly attempts: number;
}

/** An HTTP error, or any status the spec does not document as a success: `error` is the parsed body. */
export interface Failure<Status extends HttpStatus, Error, Headers = undefined> {
  readonly ok: false;
  readonly status: Status;
  readonly error: Error;
  readonly headers: Headers;
  readonly response: Response;
  /** How many requests the call took: 1 unless it was retried. */
  readonly attempts: number;
}

/**
 * No HTTP response at all: the connection failed, an attempt ran past its `timeout` (`timedOut: true`), or the caller
 * aborted the call through its `signal` (`aborted: true`).
 */
export interface NetworkFailure {
  readonly ok: false;
  readonly status: "network";
  readonly aborted: boolean;
  readonly timedOut: boolean;
  readonly error: Error;
  readonly headers: undefined;
  readonly response: undefined;
  /** How many requests the call took: 1 unless it was retried. */
  readonly attempts: number;
}

/**
 * When and how often a call is tried again. By default a `429` or `503` is retried for every method (the server did not
 * act on the request), and `502`, `504` and network failures (timeouts included) only for idempotent methods (GET, HEAD,
 * OPTIONS, PUT, DELETE, TRACE) or when `idempotent` is set. A request whose body is a stream is never retried.
 */
export interface RetryOptions {
  /** Total attempts, the first included: `1` never retries. Default 3. */
  readonly attempts?: number;
  /** Statuses to retry. Default `[429, 502, 503, 504]`; any other than 429 and 503 only for idempotent calls. */
  readonly statuses?: readonly number[];
  readonly backoff?: BackoffOptions;
  /** Treat the call as idempotent whatever its method (a POST carrying an idempotency key, say). */
  readonly idempotent?: boolean;
}

/** Exponential backoff with jitter: the n-th retry waits between half and all of `min(max, initial × 2ⁿ⁻¹)`. */
export interface BackoffOptions {
  /** Milliseconds before the first retry. Default 500. */
  readonly initial?: number;
  /** The longest computed wait, in milliseconds. Default 10 000. */
  readonly max?: number;
  /**
   * The longest `Retry-After` (seconds or an HTTP date) that is waited out, in milliseconds; a server asking for longer
   * ends the retries and its response is the result. Default 60 000.
   */
  readonly maxRetryAfter?: number;
}

/** Options every generated client accepts besides its credentials. */
export interface TransportOptions {
  /** Defaults to the spec's first server. */
  readonly baseUrl?: string;
  /** Defaults to `globalThis.fetch`. */
  readonly fetch?: (request: Request) => Promise<Response>;
  /** Sent with every request; credentials set by the client win over these. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Retries for every call (off when absent); a call's own `retry` is merged over it, `retry: false` turns it off. */
  readonly retry?: RetryOptions;
  /** Milliseconds each attempt may take, response body included; a call's own `timeout` wins. */
  readonly timeout?: number;
  /**
   * openapi-fetch middleware, run on every attempt in order (`onRequest`) and in reverse (`onResponse`, `onError`),
   * after the client has set the credentials.
   */
  readonly middleware?: readonly Middleware[];
}

/** Where a security scheme puts its credential. */
export interface CredentialSlot {
  /** The client option that holds the credential. */
  readonly option: string;
  readonly in: "header" | "query" | "cookie";
  readonly name: string;
  /** Prefix for the value, such as "Bearer " for http bearer. */
  readonly prefix?: string;
  /** http basic: the credential is `user:password`, sent base64-encoded. */
  readonly base64?: boolean;
}

/** A credential: the value itself, or a function that returns it (called on every request). */
export type Credential = string | (() => string | Promise<string>);

export type HttpMethod = "GET" | "PUT" | "POST" | "DELETE" | "OPTIONS" | "HEAD" | "PATCH" | "TRACE";

/**
 * What every operation of one API is called with: where to send requests, how, and with which credentials. Plain data,
 * made once by the API's `create…Transport`; `Api` keeps one API's transport from being passed to another's operations.
 */
export interface Transport<Api extends string = string> {
  readonly api: Api;
  /** Without a trailing slash. */
  readonly baseUrl: string;
  readonly fetch: (request: Request) => Promise<Response>;
  /** The client's own headers, names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
  /** Per client option that holds a credential: where it goes, and the credential (absent when not given). */
  readonly credentials: Readonly<
    Record<string, { readonly slot: CredentialSlot; readonly value: Credential } | undefined>
  >;
  readonly retry?: RetryOptions | undefined;
  readonly timeout?: number | undefined;
  /** Absent when there is none, so a call goes straight to `fetch`. */
  readonly middleware?: readonly Middleware[] | undefined;
}

/** Makes the transport of one API from the options its client was given. */
export function createTransport<Api extends string>(
  api: Api,
  options: TransportOptions,
  defaultBaseUrl: string,
  slots: readonly CredentialSlot[],
  values: Readonly<Record<string, Credential | undefined>>,
): Transport<Api> {
  const { baseUrl = defaultBaseUrl, middleware } = options;
  const credentials: Record<string, { slot: CredentialSlot; value: Credential }> = {};
  for (const slot of slots) {
    const value = values[slot.option];
    if (value !== undefined) credentials[slot.option] = { slot, value };
  }
  return {
    api,
    // As openapi-fetch does: one trailing slash goes, since every path starts with one.
    baseUrl: baseUrl.endsWith("/") ? baseUrl.slice(0, -1) : baseUrl,
    // Looked up on every call, so a fetch installed later (a test's stub, a polyfill) is the one used.
    fetch: options.fetch ?? ((request) => globalThis.fetch(request)),
    headers: lowerCaseKeys(options.headers),
    credentials,
    retry: options.retry,
    timeout: options.timeout,
    middleware: middleware !== undefined && middleware.length > 0 ? [...middleware] : undefined,
  };
}

/**
 * One operation as its generated function gives it: everything about a call but the caller's arguments. The
 * serializers an operation needs are referenced here, not called by name in the runtime, so an app bundles only those
 * of the operations it calls (no query serializer for an app whose calls take no query, no form encoder for JSON).
 */
export interface OperationRoute {
  readonly method: HttpMethod;
  /** The spec's path template. */
  readonly path: string;
  /** Documented success statuses ("200", "2XX"): these, and only these, give `ok: true`. */
  readonly success: readonly string[];
  /** Alternative credential sets; an empty set means the operation may be called without credentials. */
  readonly security: readonly (readonly string[])[];
  /** Writes the query string: present when the operation takes query parameters or a credential in the query. */
  readonly query?: QueryWriter;
  /** Query parameters written other than `form` + `explode: true`. */
  readonly queryStyles?: Readonly<Record<string, QueryStyle>>;
  /** Present when the spec writes the path with a query string (`/items?type=foo`): splits it off. */
  readonly fixedQuery?: FixedQuerySplitter;
  /** Writes the body: present, with `mediaType` (used when the caller names none), when the operation takes one. */
  readonly body?: BodyWriter;
  readonly mediaType?: string;
  /** Per documented response ("429", "4XX", "default") that declares headers: each header's name and how to read it. */
  readonly headers?: Readonly<Record<string, Readonly<Record<string, HeaderKind>>>>;
}

/** How a declared response header is read: by its schema's type, a list being comma-separated. */
export type HeaderKind = "string" | "number" | "boolean" | "strings" | "numbers";

/** What every operation takes besides its parameters and body. */
export interface CallOptions {
  /** Aborts the call, a wait between retries included; it then resolves to a `NetworkFailure` with `aborted: true`. */
  readonly signal?: AbortSignal;
  /** Merged over the client's `retry`; `false` makes this call a single attempt. */
  readonly retry?: RetryOptions | false;
  /** Milliseconds each attempt may take; past it the call resolves to a `NetworkFailure` with `timedOut: true`. */
  readonly timeout?: number;
}

/** An operation's arguments as the runtime reads them; each operation's own `…Args` type is what callers are checked against. */
interface LooseArgs extends CallOptions {
  readonly path?: Record<string, unknown>;
  readonly query?: Record<string, unknown>;
  readonly headers?: Record<string, unknown>;
  readonly cookies?: Record<string, unknown>;
  readonly contentType?: string;
  readonly body?: unknown;
}

const NO_ARGS: LooseArgs = {};

const IDEMPOTENT_METHODS: ReadonlySet<HttpMethod> = new Set(["GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE"]);
const DEFAULT_RETRY_STATUSES: readonly number[] = [429, 502, 503, 504];

/**
 * Calls one operation: the body written once, then one request per attempt (credentials resolved and middleware run
 * for each), one read of the final response's body. Resolves to the operation's result type (`Result`, given by the
 * generated function), never rejects. Without `retry` and `timeout` it is one attempt with no timer.
 */
export async function callOperation<Result>(
  transport: Transport,
  route: OperationRoute,
  args?: unknown,
): Promise<Result> {
  const call = (args ?? NO_ARGS) as LooseArgs;
  const { signal } = call;
  const retry =
    call.retry === false
      ? undefined
      : call.retry === undefined
        ? transport.retry
        : { ...transport.retry, ...call.retry };
  const timeout = call.timeout ?? transport.timeout;
  let attempt = 1;
  let limit: AbortSignal | undefined;
  try {
    const body =
      route.body !== undefined && call.body !== undefined
        ? route.body(call.contentType ?? route.mediaType ?? "application/json", call.body)
        : undefined;
    // A stream is read by the first attempt; there is nothing left to send again.
    const attempts =
      retry === undefined || body?.body instanceof ReadableStream ? 1 : Math.max(1, Math.floor(retry.attempts ?? 3));
    const idempotent = retry?.idempotent === true || IDEMPOTENT_METHODS.has(route.method);
    for (; ; attempt++) {
      limit = timeout === undefined ? undefined : AbortSignal.timeout(timeout);
      const attemptSignal =
        limit === undefined || signal === undefined ? (limit ?? signal) : AbortSignal.any([signal, limit]);
      let response: Response;
      try {
        response = await send(transport, route, call, await buildRequest(transport, route, call, body, attemptSignal));
      } catch (cause) {
        const again = attempt < attempts && idempotent && signal?.aborted !== true;
        if (again && (await pause(backoffDelay(retry?.backoff, attempt), signal))) continue;
        throw cause;
      }
      // 429 and 503 say the server did not act on the request, so they are safe to retry for every method.
      const retryable =
        attempt < attempts &&
        (retry?.statuses ?? DEFAULT_RETRY_STATUSES).includes(response.status) &&
        (idempotent || response.status === 429 || response.status === 503);
      const delay = retryable ? retryDelay(response, retry?.backoff, attempt) : undefined;
      if (delay === undefined) return (await toResult(response, route, attempt)) as Result;
      await response.body?.cancel().catch(() => undefined);
      limit = undefined;
      if (!(await pause(delay, signal))) throw new Error("aborted while waiting to retry");
    }
  } catch (cause) {
    const aborted = signal?.aborted === true;
    return networkFailure(
      aborted ? (signal?.reason ?? cause) : cause,
      aborted,
      !aborted && limit?.aborted === true ? timeout : undefined,
      attempt,
    ) as Result;
  }
}

/** Waits `ms`; false when the signal aborts first (the call then ends). */
function pause(ms: number, signal: AbortSignal | undefined): Promise<boolean> {
  if (signal?.aborted === true) return Promise.resolve(false);
  return new Promise((resolve) => {
    const done = (waited: boolean): void => {
      clearTimeout(handle);
      signal?.removeEventListener("abort", onAbort);
      resolve(waited);
    };
    const onAbort = (): void => done(false);
    const handle = setTimeout(() => done(true), ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** `Retry-After` when the response has one (undefined, ending the retries, past `maxRetryAfter`); else the backoff. */
function retryDelay(response: Response, backoff: BackoffOptions | undefined, attempt: number): number | undefined {
  const asked = retryAfter(response.headers.get("retry-after"), Date.now());
  if (asked === undefined) return backoffDelay(backoff, attempt);
  return asked <= (backoff?.maxRetryAfter ?? 60_000) ? asked : undefined;
}

/** Milliseconds a `Retry-After` value asks for: delay-seconds or an HTTP date; undefined when it is neither. */
export function retryAfter(value: string | null, now: number): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Exponential, with "equal jitter": between half and all of the exponential delay, so clients spread out but never retry at once. */
export function backoffDelay(backoff: BackoffOptions | undefined, attempt: number): number {
  const full = Math.min(backoff?.max ?? 10_000, (backoff?.initial ?? 500) * 2 ** (attempt - 1));
  return full / 2 + (Math.random() * full) / 2;
}

/** The request of one attempt: credentials are resolved for each (a credential function may hand out a fresh token). */
async function buildRequest(
  transport: Transport,
  route: OperationRoute,
  call: LooseArgs,
  sent: SentBody | undefined,
  signal: AbortSignal | undefined,
): Promise<Request> {
  const { path, headers } = call;
  const sentHeaders: Record<string, string> = { ...transport.headers };
  if (sent?.contentType !== undefined) sentHeaders["content-type"] = sent.contentType;
  if (headers !== undefined) addHeaders(sentHeaders, headers);
  let { query, cookies } = call;
  const usable = credentialSet(transport, route.security);
  // In the client's order of credentials, so two that share a header resolve the same way on every call.
  for (const option in transport.credentials) {
    const credential = transport.credentials[option];
    if (credential === undefined || !usable.includes(option)) continue;
    const { slot, value } = credential;
    const given = typeof value === "function" ? await value() : value;
    const text = `${slot.prefix ?? ""}${slot.base64 === true ? base64(given) : given}`;
    if (slot.in === "header") sentHeaders[slot.name.toLowerCase()] = text;
    else if (slot.in === "query") query = { ...query, [slot.name]: text };
    else cookies = { ...cookies, [slot.name]: text };
  }
  const cookie = cookies === undefined ? "" : cookieHeader(cookies);
  if (cookie !== "") sentHeaders["cookie"] = cookie;
  const fixed = route.fixedQuery?.(route.path, path);
  const pathname = fixed === undefined ? route.path : fixed.pathname;
  const own = query === undefined || route.query === undefined ? "" : route.query(query, route.queryStyles);
  const search = fixed === undefined || fixed.query === "" ? own : own === "" ? fixed.query : `${fixed.query}&${own}`;
  const url = `${transport.baseUrl}${path === undefined ? pathname : fillPath(pathname, path)}${search === "" ? "" : `?${search}`}`;
  const init: RequestInit & { duplex?: "half" } = { method: route.method, headers: sentHeaders, redirect: "follow" };
  if (sent !== undefined) {
    init.body = sent.body;
    // fetch sends a stream body only half-duplex, and only when told so.
    if (sent.body instanceof ReadableStream) init.duplex = "half";
  }
  if (signal !== undefined) init.signal = signal;
  return new Request(url, init);
}

/**
 * Fills the `{name}`s of a path template, as openapi-fetch does for OpenAPI's default path style (`simple`): each value
 * percent-encoded, a list comma-separated, an object as `key,value` pairs. A name without a value stays as written.
 */
function fillPath(template: string, values: Readonly<Record<string, unknown>>): string {
  return template.replace(/\{([^{}]+)\}/g, (whole, name: string) => {
    const value = values[name];
    if (value === undefined || value === null) return whole;
    const parts = typeof value !== "object" ? [value] : Array.isArray(value) ? value : Object.entries(value).flat();
    return parts.map((part) => encodeURIComponent(String(part))).join(",");
  });
}

/** Sends one attempt: straight to fetch (no extra promise on the way), or through the middleware chain. */
function send(transport: Transport, route: OperationRoute, call: LooseArgs, request: Request): Promise<Response> {
  return transport.middleware === undefined
    ? transport.fetch(request)
    : sendThrough(transport.middleware, transport, route, call, request);
}

/** The middleware chain the way openapi-fetch runs it: `onRequest` in order, then fetch, `onError` and `onResponse` in reverse. */
async function sendThrough(
  middleware: readonly Middleware[],
  transport: Transport,
  route: OperationRoute,
  call: LooseArgs,
  request: Request,
): Promise<Response> {
  const params: MiddlewareCallbackParams = {
    request,
    schemaPath: route.path,
    params: requestParams(call),
    id: Math.random().toString(36).slice(2, 11),
    options: middlewareOptions(transport, route),
  };
  for (const step of middleware) {
    const changed = await step.onRequest?.(params);
    if (changed instanceof Response) return changed;
    if (changed instanceof Request) params.request = changed;
    else if (changed !== undefined) throw new TypeError("onRequest: must return a Request, a Response or nothing");
  }
  let response: Response | undefined;
  try {
    response = await transport.fetch(params.request);
  } catch (cause) {
    let error: unknown = cause;
    for (let index = middleware.length - 1; index >= 0 && response === undefined; index--) {
      const handled = await middleware[index]?.onError?.({ ...params, error });
      if (handled instanceof Response) response = handled;
      else if (handled instanceof Error) error = handled;
    }
    if (response === undefined) throw error;
  }
  for (let index = middleware.length - 1; index >= 0; index--) {
    const replaced: Response | undefined | void = await middleware[index]?.onResponse?.({ ...params, response });
    if (replaced instanceof Response) response = replaced;
    else if (replaced !== undefined) throw new TypeError("onResponse: must return a Response or nothing");
  }
  return response;
}

/** What middleware sees as `options`: openapi-fetch's shape, with this client's own base URL, fetch and serializers. */
function middlewareOptions(transport: Transport, route: OperationRoute): MergedOptions {
  return {
    baseUrl: transport.baseUrl,
    fetch: (input: Request | string | URL, init?: RequestInit) => transport.fetch(new Request(input, init)),
    parseAs: "json",
    querySerializer: (query: Record<string, unknown>) =>
      route.query === undefined
        ? new URLSearchParams(query as Record<string, string>).toString()
        : route.query(query, route.queryStyles),
    bodySerializer: (body: unknown) => JSON.stringify(body),
    pathSerializer: fillPath,
  } as MergedOptions;
}

/** The caller's parameters as openapi-fetch hands them to middleware (`header`, `cookie`), absent ones left out. */
function requestParams(call: LooseArgs): MiddlewareCallbackParams["params"] {
  const params: {
    -readonly [Key in keyof MiddlewareCallbackParams["params"]]: MiddlewareCallbackParams["params"][Key];
  } = {};
  if (call.path !== undefined) params.path = call.path;
  if (call.query !== undefined) params.query = call.query;
  if (call.headers !== undefined) params.header = call.headers;
  if (call.cookies !== undefined) params.cookie = call.cookies;
  return params;
}

/** Reads the body and the declared headers into the result a caller narrows on. */
async function toResult(response: Response, route: OperationRoute, attempts: number): Promise<unknown> {
  const data = await readBody(response);
  const headers = route.headers === undefined ? undefined : declaredHeaders(response, route.headers);
  const { status } = response;
  // A success whose body is not what its content type says breaks the contract: report it, don't throw.
  return isDocumentedSuccess(status, route.success) && !(data instanceof MalformedBody)
    ? { ok: true, status, data, headers, response, attempts }
    : { ok: false, status, error: data instanceof MalformedBody ? data.text : data, headers, response, attempts };
}

/** The headers the spec declares for this status (exact, then its range, then `default`), each read by its schema. */
function declaredHeaders(
  response: Response,
  declared: NonNullable<OperationRoute["headers"]>,
): Record<string, unknown> | undefined {
  const code = String(response.status);
  const kinds = declared[code] ?? declared[`${code[0]}XX`] ?? declared["default"];
  if (kinds === undefined) return undefined;
  const headers: Record<string, unknown> = {};
  for (const name in kinds) {
    const text = response.headers.get(name);
    const value = text === null ? undefined : readHeader(text, kinds[name] ?? "string");
    if (value !== undefined) headers[name] = value;
  }
  return headers;
}

/** A header value as its schema types it; a number that does not parse is left out rather than mistyped. */
function readHeader(text: string, kind: HeaderKind): unknown {
  if (kind === "string") return text;
  const value = text.trim();
  if (kind === "boolean") return value === "true" ? true : value === "false" ? false : undefined;
  const parts = kind === "number" ? [value] : value.split(",").map((part) => part.trim());
  if (kind === "strings") return parts;
  const numbers = parts.map(Number);
  if (parts.some((part, index) => part === "" || !Number.isFinite(numbers[index]))) return undefined;
  return kind === "number" ? numbers[0] : numbers;
}

/**
 * Turns a client's table of routes into its methods, each a call of `callOperation`. The methods' types come from the
 * client interface; a table instead of a function per operation keeps a big client cheap to type-check.
 */
export function bindOperations<Client>(
  transport: Transport,
  routes: { readonly [Name in keyof Client]: OperationRoute },
): Client {
  const client = {};
  for (const [name, route] of Object.entries<OperationRoute>(routes)) {
    const method = (args?: unknown): Promise<unknown> => callOperation(transport, route, args);
    // Defined, not assigned: an operation may be named like an Object.prototype member (even `__proto__`).
    Object.defineProperty(client, name, { value: method, enumerable: true, writable: true, configurable: true });
  }
  return client as Client;
}

/**
 * How a list operation pages, as the generator recognised it: by page number (`page` query parameter, the last page
 * read from the body) or by cursor (`cursor` query parameter, taken from the body's next link or next cursor). Paths
 * are property names from the body's root.
 */
export type PageConvention =
  | {
      readonly style: "page";
      readonly page: string;
      readonly items: readonly string[];
      readonly totalPages: readonly string[];
    }
  | {
      readonly style: "cursor";
      readonly cursor: string;
      readonly items: readonly string[];
      readonly next?: readonly string[];
      readonly nextCursor?: readonly string[];
    };

/** Thrown by a `paginate` iterator when a page is not a documented success; `result` is that page's result. */
export class PageError extends Error {
  constructor(readonly result: { readonly ok: false; readonly status: number | "network"; readonly error: unknown }) {
    super(
      `a page of the list failed: ${result.status === "network" ? (result.error as Error).message : `HTTP ${result.status}`}`,
    );
    this.name = "PageError";
  }
}

/**
 * Yields the items of a list operation page by page, requesting the next page only when the caller has taken every
 * item of the one before; stops after the last page (or an empty one). A failed page throws a `PageError`.
 */
export async function* paginate<Item>(
  transport: Transport,
  route: OperationRoute,
  args: unknown,
  convention: PageConvention,
): AsyncGenerator<Item, void, undefined> {
  const call = (args ?? NO_ARGS) as LooseArgs;
  const query: Record<string, unknown> = { ...call.query };
  for (let page = convention.style === "page" ? Number(query[convention.page] ?? 1) : 1; ; page++) {
    const result = await callOperation<
      { ok: true; data: unknown } | { ok: false; status: number | "network"; error: unknown }
    >(transport, route, { ...call, query: { ...query } });
    if (!result.ok) throw new PageError(result);
    const items = valueAt(result.data, convention.items);
    if (!Array.isArray(items)) throw new TypeError(`a page of the list has no array at ${convention.items.join(".")}`);
    yield* items as Item[];
    if (items.length === 0) return;
    if (convention.style === "page") {
      const total = valueAt(result.data, convention.totalPages);
      if (typeof total !== "number" || page >= total) return;
      query[convention.page] = page + 1;
    } else {
      const cursor = nextCursor(result.data, convention);
      if (cursor === undefined || cursor === query[convention.cursor]) return;
      query[convention.cursor] = cursor;
    }
  }
}

/** The next page's cursor: none when the body has no next link (where the convention has one), else the link's or the body's cursor. */
function nextCursor(data: unknown, convention: Extract<PageConvention, { style: "cursor" }>): string | undefined {
  let fromLink: string | null = null;
  if (convention.next !== undefined) {
    const link = valueAt(data, convention.next);
    if (typeof link !== "string" || link === "") return undefined;
    fromLink = URL.canParse(link, "http://base.invalid")
      ? new URL(link, "http://base.invalid").searchParams.get(convention.cursor)
      : null;
  }
  const cursor = fromLink ?? (convention.nextCursor === undefined ? undefined : valueAt(data, convention.nextCursor));
  return typeof cursor === "string" && cursor !== "" ? cursor : undefined;
}

function valueAt(value: unknown, path: readonly string[]): unknown {
  let current = value;
  for (const key of path)
    current = typeof current === "object" && current !== null ? (current as Record<string, unknown>)[key] : undefined;
  return current;
}

/** Binds paged routes into a client's `paginate` member: one iterator factory per list operation. */
export function bindPaginators<Pages>(
  transport: Transport,
  table: { readonly [Name in keyof Pages]: readonly [OperationRoute, PageConvention] },
): Pages {
  const pages = {};
  for (const [name, [route, convention]] of Object.entries<readonly [OperationRoute, PageConvention]>(table)) {
    const iterate = (args?: unknown): AsyncGenerator<unknown, void, undefined> =>
      paginate(transport, route, args, convention);
    Object.defineProperty(pages, name, { value: iterate, enumerable: true, writable: true, configurable: true });
  }
  return pages as Pages;
}

/** Fills a server URL template (`https://{region}.example.com`) with variable values, each percent-encoded. */
export function serverUrl(template: string, variables: Readonly<Record<string, string | undefined>>): string {
  return template.replace(/\{([^}]+)\}/g, (whole, name: string) => {
    const value = variables[name];
    return value === undefined ? whole : encodeURI(value);
  });
}

const NO_CREDENTIALS: readonly string[] = [];

/** The first security alternative the transport holds every credential of; none (send without) when there is none. */
function credentialSet(transport: Transport, security: readonly (readonly string[])[]): readonly string[] {
  for (const set of security) {
    if (set.length > 0 && set.every((option) => transport.credentials[option] !== undefined)) return set;
  }
  return NO_CREDENTIALS;
}

/** Header parameters by lower-case name (headers are case-insensitive); a list is sent comma-separated. */
function addHeaders(target: Record<string, string>, headers: Readonly<Record<string, unknown>>): void {
  for (const name in headers) {
    const value = headers[name];
    if (value !== undefined && value !== null)
      target[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : String(value);
  }
}

function lowerCaseKeys(headers: Readonly<Record<string, string>> | undefined): Record<string, string> {
  const lower: Record<string, string> = {};
  if (headers !== undefined) addHeaders(lower, headers);
  return lower;
}

function cookieHeader(cookies: Readonly<Record<string, unknown>>): string {
  const pairs: string[] = [];
  for (const name in cookies) {
    const value = cookies[name];
    if (value !== undefined) pairs.push(`${name}=${encodeURIComponent(String(value))}`);
  }
  return pairs.join("; ");
}

/** UTF-8 safe, unlike a bare `btoa`. */
function base64(text: string): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Matches "200" exactly and "2XX" as a range. */
export function isDocumentedSuccess(status: number, documented: readonly string[]): boolean {
  const code = String(status);
  return documented.some((key) => key === code || (key.length === 3 && key.endsWith("XX") && key[0] === code[0]));
}

/** A body that claimed to be JSON but did not parse; carries the raw text. */
class MalformedBody {
  constructor(readonly text: string) {}
}

/** Reads a body by its content type: JSON, text, or a Blob; no body gives `undefined`. */
export async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204 || response.status === 205 || response.body === null) return undefined;
  const type = response.headers.get("content-type") ?? "";
  if (/[/+]json\b/i.test(type)) {
    const text = await response.text();
    if (text === "") return undefined;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return new MalformedBody(text);
    }
  }
  if (/^text\/|xml|x-www-form-urlencoded/i.test(type)) return response.text();
  const blob = await response.blob();
  return blob.size === 0 ? undefined : blob;
}

/** A failure before any response; its message names the cause but never the request (which holds credentials). */
function networkFailure(
  cause: unknown,
  aborted: boolean,
  timedOutAfter: number | undefined,
  attempts: number,
): NetworkFailure {
  const timedOut = timedOutAfter !== undefined;
  const reason = cause instanceof Error ? cause.message : String(cause);
  const error = new Error(
    aborted
      ? `request aborted: ${reason}`
      : timedOut
        ? `timed out after ${timedOutAfter} ms`
        : `network failure: ${reason}`,
    { cause },
  );
  error.name = aborted ? "AbortError" : timedOut ? "TimeoutError" : "NetworkError";
  return { ok: false, status: "network", aborted, timedOut, error, headers: undefined, response: undefined, attempts };
}
