/**
 * The hand-written runtime under every generated client: a thin layer over openapi-fetch that turns each call
 * into a result discriminated by `ok` and by HTTP status. Copied verbatim into the output by kapso-codegen.
 */
import createFetchClient from "openapi-fetch";
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

/** One call of one operation, as the generated wrapper describes it. */
export interface OperationCall {
  readonly method: HttpMethod;
  readonly path: string;
  /** Documented success statuses ("200", "2XX"): these, and only these, give `ok: true`. */
  readonly success: readonly string[];
  /** Alternative credential sets; an empty set means the operation may be called without credentials. */
  readonly security: readonly (readonly string[])[];
  readonly params: {
    readonly path?: object | undefined;
    readonly query?: object | undefined;
    readonly header?: object | undefined;
    readonly cookie?: object | undefined;
  };
  /** Query parameters written other than `form` + `explode: true`. */
  readonly queryStyles?: Readonly<Record<string, QueryStyle>>;
  /** The media type of `body`; absent when the operation takes no body. */
  readonly mediaType?: string;
  readonly body?: unknown;
  readonly signal?: AbortSignal | undefined;
}

/** The part of openapi-fetch's client the runtime uses, typed loosely: each wrapper carries the precise types. */
interface LooseFetchClient {
  request(
    method: string,
    path: string,
    init: Record<string, unknown>,
  ): Promise<{ data?: unknown; error?: unknown; response: Response }>;
}

export interface Transport {
  readonly call: <Result>(call: OperationCall) => Promise<Result>;
}

/** Creates the transport of one client: an openapi-fetch client plus the credentials the client was given. */
export function createTransport(
  options: TransportOptions,
  defaultBaseUrl: string,
  slots: readonly CredentialSlot[],
  credentials: Readonly<Record<string, Credential | undefined>>,
): Transport {
  const http = createFetchClient({
    baseUrl: options.baseUrl ?? defaultBaseUrl,
    ...(options.headers ? { headers: options.headers } : {}),
  }) as unknown as LooseFetchClient;

  const baseFetch = options.fetch ?? ((request: Request) => globalThis.fetch(request));
  return {
    async call<Result>(call: OperationCall): Promise<Result> {
      try {
        const params = await withCredentials(call, slots, credentials);
        const sent = call.mediaType !== undefined && call.body !== undefined ? serializeBody(call.mediaType, call.body) : undefined;
        // openapi-fetch reads error bodies itself, as JSON or text; this keeps the response so its body is read by
        // content type instead, like a success's.
        let received: Response | undefined;
        const { pathname, fixedQuery } = splitFixedQuery(call.path, call.params.path);
        const { response } = await http.request(call.method, pathname, {
          params,
          querySerializer: (query: Record<string, unknown>) => [fixedQuery, serializeQuery(query, call.queryStyles)].filter(Boolean).join("&"),
          // Serialized above, by media type; openapi-fetch sends it as is.
          ...(sent ? { body: sent.body, bodySerializer: (prepared: unknown) => prepared } : {}),
          ...(sent?.contentType ? { headers: { "Content-Type": sent.contentType } } : {}),
          signal: call.signal,
          // The body of a success is read below, by content type.
          parseAs: "stream",
          fetch: async (request: Request) => {
            received = await baseFetch(request);
            return received.ok ? received : received.clone();
          },
        });
        const body = await readBody(received ?? response);
        if (!isDocumentedSuccess(response.status, call.success) || body instanceof MalformedBody) {
          // A success whose body is not what its content type says breaks the contract: report it, don't throw.
          return { ok: false, status: response.status, error: body instanceof MalformedBody ? body.text : body, response } as Result;
        }
        return { ok: true, status: response.status, data: body, response } as Result;
      } catch (cause) {
        return networkFailure(cause, call.signal) as Result;
      }
    },
  };
}

/** One operation as the client's table of routes gives it: everything about a call but the caller's arguments. */
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

