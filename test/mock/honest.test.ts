/**
 * The generated mock says no where a server would: a value that breaks its `format` (uuid, date-time, date, email,
 * uri, ipv4, ipv6) is a problem naming the field, and a call without the credential its operation requires gets the
 * documented 401, or a 401 whose body names the missing credential. Through the generated client, as an app uses it.
 */
import { describe, expect, it } from "vitest";
import * as api from "../edge/__golden__/honest-mock/index.js";
import * as fixtures from "../edge/__golden__/honest-mock/fixtures.js";
import * as mocks from "../edge/__golden__/honest-mock/mock.js";

/** A value a typed caller could not pass, as plain JavaScript could. */
function untyped<T>(value: unknown): T {
  return value as T;
}

const petId = fixtures.getPet.request.path.petId;
/** The spec names no server. */
const baseUrl = "https://api.example";

describe("formats", () => {
  it("accepts values of every checked format", async () => {
    const mock = mocks.createMockFetch();
    const client = api.createHonestMockClient({ baseUrl, bearerAuth: "token", fetch: mock });
    const query = {
      since: "2024-02-29T12:30:00Z",
      day: "2024-02-29",
      callback: "https://example.com/hook?x=1",
      ip4: "192.168.0.1",
      ip6: "2001:db8::1",
    };
    const result = await client.getPet({ path: { petId }, query, headers: { "X-Contact": "ops@example.com" } });
    expect(mock.problems).toEqual([]);
    expect(result).toMatchObject({ ok: true, status: 200 });
  });

  it("names each parameter whose value breaks its format, by location and name", async () => {
    const mock = mocks.createMockFetch({ onProblem: "respond" });
    const client = api.createHonestMockClient({ baseUrl, bearerAuth: "token", fetch: mock });
    const query = {
      since: "2024-02-30T12:30:00Z",
      day: "29.02.2024",
      callback: "not a uri",
      ip4: "256.1.1.1",
      ip6: "2001:db8:::1",
    };
    const result = await client.getPet({
      path: { petId: "not-a-uuid" },
      query,
      headers: { "X-Contact": "ops at example.com" },
    });
    expect(result.status).toBe(422);
    expect(mock.problems).toEqual([
      [
        'getPet: path parameter petId must match format "uuid"',
        'query parameter since must match format "date-time"',
        'query parameter day must match format "date"',
        'query parameter callback must match format "uri"',
        'query parameter ip4 must match format "ipv4"',
        'query parameter ip6 must match format "ipv6"',
        'header X-Contact must match format "email"',
      ].join("; "),
    ]);
  });

  it("names the body field whose value breaks its format", async () => {
    const mock = mocks.createMockFetch();
    const client = api.createHonestMockClient({ baseUrl, apiKey: "key", fetch: mock });
    const body = { ...fixtures.createPet.request.body, owner: "nobody", born: "2023-02-29" };
    const result = await client.createPet({ body });
    expect(result).toMatchObject({ ok: false, status: "network" });
    expect(mock.problems).toEqual([
      'createPet: body /owner must match format "email"; body /born must match format "date"',
    ]);
  });
});

describe("security requirements", () => {
  it("answers a call without its token with the documented 401 and its fixture body, and keeps no problem", async () => {
    const mock = mocks.createMockFetch();
    const result = await api.createHonestMockClient({ baseUrl, fetch: mock }).getPet({ path: { petId } });
    expect(result).toMatchObject({ ok: false, status: 401, error: fixtures.getPet.responses[401] });
    expect(mock.problems).toEqual([]);
    expect(mock.calls).toHaveLength(1);
  });

  it("answers with a 401 that names the credential when the spec documents none", async () => {
    const mock = mocks.createMockFetch();
    const response = await mock("https://api.example/pets", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(fixtures.createPet.request.body),
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      error: "createPet: header X-Api-Key is required (security scheme apiKey)",
    });
  });

  it("an Authorization header without the scheme's prefix is no token", async () => {
    const mock = mocks.createMockFetch();
    const response = await mock(`https://api.example/pets/${petId}`, { headers: { Authorization: "token" } });
    expect(response.status).toBe(401);
    const sent = await mock(`https://api.example/pets/${petId}`, { headers: { Authorization: "Bearer token" } });
    expect(sent.status).toBe(200);
  });

  it("takes any one of several requirements, and names them when none is met", async () => {
    const mock = mocks.createMockFetch();
    expect((await api.createHonestMockClient({ baseUrl, apiKey: "key", fetch: mock }).either()).status).toBe(204);
    expect((await api.createHonestMockClient({ baseUrl, bearerAuth: "token", fetch: mock }).either()).status).toBe(204);
    const refused = await mock("https://api.example/either");
    expect(refused.status).toBe(401);
    expect(await refused.json()).toEqual({
      error:
        "either: header X-Api-Key is required (security scheme apiKey) (or the credentials of another of its 2 security requirements)",
    });
  });

  it("lets an operation with an empty requirement be called anonymously, and validateRequests: false skip the check", async () => {
    expect((await api.createHonestMockClient({ baseUrl, fetch: mocks.createMockFetch() }).health()).status).toBe(204);
    const lenient = mocks.createMockFetch({ validateRequests: false });
    expect(
      (await api.createHonestMockClient({ baseUrl, fetch: lenient }).getPet(untyped({ path: { petId: "x" } }))).status,
    ).toBe(200);
  });
});
