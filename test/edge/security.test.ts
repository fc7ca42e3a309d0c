/**
 * specs/edge/security.yaml on the wire: each scheme puts its credential where the spec says (header, query, cookie;
 * Bearer prefix; Basic base64), only for the operations that require it, and nothing when security is optional and
 * no credential was given.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createSecurityClient, type SecurityClientOptions } from "./__golden__/security/index.js";
import { rawQuery, startServer, type ReceivedRequest, type TestServer } from "./server.js";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const everyCredential = {
  headerKey: "header-key-1",
  queryKey: "query key&2",
  cookieKey: "cookie;key 3",
  bearerAuth: "bearer-token-4",
  basicAuth: "ada:pässword:5",
  oauth: "oauth-token-6",
  oidc: "oidc-token-7",
} as const;

function client(credentials: Omit<SecurityClientOptions, "baseUrl"> = everyCredential) {
  return createSecurityClient({ ...credentials, baseUrl: server.baseUrl });
}

/** Every place a credential could travel, to prove the others stay empty. */
function credentialsSent(request: ReceivedRequest) {
  return {
    authorization: request.headers["authorization"],
    apiKeyHeader: request.headers["x-api-key"],
    cookie: request.headers["cookie"],
    query: rawQuery(request),
  };
}

const nothing = { authorization: undefined, apiKeyHeader: undefined, cookie: undefined, query: "" };

describe("where each scheme's credential goes", () => {
  it("apiKey in a header (the global requirement)", async () => {
    await client().usesGlobal();
    expect(credentialsSent(server.only())).toEqual({ ...nothing, apiKeyHeader: "header-key-1" });
  });

  it("apiKey in the query, encoded, beside the operation's own parameters", async () => {
    await client().usesQueryKey({ query: { page: 2 } });
    const query = new URLSearchParams(rawQuery(server.only()));
    expect(query.get("api_key")).toBe("query key&2");
    expect(query.get("page")).toBe("2");
    expect(server.only().headers["authorization"]).toBeUndefined();
    expect(server.only().headers["x-api-key"]).toBeUndefined();
  });

  it("apiKey in a cookie, encoded, beside the operation's own cookies", async () => {
    await client().usesCookieKey({ cookies: { theme: "dark" } });
    const cookies = (server.only().headers["cookie"] ?? "").split("; ").sort();
    expect(cookies).toEqual([`session_id=${encodeURIComponent("cookie;key 3")}`, "theme=dark"]);
  });

  it("http bearer: Authorization: Bearer <token>", async () => {
    await client().usesBearer();
    expect(credentialsSent(server.only())).toEqual({ ...nothing, authorization: "Bearer bearer-token-4" });
  });

  it("http basic: Authorization: Basic base64(user:password), UTF-8 safe", async () => {
    await client().usesBasic();
    const authorization = server.only().headers["authorization"] ?? "";
    expect(authorization).toBe(`Basic ${Buffer.from("ada:pässword:5", "utf8").toString("base64")}`);
    expect(credentialsSent(server.only())).toEqual({ ...nothing, authorization });
  });

  it("oauth2: the access token as a bearer token", async () => {
    await client().usesOauth();
    expect(credentialsSent(server.only())).toEqual({ ...nothing, authorization: "Bearer oauth-token-6" });
  });

  it("openIdConnect: the token as a bearer token", async () => {
    await client().usesOpenIdConnect();
    expect(credentialsSent(server.only())).toEqual({ ...nothing, authorization: "Bearer oidc-token-7" });
  });

  it("two schemes required together: both are sent", async () => {
    await client().usesHeaderAndQueryKey();
    const request = server.only();
    expect(request.headers["x-api-key"]).toBe("header-key-1");
    expect(new URLSearchParams(rawQuery(request)).get("api_key")).toBe("query key&2");
  });

  it("alternatives: the first one the client has a credential for", async () => {
    await client().usesBearerOrBasic();
    expect(server.only().headers["authorization"]).toBe("Bearer bearer-token-4");
    server.reset();
    await client({ basicAuth: "u:p" }).usesBearerOrBasic();
    expect(server.only().headers["authorization"]).toBe(`Basic ${btoa("u:p")}`);
  });

  it("a credential given as a function is called for every request", async () => {
    let calls = 0;
    const api = client({ bearerAuth: () => `rotating-${++calls}` });
    await api.usesBearer();
    await api.usesBearer();
    expect(server.received.map((request) => request.headers["authorization"])).toEqual([
      "Bearer rotating-1",
      "Bearer rotating-2",
    ]);
  });

  it("an async credential function is awaited", async () => {
    await client({ headerKey: async () => "from-a-vault" }).usesGlobal();
    expect(server.only().headers["x-api-key"]).toBe("from-a-vault");
  });
});

describe("operations that need no credential", () => {
  it("security: [] sends nothing, even when the client holds every credential", async () => {
    await client().isPublic();
    expect(credentialsSent(server.only())).toEqual(nothing);
  });

  it("optional security ({} listed first) sends nothing when the client has no credential", async () => {
    await client({}).optionalNoneFirst();
    expect(credentialsSent(server.only())).toEqual(nothing);
  });

  it("optional security ({} listed last) sends nothing when the client has no credential", async () => {
    await client({}).optionalNoneLast();
    expect(credentialsSent(server.only())).toEqual(nothing);
  });

  it("optional security ({} listed last) sends the bearer token the client has", async () => {
    await client({ bearerAuth: "t" }).optionalNoneLast();
    expect(server.only().headers["authorization"]).toBe("Bearer t");
  });

  it("optional security ({} listed first) sends the bearer token the client has: the order of alternatives means nothing", async () => {
    await client({ bearerAuth: "t" }).optionalNoneFirst();
    expect(server.only().headers["authorization"]).toBe("Bearer t");
  });

  it("a missing required credential sends nothing and lets the server answer", async () => {
    server.reply((response) => {
      response.writeHead(401, { "Content-Type": "application/json" });
      response.end(JSON.stringify({ error: "no key" }));
    });
    const result = await client({}).usesGlobal();
    expect(credentialsSent(server.only())).toEqual(nothing);
    expect(result).toMatchObject({ ok: false, status: 401, error: { error: "no key" } });
  });
});

describe("credentials stay out of results", () => {
  it("a network failure's error and the whole result never contain a credential", async () => {
    const api = createSecurityClient({ ...everyCredential, baseUrl: "http://127.0.0.1:1" });
    const result = await api.usesHeaderAndQueryKey();
    if (result.status !== "network") throw new Error("expected a network failure: nothing listens on port 1");
    const shown = [JSON.stringify(result), result.error.message, String(result.error.cause)].join(" ");
    for (const secret of Object.values(everyCredential)) expect(shown).not.toContain(secret);
  });
});
