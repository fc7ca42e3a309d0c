/** Small builders for inline OpenAPI documents used by the change report tests. */
import type { ChangeReport } from "../../generator/changes/index.js";

export type Version = "3.0.3" | "3.1.0";
export const VERSIONS: readonly Version[] = ["3.0.3", "3.1.0"];

type Json = Record<string, unknown>;

export function documentOf(version: Version, paths: Json, components: Json = {}): Json {
  return { openapi: version, info: { title: "test", version: "1" }, paths, components };
}

/** A document holding one PATCH /things/{id} operation built from the given parts. */
export function patchDocument(version: Version, operation: Json, components: Json = {}): Json {
  const base: Json = { operationId: "updateThing", responses: { "204": { description: "done" } } };
  return documentOf(version, { "/things/{id}": { patch: { ...base, ...operation } } }, components);
}

export function jsonContent(schema: unknown): Json {
  return { "application/json": { schema } };
}

export function jsonBody(schema: unknown, required = true): Json {
  return { required, content: jsonContent(schema) };
}

export function okResponse(schema: unknown): Json {
  return { "200": { description: "ok", content: jsonContent(schema) } };
}

export function objectSchema(properties: Json, required: readonly string[] = []): Json {
  return required.length === 0 ? { type: "object", properties } : { type: "object", properties, required };
}

/** The parts of each change that tables assert on. */
export interface BriefChange {
  readonly kind: string;
  readonly severity: string;
  readonly location?: string;
}

export function brief(report: ChangeReport): BriefChange[] {
  return report.changes.map((change) => ({
    kind: change.kind,
    severity: change.severity,
    ...(change.location === undefined ? {} : { location: change.location }),
  }));
}
