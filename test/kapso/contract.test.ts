/**
 * The Kapso contract: against a real HTTP server on 127.0.0.1, the generated client sends exactly the documented
 * request of `PATCH /whatsapp/phone_numbers/{phone_number_id}` and returns exactly the documented response.
 */
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createKapsoClient, type KapsoClient } from "../../generated/kapso/index.js";
import { root } from "../support/run.js";

const docs = join(root, "specs", "kapso-docs");
const documentedResponse: unknown = JSON.parse(readFileSync(join(docs, "update-phone-number.response.json"), "utf8"));
const documentedRequestBody = documentedBody(readFileSync(join(docs, "update-phone-number.request.sh"), "utf8"));

/** The JSON after `--data '` in the documented curl command. */
function documentedBody(curl: string): unknown {
  const match = /--data '([\s\S]*)'\s*$/.exec(curl);
  if (!match?.[1]) throw new Error("no --data in the documented request");
  return JSON.parse(match[1]);
}

interface Received {
  method: string | undefined;
  url: string | undefined;
  headers: IncomingMessage["headers"];
  body: string;
}

type Handler = (request: IncomingMessage, response: ServerResponse, body: string) => void;

let server: Server;
let baseUrl: string;
let received: Received[] = [];
let handler: Handler = () => undefined;

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      received.push({ method: request.method, url: request.url, headers: request.headers, body });
      handler(request, response, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/platform/v1`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  received = [];
});

function json(status: number, value: unknown): Handler {
  return (_request, response) => {
    response.writeHead(status, { "Content-Type": "application/json" });
    response.end(JSON.stringify(value));
  };
}

const apiKey = "test-key-3f9a";

describe("updatePhoneNumber against a real server", () => {
  it("sends the documented request and returns the documented response", async () => {
    handler = json(200, documentedResponse);
    const kapso = createKapsoClient({ apiKey, baseUrl });
    const body = documentedRequestBody as {
      whatsapp_phone_number: { access_token: string; webhook_destination_url: string };
    };
    const result = await kapso.updatePhoneNumber({ path: { phone_number_id: "1234567890" }, body });

    expect(received).toHaveLength(1);
    const [request] = received;
    expect(request?.method).toBe("PATCH");
    expect(request?.url).toBe("/platform/v1/whatsapp/phone_numbers/1234567890");
    expect(request?.headers["content-type"]).toBe("application/json");
    expect(request?.headers["x-api-key"]).toBe(apiKey);
    expect(JSON.parse(request?.body ?? "null")).toEqual(documentedRequestBody);

    expect(result.ok).toBe(true);
    if (!result.ok) throw new Error("expected success");
    expect(result.status).toBe(200);
    expect(result.data).toEqual(documentedResponse);
    expect(result.data.data.display_phone_number).toBe("<string>");
  });

  it("escapes path parameters", async () => {
    handler = json(200, documentedResponse);
    const kapso = createKapsoClient({ apiKey, baseUrl });
    await kapso.updatePhoneNumber({ path: { phone_number_id: "a/b c?" }, body: { whatsapp_phone_number: {} } });
    expect(received[0]?.url).toBe("/platform/v1/whatsapp/phone_numbers/a%2Fb%20c%3F");
  });

  it("gives the error variant, with the parsed body, for an error status", async () => {
    handler = json(401, { error: "Invalid API key" });
    const kapso = createKapsoClient({ apiKey, baseUrl });
    const result = await kapso.updatePhoneNumber({
      path: { phone_number_id: "1" },
      body: { whatsapp_phone_number: {} },
    });
    expect(result.ok).toBe(false);
    if (result.ok || result.status === "network") throw new Error("expected an HTTP error");
    expect(result.status).toBe(401);
    expect(result.error).toEqual({ error: "Invalid API key" });
  });

  it("gives ok: false for an undocumented success status, with the parsed body", async () => {
    handler = json(202, { queued: true });
    const kapso = createKapsoClient({ apiKey, baseUrl });
    const result = await kapso.updatePhoneNumber({
      path: { phone_number_id: "1" },
      body: { whatsapp_phone_number: {} },
    });
    expect(result).toMatchObject({ ok: false, status: 202, error: { queued: true } });
  });

  it("gives the network variant, without the API key, when the connection drops", async () => {
    handler = (request) => request.socket.destroy();
    const kapso = createKapsoClient({ apiKey, baseUrl });
    const result = await kapso.updatePhoneNumber({
      path: { phone_number_id: "1" },
      body: { whatsapp_phone_number: {} },
    });
    expect(result).toMatchObject({ ok: false, status: "network", aborted: false, response: undefined });
    if (result.status !== "network") throw new Error("expected a network failure");
    expect(result.error.name).toBe("NetworkError");
    expect(JSON.stringify(result)).not.toContain(apiKey);
    expect(result.error.message).not.toContain(apiKey);
  });

  it("gives the network variant with aborted: true when the signal aborts", async () => {
    handler = () => undefined; // never answers
    const kapso = createKapsoClient({ apiKey, baseUrl });
    const controller = new AbortController();
    const pending = kapso.updatePhoneNumber({
      path: { phone_number_id: "1" },
      body: { whatsapp_phone_number: {} },
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 50);
    const result = await pending;
    expect(result).toMatchObject({ ok: false, status: "network", aborted: true });
    if (result.status !== "network") throw new Error("expected a network failure");
    expect(result.error.name).toBe("AbortError");
    expect(result.error.message).not.toContain(apiKey);
  });

  it("defaults the base URL to the spec's server", async () => {
    const seen: string[] = [];
    const kapso = createKapsoClient({
      apiKey,
      fetch: async (request) => {
        seen.push(request.url);
        return new Response(JSON.stringify(documentedResponse), {
          status: 200,
          headers: { "Content-Type": "application/json" },
        });
      },
    });
    const result = await kapso.updatePhoneNumber({
      path: { phone_number_id: "9" },
      body: { whatsapp_phone_number: {} },
    });
    expect(seen).toEqual(["https://api.kapso.ai/platform/v1/whatsapp/phone_numbers/9"]);
    expect(result.ok).toBe(true);
  });
});

/** A documented page's request body (if its curl sends one) and response. */
function documented(page: string): { request: unknown; response: unknown } {
  const curl = readFileSync(join(docs, `${page}.request.sh`), "utf8");
  return {
    request: curl.includes("--data '") ? documentedBody(curl) : undefined,
    response: JSON.parse(readFileSync(join(docs, `${page}.response.json`), "utf8")) as unknown,
  };
}
const health = documented("check-phone-health");
const webhookList = documented("list-webhooks");
const createdWebhook = documented("create-webhook");
const updatedWebhook = documented("update-webhook");
const WEBHOOK_ID = "9e8d7c6b-5a4f-3e2d-1c0b-9a8f7e6d5c4b";

describe("the phone-number health check and webhooks against a real server", () => {
  it("getPhoneNumberHealth: a GET without body; the documented report is the data itself, without a data envelope", async () => {
    handler = json(200, health.response);
    const kapso = createKapsoClient({ apiKey, baseUrl });
    const result = await kapso.getPhoneNumberHealth({ path: { phone_number_id: "1234567890" } });

    expect(received.map(({ method, url, body }) => ({ method, url, body }))).toEqual([
      { method: "GET", url: "/platform/v1/whatsapp/phone_numbers/1234567890/health", body: "" },
    ]);
    expect(received[0]?.headers["x-api-key"]).toBe(apiKey);
    if (!result.ok) throw new Error(`expected success, got ${String(result.status)}`);
    expect(result.status).toBe(200);
    expect(result.data).toEqual(health.response);
    expect(result.data.status).toBe("healthy");
    expect(result.data.checks?.messaging_health?.overall_status).toBe("AVAILABLE");
  });

  it("listPhoneNumberWebhooks: the filters and page/per_page in the query; the page and its meta come back", async () => {
    handler = json(200, webhookList.response);
    const kapso = createKapsoClient({ apiKey, baseUrl });
    const result = await kapso.listPhoneNumberWebhooks({
      path: { phone_number_id: "1234567890" },
      query: {
        url_contains: "acme.com/hooks",
        active: false,
        created_after: "2025-01-01T00:00:00Z",
        created_before: "2025-07-01T00:00:00Z",
        per_page: 50,
        page: 2,
      },
    });

    const url = new URL(received[0]?.url ?? "", "http://127.0.0.1");
    expect(received[0]?.method).toBe("GET");
    expect(url.pathname).toBe("/platform/v1/whatsapp/phone_numbers/1234567890/webhooks");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      url_contains: "acme.com/hooks",
      active: "false",
      created_after: "2025-01-01T00:00:00Z",
      created_before: "2025-07-01T00:00:00Z",
      per_page: "50",
      page: "2",
    });
    if (!result.ok) throw new Error(`expected success, got ${String(result.status)}`);
    expect(result.data).toEqual(webhookList.response);
    expect(result.data.meta).toEqual({ page: 2, per_page: 2, total_pages: 1, total_count: 1 });
    expect(result.data.data.map((webhook) => webhook.whatsapp_config_id)).toEqual([
      "3c90c3cc-0d44-4b50-8888-8dd25736052a",
    ]);
  });

  it("listPhoneNumberWebhooks: no query string without filters", async () => {
    handler = json(200, webhookList.response);
    const kapso = createKapsoClient({ apiKey, baseUrl });
    await kapso.listPhoneNumberWebhooks({ path: { phone_number_id: "1234567890" } });
    expect(received[0]?.url).toBe("/platform/v1/whatsapp/phone_numbers/1234567890/webhooks");
  });

  it("createPhoneNumberWebhook: POSTs the documented body; the documented 201 is the success", async () => {
    handler = json(201, createdWebhook.response);
    const kapso = createKapsoClient({ apiKey, baseUrl });
    const body = createdWebhook.request as {
      whatsapp_webhook: { url: string; secret_key: string; events: string[]; active: boolean };
    };
    const result = await kapso.createPhoneNumberWebhook({ path: { phone_number_id: "1234567890" }, body });

    expect(received[0]).toMatchObject({
      method: "POST",
      url: "/platform/v1/whatsapp/phone_numbers/1234567890/webhooks",
    });
    expect(received[0]?.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(received[0]?.body ?? "null")).toEqual(createdWebhook.request);
    if (!result.ok) throw new Error(`expected success, got ${String(result.status)}`);
    expect(result.status).toBe(201);
    expect(result.data).toEqual(createdWebhook.response);
    expect(result.data.data.buffer_window_seconds).toBeNull();
  });

  it("createPhoneNumberWebhook: a 200 is not the documented success, so it is the error variant", async () => {
    handler = json(200, createdWebhook.response);
    const kapso = createKapsoClient({ apiKey, baseUrl });
    const result = await kapso.createPhoneNumberWebhook({
      path: { phone_number_id: "1" },
      body: { whatsapp_webhook: {} },
    });
    expect(result).toMatchObject({ ok: false, status: 200, error: createdWebhook.response });
  });

  it("updatePhoneNumberWebhook: PATCHes the documented body to the webhook's path; the documented 200 comes back", async () => {
    handler = json(200, updatedWebhook.response);
    const kapso = createKapsoClient({ apiKey, baseUrl });
    const body = updatedWebhook.request as {
      whatsapp_webhook: {
        buffer_enabled: boolean;
        buffer_window_seconds: number;
        max_buffer_size: number;
        buffer_events: string[];
      };
    };
    const result = await kapso.updatePhoneNumberWebhook({
      path: { phone_number_id: "1234567890", webhook_id: WEBHOOK_ID },
      body,
    });

    expect(received[0]).toMatchObject({
      method: "PATCH",
      url: `/platform/v1/whatsapp/phone_numbers/1234567890/webhooks/${WEBHOOK_ID}`,
    });
    expect(JSON.parse(received[0]?.body ?? "null")).toEqual(updatedWebhook.request);
    if (!result.ok) throw new Error(`expected success, got ${String(result.status)}`);
    expect(result.status).toBe(200);
    expect(result.data).toEqual(updatedWebhook.response);
    expect(result.data.data.phone_number_id).toBe("1234567890");
  });
});

describe("the documented 429 against a real server", () => {
  const rateLimited: Handler = (_request, response) => {
    response.writeHead(429, {
      "Content-Type": "application/json",
      "X-RateLimit-Limit": "100",
      "X-RateLimit-Remaining": "0",
      "Retry-After": "60",
    });
    response.end(JSON.stringify({ error: "Rate limit exceeded" }));
  };
  const path = { phone_number_id: "1234567890" };
  const calls = {
    connectPhoneNumber: (kapso: KapsoClient) =>
      kapso.connectPhoneNumber({
        path: { customer_id: "3f2e1d0c-9b8a-7f6e-5d4c-3b2a1f0e9d8c" },
        body: { whatsapp_phone_number: {} },
      }),
    updatePhoneNumber: (kapso: KapsoClient) => kapso.updatePhoneNumber({ path, body: { whatsapp_phone_number: {} } }),
    getPhoneNumberHealth: (kapso: KapsoClient) => kapso.getPhoneNumberHealth({ path }),
    listPhoneNumberWebhooks: (kapso: KapsoClient) => kapso.listPhoneNumberWebhooks({ path, query: { page: 3 } }),
    createPhoneNumberWebhook: (kapso: KapsoClient) =>
      kapso.createPhoneNumberWebhook({ path, body: { whatsapp_webhook: {} } }),
    updatePhoneNumberWebhook: (kapso: KapsoClient) =>
      kapso.updatePhoneNumberWebhook({ path: { ...path, webhook_id: WEBHOOK_ID }, body: { whatsapp_webhook: {} } }),
  } satisfies Record<Exclude<keyof KapsoClient, "paginate">, (kapso: KapsoClient) => Promise<unknown>>;

  it.each(Object.entries(calls))(
    "%s: the 429 variant, its body parsed, its rate-limit headers on the response",
    async (_name, call) => {
      handler = rateLimited;
      const result = await call(createKapsoClient({ apiKey, baseUrl }));
      expect(received).toHaveLength(1); // no retry unless asked for
      expect(result).toMatchObject({ ok: false, status: 429, error: { error: "Rate limit exceeded" } });
      const { response } = result as { response: Response };
      expect([
        response.headers.get("Retry-After"),
        response.headers.get("X-RateLimit-Remaining"),
        response.headers.get("X-RateLimit-Limit"),
      ]).toEqual(["60", "0", "100"]);
      // The same headers, declared by the spec, typed and parsed on the result.
      expect((result as { headers: unknown }).headers).toEqual({
        "X-RateLimit-Limit": 100,
        "X-RateLimit-Remaining": 0,
        "Retry-After": 60,
      });
    },
  );

  it("narrows to the 429 variant by status, with an unknown body", async () => {
    handler = rateLimited;
    const result = await createKapsoClient({ apiKey, baseUrl }).getPhoneNumberHealth({ path });
    if (result.status !== 429) throw new Error(`expected 429, got ${String(result.status)}`);
    const error: unknown = result.error;
    expect(error).toEqual({ error: "Rate limit exceeded" });
    expect(result.ok).toBe(false);
  });
});
