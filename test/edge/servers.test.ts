/** specs/edge/servers.yaml: the default base URL is the first server with its variables at their defaults. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServersClient } from "./__golden__/servers/index.js";
import { startServer, text, type TestServer } from "./server.js";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

describe("servers with variables", () => {
  it("defaults to the first server, every variable at its default", async () => {
    const seen: string[] = [];
    const client = createServersClient({
      fetch: async (request) => {
        seen.push(request.url);
        return new Response("pong", { status: 200, headers: { "Content-Type": "text/plain" } });
      },
    });
    const result = await client.ping();
    expect(seen).toEqual(["https://eu.api.example.com:8443/v2/ping"]);
    expect(result).toMatchObject({ ok: true, status: 200, data: "pong" });
  });

  it("serverVariables fill the first server's URL template, typed by its enums", async () => {
    const seen: string[] = [];
    const client = createServersClient({
      serverVariables: { region: "us", basePath: "v9" },
      fetch: async (request) => {
        seen.push(request.url);
        return new Response("pong", { status: 200, headers: { "Content-Type": "text/plain" } });
      },
    });
    await client.ping();
    expect(seen).toEqual(["https://us.api.example.com:8443/v9/ping"]);
    // @ts-expect-error region is one of the spec's enum values
    createServersClient({ serverVariables: { region: "mars" } });
  });

  it("a baseUrl option replaces the server, base path included", async () => {
    server.reply(text(200, "pong"));
    const result = await createServersClient({ baseUrl: `${server.baseUrl}/v3` }).ping();
    expect(server.only().url).toBe("/v3/ping");
    expect(result).toMatchObject({ ok: true, data: "pong" });
  });
});
