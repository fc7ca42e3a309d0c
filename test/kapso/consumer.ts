/**
 * A consumer of the generated Kapso client, type-checked (never run) by types.test.ts. Each `@ts-expect-error` proves
 * that tsc rejects a wrong call; if the line were accepted, tsc would report the unused directive and the test fails.
 */
import * as fixtures from "../../generated/kapso/fixtures.js";
import { createKapsoClient, type UpdatePhoneNumberResult } from "../../generated/kapso/index.js";

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
