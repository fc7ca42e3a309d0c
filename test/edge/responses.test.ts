/**
 * specs/edge/responses.yaml against a real server: exact statuses, ranges and `default` give the documented variant
 * with the documented body type; 204, text and binary bodies are read as such.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, expectTypeOf, it } from "vitest";
import { createResponsesClient, type components } from "./__golden__/responses/index.js";
import { bytes, empty, json, startServer, text, type TestServer } from "./server.js";

type Schemas = components["schemas"];

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const client = () => createResponsesClient({ baseUrl: server.baseUrl });

describe("exact statuses, 4XX and default", () => {
  it("200 is the success with the documented body", async () => {
    server.reply(json(200, { id: "t1" }));
    const result = await client().getThing({ path: { id: "t1" } });
    expect(result).toMatchObject({ ok: true, status: 200, data: { id: "t1" } });
    if (result.ok) expectTypeOf(result.data).toEqualTypeOf<Schemas["Thing"]>();
  });

  it("404 is its own failure, typed by its own schema", async () => {
    server.reply(json(404, { missing: "t1" }));
    const result = await client().getThing({ path: { id: "t1" } });
    expect(result).toMatchObject({ ok: false, status: 404, error: { missing: "t1" } });
    if (!result.ok && result.status === 404) expectTypeOf(result.error).toEqualTypeOf<Schemas["NotFound"]>();
  });

  it("another 4xx falls in the 4XX range, typed by the range's schema", async () => {
    server.reply(json(409, { reason: "conflict" }));
    const result = await client().getThing({ path: { id: "t1" } });
    expect(result).toMatchObject({ ok: false, status: 409, error: { reason: "conflict" } });
    if (!result.ok && result.status === 409) expectTypeOf(result.error).toEqualTypeOf<Schemas["ClientError"]>();
  });

  it("a 5xx falls to default, typed by default's schema", async () => {
    server.reply(json(503, { title: "down" }));
    const result = await client().getThing({ path: { id: "t1" } });
    expect(result).toMatchObject({ ok: false, status: 503, error: { title: "down" } });
    if (!result.ok && result.status === 503) expectTypeOf(result.error).toEqualTypeOf<Schemas["Problem"]>();
  });

  it("an undocumented 2xx is not a success (default describes errors when a 2xx is documented)", async () => {
    server.reply(json(201, { title: "created?" }));
    const result = await client().getThing({ path: { id: "t1" } });
    expect(result).toMatchObject({ ok: false, status: 201 });
  });
});

describe("bodies by kind", () => {
  it("204 has data: undefined", async () => {
    server.reply(empty(204));
    const result = await client().deleteThing({ path: { id: "t1" } });
    expect(result).toMatchObject({ ok: true, status: 204 });
    expect(result.ok && result.data).toBeUndefined();
    if (result.ok) expectTypeOf(result.data).toEqualTypeOf<undefined>();
  });

  it("a text/plain 5XX error is the text, even when it looks like JSON", async () => {
    server.reply(text(503, "42"));
    const result = await client().deleteThing({ path: { id: "t1" } });
    expect(result).toMatchObject({ ok: false, status: 503 });
    if (!result.ok && result.status === 503) {
      expectTypeOf(result.error).toEqualTypeOf<string>();
      expect(result.error).toBe("42");
    }
  });

  it("a text/plain success is a string", async () => {
    server.reply(text(200, '{"not": "json"}'));
    const result = await client().getLabel({ path: { id: "t1" } });
    expect(result).toMatchObject({ ok: true, status: 200, data: '{"not": "json"}' });
    if (result.ok) expectTypeOf(result.data).toEqualTypeOf<string>();
  });

  it("an image/png success is a Blob with the exact bytes", async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    server.reply(bytes(200, png, "image/png"));
    const result = await client().getPhoto({ path: { id: "t1" } });
    if (!result.ok) throw new Error(`expected a success, got ${String(result.status)}`);
    expectTypeOf(result.data).toEqualTypeOf<Blob>();
    expect(result.data).toBeInstanceOf(Blob);
    expect(result.data.type).toBe("image/png");
    expect([...new Uint8Array(await result.data.arrayBuffer())]).toEqual([...png]);
  });

  it("a documented error without content has error: undefined", async () => {
    server.reply(empty(404));
    const result = await client().getPhoto({ path: { id: "t1" } });
    expect(result).toMatchObject({ ok: false, status: 404 });
    if (!result.ok && result.status === 404) {
      expectTypeOf(result.error).toEqualTypeOf<undefined>();
      expect(result.error).toBeUndefined();
    }
  });

  it("2XX: any 2xx status is a success, and an octet-stream body is a Blob", async () => {
    server.reply(bytes(206, new Uint8Array([1, 2, 3]), "application/octet-stream"));
    const result = await client().getArchive({ path: { id: "t1" } });
    expect(result).toMatchObject({ ok: true, status: 206 });
    if (!result.ok) throw new Error("expected a success");
    expect([...new Uint8Array(await result.data.arrayBuffer())]).toEqual([1, 2, 3]);
  });

  it("only a default response: any 2xx is a success typed by default", async () => {
    server.reply(json(202, { status: "warming up" }));
    const result = await client().health();
    expect(result).toMatchObject({ ok: true, status: 202, data: { status: "warming up" } });
    if (result.ok) expectTypeOf(result.data).toEqualTypeOf<{ status: string }>();
  });

  it("only a default response: an error status is a failure typed by default", async () => {
    server.reply(json(500, { status: "broken" }));
    const result = await client().health();
    expect(result).toMatchObject({ ok: false, status: 500, error: { status: "broken" } });
  });
});
