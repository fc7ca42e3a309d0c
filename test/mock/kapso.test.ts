/**
 * The generated Kapso mock, used the way a user's test would: their own function calls the Kapso client, and the
 * test swaps the network for `createMockFetch()` from generated/kapso.
 */
import { describe, expect, expectTypeOf, it } from "vitest";
import * as fixtures from "../../generated/kapso/fixtures.js";
import { createKapsoClient, type KapsoClient, type components } from "../../generated/kapso/index.js";
import {
  createMockFetch,
  MockFetchError,
  type MockFetch,
  type MockFetchOptions,
  type MockOperationName,
  type MockReply,
} from "../../generated/kapso/mock.js";

type PhoneNumber = components["schemas"]["PhoneNumber"];

// ---- the user's code under test -------------------------------------------------------------------------------

type RotateOutcome =
  | { readonly ok: true; readonly number: PhoneNumber | undefined }
  | {
      readonly ok: false;
      readonly reason: "not-found" | "rate-limited" | "rejected" | "unreachable";
      readonly detail: string;
    };

/** Points a phone number's webhooks at a new URL. */
async function rotateWebhook(kapso: KapsoClient, id: string, url: string): Promise<RotateOutcome> {
  const result = await kapso.updatePhoneNumber({
    path: { phone_number_id: id },
    body: { whatsapp_phone_number: { webhook_destination_url: url } },
  });
  if (result.ok) return { ok: true, number: result.data.data };
  if (result.status === "network") return { ok: false, reason: "unreachable", detail: result.error.message };
  if (result.status === 404) return { ok: false, reason: "not-found", detail: result.error.error ?? "" };
  if (result.status === 429)
    return {
      ok: false,
      reason: "rate-limited",
      detail: `retry after ${result.response.headers.get("Retry-After") ?? "?"} s`,
    };
  return { ok: false, reason: "rejected", detail: `${result.status}: ${result.error.error ?? ""}` };
}

// ---- the user's tests ---------------------------------------------------------------------------------------------

function kapsoWith(mock: MockFetch, baseUrl?: string): KapsoClient {
  return createKapsoClient({ apiKey: "test-key", fetch: mock, ...(baseUrl === undefined ? {} : { baseUrl }) });
}

const WRONG_URL_TYPE = "updatePhoneNumber: body /whatsapp_phone_number/webhook_destination_url must be string";

