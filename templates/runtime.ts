/**
 * The hand-written runtime under every generated client: builds each request (paths as openapi-fetch serializes them,
 * queries and bodies as the spec describes them), sends it through `fetch` and turns the response into a result
 * discriminated by `ok` and by HTTP status. Copied verbatim into the output by kapso-codegen.
 *
 * Everything here is a function or a type, with no top-level side effects, so bundlers keep only what the operations an
 * app calls need.
 */
import { defaultPathSerializer } from "openapi-fetch";
import { serializeBody, serializeQuery, type QueryStyle } from "./serialize.js";

/** Every HTTP status a server can send (100–599), so results can be narrowed by `status` exhaustively. */
export type HttpStatus = InformationalStatus | SuccessStatus | RedirectionStatus | ClientErrorStatus | ServerErrorStatus;

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

/** A documented success: `data` is the parsed body of that status. */
export interface Success<Status extends HttpStatus, Data> {
  readonly ok: true;
  readonly status: Status;
  readonly data: Data;
  readonly response: Response;
}

/** An HTTP error, or any status the spec does not document as a success: `error` is the parsed body. */
export interface Failure<Status extends HttpStatus, Error> {
  readonly ok: false;
  readonly status: Status;
  readonly error: Error;
  readonly response: Response;
}

/** No HTTP response at all: the connection failed, or the call was aborted through its `signal`. */
export interface NetworkFailure {
  readonly ok: false;
  readonly status: "network";
  readonly aborted: boolean;
  readonly error: Error;
  readonly response: undefined;
}

/** Options every generated client accepts besides its credentials. */
export interface TransportOptions {
  /** Defaults to the spec's first server. */
  readonly baseUrl?: string;
  /** Defaults to `globalThis.fetch`. */
  readonly fetch?: (request: Request) => Promise<Response>;
  /** Sent with every request; credentials set by the client win over these. */
  readonly headers?: Readonly<Record<string, string>>;
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
  readonly credentials: Readonly<Record<string, { readonly slot: CredentialSlot; readonly value: Credential } | undefined>>;
}

/** Makes the transport of one API from the options its client was given. */
export function createTransport<Api extends string>(
  api: Api,
  options: TransportOptions,
  defaultBaseUrl: string,
  slots: readonly CredentialSlot[],
  values: Readonly<Record<string, Credential | undefined>>,
): Transport<Api> {
  const baseUrl = options.baseUrl ?? defaultBaseUrl;
  const credentials: Record<string, { slot: CredentialSlot; value: Credential }> = {};
  for (const slot of slots) {
    const value = values[slot.option];
    if (value !== undefined) credentials[slot.option] = { slot, value };
  }
  const fetch = options.fetch;
  return {
    api,
    // As openapi-fetch does: one trailing slash goes, since every path starts with one.
    baseUrl: baseUrl.endsWith("/") ? baseUrl.slice(0, -1) : baseUrl,
    fetch: fetch ?? ((request) => globalThis.fetch(request)),
    headers: lowerCaseKeys(options.headers),
    credentials,
  };
}

/** One operation as its generated function gives it: everything about a call but the caller's arguments. */
export interface OperationRoute {
  readonly method: HttpMethod;
  readonly path: string;
  /** Documented success statuses ("200", "2XX"): these, and only these, give `ok: true`. */
  readonly success: readonly string[];
  /** Alternative credential sets; an empty set means the operation may be called without credentials. */
  readonly security: readonly (readonly string[])[];
  /** Query parameters written other than `form` + `explode: true`. */
  readonly queryStyles?: Readonly<Record<string, QueryStyle>>;
  /** The media type of the body when the caller names none; absent when the operation takes no body. */
  readonly mediaType?: string;
}

/** An operation's arguments as the runtime reads them; each operation's own `…Args` type is what callers are checked against. */
interface LooseArgs {
  readonly path?: Record<string, unknown>;
  readonly query?: Record<string, unknown>;
  readonly headers?: Record<string, unknown>;
  readonly cookies?: Record<string, unknown>;
  readonly contentType?: string;
  readonly body?: unknown;
  readonly signal?: AbortSignal;
}

const NO_ARGS: LooseArgs = {};

/**
 * Calls one operation: one pass over the arguments to build the request, one read of the response body. Resolves to
 * the operation's result type (`Result`, given by the generated function), never rejects.
 */
