/**
 * Typed fixtures: per operation an example request and an example response body per documented status, taken from
 * the spec's examples or synthesized from its schemas. Each is checked with `satisfies`, so a wrong one fails `tsc`.
 */
import type { paths } from "./schema.js";
import type * as client from "./client.js";

// kapso-codegen:fixtures — everything below is generated from the spec; what follows here is a sample for the stub schema.

type GetPetOperation = paths["/pets/{petId}"]["get"];

/** Fixtures of `getPet` (`GET /pets/{petId}`). */
export const getPet = {
  request: { path: { petId: "pet-1" } } satisfies client.GetPetArgs,
  responses: {
    200: { id: "pet-1", name: "Rex" } satisfies GetPetOperation["responses"][200]["content"]["application/json"],
    404: { error: "not found" } satisfies GetPetOperation["responses"][404]["content"]["application/json"],
  },
};
