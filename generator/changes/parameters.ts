/** Compares the parameters of one operation (path-item parameters merged with the operation's own). */
import type { DiffContext, Side } from "./context.js";
import { arrayAt, isRecord, recordAt, sortedUnion, stringAt, type JsonRecord } from "./json.js";
import { locationOf } from "./location.js";
import type { OperationEntry } from "./operations.js";
import { resolveRef } from "./resolve.js";
import { diffSchemas } from "./schema-walk.js";
import type { Finding } from "./types.js";

interface ParameterEntry {
  readonly name: string;
  readonly in: string;
  readonly required: boolean;
  readonly schema: unknown;
}

/** Header names are case-insensitive; every other parameter is matched by exact name. */
function parameterId(name: string, location: string): string {
  return `${location}:${location === "header" ? name.toLowerCase() : name}`;
}

/** A parameter's schema, or the schema of its single `content` entry. */
function parameterSchema(parameter: JsonRecord): unknown {
  if ("schema" in parameter) return parameter["schema"];
  const [firstMediaType] = Object.values(recordAt(parameter, "content") ?? {});
  return isRecord(firstMediaType) ? firstMediaType["schema"] : undefined;
}

function readParameter(side: Side, raw: unknown): ParameterEntry | undefined {
  const parameter = resolveRef(side, raw)?.value;
  if (parameter === undefined) return undefined;
  const name = stringAt(parameter, "name");
  const location = stringAt(parameter, "in");
  if (name === undefined || location === undefined) return undefined;
  // Path parameters are always required, whatever the flag says.
  const required = location === "path" || parameter["required"] === true;
  return { name, in: location, required, schema: parameterSchema(parameter) };
}

/** Operation parameters override path-item parameters with the same name and location. */
export function mergedParameters(side: Side, operation: OperationEntry): Map<string, ParameterEntry> {
  const merged = new Map<string, ParameterEntry>();
  const lists = [arrayAt(operation.pathItem, "parameters") ?? [], arrayAt(operation.operation, "parameters") ?? []];
  for (const raw of lists.flat()) {
    const parameter = readParameter(side, raw);
    if (parameter !== undefined) merged.set(parameterId(parameter.name, parameter.in), parameter);
  }
  return merged;
}

function describeParameter(parameter: ParameterEntry): string {
  return `${parameter.in} parameter ${parameter.name}`;
}

function requiredText(required: boolean): string {
  return required ? "required" : "optional";
}

function compareOneParameter(context: DiffContext, before: ParameterEntry, after: ParameterEntry): Finding[] {
  const location = describeParameter(after);
  const findings: Finding[] = [];
  if (before.required !== after.required) {
    findings.push({
      kind: after.required ? "parameter-became-required" : "parameter-became-optional",
      severity: after.required ? "breaking" : "non-breaking",
      location,
      before: requiredText(before.required),
      after: requiredText(after.required),
    });
  }
  for (const finding of diffSchemas(context, before.schema, after.schema, "request")) {
    const { path, ...rest } = finding;
    findings.push({ ...rest, location: locationOf(location, path) });
  }
  return findings;
}

export function compareParameters(context: DiffContext, before: OperationEntry, after: OperationEntry): Finding[] {
  const oldParameters = mergedParameters(context.before, before);
  const newParameters = mergedParameters(context.after, after);
  return sortedUnion(oldParameters.keys(), newParameters.keys()).flatMap((id): Finding[] => {
    const oldParameter = oldParameters.get(id);
    const newParameter = newParameters.get(id);
    if (oldParameter !== undefined && newParameter !== undefined) {
      return compareOneParameter(context, oldParameter, newParameter);
    }
    if (newParameter !== undefined) {
      return [
        {
          kind: "parameter-added",
          severity: newParameter.required ? "breaking" : "non-breaking",
          location: describeParameter(newParameter),
          after: requiredText(newParameter.required),
        },
      ];
    }
    if (oldParameter === undefined) return [];
    return [
      {
        kind: "parameter-removed",
        severity: "breaking",
        location: describeParameter(oldParameter),
        before: requiredText(oldParameter.required),
      },
    ];
  });
}