export async function callOperation<Result>(transport: Transport, route: OperationRoute, args?: unknown): Promise<Result> {
  const { path, query, headers, cookies, contentType, body, signal } = (args ?? NO_ARGS) as LooseArgs;
  try {
    const sentHeaders: Record<string, string> = { ...transport.headers };
    const sent = route.mediaType !== undefined && body !== undefined ? serializeBody(contentType ?? route.mediaType, body) : undefined;
    if (sent?.contentType !== undefined) sentHeaders["content-type"] = sent.contentType;
    if (headers !== undefined) addHeaders(sentHeaders, headers);
    let sentQuery = query;
    let sentCookies = cookies;
    const usable = credentialSet(transport, route.security);
    // In the client's order of credentials, so two that share a header resolve the same way on every call.
    for (const option in transport.credentials) {
      const credential = transport.credentials[option];
      if (credential === undefined || !usable.includes(option)) continue;
      const { slot, value } = credential;
      const given = typeof value === "function" ? await value() : value;
      const text = `${slot.prefix ?? ""}${slot.base64 ? base64(given) : given}`;
      if (slot.in === "header") sentHeaders[slot.name.toLowerCase()] = text;
      else if (slot.in === "query") sentQuery = { ...sentQuery, [slot.name]: text };
      else sentCookies = { ...sentCookies, [slot.name]: text };
    }
    const cookie = sentCookies === undefined ? "" : cookieHeader(sentCookies);
    if (cookie !== "") sentHeaders["cookie"] = cookie;
    const fixed = route.path.includes("?") ? splitFixedQuery(route.path, path) : undefined;
    const routePath = fixed === undefined ? route.path : fixed.pathname;
    const own = sentQuery === undefined ? "" : serializeQuery(sentQuery, route.queryStyles);
    const search = fixed === undefined || fixed.query === "" ? own : own === "" ? fixed.query : `${fixed.query}&${own}`;
    const url = `${transport.baseUrl}${path === undefined ? routePath : defaultPathSerializer(routePath, path)}${search === "" ? "" : `?${search}`}`;
    const init: RequestInit = { method: route.method, headers: sentHeaders, redirect: "follow" };
    if (sent !== undefined) init.body = sent.body;
    if (signal !== undefined) init.signal = signal;
    const response = await transport.fetch(new Request(url, init));
    const data = await readBody(response);
    if (!isDocumentedSuccess(response.status, route.success) || data instanceof MalformedBody) {
      // A success whose body is not what its content type says breaks the contract: report it, don't throw.
      return { ok: false, status: response.status, error: data instanceof MalformedBody ? data.text : data, response } as Result;
    }
    return { ok: true, status: response.status, data, response } as Result;
  } catch (cause) {
    return networkFailure(cause, signal) as Result;
  }
}

/**
 * A path the spec writes with a query string (`/items?type=foo`, `/rides?page={page}`) is requested without it; the
 * query, its `{name}`s filled from the path parameters, is sent on every call ahead of the caller's own. A pair whose
 * `{name}` has no value is left out (the spec may declare that name as a query parameter instead).
 */
function splitFixedQuery(path: string, values: Readonly<Record<string, unknown>> | undefined): { pathname: string; query: string } {
  const at = path.indexOf("?");
  const valueOf = (name: string): unknown => values?.[name];
  const pairs = path
    .slice(at + 1)
    .split("&")
    .filter((pair) => [...pair.matchAll(/\{([^{}]+)\}/g)].every((match) => valueOf(match[1] ?? "") !== undefined));
  const filled = pairs.map((pair) => pair.replace(/\{([^{}]+)\}/g, (_, name: string) => encodeURIComponent(String(valueOf(name)))));
  return { pathname: path.slice(0, at), query: filled.join("&") };
}

/**
 * Turns a client's table of routes into its methods, each a call of `callOperation`. The methods' types come from the
 * client interface; a table instead of a function per operation keeps a big client cheap to type-check.
 */
export function bindOperations<Client>(transport: Transport, routes: { readonly [Name in keyof Client]: OperationRoute }): Client {
  const client = {};
  for (const [name, route] of Object.entries<OperationRoute>(routes)) {
    const method = (args?: unknown): Promise<unknown> => callOperation(transport, route, args);
    // Defined, not assigned: an operation may be named like an Object.prototype member (even `__proto__`).
    Object.defineProperty(client, name, { value: method, enumerable: true, writable: true, configurable: true });
  }
  return client as Client;
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
    if (value !== undefined && value !== null) target[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : String(value);
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
function networkFailure(cause: unknown, signal: AbortSignal | undefined): NetworkFailure {
  const aborted = signal?.aborted === true;
  const reason = cause instanceof Error ? cause.message : String(cause);
  const error = new Error(aborted ? `request aborted: ${reason}` : `network failure: ${reason}`, { cause });
  error.name = aborted ? "AbortError" : "NetworkError";
  return { ok: false, status: "network", aborted, error, response: undefined };
}
