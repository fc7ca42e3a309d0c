/** The Kapso fixtures are the documented examples; where the docs contradict the schema, only that value is replaced. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import * as fixtures from "../../generated/kapso/fixtures.js";
import { root } from "../support/run.js";

const docs = join(root, "specs", "kapso-docs");
const documented = (file: string): unknown => JSON.parse(readFileSync(join(docs, file), "utf8"));

describe("Kapso fixtures", () => {
  it("updatePhoneNumber: the documented response, as documented", () => {
    expect(fixtures.updatePhoneNumber.responses[200]).toEqual(documented("update-phone-number.response.json"));
  });

  it("connectPhoneNumber: the documented response, with only the contradicting messaging limit made an integer", () => {
    const response = documented("connect-phone-number.response.json") as { data: Record<string, unknown> };
    const fixture = fixtures.connectPhoneNumber.responses[200];
    expect(typeof fixture.data.whatsapp_business_manager_messaging_limit).toBe("number");
    expect({ ...fixture.data, whatsapp_business_manager_messaging_limit: "10000" }).toEqual(response.data);
  });

  it("requests: the documented bodies", () => {
    const body = (file: string): unknown => JSON.parse(/--data '([\s\S]*)'\s*$/.exec(readFileSync(join(docs, file), "utf8"))?.[1] ?? "null");
    expect(fixtures.updatePhoneNumber.request.body).toEqual(body("update-phone-number.request.sh"));
    expect(fixtures.connectPhoneNumber.request.body).toEqual(body("connect-phone-number.request.sh"));
  });
});
