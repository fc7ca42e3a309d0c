/**
 * Entry point of a generated client: the client, its fixtures, a mock fetch built from them, the spec's types and the
 * result types.
 */
export * from "./client.js";
export * as fixtures from "./fixtures.js";
export {
  createMockFetch,
  MockFetchError,
  type MockCall,
  type MockFetch,
  type MockFetchOptions,
  type MockOperationName,
  type MockReply,
  type MockResponder,
} from "./mock.js";
export type * from "./schema.js";
export type {
  ClientErrorStatus,
  Credential,
  Failure,
  HttpStatus,
  InformationalStatus,
  NetworkFailure,
  RedirectionStatus,
  ServerErrorStatus,
  Success,
  SuccessStatus,
  TransportOptions,
} from "./runtime.js";
export type { BinaryBody, FormBody, QueryStyle } from "./serialize.js";
