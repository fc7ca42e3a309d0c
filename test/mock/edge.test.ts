/**
 * The generated mocks of the edge-case specs (test/edge/__golden__), through their clients: parameters in every
 * location, every kind of response, request bodies by media type, composition, 3.0 nullable, recursion and hostile
 * strings. `npx vitest run test/edge -u` refreshes these goldens.
 */
import { describe, expect, it } from "vitest";
import * as composition from "../edge/__golden__/composition/index.js";
import * as compositionMock from "../edge/__golden__/composition/mock.js";
import * as hostile from "../edge/__golden__/hostile-strings/index.js";
import * as hostileMock from "../edge/__golden__/hostile-strings/mock.js";
import * as methods from "../edge/__golden__/methods/index.js";
import * as methodsFixtures from "../edge/__golden__/methods/fixtures.js";
import * as methodsMock from "../edge/__golden__/methods/mock.js";
import * as nullable from "../edge/__golden__/nullable-3.0/index.js";
import * as nullableMock from "../edge/__golden__/nullable-3.0/mock.js";
import * as parameters from "../edge/__golden__/parameters/index.js";
import * as parametersFixtures from "../edge/__golden__/parameters/fixtures.js";
import * as parametersMock from "../edge/__golden__/parameters/mock.js";
import * as recursive from "../edge/__golden__/recursive/index.js";
import * as recursiveMock from "../edge/__golden__/recursive/mock.js";
import * as bodies from "../edge/__golden__/request-bodies/index.js";
import * as bodiesMock from "../edge/__golden__/request-bodies/mock.js";
import * as responses from "../edge/__golden__/responses/index.js";
import * as responsesFixtures from "../edge/__golden__/responses/fixtures.js";
import * as responsesMock from "../edge/__golden__/responses/mock.js";

/** A value a typed caller could not pass, as plain JavaScript could. */
function untyped<T>(value: unknown): T {
  return value as T;
}

describe("parameters.yaml: path, query, header and cookie parameters", () => {
  const valid: parameters.GetRepoArgs = {
    path: { org: "acme", repoId: 7 },
    query: { fields: "name", verbose: true, reason: 2 },
    headers: { "X-Request-Id": "r-1" },
    cookies: { session: "s-1", theme: "dark" },
  };

  it("accepts a complete request and records its parameters", async () => {
    const mock = parametersMock.createMockFetch();
    const result = await parameters.createParametersClient({ fetch: mock }).getRepo(valid);
    expect(result).toMatchObject({ ok: true, status: 200, data: parametersFixtures.getRepo.responses[200] });
    expect(mock.problems).toEqual([]);
    expect(mock.calls[0]?.path).toEqual({ org: "acme", repoId: "7" });
    expect(mock.calls[0]?.query.get("fields")).toBe("name");
  });

  it("names every missing required parameter, with its location", async () => {
    const mock = parametersMock.createMockFetch();
    await parameters
      .createParametersClient({ fetch: mock })
      .getRepo(untyped({ path: { org: "acme", repoId: 7 }, query: {}, headers: {}, cookies: {} }));
    expect(mock.problems).toEqual([
      "getRepo: header X-Request-Id is required; query parameter fields is required; cookie session is required",
    ]);
  });

  it("a path parameter the caller left out is missing, not a route miss", async () => {
    const mock = parametersMock.createMockFetch();
    await parameters.createParametersClient({ fetch: mock }).getRepo(untyped({ ...valid, path: { org: "acme" } }));
    expect(mock.problems).toEqual(["getRepo: path parameter repoId is required"]);
  });

  it("checks scalar values against their schemas, reading numbers and booleans from the text", async () => {
    const mock = parametersMock.createMockFetch();
    const args = {
      path: { org: "acme", repoId: "seven" },
      query: { fields: "name", verbose: "maybe", reason: "because" },
      headers: valid.headers,
      cookies: { session: "s-1", theme: "blue" },
    };
    await parameters.createParametersClient({ fetch: mock }).getRepo(untyped(args));
    expect(mock.problems).toEqual([
      'getRepo: path parameter repoId must be integer; query parameter reason must be integer; query parameter verbose must be boolean; cookie theme must be one of "light", "dark"',
    ]);
  });

  it("an operation's own parameter overrides the path item's (DELETE: reason is a required string)", async () => {
    const mock = parametersMock.createMockFetch();
    const client = parameters.createParametersClient({ fetch: mock });
    expect((await client.deleteRepo({ path: { org: "acme", repoId: 7 }, query: { reason: "cleanup" } })).ok).toBe(true);
    await client.deleteRepo(untyped({ path: { org: "acme", repoId: 7 }, query: {} }));
    expect(mock.problems).toEqual(["deleteRepo: query parameter reason is required"]);
  });
});

