/**
 * End to end against a real Prism mock server: generate a client for a spec, import it, and call EVERY operation
 * with its generated fixture request. Prism (started with `--errors`) validates each request against the spec, so
 * a success proves the client sent what the spec describes; the result must be the documented success variant with
 * the spec's example as data.
 */
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { generate } from "../../generator/index.js";
import { linkNodeModules } from "../edge/edge-specs.js";
import { removeDir, root, tempDir } from "../support/run.js";
import { startPrism, type PrismServer } from "./prism.js";

interface Case {
  readonly spec: string;
  readonly name: string;
  readonly factory: string;
  /** Client options with a credential for every scheme the spec uses. */
  readonly credentials: Readonly<Record<string, string>>;
  /** Calls that break the spec, to prove Prism validates what the client sends (else the successes would prove little). */
  readonly invalid: ReadonlyArray<{ readonly operation: string; readonly args: unknown }>;
  /** Calls with optional parameters too (fixtures hold only required ones): Prism must accept these as well. */
  readonly optional: ReadonlyArray<{ readonly operation: string; readonly args: unknown }>;
}

const PHONE_NUMBER = { phone_number_id: "1234567890" };
const WEBHOOK_ID = "9e8d7c6b-5a4f-3e2d-1c0b-9a8f7e6d5c4b";
const cases: readonly Case[] = [
  {
    spec: join(root, "specs", "kapso-platform.yaml"),
    name: "kapso",
    factory: "createKapsoClient",
    credentials: { apiKey: "e2e-api-key" },
    invalid: [
      {
        operation: "updatePhoneNumber",
        args: { path: { phone_number_id: "1" }, body: { access_token: "not wrapped" } },
      },
      { operation: "listPhoneNumberWebhooks", args: { path: PHONE_NUMBER, query: { per_page: 0 } } },
      { operation: "listPhoneNumberWebhooks", args: { path: PHONE_NUMBER, query: { created_after: "yesterday" } } },
      {
        operation: "createPhoneNumberWebhook",
        args: { path: PHONE_NUMBER, body: { url: "https://example.com/not-wrapped" } },
      },
      {
        operation: "updatePhoneNumberWebhook",
        args: { path: { ...PHONE_NUMBER, webhook_id: "not-a-uuid" }, body: { whatsapp_webhook: {} } },
      },
      {
        operation: "updatePhoneNumberWebhook",
        args: {
          path: { ...PHONE_NUMBER, webhook_id: WEBHOOK_ID },
          body: { whatsapp_webhook: { buffer_window_seconds: "5" } },
        },
      },
    ],
    optional: [
      {
        operation: "listPhoneNumberWebhooks",
        args: {
          path: PHONE_NUMBER,
          query: {
            url_contains: "acme",
            active: false,
            created_after: "2025-01-01T00:00:00Z",
            created_before: "2025-12-31T23:59:59Z",
            page: 2,
            per_page: 50,
          },
        },
      },
      {
        operation: "createPhoneNumberWebhook",
        args: {
          path: PHONE_NUMBER,
          body: {
            whatsapp_webhook: {
              url: "https://example.com/hook",
              buffer_enabled: true,
              buffer_window_seconds: 5,
              max_buffer_size: 20,
              buffer_events: ["whatsapp.message.received"],
            },
          },
        },
      },
      {
        operation: "updatePhoneNumberWebhook",
        args: {
          path: { ...PHONE_NUMBER, webhook_id: WEBHOOK_ID },
          body: { whatsapp_webhook: { active: false, events: ["whatsapp.conversation.ended"] } },
        },
      },
    ],
  },
  {
    spec: join(root, "specs", "features.yaml"),
    name: "features",
    factory: "createFeaturesClient",
    credentials: { bearerAuth: "e2e-token" },
    invalid: [
      {
        operation: "createTask",
        args: { path: { projectId: "6f1c0a9e-3b7d-4d2a-9a51-2f0c8e1b7d34" }, body: { title: "" } },
      },
      { operation: "listProjects", args: { query: { status: ["active", "bogus"] } } },
      {
        operation: "getProject",
        args: { path: { projectId: "6f1c0a9e-3b7d-4d2a-9a51-2f0c8e1b7d34" }, query: { include: ["tasks", "bogus"] } },
      },
      {
        operation: "updateProject",
        args: { path: { projectId: "6f1c0a9e-3b7d-4d2a-9a51-2f0c8e1b7d34" }, body: { name: "missing If-Match" } },
      },
    ],
    optional: [
      {
        operation: "listProjects",
        args: { query: { page: 2, per_page: 100, status: ["active", "draft"] }, headers: { "X-Request-Id": "e2e-1" } },
      },
      {
        operation: "getProject",
        args: { path: { projectId: "6f1c0a9e-3b7d-4d2a-9a51-2f0c8e1b7d34" }, query: { include: ["tasks", "owner"] } },
      },
      {
        operation: "listTasks",
        args: { path: { projectId: "6f1c0a9e-3b7d-4d2a-9a51-2f0c8e1b7d34" }, query: { done: false } },
      },
      { operation: "createProject", args: { body: { name: "No tags" }, headers: { "X-Request-Id": "e2e-2" } } },
    ],
  },
];

