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
  updatePhoneNumber,
  type KapsoClient,
  type KapsoTransport,
  type Transport,
  type UpdatePhoneNumberArgs,
  type UpdatePhoneNumberResult,
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

  // @ts-expect-error body fields are typed
  await kapso.updatePhoneNumber({ path: { phone_number_id: "1" }, body: { whatsapp_phone_number: { access_token: 42 } } });

  // @ts-expect-error the body must be wrapped in whatsapp_phone_number
  await kapso.updatePhoneNumber({ path: { phone_number_id: "1" }, body: { access_token: "t" } });

  // @ts-expect-error the customer id is a path parameter of connectPhoneNumber, not a query
  await kapso.connectPhoneNumber({ query: { customer_id: "c" }, body: { whatsapp_phone_number: {} } });

  const documented: UpdatePhoneNumberResult = await kapso.updatePhoneNumber(fixtures.updatePhoneNumber.request);
  void documented;
  return undefined;
}

/** The standalone functions: the grouped method's arguments and result, plus the transport first. */
export async function standaloneConsumer(): Promise<string | undefined> {
  const transport = createKapsoTransport({ apiKey: "key" });
  expectTypeOf(transport).toEqualTypeOf<KapsoTransport>();
  expectTypeOf(createKapsoTransport).parameters.toEqualTypeOf<Parameters<typeof createKapsoClient>>();
  expectTypeOf(updatePhoneNumber).parameter(1).toEqualTypeOf<UpdatePhoneNumberArgs>();
  expectTypeOf(updatePhoneNumber).parameter(1).toEqualTypeOf<Parameters<KapsoClient["updatePhoneNumber"]>[0]>();
  expectTypeOf(updatePhoneNumber).returns.toEqualTypeOf<ReturnType<KapsoClient["updatePhoneNumber"]>>();
  expectTypeOf(updatePhoneNumber).returns.resolves.toEqualTypeOf<UpdatePhoneNumberResult>();

  const result = await updatePhoneNumber(transport, { path: { phone_number_id: "123" }, body: { whatsapp_phone_number: {} } });
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

  // @ts-expect-error body fields are typed
  await updatePhoneNumber(transport, { path: { phone_number_id: "1" }, body: { whatsapp_phone_number: { access_token: 42 } } });

  // @ts-expect-error a client is not a transport
  await connectPhoneNumber(createKapsoClient({ apiKey: "key" }), fixtures.connectPhoneNumber.request);

  // @ts-expect-error another API's transport is not Kapso's
  await updatePhoneNumber({} as Transport<"Github">, fixtures.updatePhoneNumber.request);

  // @ts-expect-error the result's status is one the spec allows
  expectTypeOf(result.status).toEqualTypeOf<200>();
  return undefined;
}
