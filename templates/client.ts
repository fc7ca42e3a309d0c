/**
 * The typed client. Per operation: its argument and result types, its route (how to call it) and a standalone function
 * that takes the API's transport, so a bundler keeps only the operations an app imports. The grouped client binds the
 * same routes into one object, one method per operation.
 */
import type { paths } from "./schema.js";
import {
  bindOperations,
  bindPaginators,
  callOperation,
  createTransport,
  paginate,
  serverUrl,
  type ClientErrorStatus,
  type Credential,
  type Failure,
  type HttpStatus,
  type InformationalStatus,
  type NetworkFailure,
  type OperationRoute,
  type PageConvention,
  type RedirectionStatus,
  type RetryOptions,
  type ServerErrorStatus,
  type Success,
  type SuccessStatus,
  type Transport,
  type TransportOptions,
} from "./runtime.js";
import {
  jsonBody,
  serializeBody,
  serializeQuery,
  splitFixedQuery,
  type BinaryBody,
  type FormBody,
} from "./serialize.js";

// kapso-codegen:operations — everything below is generated from the spec; what follows here is a sample for the stub schema.

type GetPetOperation = paths["/pets/{petId}"]["get"];

/** Arguments of `getPet`. */
export type GetPetArgs = {
  readonly path: GetPetOperation["parameters"]["path"];
  readonly query?: GetPetOperation["parameters"]["query"];
  /** Aborts the call; it then resolves to a `NetworkFailure` with `aborted: true`. */
  readonly signal?: AbortSignal;
  /** Merged over the client's `retry`; `false` makes this call a single attempt. */
  readonly retry?: RetryOptions | false;
  /** Milliseconds each attempt may take; past it the call resolves to a `NetworkFailure` with `timedOut: true`. */
  readonly timeout?: number;
};

/** Result of `getPet`, keyed by HTTP status. */
export type GetPetResult =
  | Success<200, GetPetOperation["responses"][200]["content"]["application/json"]>
  | Failure<404, GetPetOperation["responses"][404]["content"]["application/json"]>
  | Failure<Exclude<HttpStatus, 200 | 404>, unknown>
  | NetworkFailure;

const getPetRoute: OperationRoute = {
  method: "GET",
  path: "/pets/{petId}",
  success: ["200"],
  security: [["apiKey"]],
  query: serializeQuery,
};

/** `GET /pets/{petId}` */
export function getPet(transport: PetsTransport, args: GetPetArgs): Promise<GetPetResult> {
  return callOperation<GetPetResult>(transport, getPetRoute, args);
}

/** Options of `createPetsClient` and `createPetsTransport`. */
export interface PetsClientOptions extends TransportOptions {
  /** API key, sent in the `X-API-Key` header (security scheme `apiKey`). */
  readonly apiKey: Credential;
}

/** What the standalone operations take: the options of a client, made once by `createPetsTransport`. */
export type PetsTransport = Transport<"Pets">;

/** Creates the transport the standalone operations of the Pets API take. */
export function createPetsTransport(options: PetsClientOptions): PetsTransport {
  return createTransport(
    "Pets",
    options,
    "https://pets.example.com/v1",
    [{ option: "apiKey", in: "header", name: "X-API-Key" }],
    {
      apiKey: options.apiKey,
    },
  );
}

/** The Pets client. */
export interface PetsClient {
  /** `GET /pets/{petId}` */
  getPet(args: GetPetArgs): Promise<GetPetResult>;
}

/** Creates a Pets client. */
export function createPetsClient(options: PetsClientOptions): PetsClient {
  return bindOperations<PetsClient>(createPetsTransport(options), { getPet: getPetRoute });
}

// Runtime names only some specs' generated code uses, named here so the template compiles under `noUnusedLocals`.
export const sampleRuntimeValues = { serverUrl, bindPaginators, paginate, jsonBody, serializeBody, splitFixedQuery };
export type SampleRuntimeTypes = [
  PageConvention,
  ClientErrorStatus,
  InformationalStatus,
  RedirectionStatus,
  ServerErrorStatus,
  SuccessStatus,
  BinaryBody,
  FormBody<object>,
];