/** What the test needs to know of one result, checked at run time (the module is imported dynamically). */
interface CallResult {
  readonly ok: boolean;
  readonly status: number | "network";
  readonly data?: unknown;
  readonly error?: unknown;
}

type Operation = (args: unknown) => Promise<CallResult>;

interface DocumentedOperation {
  readonly label: string;
  /** JSON pointer of the operation object. */
  readonly pointer: string;
  /** `security: []`: callable without a credential. */
  readonly isPublic: boolean;
  readonly responses: Readonly<Record<string, unknown>>;
}

let dir: string;
beforeAll(async () => {
  dir = await tempDir("e2e-prism");
  await linkNodeModules(dir);
  await writeFile(join(dir, "package.json"), JSON.stringify({ private: true, type: "module" }));
});
afterAll(async () => {
  await removeDir(dir);
});

describe.each(cases)("Prism mock of $name ($spec)", (testCase) => {
  let prism: PrismServer;
  let document: Record<string, unknown>;
  let module: Record<string, unknown>;
  let fixtureModule: Record<string, unknown>;
  /** Pointers of the spec examples the generator reported as not matching their schema. */
  let invalidExamples: string[];

  beforeAll(async () => {
    const out = join(dir, testCase.name);
    const generated = await generate({ spec: testCase.spec, out, name: testCase.name });
    invalidExamples = generated.warnings.map((warning) => warning.place.pointer ?? "");
    document = parse(await readFile(testCase.spec, "utf8")) as Record<string, unknown>;
    module = (await import(pathToFileURL(join(out, "index.ts")).href)) as Record<string, unknown>;
    fixtureModule = (await import(pathToFileURL(join(out, "fixtures.ts")).href)) as Record<string, unknown>;
    prism = await startPrism(testCase.spec);
  });
  afterAll(async () => {
    await prism?.stop();
  });

  it("accepts every operation's fixture request and answers with a documented success", async () => {
    const fixtures = fixturesOf(fixtureModule);
    const client = clientOf(module, testCase.factory, { ...testCase.credentials, baseUrl: prism.baseUrl });
    const operations = documentedOperations(document);
    expect(Object.keys(fixtures).sort()).toEqual([...operations.keys()].sort());

    for (const [name, fixture] of Object.entries(fixtures)) {
      const call = client[name];
      const documented = operations.get(name);
      if (!call || !documented) throw new Error(`no client method or spec operation for the fixture ${name}`);
      const result = await call(fixture.request);
      const context = `${name} (${documented.label}) → ${JSON.stringify(result.ok ? result.data : result.error)}\nPrism log:\n${prism.log()}`;

      // Prism rejects requests that break the spec (400, 401, 422 with --errors): none may be rejected.
      expect(result.status, context).not.toBe("network");
      expect([400, 401, 403, 415, 422], context).not.toContain(result.status);
      if (invalidExamples.some((pointer) => pointer.startsWith(`${documented.pointer}/responses/2`))) {
        // The spec's own success example breaks its schema, as the generator warned (the Kapso connect example, on
        // purpose): with --errors Prism then answers 500 for its response, after accepting the request.
        expect(result, context).toMatchObject({ ok: false, status: 500 });
        expect(violatedLocations(result.error), context).toEqual(["response"]);
        continue;
      }
      expect(result.ok, context).toBe(true);
      const status = String(result.status);
      expect(isDocumented(status, documented.responses), context).toBe(true);

      const example = exampleOf(document, documented.responses[status]);
      if (example !== undefined) expect(result.data, context).toEqual(example);
      else expect(result.data === undefined || typeof result.data === "object", context).toBe(true);
    }
  });

  it("accepts optional query (arrays, explode false) and header parameters", async () => {
    const client = clientOf(module, testCase.factory, { ...testCase.credentials, baseUrl: prism.baseUrl });
    for (const { operation, args } of testCase.optional) {
      const call = client[operation];
      if (!call) throw new Error(`no client method ${operation}`);
      const result = await call(args);
      expect(result.ok, `${operation} → ${String(result.status)} ${JSON.stringify(result.error)}\n${prism.log()}`).toBe(
        true,
      );
    }
  });

  it("gets a 422 from Prism for a request that breaks the spec: Prism really validates", async () => {
    const client = clientOf(module, testCase.factory, { ...testCase.credentials, baseUrl: prism.baseUrl });
    for (const { operation, args } of testCase.invalid) {
      const call = client[operation];
      if (!call) throw new Error(`no client method ${operation}`);
      const result = await call(args);
      // Prism answers with the spec's own 422 (or default) response: the body is the spec's example, not the details.
      expect(result, operation).toMatchObject({ ok: false, status: 422 });
    }
  });

  it("reports a request Prism rejects as the error variant, not as a success", async () => {
    const client = clientOf(module, testCase.factory, { baseUrl: prism.baseUrl });
    const operations = documentedOperations(document);
    const [name, fixture] =
      Object.entries(fixturesOf(fixtureModule)).find(([candidate]) => operations.get(candidate)?.isPublic === false) ??
      [];
    const call = name === undefined ? undefined : client[name];
    if (!call || !fixture) throw new Error("the spec has no operation that needs a credential");
    // No credential: Prism answers 401.
    const result = await call(fixture.request);
    expect(result).toMatchObject({ ok: false, status: 401 });
  });
});

