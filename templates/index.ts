/**
 * Entry point of a generated client: the grouped client and its factory, the transport and one standalone function per
 * operation, the argument and result types, and the spec's types, each component's also under its own name (`Pet`).
 * Nothing here runs on import, so a bundler keeps only what an app calls. Test helpers have their own entry points:
 * fixtures.ts, mock.ts (and msw.ts).
 */
import type { components } from "./schema.js";
export * from "./client.js";
export type * from "./schema.js";
export { PageError } from "./runtime.js";
export type {
  BackoffOptions,
  CallOptions,
  ClientErrorStatus,
  Credential,
  Failure,
  HttpStatus,
  InformationalStatus,
  Middleware,
  NetworkFailure,
  RedirectionStatus,
  RetryOptions,
  ServerErrorStatus,
  Success,
  SuccessStatus,
  Transport,
  TransportOptions,
} from "./runtime.js";
export type { BinaryBody, FormBody, QueryStyle } from "./serialize.js";

// kapso-codegen:named-types — each component's type under its own name; what follows here is the stub schema's.

/** A pet. */
export type Pet = components["schemas"]["Pet"];
export type Error = components["schemas"]["Error"];
