/**
 * The documented Kapso examples (specs/kapso-docs/, byte for byte from the docs) against the spec and the generated
 * fixtures: each is the spec's example of its operation, validates against its schema (but the one the docs
 * contradict), and is the fixture; where the docs contradict the schema, only that value is replaced.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { createFixtureValidator } from "../../generator/fixtures/validate.js";
import * as fixtures from "../../generated/kapso/fixtures.js";
import { kapsoSpec, root } from "../support/run.js";

const docs = join(root, "specs", "kapso-docs");
const text = (file: string): string => readFileSync(join(docs, file), "utf8");
const documented = (file: string): unknown => JSON.parse(text(file));
const spec = parse(readFileSync(kapsoSpec, "utf8")) as Record<string, unknown>;
const bundled = JSON.parse(readFileSync(join(root, "generated", "kapso", "openapi.json"), "utf8")) as Record<
  string,
  unknown
>;
const validate = createFixtureValidator(bundled);

/** The documented curl command: its method, its URL after the server, and the JSON after `--data '`. */
function documentedRequest(file: string): { method: string; path: string; body: unknown } {
  const curl = text(file);
  const method = /--request (\w+)/.exec(curl)?.[1];
  const path = /--url https:\/\/api\.kapso\.ai\/platform\/v1(\S+)/.exec(curl)?.[1];
  if (method === undefined || path === undefined) throw new Error(`${file}: no --request or --url`);
  const data = /--data '([\s\S]*)'\s*$/.exec(curl)?.[1];
  return { method, path, body: data === undefined ? undefined : JSON.parse(data) };
}

interface DocumentedOperation {
  readonly page: string;
  readonly operation: keyof typeof fixtures;
  readonly status: string;
}

/** Each documented page: its files are `<page>.request.sh` and `<page>.response.json`. */
const pages: readonly DocumentedOperation[] = [
  { page: "update-phone-number", operation: "updatePhoneNumber", status: "200" },
  { page: "connect-phone-number", operation: "connectPhoneNumber", status: "200" },
  { page: "check-phone-health", operation: "getPhoneNumberHealth", status: "200" },
  { page: "list-webhooks", operation: "listPhoneNumberWebhooks", status: "200" },
  { page: "create-webhook", operation: "createPhoneNumberWebhook", status: "201" },
  { page: "update-webhook", operation: "updatePhoneNumberWebhook", status: "200" },
];

/** The operation's JSON pointer, found by operationId (the same in the spec and its bundled copy). */
function operationPointer(
  document: Record<string, unknown>,
  operationId: string,
): { pointer: string; method: string; path: string } {
  for (const [path, item] of Object.entries(
    document["paths"] as Record<string, Record<string, { operationId?: string }>>,
  )) {
    for (const [method, operation] of Object.entries(item)) {
      if (operation.operationId === operationId)
        return { pointer: `/paths/${path.replace(/~/g, "~0").replace(/\//g, "~1")}/${method}`, method, path };
    }
  }
  throw new Error(`no operation ${operationId}`);
}

function at(document: unknown, pointer: string): unknown {
  return pointer
    .split("/")
    .slice(1)
    .map((token) => token.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], document);
}

const JSON_MEDIA = "content/application~1json";

describe("the documented Kapso examples", () => {
  it("are all covered: every file in specs/kapso-docs/ belongs to a page above", () => {
    const files = readdirSync(docs).filter((file) => file !== "README.md");
    expect(files.sort()).toEqual(pages.flatMap(({ page }) => [`${page}.request.sh`, `${page}.response.json`]).sort());
  });

  describe.each(pages)("$page ($operation)", ({ page, operation, status }) => {
    const { pointer, method, path } = operationPointer(spec, operation);
    const request = documentedRequest(`${page}.request.sh`);
    const response = documented(`${page}.response.json`);
    const responsePointer = `${pointer}/responses/${status}/${JSON_MEDIA}`;
    const requestPointer = `${pointer}/requestBody/${JSON_MEDIA}`;

    it("the documented request is this operation's method and path", () => {
      expect([request.method, request.path]).toEqual([method.toUpperCase(), path]);
    });

    it("the documented response is the spec's example of that status", () => {
      expect(at(spec, `${responsePointer}/example`)).toEqual(response);
    });

    it("the documented request body, if any, is the spec's example of the body", () => {
      expect(at(spec, `${requestPointer}/example`)).toEqual(request.body);
      if (request.body !== undefined) expect(at(bundled, `${requestPointer}/schema`)).toBeDefined();
    });

    it("the documented request body validates against its schema", () => {
      if (request.body === undefined) return expect(at(spec, `${pointer}/requestBody`)).toBeUndefined();
      expect(validate(`${requestPointer}/schema`, request.body, { direction: "request" })).toEqual([]);
    });

    it("the documented request body is the fixture's body", () => {
      expect((fixtures[operation].request as { body?: unknown }).body).toEqual(request.body);
    });
  });

  it.each(pages.filter(({ page }) => page !== "connect-phone-number"))(
    "$page: the response validates against its schema and is the fixture",
    ({ page, operation, status }) => {
      const { pointer } = operationPointer(bundled, operation);
      const response = documented(`${page}.response.json`);
      expect(
        validate(`${pointer}/responses/${status}/${JSON_MEDIA}/schema`, response, { direction: "response" }),
      ).toEqual([]);
      expect((fixtures[operation].responses as Record<string, unknown>)[status]).toEqual(response);
    },
  );

  it("connect-phone-number: the response breaks its schema only where the docs contradict themselves; the fixture replaces that value only", () => {
    const { pointer } = operationPointer(bundled, "connectPhoneNumber");
    const response = documented("connect-phone-number.response.json") as { data: Record<string, unknown> };
    const issues = validate(`${pointer}/responses/200/${JSON_MEDIA}/schema`, response, { direction: "response" });
    expect(issues.map((issue) => issue.pointer)).toEqual(["/data/whatsapp_business_manager_messaging_limit"]);
    const fixture = fixtures.connectPhoneNumber.responses[200];
    expect(typeof fixture.data.whatsapp_business_manager_messaging_limit).toBe("number");
    expect({ ...fixture.data, whatsapp_business_manager_messaging_limit: "10000" }).toEqual(response.data);
  });
});

describe("the documented rate limit", () => {
  const operations = pages.map(({ operation }) => operationPointer(bundled, operation).pointer);

  it("is a 429 on every operation of the spec, through one shared response", () => {
    const all = Object.values(
      bundled["paths"] as Record<string, Record<string, { responses?: Record<string, unknown> }>>,
    ).flatMap((item) => Object.values(item));
    expect(all).toHaveLength(operations.length);
    for (const pointer of operations)
      expect(at(bundled, `${pointer}/responses/429`), pointer).toEqual({ $ref: "#/components/responses/RateLimited" });
  });

  it("carries the three documented headers, each required, as integers; Retry-After's example is the documented 60", () => {
    const headers = at(bundled, "/components/responses/RateLimited/headers") as Record<string, { $ref: string }>;
    expect(Object.keys(headers).sort()).toEqual(["Retry-After", "X-RateLimit-Limit", "X-RateLimit-Remaining"]);
    for (const [name, header] of Object.entries(headers)) {
      expect(header.$ref).toBe(`#/components/headers/${name}`);
      expect(at(bundled, `/components/headers/${name}`)).toMatchObject({ required: true, schema: { type: "integer" } });
    }
    expect(at(bundled, "/components/headers/Retry-After/example")).toBe(60);
    expect(at(bundled, "/components/headers/X-RateLimit-Remaining/example")).toBe(0);
  });
});
