import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { compareSpecs, formatChangeReportText } from "../../generator/changes/index.js";

type Json = Record<string, unknown>;

const SPEC_URL = new URL("../../specs/kapso-platform.yaml", import.meta.url);
const UPDATE_PATH = "/whatsapp/phone_numbers/{phone_number_id}";

function isJson(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function child(value: unknown, ...keys: readonly string[]): Json {
  let current = value;
  for (const key of keys) current = isJson(current) ? current[key] : undefined;
  if (!isJson(current)) throw new Error(`no object at ${keys.join("/")}`);
  return current;
}

/** Follows a local `$ref` (the spec is bundled), so the test does not depend on component names. */
function deref(document: Json, value: Json): Json {
  const ref = value["$ref"];
  if (typeof ref !== "string") return value;
  return deref(document, child(document, ...ref.replace(/^#\//, "").split("/")));
}

function findOperation(document: Json, operationId: string): Json {
  for (const pathItem of Object.values(child(document, "paths"))) {
    for (const operation of Object.values(isJson(pathItem) ? pathItem : {})) {
      if (isJson(operation) && operation["operationId"] === operationId) return operation;
    }
  }
  throw new Error(`operation ${operationId} not found`);
}

function phoneNumberSchema(document: Json): Json {
  const update = findOperation(document, "updatePhoneNumber");
  const envelope = deref(document, child(update, "responses", "200", "content", "application/json", "schema"));
  return deref(document, child(envelope, "properties", "data"));
}

function updateInputSchema(document: Json): Json {
  const update = findOperation(document, "updatePhoneNumber");
  const body = deref(
    document,
    child(deref(document, child(update, "requestBody")), "content", "application/json", "schema"),
  );
  return deref(document, child(body, "properties", "whatsapp_phone_number"));
}

function loadSpec(): Json {
  const parsed: unknown = parse(readFileSync(SPEC_URL, "utf8"));
  if (!isJson(parsed)) throw new Error("the Kapso spec is not an object");
  return parsed;
}

/** The edits a new spec version might bring; each checks first that it really changes something. */
function modifiedCopy(original: Json): Json {
  const copy = structuredClone(original);
  const phoneNumber = child(phoneNumberSchema(copy), "properties");
  expect(phoneNumber).toHaveProperty("status");
  delete phoneNumber["status"];
  expect(child(phoneNumber, "quality_rating")).not.toHaveProperty("enum");
  child(phoneNumber, "quality_rating")["enum"] = ["GREEN", "YELLOW", "RED", "NA", "UNKNOWN"];

  const input = updateInputSchema(copy);
  const required = Array.isArray(input["required"]) ? input["required"] : [];
  expect(required).not.toContain("access_token");
  input["required"] = [...required, "access_token"];

  const update = findOperation(copy, "updatePhoneNumber");
  const parameters = Array.isArray(update["parameters"]) ? update["parameters"] : [];
  update["parameters"] = [...parameters, { name: "fields", in: "query", required: false, schema: { type: "string" } }];

  findOperation(copy, "connectPhoneNumber")["operationId"] = "connectWhatsappPhoneNumber";
  return copy;
}

describe("the Kapso spec", () => {
  it("has no changes against itself", () => {
    const spec = loadSpec();
    expect(compareSpecs(spec, loadSpec()).changes).toEqual([]);
    expect(findOperation(spec, "updatePhoneNumber")).toBe(child(spec, "paths", UPDATE_PATH, "patch"));
  });

  it("reports exactly the edits of a modified copy, with their severities", () => {
    const original = loadSpec();
    const report = compareSpecs(original, modifiedCopy(original));
    const connect = "POST /customers/{customer_id}/whatsapp/phone_numbers";
    const update = `PATCH ${UPDATE_PATH}`;
    const seen = report.changes.map(({ operation, operationId, kind, severity, location }) => ({
      operation,
      operationId,
      kind,
      severity,
      location,
    }));
    const connectId = "connectWhatsappPhoneNumber";
    const updateId = "updatePhoneNumber";
    expect(seen).toEqual([
      {
        operation: connect,
        operationId: connectId,
        kind: "operation-renamed",
        severity: "breaking",
        location: undefined,
      },
      {
        operation: connect,
        operationId: connectId,
        kind: "enum-added",
        severity: "non-breaking",
        location: "response 200 /data/quality_rating",
      },
      {
        operation: connect,
        operationId: connectId,
        kind: "property-removed",
        severity: "breaking",
        location: "response 200 /data/status",
      },
      {
        operation: update,
        operationId: updateId,
        kind: "parameter-added",
        severity: "non-breaking",
        location: "query parameter fields",
      },
      {
        operation: update,
        operationId: updateId,
        kind: "property-became-required",
        severity: "breaking",
        location: "request body /whatsapp_phone_number/access_token",
      },
      {
        operation: update,
        operationId: updateId,
        kind: "enum-added",
        severity: "non-breaking",
        location: "response 200 /data/quality_rating",
      },
      {
        operation: update,
        operationId: updateId,
        kind: "property-removed",
        severity: "breaking",
        location: "response 200 /data/status",
      },
    ]);
    expect(report.summary).toEqual({ breaking: 4, nonBreaking: 3 });
    expect(report.changes[0]).toMatchObject({ before: "connectPhoneNumber", after: connectId });
    expect(formatChangeReportText(report).split("\n")[0]).toBe("4 breaking, 3 non-breaking changes");
  });

  it("reports the reverse edits with the opposite view of each", () => {
    const original = loadSpec();
    const report = compareSpecs(modifiedCopy(original), original);
    const bySeverity = report.changes.map((change) => `${change.severity} ${change.kind} ${change.location ?? ""}`);
    expect(bySeverity).toEqual([
      "breaking operation-renamed ",
      "breaking enum-removed response 200 /data/quality_rating",
      "non-breaking property-added response 200 /data/status",
      "breaking parameter-removed query parameter fields",
      "non-breaking property-became-optional request body /whatsapp_phone_number/access_token",
      "breaking enum-removed response 200 /data/quality_rating",
      "non-breaking property-added response 200 /data/status",
    ]);
  });
});
