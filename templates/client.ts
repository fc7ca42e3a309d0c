/**
 * The typed client: one named method per operation, typed here and bound from a table of routes to the runtime
 * (openapi-fetch underneath).
 */
import type { paths } from "./schema.js";
import {
  bindOperations,
  createTransport,
  serverUrl,
  type ClientErrorStatus,
  type Credential,
  type Failure,
  type HttpStatus,
  type InformationalStatus,
  type NetworkFailure,
  type RedirectionStatus,
  type ServerErrorStatus,
  type Success,
  type SuccessStatus,
  type TransportOptions,
} from "./runtime.js";
import type { BinaryBody, FormBody } from "./serialize.js";

// kapso-codegen:operations — everything below is generated from the spec; what follows here is a sample for the stub schema.

type GetPetOperation = paths["/pets/{petId}"]["get"];

/** Arguments of `getPet`. */
export type GetPetArgs = {
  readonly path: GetPetOperation["parameters"]["path"];
  readonly query?: GetPetOperation["parameters"]["query"];
  /** Aborts the call; it then resolves to a `NetworkFailure` with `aborted: true`. */
  readonly signal?: AbortSignal;
};

/** Result of `getPet`, keyed by HTTP status. */
export type GetPetResult =
  | Success<200, GetPetOperation["responses"][200]["content"]["application/json"]>
  | Failure<404, GetPetOperation["responses"][404]["content"]["application/json"]>
  | Failure<Exclude<HttpStatus, 200 | 404>, unknown>
  | NetworkFailure;

/** Options of {@link createPetsClient}. */
export interface PetsClientOptions extends TransportOptions {
  /** API key, sent in the `X-API-Key` header (security scheme `apiKey`). */
  readonly apiKey: Credential;
}

/** The Pets client. */
export interface PetsClient {
  /** `GET /pets/{petId}` */
  getPet(args: GetPetArgs): Promise<GetPetResult>;
}

/** Creates a Pets client. */
export function createPetsClient(options: PetsClientOptions): PetsClient {
  const transport = createTransport(
    options,
    "https://pets.example.com/v1",
    [{ option: "apiKey", in: "header", name: "X-API-Key" }],
    { apiKey: options.apiKey },
  );
  return bindOperations<PetsClient>(transport, {
    getPet: { method: "GET", path: "/pets/{petId}", success: ["200"], security: [["apiKey"]] },
  });
}
