/**
 * Retries, timeouts, declared response headers, pagination and middleware of a generated client, against a real HTTP
 * server on 127.0.0.1 whose answers each test scripts.
 */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Middleware } from "openapi-fetch";
import { strictCompilerOptions } from "../../scripts/lib/typecheck.js";
import { removeDir, runTsc } from "../support/run.js";
import { generateRuntimeSpecs, type Generated } from "./generated.js";
import { json, startServer, type ScriptedServer } from "./server.js";

let server: ScriptedServer;
let generated: Generated;
const FAST = { initial: 5, max: 20 };
const ITEM = { id: "a1", name: "first" };

beforeAll(async () => {
  [server, generated] = await Promise.all([startServer(), generateRuntimeSpecs()]);
}, 120_000);

afterAll(async () => {
  await server?.close();
  if (generated !== undefined) await removeDir(generated.dir);
});

function client(options: Record<string, unknown> = {}) {
  return generated.rateLimits.createRateLimitsClient({ baseUrl: server.baseUrl, ...options });
}

const tooManyRequests = (retryAfter: string) => ({
  "retry-after": retryAfter,
  "x-ratelimit-limit": "60",
  "x-ratelimit-remaining": "0",
});

describe("retries", () => {
  it("waits out a 429's Retry-After in seconds, then succeeds, saying it took two attempts", async () => {
    server.script((_, response, index) =>
      index === 0
        ? json(response, 429, { error: "Rate limit exceeded" }, tooManyRequests("1"))
        : json(response, 200, ITEM),
    );
    const result = await client({ retry: { attempts: 3, backoff: FAST } }).getItem({ path: { id: "a1" } });
    expect(result).toMatchObject({ ok: true, status: 200, data: ITEM, attempts: 2 });
    const waited = (server.requests[1]?.at ?? 0) - (server.requests[0]?.at ?? 0);
    expect(waited).toBeGreaterThanOrEqual(950);
    expect(waited).toBeLessThan(3000);
  });

  it("honours Retry-After given as an HTTP date", async () => {
    server.script((_, response, index) =>
      index === 0
        ? json(response, 429, { error: "slow down" }, tooManyRequests(new Date(Date.now() + 2000).toUTCString()))
        : json(response, 200, ITEM),
    );
    const result = await client({ retry: { attempts: 2, backoff: FAST } }).getItem({ path: { id: "a1" } });
    expect(result).toMatchObject({ ok: true, attempts: 2 });
    // An HTTP date has whole seconds: the wait is between one and two of them.
    const waited = (server.requests[1]?.at ?? 0) - (server.requests[0]?.at ?? 0);
    expect(waited).toBeGreaterThanOrEqual(900);
  });

  it("gives up at once when Retry-After asks for longer than maxRetryAfter, returning the 429 with its typed headers", async () => {
    server.script((_, response) => json(response, 429, { error: "Rate limit exceeded" }, tooManyRequests("60")));
    const result = await client({ retry: { attempts: 3, backoff: { ...FAST, maxRetryAfter: 1000 } } }).getItem({
      path: { id: "a1" },
    });
    expect(result).toMatchObject({
      ok: false,
      status: 429,
      attempts: 1,
      headers: { "Retry-After": 60, "X-RateLimit-Limit": 60, "X-RateLimit-Remaining": 0 },
    });
    expect(server.requests).toHaveLength(1);
  });

  it("retries a 503 twice, then returns the 200 on the third attempt", async () => {
    server.script((_, response, index) => (index < 2 ? json(response, 503, {}) : json(response, 200, ITEM)));
    const result = await client({ retry: { attempts: 3, backoff: FAST } }).getItem({ path: { id: "a1" } });
    expect(result).toMatchObject({ ok: true, status: 200, attempts: 3 });
    expect(server.requests.map((request) => request.method)).toEqual(["GET", "GET", "GET"]);
  });

  it("stops after `attempts` in all and returns the last response", async () => {
    server.script((_, response) => json(response, 503, {}));
    const result = await client({ retry: { attempts: 2, backoff: FAST } }).getItem({ path: { id: "a1" } });
    expect(result).toMatchObject({ ok: false, status: 503, attempts: 2 });
    expect(server.requests).toHaveLength(2);
  });

  it("is off unless asked for: one attempt without `retry`, and `retry: false` on a call turns the client's off", async () => {
    server.script((_, response) => json(response, 503, {}));
    expect(await client().getItem({ path: { id: "a1" } })).toMatchObject({ status: 503, attempts: 1 });
    expect(await client({ retry: { attempts: 3 } }).getItem({ path: { id: "a1" }, retry: false })).toMatchObject({
      status: 503,
      attempts: 1,
    });
    expect(server.requests).toHaveLength(2);
  });

  it("retries a POST on 429 (not acted on) but not on 502, unless the call says it is idempotent", async () => {
    server.script((_, response, index) =>
      index === 0 ? json(response, 429, { error: "x" }, tooManyRequests("0")) : json(response, 201, ITEM),
    );
    const kapso = client({ retry: { attempts: 3, backoff: FAST } });
    expect(await kapso.createItem({ body: ITEM })).toMatchObject({ ok: true, status: 201, attempts: 2 });
    server.script((_, response, index) => (index === 0 ? json(response, 502, {}) : json(response, 201, ITEM)));
    expect(await kapso.createItem({ body: ITEM })).toMatchObject({ ok: false, status: 502, attempts: 1 });
    server.script((_, response, index) => (index === 0 ? json(response, 502, {}) : json(response, 201, ITEM)));
    expect(await kapso.createItem({ body: ITEM, retry: { idempotent: true } })).toMatchObject({
      ok: true,
      status: 201,
      attempts: 2,
    });
    expect(server.requests.map((request) => request.body)).toEqual([JSON.stringify(ITEM), JSON.stringify(ITEM)]);
  });

  it("retries a PUT (idempotent) on 502, and only the statuses listed when `statuses` is given", async () => {
    server.script((_, response, index) => (index === 0 ? json(response, 502, {}) : json(response, 200, ITEM)));
    expect(
      await client({ retry: { attempts: 2, backoff: FAST } }).putItem({ path: { id: "a1" }, body: ITEM }),
    ).toMatchObject({ ok: true, attempts: 2 });
    server.script((_, response, index) => (index === 0 ? json(response, 503, {}) : json(response, 200, ITEM)));
    expect(
      await client({ retry: { attempts: 2, statuses: [500], backoff: FAST } }).putItem({
        path: { id: "a1" },
        body: ITEM,
      }),
    ).toMatchObject({ status: 503, attempts: 1 });
  });

  it("retries a network failure for GET, not for POST", async () => {
    server.script((request, response, index) => {
      if (index === 0) response.socket?.destroy();
      else json(response, request.method === "POST" ? 201 : 200, ITEM);
    });
    expect(await client({ retry: { attempts: 2, backoff: FAST } }).getItem({ path: { id: "a1" } })).toMatchObject({
      ok: true,
      attempts: 2,
    });
    server.script((_, response, index) => (index === 0 ? response.socket?.destroy() : json(response, 201, ITEM)));
    expect(await client({ retry: { attempts: 2, backoff: FAST } }).createItem({ body: ITEM })).toMatchObject({
      ok: false,
      status: "network",
      aborted: false,
      timedOut: false,
      attempts: 1,
    });
  });

  it("never retries a request whose body is a stream", async () => {
    server.script((_, response) => json(response, 503, {}));
    const stream = new Blob(["binary bytes"]).stream();
    const result = await client({ retry: { attempts: 3, backoff: FAST } }).upload({ path: { id: "u1" }, body: stream });
    expect(result).toMatchObject({ ok: false, status: 503, attempts: 1 });
    expect(server.requests.map((request) => request.body)).toEqual(["binary bytes"]);
  });

  it("ends a wait between attempts when the call's signal aborts, resolving to an aborted network failure", async () => {
    server.script((_, response) => json(response, 429, { error: "x" }, tooManyRequests("30")));
    const controller = new AbortController();
    const started = performance.now();
    const pending = client({ retry: { attempts: 3, backoff: { maxRetryAfter: 60_000 } } }).getItem({
      path: { id: "a1" },
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 200);
    const result = await pending;
    expect(result).toMatchObject({ ok: false, status: "network", aborted: true, timedOut: false, attempts: 1 });
    expect(performance.now() - started).toBeLessThan(5000);
    expect(server.requests).toHaveLength(1);
  });
});

describe("timeouts", () => {
  const hang = (): void => server.script(() => undefined);

  it("resolves a call that hangs past `timeout` to a network failure with timedOut: true", async () => {
    hang();
    const started = performance.now();
    const result = await client({ timeout: 150 }).getItem({ path: { id: "a1" } });
    expect(result).toMatchObject({ ok: false, status: "network", timedOut: true, aborted: false, attempts: 1 });
    expect((result.error as Error).name).toBe("TimeoutError");
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it("tells a caller's abort apart from a timeout", async () => {
    hang();
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const result = await client({ timeout: 5000 }).getItem({ path: { id: "a1" }, signal: controller.signal });
    expect(result).toMatchObject({ status: "network", aborted: true, timedOut: false });
  });

  it("takes a call's own timeout over the client's, and times each attempt (a timed-out GET is retried)", async () => {
    server.script((_, response, index) => (index === 0 ? undefined : json(response, 200, ITEM)));
    const result = await client({ timeout: 60_000, retry: { attempts: 2, backoff: FAST } }).getItem({
      path: { id: "a1" },
      timeout: 150,
    });
    expect(result).toMatchObject({ ok: true, attempts: 2 });
  });

  it("times the body too: a response that stalls mid-body times out", async () => {
    server.script((_, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      response.write('{"id": "a');
    });
    const result = await client({ timeout: 200 }).getItem({ path: { id: "a1" } });
    expect(result).toMatchObject({ status: "network", timedOut: true });
  });
});

describe("declared response headers", () => {
  it("types and parses them by their schema: integers, a boolean, a comma-separated list", async () => {
    server.script((_, response) =>
      json(response, 200, ITEM, {
        "x-ratelimit-limit": "60",
        "x-ratelimit-remaining": "59",
        "x-cache-hit": "true",
        "x-served-by": "edge-1, edge-2",
      }),
    );
    const result = await client().getItem({ path: { id: "a1" } });
    expect(result.headers).toEqual({
      "X-RateLimit-Limit": 60,
      "X-RateLimit-Remaining": 59,
      "X-Cache-Hit": true,
      "X-Served-By": ["edge-1", "edge-2"],
      "Content-Type": "application/json",
    });
  });

  it("leaves out a header the response lacks or whose value does not fit its schema, and is undefined where none is declared", async () => {
    server.script((_, response) => json(response, 200, ITEM, { "x-ratelimit-remaining": "lots" }));
    expect((await client().getItem({ path: { id: "a1" } })).headers).toEqual({ "Content-Type": "application/json" });
    server.script((_, response) => json(response, 503, {}, { "x-ratelimit-remaining": "3" }));
    expect((await client().getItem({ path: { id: "a1" } })).headers).toBeUndefined();
  });
});

describe("paginate", () => {
  const webhooks = Array.from({ length: 5 }, (_, index) => ({
    id: `w${index + 1}`,
    url: `https://example.com/${index + 1}`,
  }));

  function pagedServer(): void {
    server.script((request, response) => {
      const query = new URL(request.url, server.baseUrl).searchParams;
      const page = Number(query.get("page") ?? "1");
      const perPage = Number(query.get("per_page") ?? "2");
      const data = webhooks.slice((page - 1) * perPage, page * perPage);
      json(response, 200, {
        data,
        meta: {
          page,
          per_page: perPage,
          total_pages: Math.ceil(webhooks.length / perPage),
          total_count: webhooks.length,
        },
      });
    });
  }

  it("yields every item of three pages (page / per_page + meta), in order, and stops at the last page", async () => {
    pagedServer();
    const paging = generated.paging.createPagingClient({ baseUrl: server.baseUrl });
    const items: unknown[] = [];
    for await (const item of paging.paginate["listWebhooks"]?.({
      path: { phone_number_id: "p1" },
      query: { per_page: 2, active: true },
    }) ?? [])
      items.push(item);
    expect(items).toEqual(webhooks);
    expect(server.requests.map((request) => request.url)).toEqual([
      "/phone_numbers/p1/webhooks?per_page=2&active=true",
      "/phone_numbers/p1/webhooks?per_page=2&active=true&page=2",
      "/phone_numbers/p1/webhooks?per_page=2&active=true&page=3",
    ]);
  });

  it("asks for the next page only when the caller has taken the items before it (standalone form)", async () => {
    pagedServer();
    const transport = generated.paging.createPagingTransport({ baseUrl: server.baseUrl });
    const iterator = generated.paging.paginateListWebhooks(transport, {
      path: { phone_number_id: "p1" },
      query: { per_page: 2, page: 2 },
    });
    expect((await iterator.next()).value).toEqual(webhooks[2]);
    expect(server.requests).toHaveLength(1);
    await iterator.return(undefined);
  });

  it("follows cursors from the `paging.next` link until a page has none", async () => {
    const logs = [[{ id: "l1" }, { id: "l2" }], [{ id: "l3" }], [{ id: "l4" }]];
    server.script((request, response) => {
      const after = new URL(request.url, server.baseUrl).searchParams.get("after");
      const index = after === null ? 0 : Number(after.slice(1));
      const next = index + 1 < logs.length ? `${server.baseUrl}/logs?limit=2&after=c${index + 1}` : undefined;
      json(response, 200, {
        data: logs[index],
        paging: { cursors: { after: `c${index + 1}` }, ...(next ? { next } : {}) },
      });
    });
    const paging = generated.paging.createPagingClient({ baseUrl: server.baseUrl });
    const items: unknown[] = [];
    for await (const item of paging.paginate["listLogs"]?.({ query: { limit: 2 } }) ?? []) items.push(item);
    expect(items).toEqual(logs.flat());
    expect(server.requests.map((request) => request.url)).toEqual([
      "/logs?limit=2",
      "/logs?limit=2&after=c1",
      "/logs?limit=2&after=c2",
    ]);
  });

  it("pages a list by the convention the config names", async () => {
    server.script((request, response) => {
      const page = Number(new URL(request.url, server.baseUrl).searchParams.get("pageNumber") ?? "1");
      json(response, 200, { results: [`e${page}`], info: { pages: 3 } });
    });
    const paging = generated.paging.createPagingClient({ baseUrl: server.baseUrl });
    const items: unknown[] = [];
    for await (const item of paging.paginate["listEvents"]?.() ?? []) items.push(item);
    expect(items).toEqual(["e1", "e2", "e3"]);
  });

  it("throws a PageError holding the failed page's result", async () => {
    server.script((request, response) =>
      request.url.includes("page=2")
        ? json(response, 500, { error: "boom" })
        : json(response, 200, { data: [webhooks[0]], meta: { page: 1, per_page: 1, total_pages: 3, total_count: 3 } }),
    );
    const paging = generated.paging.createPagingClient({ baseUrl: server.baseUrl });
    const items: unknown[] = [];
    const failure = await (async () => {
      for await (const item of paging.paginate["listWebhooks"]?.({ path: { phone_number_id: "p1" } }) ?? [])
        items.push(item);
    })().catch((error: unknown) => error);
    expect(items).toEqual([webhooks[0]]);
    expect(failure).toBeInstanceOf(generated.paging.PageError);
    expect((failure as InstanceType<typeof generated.paging.PageError>).result).toMatchObject({
      ok: false,
      status: 500,
      error: { error: "boom" },
    });
  });
});

describe("middleware", () => {
  it("refreshes an expired token in onResponse and replays the request with the new one", async () => {
    let token = "expired";
    server.script((request, response) =>
      request.headers["authorization"] === "Bearer fresh"
        ? json(response, 200, ITEM)
        : json(response, 401, { error: "token expired" }),
    );
    const authRefresh: Middleware = {
      onRequest: ({ request }) => {
        request.headers.set("authorization", `Bearer ${token}`);
        return request;
      },
      async onResponse({ request, response, options }) {
        if (response.status !== 401) return undefined;
        token = "fresh";
        const replay = new Request(request, { headers: new Headers(request.headers) });
        replay.headers.set("authorization", `Bearer ${token}`);
        return options.fetch(replay);
      },
    };
    const result = await client({ middleware: [authRefresh] }).getItem({ path: { id: "a1" } });
    expect(result).toMatchObject({ ok: true, status: 200, data: ITEM });
    expect(server.requests.map((request) => request.headers["authorization"])).toEqual([
      "Bearer expired",
      "Bearer fresh",
    ]);
  });

  it("runs on every attempt of a retried call, with the schema path and parameters, after the client's own headers", async () => {
    const log: string[] = [];
    const logging: Middleware = {
      onRequest: ({ request, schemaPath, params }) =>
        void log.push(
          `${request.method} ${schemaPath} ${JSON.stringify(params.path)} ${request.headers.get("x-trace") ?? ""}`,
        ),
      onResponse: ({ response }) => void log.push(`← ${response.status}`),
    };
    server.script((_, response, index) => (index === 0 ? json(response, 503, {}) : json(response, 200, ITEM)));
    const result = await client({
      middleware: [logging],
      headers: { "X-Trace": "t1" },
      retry: { attempts: 2, backoff: FAST },
    }).getItem({ path: { id: "a1" } });
    expect(result).toMatchObject({ ok: true, attempts: 2 });
    expect(log).toEqual([`GET /items/{id} {"id":"a1"} t1`, "← 503", `GET /items/{id} {"id":"a1"} t1`, "← 200"]);
  });

  it("lets onError turn a network failure into a response, and onRequest answer without the network", async () => {
    server.script((_, response) => response.socket?.destroy());
    const fallback: Middleware = {
      onError: () =>
        new Response(JSON.stringify(ITEM), { status: 200, headers: { "content-type": "application/json" } }),
    };
    expect(await client({ middleware: [fallback] }).getItem({ path: { id: "a1" } })).toMatchObject({
      ok: true,
      data: ITEM,
    });
    const cache: Middleware = {
      onRequest: () =>
        new Response(JSON.stringify({ id: "cached" }), {
          status: 200,
          headers: { "content-type": "application/json" },
        }),
    };
    server.script((_, response) => json(response, 500, {}));
    expect(await client({ middleware: [cache] }).getItem({ path: { id: "a1" } })).toMatchObject({
      ok: true,
      data: { id: "cached" },
    });
    expect(server.requests).toHaveLength(0);
  });
});

describe("a spec without servers", () => {
  it("makes baseUrl a required option: leaving it out is a type error, naming it", async () => {
    const consumer = `import { createRateLimitsClient, createRateLimitsTransport } from "./rate-limits/index.js";\nexport const client = createRateLimitsClient({ timeout: 100 });\nexport const transport = createRateLimitsTransport({});\n`;
    const result = await typecheckConsumer("missing-base-url", consumer);
    expect(result.code).not.toBe(0);
    const errors = result.stdout.split("\n").filter((line) => line.includes("error TS"));
    expect(errors).toHaveLength(2);
    expect(
      errors.map((error) => error.replace(/^.*missing-base-url\.ts\((\d+),\d+\): (error TS\d+).*$/, "$1 $2")),
    ).toEqual(["2 error TS2345", "3 error TS2345"]);
    expect(result.stdout.match(/Property 'baseUrl' is missing/g)).toHaveLength(2);
  });

  it("answers from the mock fetch whatever base URL the client names", async () => {
    const { createMockFetch } = (await import(pathToFileURL(join(generated.dir, "rate-limits", "mock.ts")).href)) as {
      createMockFetch: () => (request: Request) => Promise<Response>;
    };
    const api = generated.rateLimits.createRateLimitsClient({
      baseUrl: "https://anywhere.test/some/base/",
      fetch: createMockFetch(),
    });
    expect(await api.getItem({ path: { id: "a1" } })).toMatchObject({ ok: true, status: 200 });
  });
});

describe("the types a consumer sees", () => {
  it("types result.headers, attempts, timedOut, the call options, middleware and paginated items (strict tsc)", async () => {
    const consumer = `import { createRateLimitsClient } from "./rate-limits/index.js";
import { createPagingClient, createPagingTransport, paginateListWebhooks, type ListWebhooksItem } from "./paging/index.js";

const client = createRateLimitsClient({
  baseUrl: "http://127.0.0.1:1",
  retry: { attempts: 3, statuses: [429, 503], backoff: { initial: 100, max: 2000, maxRetryAfter: 30_000 } },
  timeout: 5000,
  middleware: [{ onRequest: ({ request }) => request }],
});

export async function read(): Promise<number> {
  const result = await client.getItem({ path: { id: "a" }, retry: { idempotent: true }, timeout: 10 });
  const attempts: number = result.attempts;
  if (result.status === 429) {
    const wait: number | undefined = result.headers["Retry-After"];
    const remaining: number = result.headers["X-RateLimit-Remaining"];
    // @ts-expect-error a declared integer header is a number, not a string
    const text: string = result.headers["X-RateLimit-Limit"];
    return (wait ?? remaining) + attempts + text.length;
  }
  if (result.status === 200) {
    const hit: boolean | undefined = result.headers["X-Cache-Hit"];
    const servedBy: string[] | undefined = result.headers["X-Served-By"];
    return Number(hit) + (servedBy?.length ?? 0);
  }
  if (result.status === 503) {
    const none: undefined = result.headers;
    return none ?? 0;
  }
  if (result.status === "network") return result.timedOut ? 1 : result.aborted ? 2 : 3;
  return 0;
}

export async function list(): Promise<string[]> {
  const urls: string[] = [];
  for await (const webhook of createPagingClient().paginate.listWebhooks({ path: { phone_number_id: "p" }, query: { per_page: 100 } })) urls.push(webhook.url);
  for await (const webhook of paginateListWebhooks(createPagingTransport(), { path: { phone_number_id: "p" } })) {
    const item: ListWebhooksItem = webhook;
    // @ts-expect-error items keep their type
    const id: number = item.id;
    urls.push(String(id));
  }
  // @ts-expect-error a single operation is no list: it has no iterator
  createPagingClient().paginate.getPhoneNumber;
  return urls;
}
`;
    const result = await typecheckConsumer("consumer", consumer);
    expect(result.stdout + result.stderr).toBe("");
    expect(result.code).toBe(0);
  });
});

/** Strict tsc over one consumer file beside the generated clients. */
async function typecheckConsumer(name: string, source: string) {
  await writeFile(join(generated.dir, `${name}.ts`), source);
  const config = join(generated.dir, `tsconfig.${name}.json`);
  await writeFile(
    config,
    JSON.stringify({
      compilerOptions: { ...strictCompilerOptions, skipLibCheck: true },
      files: [join(generated.dir, `${name}.ts`)],
    }),
  );
  return runTsc(["-p", config, "--pretty", "false"]);
}
