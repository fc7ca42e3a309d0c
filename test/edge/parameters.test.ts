/**
 * specs/edge/parameters.yaml on the wire: path parameters substituted and encoded, query, header and cookie
 * parameters where they belong, path-item parameters inherited or overridden by the operation.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as fixtures from "./__golden__/parameters/fixtures.js";
import { createParametersClient } from "./__golden__/parameters/index.js";
import { rawQuery, startServer, type TestServer } from "./server.js";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const client = () => createParametersClient({ baseUrl: server.baseUrl });

describe("parameters by location", () => {
  it("puts path, query, header and cookie parameters where they belong", async () => {
    const result = await client().getRepo({
      path: { org: "acme/labs", repoId: 42 },
      query: { fields: "name,stars", verbose: true, reason: 3 },
      headers: { "X-Request-Id": "req-1", "X-Trace": "trace-2" },
      cookies: { session: "s=1;2", theme: "dark" },
    });
    expect(result).toMatchObject({ ok: true, status: 200, data: { ok: true } });
    const request = server.only();
    expect(request.method).toBe("GET");
    expect(request.url.split("?")[0]).toBe("/orgs/acme%2Flabs/repos/42");
    expect(Object.fromEntries(new URLSearchParams(rawQuery(request)))).toEqual({
      fields: "name,stars",
      verbose: "true",
      reason: "3",
    });
    expect(request.headers["x-request-id"]).toBe("req-1");
    expect(request.headers["x-trace"]).toBe("trace-2");
    expect((request.headers["cookie"] ?? "").split("; ").sort()).toEqual([
      `session=${encodeURIComponent("s=1;2")}`,
      "theme=dark",
    ]);
  });

  it("leaves out optional parameters the caller did not give", async () => {
    await client().getRepo({
      path: { org: "o", repoId: 1 },
      query: { fields: "f" },
      headers: { "X-Request-Id": "r" },
      cookies: { session: "s" },
    });
    const request = server.only();
    expect(rawQuery(request)).toBe("fields=f");
    expect(request.headers["x-trace"]).toBeUndefined();
    expect(request.headers["cookie"]).toBe("session=s");
  });

  it("sends no Cookie header when the operation has no cookies to send", async () => {
    await client().listOptional();
    const request = server.only();
    expect(request.url).toBe("/optional-only");
    expect(request.headers["cookie"]).toBeUndefined();
  });

  it("sends optional query and header parameters when given", async () => {
    await client().listOptional({ query: { limit: 5 }, headers: { "X-Locale": "fr-CH" } });
    const request = server.only();
    expect(request.url).toBe("/optional-only?limit=5");
    expect(request.headers["x-locale"]).toBe("fr-CH");
  });
});

describe("path-item parameters", () => {
  it("an operation override wins: DELETE's `reason` is a required string, its X-Request-Id optional", async () => {
    await client().deleteRepo({ path: { org: "o", repoId: 7 }, query: { reason: "spam" } });
    const request = server.only();
    expect(request.method).toBe("DELETE");
    expect(request.url).toBe("/orgs/o/repos/7?reason=spam");
    expect(request.headers["x-request-id"]).toBeUndefined();
  });

  it("the fixtures carry every required parameter, inherited ones included", async () => {
    expect(Object.keys(fixtures.getRepo.request).sort()).toEqual(["cookies", "headers", "path", "query"]);
    expect(Object.keys(fixtures.getRepo.request.headers)).toEqual(["X-Request-Id"]);
    expect(Object.keys(fixtures.deleteRepo.request).sort()).toEqual(["path", "query"]);
    const result = await client().getRepo(fixtures.getRepo.request);
    expect(result.ok).toBe(true);
    expect(server.only().headers["x-request-id"]).toBe(fixtures.getRepo.request.headers["X-Request-Id"]);
  });
});
