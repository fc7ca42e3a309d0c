/**
 * The standalone functions (`updatePhoneNumber(transport, args)`) and the grouped client's methods send the same request
 * and give the same result, against a real HTTP server on 127.0.0.1; and standalone names that would collide with
 * another export of the entry point get a suffix.
 */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { generate } from "../../generator/index.js";
import {
  createKapsoClient,
  createKapsoTransport,
  updatePhoneNumber,
  type UpdatePhoneNumberArgs,
} from "../../generated/kapso/index.js";
import { json, startServer, type ReceivedRequest, type TestServer } from "../edge/server.js";
import { linkNodeModules } from "../../scripts/lib/typecheck.js";
import { removeDir, tempDir } from "../support/run.js";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const args: UpdatePhoneNumberArgs = {
  path: { phone_number_id: "123/4" },
  body: { whatsapp_phone_number: { webhook_destination_url: "https://example.com/hook" } },
};

/** What the server saw, without what differs between any two connections. */
function sent(request: ReceivedRequest): object {
  const { host: _host, connection: _connection, ...headers } = request.headers;
  return { method: request.method, url: request.url, headers, body: request.body.toString("utf8") };
}

/** A result without its Response object, which is never the same twice. */
function comparable(result: { readonly response: unknown }): object {
  const { response: _response, ...rest } = result;
  return rest;
}

describe("standalone function and grouped method", () => {
  it.each([
    [200, { data: { id: "123/4", display_phone_number: "+1 555-0100" } }],
    [404, { error: "phone number not found" }],
  ] as const)("send the same request and give the same result (status %i)", async (status, body) => {
    server.reply(json(status, body));
    const options = { apiKey: "key-1", baseUrl: `${server.baseUrl}/platform/v1/` };
    const standalone = await updatePhoneNumber(createKapsoTransport(options), args);
    const grouped = await createKapsoClient(options).updatePhoneNumber(args);
    const [first, second] = server.received;
    expect(server.received).toHaveLength(2);
    expect(sent(first as ReceivedRequest)).toEqual(sent(second as ReceivedRequest));
    expect(sent(first as ReceivedRequest)).toMatchObject({
      method: "PATCH",
      url: "/platform/v1/whatsapp/phone_numbers/123%2F4",
      headers: { "x-api-key": "key-1", "content-type": "application/json" },
      body: JSON.stringify(args.body),
    });
    expect(comparable(standalone)).toEqual(comparable(grouped));
    expect(standalone).toMatchObject({ ok: status === 200, status, [status === 200 ? "data" : "error"]: body });
  });

  it("read the credential function on every call, through one transport", async () => {
    let calls = 0;
    const transport = createKapsoTransport({ apiKey: () => `key-${++calls}`, baseUrl: server.baseUrl });
    await updatePhoneNumber(transport, args);
    await updatePhoneNumber(transport, args);
    expect(server.received.map((request) => request.headers["x-api-key"])).toEqual(["key-1", "key-2"]);
  });
});

describe("standalone names", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tempDir("standalone-names");
    await linkNodeModules(dir);
    await writeFile(join(dir, "package.json"), JSON.stringify({ private: true, type: "module" }));
  });
  afterAll(async () => {
    await removeDir(dir);
  });

  it("an operation named like another export of the entry point gets a suffix; the method keeps its name", async () => {
    const operation = (operationId: string) => ({
      operationId,
      responses: { "200": { description: "ok", content: { "application/json": { schema: { type: "object" } } } } },
    });
    const spec = {
      openapi: "3.0.3",
      info: { title: "Pets", version: "1" },
      servers: [{ url: "https://pets.example.com" }],
      paths: {
        "/factory": { get: operation("createPetsClient") },
        "/transport": { get: operation("createPetsTransport") },
        "/paths": { get: operation("paths") },
        "/components": { get: operation("components") },
        "/route": { get: operation("getPetRoute") },
        "/pet": { get: operation("getPet") },
      },
    };
    await writeFile(join(dir, "pets.json"), JSON.stringify(spec));
    await generate({ spec: join(dir, "pets.json"), out: join(dir, "pets"), name: "pets" });
    const module = (await import(pathToFileURL(join(dir, "pets", "index.ts")).href)) as Record<string, unknown>;
    const names = Object.keys(module).sort();
    expect(names).toEqual([
      "PageError",
      "components2",
      "createPetsClient",
      "createPetsClient2",
      "createPetsTransport",
      "createPetsTransport2",
      "getPet",
      "getPetRoute",
      "paths2",
    ]);

    const seen: string[] = [];
    const fetch = async (request: Request): Promise<Response> => {
      seen.push(new URL(request.url).pathname);
      return new Response("{}", { status: 200, headers: { "content-type": "application/json" } });
    };
    type Operation = (transport: unknown) => Promise<{ ok: boolean }>;
    const transport = (module["createPetsTransport"] as (options: object) => unknown)({ fetch });
    for (const name of [
      "createPetsClient2",
      "createPetsTransport2",
      "paths2",
      "components2",
      "getPetRoute",
      "getPet",
    ]) {
      expect((await (module[name] as Operation)(transport)).ok).toBe(true);
    }
    expect(seen).toEqual(["/factory", "/transport", "/paths", "/components", "/route", "/pet"]);

    const client = (module["createPetsClient"] as (options: object) => Record<string, () => Promise<unknown>>)({
      fetch,
    });
    expect(Object.keys(client).sort()).toEqual([
      "components",
      "createPetsClient",
      "createPetsTransport",
      "getPet",
      "getPetRoute",
      "paths",
    ]);
  });
});