describe("rotateWebhook against the mock", () => {
  it("succeeds with the fixture's phone number, and the mock records what was sent", async () => {
    const mock = createMockFetch();
    const outcome = await rotateWebhook(kapsoWith(mock), "pn 1/2", "https://example.com/hook");

    expect(outcome).toEqual({ ok: true, number: fixtures.updatePhoneNumber.responses[200].data });
    expect(mock.calls).toHaveLength(1);
    const [call] = mock.calls;
    expect(call).toMatchObject({
      operation: "updatePhoneNumber",
      method: "PATCH",
      path: { phone_number_id: "pn 1/2" }, // percent-decoded
      body: { whatsapp_phone_number: { webhook_destination_url: "https://example.com/hook" } },
    });
    expect(call?.url).toBe("https://api.kapso.ai/platform/v1/whatsapp/phone_numbers/pn%201%2F2");
    expect(call?.headers.get("X-API-Key")).toBe("test-key");
    expect(mock.problems).toEqual([]);
    expect(() => mock.assertNoProblems()).not.toThrow();
  });

  it("matches behind any base path (a proxy, a local gateway)", async () => {
    const mock = createMockFetch();
    const outcome = await rotateWebhook(
      kapsoWith(mock, "http://localhost:8080/gateway/kapso/v9"),
      "pn-1",
      "https://example.com/hook",
    );
    expect(outcome.ok).toBe(true);
    expect(mock.calls.map((call) => call.operation)).toEqual(["updatePhoneNumber"]);
  });

  it("takes the error path when the test asks for a 404 (the spec's `default` body answers it)", async () => {
    const mock = createMockFetch({ responses: { updatePhoneNumber: 404 } });
    const outcome = await rotateWebhook(kapsoWith(mock), "pn-1", "https://example.com/hook");
    expect(outcome).toEqual({
      ok: false,
      reason: "not-found",
      detail: fixtures.updatePhoneNumber.responses.default.error,
    });
  });

  it("takes the rate-limited path for the documented 429, reading its Retry-After", async () => {
    const mock = createMockFetch({
      responses: {
        updatePhoneNumber: {
          status: 429,
          headers: { "Retry-After": "60", "X-RateLimit-Remaining": "0", "X-RateLimit-Limit": "100" },
        },
      },
    });
    const outcome = await rotateWebhook(kapsoWith(mock), "pn-1", "https://example.com/hook");
    expect(outcome).toEqual({ ok: false, reason: "rate-limited", detail: "retry after 60 s" });
  });

  it("lets a function decide status and body from the call", async () => {
    const mock = createMockFetch({
      responses: {
        updatePhoneNumber: (call) => ({
          status: 503,
          body: { error: `busy with ${call.path["phone_number_id"] ?? "?"}` },
        }),
      },
    });
    const outcome = await rotateWebhook(kapsoWith(mock), "pn-7", "https://example.com/hook");
    expect(outcome).toEqual({ ok: false, reason: "rejected", detail: "503: busy with pn-7" });
  });

  it("fails loudly, naming the field, when the body breaks the schema (a JS caller passing a number)", async () => {
    const mock = createMockFetch();
    const outcome = await rotateWebhook(kapsoWith(mock), "pn-1", 42 as unknown as string);

    // Our client turns the rejected fetch into a NetworkFailure; its message carries the mock's problem.
    expect(outcome).toEqual({
      ok: false,
      reason: "unreachable",
      detail: `network failure: mock fetch: ${WRONG_URL_TYPE}`,
    });
    expect(mock.problems).toEqual([WRONG_URL_TYPE]);
    expect(() => mock.assertNoProblems()).toThrow(new MockFetchError(`mock fetch: 1 problem:\n  - ${WRONG_URL_TYPE}`));
  });

  it("can answer an invalid request with a 422 instead, keeping the problem", async () => {
    const mock = createMockFetch({ onProblem: "respond" });
    const outcome = await rotateWebhook(kapsoWith(mock), "pn-1", 42 as unknown as string);
    expect(outcome).toEqual({ ok: false, reason: "rejected", detail: `422: ${WRONG_URL_TYPE}` });
    expect(mock.problems).toEqual([WRONG_URL_TYPE]);
  });

  it("names a missing required property", async () => {
    const mock = createMockFetch();
    const kapso = kapsoWith(mock);
    const body = {} as unknown as Parameters<KapsoClient["updatePhoneNumber"]>[0]["body"];
    await kapso.updatePhoneNumber({ path: { phone_number_id: "pn-1" }, body });
    expect(mock.problems).toEqual(["updatePhoneNumber: body /whatsapp_phone_number is required"]);
  });
});

describe("aborting", () => {
  it("an abort while the responder is still deciding rejects like fetch: the client reports it as aborted", async () => {
    const never = () => new Promise<MockReply>(() => undefined);
    const mock = createMockFetch({ responses: { updatePhoneNumber: never } });
    const controller = new AbortController();
    const pending = kapsoWith(mock).updatePhoneNumber({
      ...fixtures.updatePhoneNumber.request,
      signal: controller.signal,
    });
    await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort();
    expect(await pending).toMatchObject({ ok: false, status: "network", aborted: true });
    expect(mock.calls).toHaveLength(1);
  });

  it("a request aborted before it is sent is not answered, nor recorded", async () => {
    const mock = createMockFetch();
    const result = await kapsoWith(mock).updatePhoneNumber({
      ...fixtures.updatePhoneNumber.request,
      signal: AbortSignal.abort(),
    });
    expect(result).toMatchObject({ ok: false, status: "network", aborted: true });
    expect(mock.calls).toEqual([]);
  });
});