/** A method's arguments as the runtime reads them; each method's own `…Args` type is what callers are checked against. */
interface LooseArgs {
  readonly path?: object;
  readonly query?: object;
  readonly headers?: object;
  readonly cookies?: object;
  readonly contentType?: string;
  readonly body?: unknown;
  readonly signal?: AbortSignal;
}

/**
 * Turns a client's table of routes into its methods, one call of the transport each. The methods' types come from
 * the client interface; a table instead of a function per operation keeps a big client cheap to type-check.
 */
export function bindOperations<Client>(transport: Transport, routes: { readonly [Name in keyof Client]: OperationRoute }): Client {
  const client = {};
  for (const [name, route] of Object.entries<OperationRoute>(routes)) {
    const method = (args: LooseArgs = {}): Promise<unknown> =>
      transport.call({
        method: route.method,
        path: route.path,
        success: route.success,
        security: route.security,
        params: { path: args.path, query: args.query, header: args.headers, cookie: args.cookies },
        ...(route.queryStyles ? { queryStyles: route.queryStyles } : {}),
        ...(route.mediaType !== undefined ? { mediaType: args.contentType ?? route.mediaType, body: args.body } : {}),
        signal: args.signal,
      });
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

/**
 * A path the spec writes with a query string (`/items?type=foo`, `/rides?page={page}`) is requested without it; the
 * query, its `{name}`s filled from the path parameters, is sent on every call ahead of the caller's own. A pair whose
 * `{name}` has no value is left out (the spec may declare that name as a query parameter instead).
 */
function splitFixedQuery(path: string, values: object | undefined): { pathname: string; fixedQuery: string } {
  const at = path.indexOf("?");
  if (at < 0) return { pathname: path, fixedQuery: "" };
  const valueOf = (name: string): unknown => (values as Record<string, unknown> | undefined)?.[name];
  const pairs = path
    .slice(at + 1)
    .split("&")
    .filter((pair) => [...pair.matchAll(/\{([^{}]+)\}/g)].every((match) => valueOf(match[1] ?? "") !== undefined));
  const filled = pairs.map((pair) => pair.replace(/\{([^{}]+)\}/g, (_, name: string) => encodeURIComponent(String(valueOf(name)))));
  return { pathname: path.slice(0, at), fixedQuery: filled.join("&") };
}

/** Adds the credentials of the first security alternative the client can satisfy. */
async function withCredentials(
  call: OperationCall,
  slots: readonly CredentialSlot[],
  credentials: Readonly<Record<string, Credential | undefined>>,
): Promise<Record<string, object | undefined>> {
  // Prefer an alternative the client holds credentials for; `{}` (no credentials) only when none is.
  const satisfiable = call.security.filter((set) => set.every((option) => credentials[option] !== undefined));
  const usable = satisfiable.find((set) => set.length > 0) ?? [];
  const added: Record<"header" | "query" | "cookie", Record<string, string>> = { header: {}, query: {}, cookie: {} };
  for (const slot of slots) {
    const credential = credentials[slot.option];
    if (!usable.includes(slot.option) || credential === undefined) continue;
    const value = typeof credential === "function" ? await credential() : credential;
    added[slot.in][slot.name] = `${slot.prefix ?? ""}${slot.base64 ? base64(value) : value}`;
  }
  const cookies = { ...(call.params.cookie as Record<string, string> | undefined), ...added.cookie };
  const cookieHeader = Object.entries(cookies)
    .map(([name, value]) => `${name}=${encodeURIComponent(String(value))}`)
    .join("; ");
  return {
    path: call.params.path,
    query: hasKeys(added.query) ? { ...call.params.query, ...added.query } : call.params.query,
    header: {
      ...call.params.header,
      ...added.header,
      ...(cookieHeader ? { Cookie: cookieHeader } : {}),
    },
  };
}

/** UTF-8 safe, unlike a bare `btoa`. */
function base64(text: string): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function hasKeys(record: object): boolean {
  return Object.keys(record).length > 0;
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