/** The fixtures of fixtures.ts, one per operation: the exports that hold a request. */
function fixturesOf(fixtures: Record<string, unknown>): Record<string, { request: unknown }> {
  const entries = Object.entries(fixtures).filter(
    ([, value]) => typeof value === "object" && value !== null && "request" in value,
  );
  return Object.fromEntries(entries) as Record<string, { request: unknown }>;
}

function clientOf(
  module: Record<string, unknown>,
  factory: string,
  options: Record<string, string>,
): Record<string, Operation | undefined> {
  const create = module[factory];
  if (typeof create !== "function") throw new Error(`the generated index.ts exports no ${factory}`);
  const client: unknown = create(options);
  if (typeof client !== "object" || client === null) throw new Error(`${factory} returned no client`);
  return client as Record<string, Operation | undefined>;
}

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/** operationId → its label and responses, straight from the spec (these specs' operationIds are method names). */
function documentedOperations(document: Record<string, unknown>): Map<string, DocumentedOperation> {
  const operations = new Map<string, DocumentedOperation>();
  for (const [path, item] of Object.entries(asRecord(document["paths"]))) {
    for (const [method, operation] of Object.entries(asRecord(item))) {
      const fields = asRecord(operation);
      if (!METHODS.includes(method) || typeof fields["operationId"] !== "string") continue;
      operations.set(fields["operationId"], {
        label: `${method.toUpperCase()} ${path}`,
        pointer: `/paths/${path.replace(/~/g, "~0").replace(/\//g, "~1")}/${method}`,
        isPublic: Array.isArray(fields["security"]) && fields["security"].length === 0,
        responses: asRecord(fields["responses"]),
      });
    }
  }
  return operations;
}

/** Where Prism's violations are ("request" or "response"), from its problem+json error body. */
function violatedLocations(error: unknown): string[] {
  const validation = asRecord(error)["validation"];
  const locations = (Array.isArray(validation) ? validation : []).map((violation) => {
    const location = asRecord(violation)["location"];
    return Array.isArray(location) ? String(location[0]) : "";
  });
  return [...new Set(locations)];
}

/** A success the spec documents: the exact status or its range. */
function isDocumented(status: string, responses: Readonly<Record<string, unknown>>): boolean {
  return status.startsWith("2") && (status in responses || `${status[0]}XX` in responses);
}

/** The example of a response's first media type, following a `$ref` to components/responses. */
function exampleOf(document: Record<string, unknown>, response: unknown): unknown {
  const resolved =
    asRecord(response)["$ref"] === undefined
      ? asRecord(response)
      : asRecord(resolveRef(document, String(asRecord(response)["$ref"])));
  const [media] = Object.values(asRecord(resolved["content"]));
  return asRecord(media)["example"];
}

function resolveRef(document: Record<string, unknown>, ref: string): unknown {
  return ref
    .replace(/^#\//, "")
    .split("/")
    .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce<unknown>((node, key) => asRecord(node)[key], document);
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
