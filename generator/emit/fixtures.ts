/**
 * Emits the generated part of fixtures.ts: per operation an example request (typed by its Args) and an example body
 * per documented response (typed by the spec's type for that status), each checked by `satisfies`.
 */
import { printStructure, StructureKind, VariableDeclarationKind, type StatementStructures } from "ts-morph";
import type { OperationModel, ResponseModel } from "../model/index.js";
import type { ClientPlan, OperationPlan } from "../plan/index.js";
import { isJsonMediaType, mentions, operationAlias, operationLabel, requestContent } from "./client.js";
import { printKey, printLiteral } from "./literal.js";

/** Decides fixture values; the fixtures stage implements it (spec examples first, then synthesized values). */
export interface FixtureValues {
  parameter(parameterPointer: string): unknown;
  body(mediaTypePointer: string, direction: "request" | "response"): unknown;
}

const ARG_NAMES = { path: "path", query: "query", header: "headers", cookie: "cookies" } as const;

export function emitFixturesRegion(plan: ClientPlan, values: FixtureValues): string {
  const statements: StatementStructures[] = [];
  for (const operation of plan.operations) {
    const initializer = operationFixture(operation, values);
    // The alias only when used: output must compile under noUnusedLocals.
    if (mentions(initializer, operation.operationType)) statements.push(operationAlias(operation));
    statements.push({
      kind: StructureKind.VariableStatement,
      isExported: true,
      declarationKind: VariableDeclarationKind.Const,
      docs: [`Fixtures of \`${operation.functionName}\` (${operationLabel(operation.operation)}).`],
      declarations: [{ name: operation.fixtureName, initializer }],
    });
  }
  return printStructure({ kind: StructureKind.SourceFile, statements }, { indentNumberOfSpaces: 2 });
}

function operationFixture(plan: OperationPlan, values: FixtureValues): string {
  const request = `${printLiteral(requestFixture(plan.operation, values), "  ")} satisfies client.${plan.argsType}`;
  const responses = plan.operation.responses
    .map((response) => responseFixture(plan.operationType, response, values))
    .filter((entry): entry is string => entry !== undefined);
  return `{\n  request: ${request},\n  responses: {${responses.map((entry) => `\n    ${entry},`).join("")}\n  },\n}`;
}

/** Required parameters always; optional ones only where the spec gives an example (a synthesized one adds noise). */
function requestFixture(operation: OperationModel, values: FixtureValues): Record<string, unknown> {
  const request: Record<string, Record<string, unknown> | unknown> = {};
  for (const parameter of operation.parameters) {
    if (!parameter.required) continue;
    const group = ARG_NAMES[parameter.in];
    const bucket = (request[group] ??= {}) as Record<string, unknown>;
    bucket[parameter.name] = values.parameter(parameter.pointer);
  }
  const body = requestContent(operation);
  if (body) request["body"] = values.body(body.pointer, "request");
  return request;
}

function responseFixture(op: string, response: ResponseModel, values: FixtureValues): string | undefined {
  const content = response.contents.find((candidate) => isJsonMediaType(candidate.mediaType)) ?? response.contents.find((candidate) => /^text\//i.test(candidate.mediaType));
  if (!content) return undefined;
  const key = /^\d+$/.test(response.status) ? response.status : JSON.stringify(response.status);
  const value = printLiteral(values.body(content.pointer, "response"), "    ");
  return `${/^\d+$/.test(response.status) ? response.status : printKey(response.status)}: ${value} satisfies ${op}["responses"][${key}]["content"][${JSON.stringify(content.mediaType)}]`;
}
