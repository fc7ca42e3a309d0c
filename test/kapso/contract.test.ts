/**
 * The Kapso contract: against a real HTTP server on 127.0.0.1, the generated client sends exactly the documented
 * request of `PATCH /whatsapp/phone_numbers/{phone_number_id}` and returns exactly the documented response.
 */
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createKapsoClient } from "../../generated/kapso/index.js";
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
    const body = documentedRequestBody as { whatsapp_phone_number: { access_token: string; webhook_destination_url: string } };
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
    const result = await kapso.updatePhoneNumber({ path: { phone_number_id: "1" }, body: { whatsapp_phone_number: {} } });
    expect(result.ok).toBe(false);
    if (result.ok || result.status === "network") throw new Error("expected an HTTP error");
    expect(result.status).toBe(401);
    expect(result.error).toEqual({ error: "Invalid API key" });
  });

  it("gives ok: false for an undocumented success status, with the parsed body", async () => {
    handler = json(202, { queued: true });
    const kapso = createKapsoClient({ apiKey, baseUrl });
    const result = await kapso.updatePhoneNumber({ path: { phone_number_id: "1" }, body: { whatsapp_phone_number: {} } });
    expect(result).toMatchObject({ ok: false, status: 202, error: { queued: true } });
  });

  it("gives the network variant, without the API key, when the connection drops", async () => {
    handler = (request) => request.socket.destroy();
    const kapso = createKapsoClient({ apiKey, baseUrl });
    const result = await kapso.updatePhoneNumber({ path: { phone_number_id: "1" }, body: { whatsapp_phone_number: {} } });
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
    const pending = kapso.updatePhoneNumber({ path: { phone_number_id: "1" }, body: { whatsapp_phone_number: {} }, signal: controller.signal });
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
        return new Response(JSON.stringify(documentedResponse), { status: 200, headers: { "Content-Type": "application/json" } });
      },
    });
    const result = await kapso.updatePhoneNumber({ path: { phone_number_id: "9" }, body: { whatsapp_phone_number: {} } });
    expect(seen).toEqual(["https://api.kapso.ai/platform/v1/whatsapp/phone_numbers/9"]);
    expect(result.ok).toBe(true);
  });
});