describe("requests no operation answers", () => {
  const base = "https://api.kapso.ai/platform/v1";
  const known =
    // In the spec's order.
    "known operations: updatePhoneNumber (PATCH /whatsapp/phone_numbers/{phone_number_id}), " +
    "getPhoneNumberHealth (GET /whatsapp/phone_numbers/{phone_number_id}/health), listPhoneNumberWebhooks (GET /whatsapp/phone_numbers/{phone_number_id}/webhooks), " +
    "createPhoneNumberWebhook (POST /whatsapp/phone_numbers/{phone_number_id}/webhooks), updatePhoneNumberWebhook (PATCH /whatsapp/phone_numbers/{phone_number_id}/webhooks/{webhook_id}), " +
    "connectPhoneNumber (POST /customers/{customer_id}/whatsapp/phone_numbers)";

  it("an unknown path rejects, naming method and path and listing the operations", async () => {
    const mock = createMockFetch();
    const sent = mock(new Request(`${base}/whatsapp/phone_numbers`));
    await expect(sent).rejects.toThrow(MockFetchError);
    await expect(mock(new Request(`${base}/whatsapp/phone_numbers`))).rejects.toThrow(
      `mock fetch: GET /platform/v1/whatsapp/phone_numbers matches no operation of the spec; ${known}`,
    );
    expect(mock.calls).toEqual([]);
    expect(mock.problems).toHaveLength(2);
  });

  it("a known path with another method says which operation has that path", async () => {
    const mock = createMockFetch();
    await expect(mock(`${base}/whatsapp/phone_numbers/pn-1`, { method: "DELETE" })).rejects.toThrow(
      `mock fetch: DELETE /platform/v1/whatsapp/phone_numbers/pn-1 matches the path of updatePhoneNumber (PATCH /whatsapp/phone_numbers/{phone_number_id}), but not its method; ${known}`,
    );
  });

  it("with onProblem: respond, answers 501 with the same message", async () => {
    const mock = createMockFetch({ onProblem: "respond" });
    const response = await mock(new Request(`${base}/nowhere`, { method: "POST" }));
    expect(response.status).toBe(501);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(await response.json()).toEqual({
      error: `POST /platform/v1/nowhere matches no operation of the spec; ${known}`,
    });
  });

  it("a responder for an operation that does not exist is refused when the mock is made", () => {
    const responses = { updatePhoneNumbr: 404 } as unknown as NonNullable<MockFetchOptions["responses"]>;
    expect(() => createMockFetch({ responses })).toThrow(
      /createMockFetch: responses names no operation "updatePhoneNumbr"; known operations: updatePhoneNumber/,
    );
  });
});

describe("answers", () => {
  it("default to the first documented success, as JSON", async () => {
    const mock = createMockFetch();
    const customer = "3c90c3cc-0d44-4b50-8888-8dd25736052a"; // the spec's customer_id is a uuid
    const response = await mock(
      new Request(`https://api.kapso.ai/platform/v1/customers/${customer}/whatsapp/phone_numbers`, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-API-Key": "key" },
        body: JSON.stringify(fixtures.connectPhoneNumber.request.body),
      }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(await response.json()).toEqual(fixtures.connectPhoneNumber.responses[200]);
    expect(mock.calls[0]?.path).toEqual({ customer_id: customer });
  });

  it("each response is a fresh copy: the test cannot change the fixture through it", async () => {
    const mock = createMockFetch();
    const first = await rotateWebhook(kapsoWith(mock), "pn-1", "https://example.com/a");
    if (first.ok && first.number) first.number.name = "changed";
    const second = await rotateWebhook(kapsoWith(mock), "pn-1", "https://example.com/b");
    expect(second).toEqual({ ok: true, number: fixtures.updatePhoneNumber.responses[200].data });
  });
});

describe("types", () => {
  it("names the operations, and refuses an unknown one in `responses`", () => {
    expectTypeOf<MockOperationName>().toEqualTypeOf<
      | "connectPhoneNumber"
      | "updatePhoneNumber"
      | "getPhoneNumberHealth"
      | "listPhoneNumberWebhooks"
      | "createPhoneNumberWebhook"
      | "updatePhoneNumberWebhook"
    >();
    // @ts-expect-error: not an operation of the Kapso spec
    const options: MockFetchOptions = { responses: { updatePhoneNumbr: 404 } };
    expect(options).toBeDefined();
    expectTypeOf(createMockFetch()).toMatchTypeOf<(request: Request) => Promise<Response>>();
  });
});