describe("responses.yaml: statuses, ranges, default, and bodies by media type", () => {
  const client = (mock: responsesMock.MockFetch) => responses.createResponsesClient({ fetch: mock });
  const path = { id: "t-1" };

  it("204 answers with no body", async () => {
    const mock = responsesMock.createMockFetch();
    const result = await client(mock).deleteThing({ path });
    expect(result).toMatchObject({ ok: true, status: 204, data: undefined });
    expect(result.response?.body).toBeNull();
  });

  it("a status answers with the exact entry, else its range, else default", async () => {
    const cases = [
      [200, responsesFixtures.getThing.responses[200]],
      [404, responsesFixtures.getThing.responses[404]],
      [409, responsesFixtures.getThing.responses["4XX"]],
      [503, responsesFixtures.getThing.responses.default],
    ] as const;
    for (const [status, body] of cases) {
      const result = await client(responsesMock.createMockFetch({ responses: { getThing: status } })).getThing({
        path,
      });
      expect({ status: result.status, body: result.ok ? result.data : result.error }).toEqual({ status, body });
    }
  });

  it("text responses are sent as text/plain", async () => {
    const mock = responsesMock.createMockFetch({ responses: { deleteThing: 502 } });
    const result = await client(mock).deleteThing({ path });
    expect(result).toMatchObject({ ok: false, status: 502, error: responsesFixtures.deleteThing.responses["5XX"] });
    expect(result.response?.headers.get("content-type")).toBe("text/plain");
    const label = await client(responsesMock.createMockFetch()).getLabel({ path });
    expect(label).toMatchObject({ ok: true, status: 200, data: responsesFixtures.getLabel.responses[200] });
  });

  it("an operation documenting only `default` answers 200 with the default fixture", async () => {
    const result = await client(responsesMock.createMockFetch()).health();
    expect(result).toMatchObject({ ok: true, status: 200, data: responsesFixtures.health.responses.default });
  });

  it("binary responses (no fixture) and undocumented statuses answer without a body", async () => {
    expect(await client(responsesMock.createMockFetch()).getPhoto({ path })).toMatchObject({
      ok: true,
      status: 200,
      data: undefined,
    });
    expect(await client(responsesMock.createMockFetch()).getArchive({ path })).toMatchObject({
      ok: true,
      status: 200,
      data: undefined,
    });
    const missing = await client(responsesMock.createMockFetch({ responses: { getPhoto: 410 } })).getPhoto({ path });
    expect(missing).toMatchObject({ ok: false, status: 410, error: undefined });
  });

  it("a responder's own body and headers replace the fixture's", async () => {
    const mock = responsesMock.createMockFetch({
      responses: { getThing: async () => ({ status: 200, body: { id: "own" }, headers: { "X-Trace": "t" } }) },
    });
    const result = await client(mock).getThing({ path });
    expect(result).toMatchObject({ ok: true, data: { id: "own" } });
    expect(result.response?.headers.get("x-trace")).toBe("t");
  });

  it("a status fetch cannot answer is a loud failure, whatever onProblem says", async () => {
    const mock = responsesMock.createMockFetch({ responses: { getThing: 600 }, onProblem: "respond" });
    const result = await client(mock).getThing({ path });
    expect(result).toMatchObject({ ok: false, status: "network" });
    expect(mock.problems).toEqual([
      "getThing: status 600 cannot be mocked (fetch responses have a status from 200 to 599)",
    ]);
  });
});

