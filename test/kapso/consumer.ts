/**
 * A consumer of the generated Kapso client, type-checked (never run) by types.test.ts. Each `@ts-expect-error` proves
 * that tsc rejects a wrong call; if the line were accepted, tsc would report the unused directive and the test fails.
 */
import { expectTypeOf } from "vitest";
import * as fixtures from "../../generated/kapso/fixtures.js";
import {
  connectPhoneNumber,
  createKapsoClient,
  createKapsoTransport,
  createPhoneNumberWebhook,
  getPhoneNumberHealth,
  listPhoneNumberWebhooks,
  updatePhoneNumber,
  updatePhoneNumberWebhook,
  type CreatePhoneNumberWebhookResult,
  type GetPhoneNumberHealthResult,
  type ListPhoneNumberWebhooksArgs,
  type ListPhoneNumberWebhooksResult,
  type UpdatePhoneNumberWebhookResult,
  type KapsoClient,
  type KapsoTransport,
  type Transport,
  type UpdatePhoneNumberArgs,
  type UpdatePhoneNumberResult,
  type components,
} from "../../generated/kapso/index.js";

export async function consumer(signal: AbortSignal): Promise<string | undefined> {
  const kapso = createKapsoClient({ apiKey: "key", baseUrl: "http://127.0.0.1:1" });

  // @ts-expect-error the API key is required: every operation needs it
  createKapsoClient({ baseUrl: "http://127.0.0.1:1" });

  const result = await kapso.updatePhoneNumber({
    path: { phone_number_id: "123" },
    body: { whatsapp_phone_number: { webhook_destination_url: "https://example.com/hook" } },
    signal,
  });

  // @ts-expect-error data exists only after narrowing on ok
  void result.data;

  if (result.ok) {
    const status: 200 = result.status;
    void status;
    return result.data.data.display_phone_number;
  }
  if (result.status === "network") return result.error.message;
  // The documented 429 has its own variant: its body is not documented, so it stays unknown.
  if (result.status === 429) {
    expectTypeOf(result.error).toEqualTypeOf<unknown>();
    return undefined;
  }
  const code: number = result.status;
  void code;
  void (result.error satisfies { error?: string });

  // @ts-expect-error no such operation
  await kapso.deletePhoneNumber({ path: { phone_number_id: "1" } });

  // @ts-expect-error the path parameter is required
  await kapso.updatePhoneNumber({ body: { whatsapp_phone_number: {} } });

  // @ts-expect-error wrong path parameter name
  await kapso.updatePhoneNumber({ path: { id: "1" }, body: { whatsapp_phone_number: {} } });

  // @ts-expect-error the body is required
  await kapso.updatePhoneNumber({ path: { phone_number_id: "1" } });

  await kapso.updatePhoneNumber({
    path: { phone_number_id: "1" },
    // @ts-expect-error body fields are typed
    body: { whatsapp_phone_number: { access_token: 42 } },
  });

  // @ts-expect-error the body must be wrapped in whatsapp_phone_number
  await kapso.updatePhoneNumber({ path: { phone_number_id: "1" }, body: { access_token: "t" } });

  // @ts-expect-error the customer id is a path parameter of connectPhoneNumber, not a query
  await kapso.connectPhoneNumber({ query: { customer_id: "c" }, body: { whatsapp_phone_number: {} } });

  const documented: UpdatePhoneNumberResult = await kapso.updatePhoneNumber(fixtures.updatePhoneNumber.request);
  void documented;
  return undefined;
}

