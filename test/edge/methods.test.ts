/** specs/edge/methods.yaml on the wire: every HTTP method reaches the server as itself (TRACE cannot: fetch forbids it). */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createMethodsClient } from "./__golden__/methods/index.js";
import { empty, json, startServer, type TestServer } from "./server.js";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const client = () => createMethodsClient({ baseUrl: server.baseUrl });
const item = { id: "i 1", name: "Item" };
const path = { id: "i 1" };

describe("every HTTP method", () => {
  it.each([
    ["GET", () => client().getItem({ path }), json(200, item)],
    ["PUT", () => client().replaceItem({ path, body: item }), json(200, item)],
    ["POST", () => client().touchItem({ path }), empty(202)],
    ["DELETE", () => client().deleteItem({ path }), empty(204)],
    ["OPTIONS", () => client().itemOptions({ path }), empty(204)],
    ["HEAD", () => client().itemExists({ path }), json(200, item)],
    ["PATCH", () => client().patchItem({ path, body: { name: "New" } }), json(200, item)],
  ] as const)("%s reaches the server as itself, at the path-item's path", async (method, call, reply) => {
    server.reply(reply);
    const result = await call();
    expect(result.ok).toBe(true);
    const request = server.only();
    expect(request.method).toBe(method);
    expect(request.url).toBe("/items/i%201");
  });

  it("PATCH sends its merge-patch media type", async () => {
    server.reply(json(200, item));
    await client().patchItem({ path, body: { name: "New" } });
    expect(server.only().headers["content-type"]).toBe("application/merge-patch+json");
    expect(JSON.parse(server.only().body.toString("utf8"))).toEqual({ name: "New" });
  });

  it("HEAD has no body to read: data is undefined", async () => {
    server.reply(json(200, item));
    const result = await client().itemExists({ path });
    expect(result).toMatchObject({ ok: true, status: 200, data: undefined });
  });

  it("HEAD's documented 404 is a failure", async () => {
    server.reply(empty(404));
    const result = await client().itemExists({ path });
    expect(result).toMatchObject({ ok: false, status: 404 });
  });

  it("TRACE resolves (never rejects) to a network failure, since fetch refuses the method", async () => {
    const result = await client().traceItem({ path });
    expect(result).toMatchObject({ ok: false, status: "network", aborted: false });
    expect(server.received).toHaveLength(0);
  });
});
