/** The edge specs the runtime tests call, generated once into a temporary folder that resolves openapi-fetch. */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Middleware } from "openapi-fetch";
import { generate } from "../../generator/index.js";
import { edgeSpecPath, linkNodeModules } from "../edge/edge-specs.js";
import { tempDir } from "../support/run.js";

/** A result as the tests read it: every variant's fields, loosely typed (the tsc test checks the real types). */
export interface LooseResult {
  readonly ok: boolean;
  readonly status: number | "network";
  readonly attempts: number;
  readonly headers: Record<string, unknown> | undefined;
  readonly data?: unknown;
  readonly error?: unknown;
  readonly aborted?: boolean;
  readonly timedOut?: boolean;
}

export type Operation = (args?: Record<string, unknown>) => Promise<LooseResult>;

export interface LooseOptions {
  readonly baseUrl?: string;
  readonly retry?: Record<string, unknown>;
  readonly timeout?: number;
  readonly middleware?: readonly Middleware[];
  readonly fetch?: (request: Request) => Promise<Response>;
  readonly [credential: string]: unknown;
}

export interface RateLimitsApi {
  createRateLimitsClient(options: LooseOptions): Record<"getItem" | "putItem" | "createItem" | "upload", Operation>;
}

export interface PagingApi {
  createPagingClient(options: LooseOptions): Record<string, Operation> & {
    readonly paginate: Record<string, (args?: Record<string, unknown>) => AsyncGenerator<unknown, void, undefined>>;
  };
  paginateListWebhooks(transport: unknown, args: Record<string, unknown>): AsyncGenerator<unknown, void, undefined>;
  createPagingTransport(options: LooseOptions): unknown;
  PageError: new (...args: never[]) => Error & { readonly result: LooseResult };
}

export interface Generated {
  readonly dir: string;
  readonly rateLimits: RateLimitsApi;
  readonly paging: PagingApi;
}

/** Generates `rate-limits` and `paging` (with the config's convention for `listEvents`) and imports both. */
export async function generateRuntimeSpecs(): Promise<Generated> {
  const dir = await tempDir("runtime");
  await linkNodeModules(dir);
  await generate({ spec: edgeSpecPath("rate-limits"), out: join(dir, "rate-limits"), name: "rate-limits" });
  await generate({
    spec: edgeSpecPath("paging"),
    out: join(dir, "paging"),
    name: "paging",
    pagination: [{ style: "page", page: "pageNumber", items: "results", totalPages: "info.pages" }],
  });
  const load = async <T>(name: string): Promise<T> =>
    (await import(pathToFileURL(join(dir, name, "index.ts")).href)) as T;
  return { dir, rateLimits: await load<RateLimitsApi>("rate-limits"), paging: await load<PagingApi>("paging") };
}
