/** specs/edge/request-bodies.yaml on the wire: each body written by its media type, parsed back by the server. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as fixtures from "./__golden__/request-bodies/fixtures.js";
import { createRequestBodiesClient } from "./__golden__/request-bodies/index.js";
import { empty, parseForm, startServer, type TestServer } from "./server.js";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.reset();
  server.reply(empty(204));
});

const client = () => createRequestBodiesClient({ baseUrl: server.baseUrl });

describe("request bodies", () => {
  it("application/json: the body as JSON, with its content type", async () => {
    const result = await client().sendJson({ body: { title: "Hello", pinned: true } });
    expect(result).toMatchObject({ ok: true, status: 204, data: undefined });
    const request = server.only();
    expect(request.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(request.body.toString("utf8"))).toEqual({ title: "Hello", pinned: true });
  });

  it("a +json vendor type: JSON, sent with the vendor type", async () => {
    await client().sendVendorJson({ body: { title: "Vendor" } });
    const request = server.only();
    expect(request.headers["content-type"]).toBe("application/vnd.example.note+json");
    expect(JSON.parse(request.body.toString("utf8"))).toEqual({ title: "Vendor" });
  });

  it("application/x-www-form-urlencoded: fields as name=value pairs, arrays repeated", async () => {
    await client().sendForm({ body: { name: "Ada & Bob", age: 36, tags: ["x", "y z"] } });
    const request = server.only();
    expect(request.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    const form = new URLSearchParams(request.body.toString("utf8"));
    expect(form.get("name")).toBe("Ada & Bob");
    expect(form.get("age")).toBe("36");
    expect(form.getAll("tags")).toEqual(["x", "y z"]);
  });

  it("multipart/form-data: a binary file part, a text part and an object part as JSON", async () => {
    const file = new Blob([new Uint8Array([0, 1, 2, 250, 255])], { type: "application/octet-stream" });
    await client().upload({ body: { file, description: "five bytes", meta: { size: 5 } } });
    const request = server.only();
    expect(request.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    const form = await parseForm(request);
    const part = form.get("file");
    expect(part).toBeInstanceOf(Blob);
    expect([...new Uint8Array(await (part as Blob).arrayBuffer())]).toEqual([0, 1, 2, 250, 255]);
    expect(form.get("description")).toBe("five bytes");
    expect(JSON.parse(String(form.get("meta")))).toEqual({ size: 5 });
  });

  it("application/octet-stream: the bytes unchanged", async () => {
    const bytes = new Uint8Array([0xde, 0xad, 0xbe, 0xef, 0x00, 0x0a]);
    await client().putRaw({ body: bytes });
    const request = server.only();
    expect(request.method).toBe("PUT");
    expect(request.headers["content-type"]).toBe("application/octet-stream");
    expect([...request.body]).toEqual([...bytes]);
  });

  it("application/octet-stream: a Blob's bytes unchanged", async () => {
    await client().putRaw({ body: new Blob(["raw\u0000text"]) });
    expect(server.only().body.toString("utf8")).toBe("raw\u0000text");
  });

  it("text/plain: the string as is, not JSON-quoted", async () => {
    await client().sendText({ body: 'plain "text"\nline 2' });
    const request = server.only();
    expect(request.headers["content-type"]).toBe("text/plain");
    expect(request.body.toString("utf8")).toBe('plain "text"\nline 2');
  });

  it("several media types: JSON when the caller does not choose", async () => {
    await client().sendAny({ body: { title: "default" } });
    const request = server.only();
    expect(request.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(request.body.toString("utf8"))).toEqual({ title: "default" });
  });

  it("several media types: the form type the caller chose", async () => {
    await client().sendAny({
      contentType: "application/x-www-form-urlencoded",
      body: { title: "as form", pinned: false },
    });
    const request = server.only();
    expect(request.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(Object.fromEntries(new URLSearchParams(request.body.toString("utf8")))).toEqual({
      title: "as form",
      pinned: "false",
    });
  });

  it("several media types: the text type the caller chose", async () => {
    await client().sendAny({ contentType: "text/plain", body: "just text" });
    const request = server.only();
    expect(request.headers["content-type"]).toBe("text/plain");
    expect(request.body.toString("utf8")).toBe("just text");
  });

  it("an optional body can be left out: nothing is sent", async () => {
    const result = await client().sendOptional();
    expect(result.ok).toBe(true);
    const request = server.only();
    expect(request.body.byteLength).toBe(0);
    expect(request.headers["content-type"]).toBeUndefined();
  });

  it("the fixture of every operation is a request the client can send", async () => {
    const api = client();
    const results = await Promise.all([
      api.sendJson(fixtures.sendJson.request),
      api.sendVendorJson(fixtures.sendVendorJson.request),
      api.sendForm(fixtures.sendForm.request),
      api.upload(fixtures.upload.request),
      api.putRaw(fixtures.putRaw.request),
      api.sendText(fixtures.sendText.request),
      api.sendAny(fixtures.sendAny.request),
      api.sendOptional(fixtures.sendOptional.request),
    ]);
    expect(results.map((result) => result.status)).toEqual([204, 204, 204, 204, 204, 204, 204, 204]);
    expect(server.received).toHaveLength(8);
  });
});