/** The health check, and the webhooks of a phone number: each typed per documented status. */
export async function phoneNumberSurfaceConsumer(): Promise<void> {
  const kapso = createKapsoClient({ apiKey: "key" });

  const health = await kapso.getPhoneNumberHealth({ path: { phone_number_id: "123" } });
  if (health.ok) {
    expectTypeOf(health.status).toEqualTypeOf<200>();
    // No `data` envelope: the body is the health report itself.
    expectTypeOf(health.data.status).toEqualTypeOf<"healthy" | "degraded" | "unhealthy" | "error">();
    expectTypeOf(health.data.timestamp).toEqualTypeOf<string>();
    const passed: boolean | undefined = health.data.checks?.messaging_health?.passed;
    void passed;
    // @ts-expect-error the health body has no data wrapper
    void health.data.data;
  }

  const page = await kapso.listPhoneNumberWebhooks({
    path: { phone_number_id: "123" },
    query: { url_contains: "acme", active: true, created_after: "2025-01-01T00:00:00Z", page: 2, per_page: 50 },
  });
  if (page.ok) {
    expectTypeOf(page.data.data).toEqualTypeOf<KapsoWebhook[]>();
    expectTypeOf(page.data.meta.total_pages).toEqualTypeOf<number | undefined>();
    expectTypeOf(page.data.data[0]?.buffer_window_seconds).toEqualTypeOf<number | null | undefined>();
  } else if (page.status === 429) {
    expectTypeOf(page.error).toEqualTypeOf<unknown>();
  }
  await kapso.listPhoneNumberWebhooks({ path: { phone_number_id: "123" } });

  // @ts-expect-error page is a number
  await kapso.listPhoneNumberWebhooks({ path: { phone_number_id: "123" }, query: { page: "2" } });

  // @ts-expect-error no such filter
  await kapso.listPhoneNumberWebhooks({ path: { phone_number_id: "123" }, query: { kind: "kapso" } });

  const created = await kapso.createPhoneNumberWebhook({
    path: { phone_number_id: "123" },
    body: {
      whatsapp_webhook: { url: "https://example.com/hook", events: ["whatsapp.message.received"], active: true },
    },
  });
  if (created.ok) {
    expectTypeOf(created.status).toEqualTypeOf<201>();
    expectTypeOf(created.data.data).toEqualTypeOf<KapsoWebhook>();
  }

  // @ts-expect-error the webhook must be wrapped in whatsapp_webhook
  await kapso.createPhoneNumberWebhook({ path: { phone_number_id: "123" }, body: { url: "https://example.com/hook" } });

  const updated = await kapso.updatePhoneNumberWebhook({
    path: { phone_number_id: "123", webhook_id: "9e8d7c6b-5a4f-3e2d-1c0b-9a8f7e6d5c4b" },
    body: fixtures.updatePhoneNumberWebhook.request.body,
  });
  if (updated.ok) expectTypeOf(updated.status).toEqualTypeOf<200>();

  // @ts-expect-error the webhook id is a required path parameter
  await kapso.updatePhoneNumberWebhook({ path: { phone_number_id: "123" }, body: { whatsapp_webhook: {} } });

  await kapso.updatePhoneNumberWebhook({
    path: { phone_number_id: "1", webhook_id: "w" },
    // @ts-expect-error buffer_window_seconds is an integer in a request, never null
    body: { whatsapp_webhook: { buffer_window_seconds: null } },
  });
}

type KapsoWebhook = components["schemas"]["Webhook"];

/** The standalone functions: the grouped method's arguments and result, plus the transport first. */
export async function standaloneConsumer(): Promise<string | undefined> {
  const transport = createKapsoTransport({ apiKey: "key" });
  expectTypeOf(transport).toEqualTypeOf<KapsoTransport>();
  expectTypeOf(createKapsoTransport).parameters.toEqualTypeOf<Parameters<typeof createKapsoClient>>();
  expectTypeOf(updatePhoneNumber).parameter(1).toEqualTypeOf<UpdatePhoneNumberArgs>();
  expectTypeOf(updatePhoneNumber).parameter(1).toEqualTypeOf<Parameters<KapsoClient["updatePhoneNumber"]>[0]>();
  expectTypeOf(updatePhoneNumber).returns.toEqualTypeOf<ReturnType<KapsoClient["updatePhoneNumber"]>>();
  expectTypeOf(updatePhoneNumber).returns.resolves.toEqualTypeOf<UpdatePhoneNumberResult>();

  // The new operations keep their operationIds as standalone names, with the grouped methods' types.
  expectTypeOf(getPhoneNumberHealth).returns.resolves.toEqualTypeOf<GetPhoneNumberHealthResult>();
  expectTypeOf(listPhoneNumberWebhooks).parameter(1).toEqualTypeOf<ListPhoneNumberWebhooksArgs>();
  expectTypeOf(listPhoneNumberWebhooks).returns.resolves.toEqualTypeOf<ListPhoneNumberWebhooksResult>();
  expectTypeOf(createPhoneNumberWebhook).returns.toEqualTypeOf<ReturnType<KapsoClient["createPhoneNumberWebhook"]>>();
  expectTypeOf(createPhoneNumberWebhook).returns.resolves.toEqualTypeOf<CreatePhoneNumberWebhookResult>();
  expectTypeOf(updatePhoneNumberWebhook).returns.resolves.toEqualTypeOf<UpdatePhoneNumberWebhookResult>();

  const result = await updatePhoneNumber(transport, {
    path: { phone_number_id: "123" },
    body: { whatsapp_phone_number: {} },
  });
  if (result.ok) {
    expectTypeOf(result.status).toEqualTypeOf<200>();
    return result.data.data.display_phone_number;
  }

  // @ts-expect-error the API key is required, as for the client
  createKapsoTransport({});

  // @ts-expect-error the transport comes first
  await updatePhoneNumber({ path: { phone_number_id: "1" }, body: { whatsapp_phone_number: {} } });

  // @ts-expect-error the arguments are required
  await updatePhoneNumber(transport);

  // @ts-expect-error the path parameter is required
  await updatePhoneNumber(transport, { body: { whatsapp_phone_number: {} } });

  await updatePhoneNumber(transport, {
    path: { phone_number_id: "1" },
    // @ts-expect-error body fields are typed
    body: { whatsapp_phone_number: { access_token: 42 } },
  });

  // @ts-expect-error a client is not a transport
  await connectPhoneNumber(createKapsoClient({ apiKey: "key" }), fixtures.connectPhoneNumber.request);

  // @ts-expect-error another API's transport is not Kapso's
  await updatePhoneNumber({} as Transport<"Github">, fixtures.updatePhoneNumber.request);

  // @ts-expect-error the result's status is one the spec allows
  expectTypeOf(result.status).toEqualTypeOf<200>();
  return undefined;
}
