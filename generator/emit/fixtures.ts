/**
 * Emits the generated part of fixtures.ts: per operation an example request (typed by its Args) and an example body
 * per documented response (typed by the spec's type for that status), each checked by `satisfies`.
 */
import type { StatementStructures } from "ts-morph";
import { printStructure, StructureKind, VariableDeclarationKind } from "./ts-morph.js";
import type { ContentModel, OperationModel, ResponseModel } from "../model/index.js";
import type { ClientPlan, OperationPlan } from "../plan/index.js";
import { isJsonMediaType } from "../spec/constants.js";
import { ARG_NAMES, operationAlias, operationLabel, requestContent, takesBytes } from "./client.js";
import { printWithSlots } from "./literal-slots.js";
import { printKey, printLiteral } from "./literal.js";

/** Decides fixture values; the fixtures stage implements it (spec examples first, then synthesized values). */
export interface FixtureValues {
  parameter(parameterPointer: string): unknown;
  /** Whether the spec gives an example for this parameter (optional parameters appear only then). */
  hasExample(parameterPointer: string): boolean;
  /** `bytes`: the generated type takes only bytes (`BinaryBody`), of which a fixture can be only a string. */
  body(mediaTypePointer: string, direction: "request" | "response", bytes?: boolean): unknown;
}

/** What FixtureValues returns when no value satisfies the schema: that fixture is left out rather than emitted wrong. */
export const NO_FIXTURE = Symbol("no fixture");

/** Which fixtures exist: per operation (by fixture name) the response statuses that got a body. */
export type EmittedFixtures = ReadonlyMap<string, ReadonlySet<string>>;

export function emitFixturesRegion(
  plan: ClientPlan,
  values: FixtureValues,
): { text: string; emitted: EmittedFixtures } {
  // Without operations the file would hold no export, and a script is not a module that index.ts and mock.ts can import.
  if (plan.operations.length === 0) return { text: EMPTY_FIXTURES, emitted: new Map() };
  const emitted = new Map<string, Set<string>>();
  const initializers = plan.operations.map((operation) => {
    const statuses = new Set<string>();
    emitted.set(operation.fixtureName, statuses);
    return operationFixture(operation, values, statuses);
  });
  // The literals are printed already: they go in as slots.
  const text = printWithSlots((slot) => {
    const statements = plan.operations.flatMap((operation, index): StatementStructures[] => [
      // The alias only when used (by a response fixture): output must compile under noUnusedLocals.
      ...((emitted.get(operation.fixtureName)?.size ?? 0) > 0 ? [operationAlias(operation)] : []),
      {
        kind: StructureKind.VariableStatement,
        isExported: true,
        declarationKind: VariableDeclarationKind.Const,
        docs: [`Fixtures of \`${operation.functionName}\` (${operationLabel(operation.operation)}).`],
        declarations: [{ name: operation.fixtureName, initializer: slot(initializers[index] ?? "") }],
      },
    ]);
    return printStructure({ kind: StructureKind.SourceFile, statements }, { indentNumberOfSpaces: 2 });
  });
  return { text, emitted };
}

const EMPTY_FIXTURES = "/** The spec has no operations, so there are no fixtures. */\nexport {};\n";

function operationFixture(plan: OperationPlan, values: FixtureValues, statuses: Set<string>): string {
  const requestValue = requestFixture(plan.operation, values);
  const request =
    requestValue === NO_FIXTURE
      ? ""
      : `\n  request: ${printLiteral(requestValue, "  ")} satisfies client.${plan.argsType},`;
  const responses = plan.operation.responses.flatMap((response) => {
    const entry = responseFixture(plan.operationType, response, values);
    if (entry === undefined) return [];
    statuses.add(response.status);
    return [entry];
  });
  return `{${request}\n  responses: {${responses.map((entry) => `\n    ${entry},`).join("")}\n  },\n}`;
}

/** Required parameters always; optional ones only where the spec gives an example (a synthesized one adds noise). */
function requestFixture(operation: OperationModel, values: FixtureValues): Record<string, unknown> | typeof NO_FIXTURE {
  const request: Record<string, Record<string, unknown> | unknown> = {};
  for (const parameter of operation.parameters) {
    if (!parameter.required && !values.hasExample(parameter.pointer)) continue;
    const value = values.parameter(parameter.pointer);
    if (value === NO_FIXTURE) {
      if (parameter.required) return NO_FIXTURE;
      continue;
    }
    const group = ARG_NAMES[parameter.in];
    const bucket = (request[group] ??= {}) as Record<string, unknown>;
    bucket[parameter.name] = value;
  }
  const body = requestContent(operation);
  if (body) {
    const value = values.body(body.pointer, "request", takesBytes(body.mediaType));
    if (value === NO_FIXTURE) return NO_FIXTURE;
    request["body"] = value;
  }
  return request;
}

/** The content a response fixture is made for: JSON first, else text. */
export function fixtureContent(response: ResponseModel): ContentModel | undefined {
  return (
    response.contents.find((content) => isJsonMediaType(content.mediaType)) ??
    response.contents.find((content) => /^text\//i.test(content.mediaType))
  );
}

function responseFixture(op: string, response: ResponseModel, values: FixtureValues): string | undefined {
  const content = fixtureContent(response);
  if (!content) return undefined;
  const key = /^\d+$/.test(response.status) ? response.status : JSON.stringify(response.status);
  const picked = values.body(content.pointer, "response");
  if (picked === NO_FIXTURE) return undefined;
  const value = printLiteral(picked, "    ");
  return `${/^\d+$/.test(response.status) ? response.status : printKey(response.status)}: ${value} satisfies ${op}["responses"][${key}]["content"][${JSON.stringify(content.mediaType)}]`;
}