describe("methods.yaml: one path, every method", () => {
  it("each method reaches its own operation; HEAD answers without a body", async () => {
    const mock = methodsMock.createMockFetch();
    const client = methods.createMethodsClient({ fetch: mock });
    const path = { id: "i-1" };
    await client.getItem({ path });
    await client.replaceItem(methodsFixtures.replaceItem.request);
    await client.touchItem({ path });
    await client.deleteItem({ path });
    await client.itemOptions({ path });
    const head = await client.itemExists({ path });
    await client.patchItem(methodsFixtures.patchItem.request);
    expect(mock.calls.map((call) => `${call.operation} ${call.method}`)).toEqual([
      "getItem GET",
      "replaceItem PUT",
      "touchItem POST",
      "deleteItem DELETE",
      "itemOptions OPTIONS",
      "itemExists HEAD",
      "patchItem PATCH",
    ]);
    expect(head.response?.body).toBeNull();
    expect(mock.problems).toEqual([]);
  });
});

describe("request-bodies.yaml: bodies by media type", () => {
  const client = (mock: bodiesMock.MockFetch) => bodies.createRequestBodiesClient({ fetch: mock });
  const url = (path: string) => `https://bodies.example.com${path}`;

  it("checks JSON bodies, vendor JSON included, naming the field", async () => {
    const mock = bodiesMock.createMockFetch();
    expect((await client(mock).sendJson({ body: { title: "t" } })).ok).toBe(true);
    await client(mock).sendJson(untyped({ body: { pinned: "yes" } }));
    await client(mock).sendVendorJson(untyped({ body: { title: 1 } }));
    expect(mock.problems).toEqual([
      "sendJson: body /title is required; body /pinned must be boolean",
      "sendVendorJson: body /title must be string",
    ]);
  });

  it("records each body as its media type reads: JSON, form fields, multipart, text, bytes", async () => {
    const mock = bodiesMock.createMockFetch();
    await client(mock).sendJson({ body: { title: "t", pinned: true } });
    await client(mock).sendForm({ body: { name: "n", tags: ["a", "b"] } });
    await client(mock).upload({ body: { file: new Blob(["bytes"]), description: "d" } });
    await client(mock).sendText({ body: "hello" });
    await client(mock).putRaw({ body: new Uint8Array([1, 2, 3]) });
    const [json, form, multipart, text, raw] = mock.calls.map((call) => call.body);
    expect(json).toEqual({ title: "t", pinned: true });
    expect(form instanceof URLSearchParams && form.getAll("tags")).toEqual(["a", "b"]);
    expect(multipart instanceof FormData && multipart.get("description")).toBe("d");
    expect(text).toBe("hello");
    expect(raw instanceof Blob && raw.size).toBe(3);
    expect(mock.problems).toEqual([]);
  });

  it("accepts any media type the operation lists, and an absent optional body", async () => {
    const mock = bodiesMock.createMockFetch();
    expect((await client(mock).sendAny({ contentType: "text/plain", body: "note" })).ok).toBe(true);
    expect((await client(mock).sendOptional()).ok).toBe(true);
    expect(mock.problems).toEqual([]);
  });

  it("names a missing body, a media type the operation does not take, and JSON that does not parse", async () => {
    const mock = bodiesMock.createMockFetch({ onProblem: "respond" });
    const missing = await mock(url("/json"), { method: "POST" });
    const wrongType = await mock(url("/json"), {
      method: "POST",
      body: "t",
      headers: { "Content-Type": "text/plain" },
    });
    const broken = await mock(url("/json"), {
      method: "POST",
      body: "{",
      headers: { "Content-Type": "application/json" },
    });
    expect([missing.status, wrongType.status, broken.status]).toEqual([422, 422, 422]);
    expect(mock.problems).toEqual([
      "sendJson: body is required",
      "sendJson: body has Content-Type text/plain, but the operation takes application/json",
      "sendJson: body is not valid JSON",
    ]);
    expect(await broken.json()).toEqual({ error: "sendJson: body is not valid JSON" });
  });

  it("validateRequests: false lets anything through", async () => {
    const mock = bodiesMock.createMockFetch({ validateRequests: false });
    expect((await client(mock).sendJson(untyped({ body: {} }))).ok).toBe(true);
    expect(mock.problems).toEqual([]);
  });
});

