/**
 * A mock `fetch` built from the fixtures, to test code that uses the client without a network:
 *
 *   const mock = createMockFetch({ responses: { getPet: 404 } });
 *   const client = createPetsClient({ apiKey: "test", fetch: mock });
 *
 * It finds the operation by method and path template (after any base path), checks the request against the spec
 * (required parameters, the JSON body's schema), records the call in `mock.calls`, and answers with the fixture body of
 * the chosen status. A request it cannot match, or one that breaks the spec, fails loudly and lands in `mock.problems`.
 * This file holds the API as data; the engine that matches, checks and answers is mock-engine.ts, shared by every API
 * (no dependencies: the schemas the requests need are embedded below and checked by schema-check.ts, the checker the
 * generator judges fixtures with, so formats and patterns are read the same way).
 */
import * as fixtures from "./fixtures.js";
import {
  createMockFetchFor,
  type MockCall as MockCallOf,
  type MockFetch as MockFetchOf,
  type MockFetchOptions as MockFetchOptionsOf,
  type MockOperation,
  type MockResponder as MockResponderOf,
  type SchemaRefs,
} from "./mock-engine.js";

export {
  checkSchema,
  MockFetchError,
  type JsonSchema,
  type MockReply,
  type SchemaIssue,
  type SchemaRefs,
} from "./mock-engine.js";

/** A fixed answer, or a function of the call (sync or async) that decides it. */
export type MockResponder = MockResponderOf<MockOperationName>;

/** How the mock answers: per operation, and what a request that matches nothing or breaks the spec gets. */
export type MockFetchOptions = MockFetchOptionsOf<MockOperationName>;

/** One request the mock matched to an operation, as the code under test sent it. */
export type MockCall = MockCallOf<MockOperationName>;

/** A `fetch` for the client's `fetch` option, with what it saw. */
export type MockFetch = MockFetchOf<MockOperationName>;

/** Creates a mock fetch answering from the fixtures; see {@link MockFetchOptions}. */
export function createMockFetch(options: MockFetchOptions = {}): MockFetch {
  return createMockFetchFor({ operations, schemas, fixtures }, options);
}

// kapso-codegen:mock — everything below is generated from the spec; what follows here is a sample for the stub schema.

/** The operations' names, as on the client. */
export type MockOperationName = "getPet";

/** Every operation of the spec, in the order of the client. JSON text: as a string, data this size costs tsc nothing. */
const operations = JSON.parse(`[
  {
    "name": "getPet",
    "fixture": "getPet",
    "method": "GET",
    "path": "/pets/{petId}",
    "success": 200,
    "parameters": [
      { "name": "petId", "in": "path", "required": true, "schema": { "type": "string" } },
      { "name": "fields", "in": "query", "required": false, "schema": { "type": "string" } }
    ],
    "responses": {
      "200": { "mediaType": "application/json", "fixture": "200" },
      "404": { "mediaType": "application/json", "fixture": "404" }
    }
  }
]`) as readonly MockOperation[];

/** The schemas named by `$ref` in the operations' schemas, keyed by the `$ref` itself. */
const schemas = JSON.parse(`{}`) as SchemaRefs;
