/**
 * Mock Service Worker handlers built from the fixtures, for tests that intercept the network instead of passing a
 * `fetch` to the client (generated with `--msw`; needs `msw` 2 in the project):
 *
 *   const mock = createMswHandlers({ responses: { getPet: 404 } });
 *   const server = setupServer(...mock.handlers);
 *
 * Each request under the API's base URL goes to the mock fetch of mock.ts, which matches the operation by method and
 * path template, checks the request against the spec and answers with the fixture of the chosen status. A request that
 * matches no operation or breaks the spec is answered 501 or 422 with `{ error }` naming the field, and is kept in
 * `problems`; `assertNoProblems()` turns them into one thrown error (in `afterEach`, say).
 */
import { http, type HttpHandler } from "msw";
import { createMockFetch, type MockCall, type MockFetchOptions } from "./mock.js";

export interface MswHandlersOptions extends MockFetchOptions {
  /**
   * The base URL the handlers answer under (the one the client is created with); default: the spec's first server.
   * A path alone (`/api`) answers under any origin.
   */
  readonly baseUrl?: string;
}

export interface MswHandlers {
  /** For `setupServer(...handlers)` or `setupWorker(...handlers)`: one handler that answers every operation. */
  readonly handlers: readonly HttpHandler[];
  /** Every matched request, in order. */
  readonly calls: readonly MockCall[];
  /** Every unmatched or invalid request, as a message naming the operation and the field. */
  readonly problems: readonly string[];
  /** Throws one error listing every problem so far; does nothing when there is none. */
  assertNoProblems(): void;
}

/** Creates MSW handlers answering from the fixtures; see {@link MswHandlersOptions}. */
export function createMswHandlers(options: MswHandlersOptions = {}): MswHandlers {
  // Inside a handler a rejection would only become an opaque 500, so problems are answered as responses.
  const mock = createMockFetch({ onProblem: "respond", ...options });
  const handler = http.all(baseUrlPattern(options.baseUrl ?? specBaseUrl), ({ request }) => mock(request));
  return {
    handlers: [handler],
    calls: mock.calls,
    problems: mock.problems,
    assertNoProblems: () => mock.assertNoProblems(),
  };
}

/** Every URL at or below the base URL; a base without an origin (or none at all) matches under any origin. */
function baseUrlPattern(baseUrl: string): RegExp {
  const base = baseUrl.replace(/\/+$/, "");
  const origin = /^[a-z][a-z0-9+.-]*:\/\//i.test(base) ? "" : "[a-z][a-z0-9+.-]*://[^/]+";
  return new RegExp(`^${origin}${base.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}(?:/.*)?$`, "is");
}

// kapso-codegen:msw — everything below is generated from the spec; what follows here is a sample.

/** The spec's first server, its variables at their defaults. */
const specBaseUrl = "https://pets.example.com/v1";