describe("schemas of the edge specs, through the client", () => {
  it("composition.yaml: oneOf of allOf-extended schemas, with each branch's reason", async () => {
    const mock = compositionMock.createMockFetch();
    const client = composition.createCompositionClient({ fetch: mock });
    expect((await client.addPet({ body: { name: "Tom", petType: "cat", lives: 9 } })).ok).toBe(true);
    await client.addPet(untyped({ body: { name: "Tom", petType: "cat", lives: 12 } }));
    await client.addPet(untyped({ body: { name: "Rex", petType: "dog" } }));
    expect(mock.problems).toEqual([
      "addPet: body must match exactly one of the oneOf schemas (1: /lives must be <= 9; 2: /barks is required)",
      "addPet: body must match exactly one of the oneOf schemas (1: /lives is required; 2: /barks is required)",
    ]);
  });

  it("nullable-3.0.yaml: nullable properties, enums, items and allOf-wrapped refs", async () => {
    const mock = nullableMock.createMockFetch();
    const client = nullable.createNullable30Client({ fetch: mock });
    const path = { id: "p-1" };
    const valid = { id: "p-1", nickname: null, age: null, status: null, tags: null, scores: [1, null], address: null };
    expect((await client.putProfile({ path, body: valid })).ok).toBe(true);
    await client.putProfile(
      untyped({ path, body: { ...valid, nickname: 5, status: "gone", scores: [1, "x"], address: {} } }),
    );
    expect(mock.problems).toEqual([
      'putProfile: body /nickname must be string or null; body /status must be one of "active", "banned", null; body /scores/1 must be integer or null; body /address/city is required',
    ]);
  });

  it("recursive.yaml: a deep field of a self-referencing tree", async () => {
    const mock = recursiveMock.createMockFetch();
    const client = recursive.createRecursiveClient({ fetch: mock });
    await client.plantTree(
      untyped({ body: { value: "root", children: [{ value: "a", children: [{ value: 3, children: [] }] }] } }),
    );
    expect(mock.problems).toEqual(["plantTree: body /children/0/children/0/value must be string"]);
  });

  it("hostile-strings.yaml: hostile enum values and a property named __proto__ stay data", async () => {
    const mock = hostileMock.createMockFetch();
    const client = hostile.createHostileStringsClient({ fetch: mock });
    const body = JSON.parse(
      '{"__proto__": {"polluted": true}, "text": "t", "mode": "`tick`"}',
    ) as hostile.EchoArgs["body"];
    expect((await client.echo({ query: { mode: "*/" }, body })).ok).toBe(true);
    const wrong = JSON.parse(
      '{"__proto__": {"polluted": "yes"}, "text": "t", "mode": "${x}"}',
    ) as hostile.EchoArgs["body"];
    await client.echo(untyped({ query: { mode: "nope" }, body: wrong }));
    expect(mock.problems).toEqual([
      'echo: query parameter mode must be one of "*/", "a\\"b", "${x}", "`tick`", "\u2028", "back\\\\slash", "__proto__", "🚀", ""; body /__proto__/polluted must be boolean',
    ]);
    expect(Object.prototype).not.toHaveProperty("polluted");
  });
});
