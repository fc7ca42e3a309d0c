/** Compares the structure below a schema node: object properties, array items, map values. */
import type { DiffContext } from "./context.js";
import { isRecord, recordAt, sortedUnion, stringsAt, type JsonRecord } from "./json.js";
import { ADDITIONAL_PROPERTIES_SEGMENT, ITEMS_SEGMENT, propertySegment } from "./location.js";
import { schemaNode } from "./schema-node.js";
import type { PairOutcome, PendingPair, SchemaFinding } from "./schema-types.js";
import { fixedSeverity, propertyAddedSeverity } from "./severity.js";
import type { Direction } from "./types.js";

function requiredText(required: boolean): string {
  return required ? "required" : "optional";
}

function requirednessFinding(
  wasRequired: boolean,
  isRequired: boolean,
  direction: Direction,
  path: readonly string[],
): SchemaFinding[] {
  if (wasRequired === isRequired) return [];
  const kind = isRequired ? "property-became-required" : "property-became-optional";
  return [
    {
      kind,
      severity: fixedSeverity(kind, direction),
      path,
      before: requiredText(wasRequired),
      after: requiredText(isRequired),
    },
  ];
}

export function compareProperties(
  context: DiffContext,
  before: JsonRecord,
  after: JsonRecord,
  direction: Direction,
  path: readonly string[],
): PairOutcome {
  const oldProperties = recordAt(before, "properties");
  const newProperties = recordAt(after, "properties");
  if (oldProperties === undefined && newProperties === undefined) return { findings: [], children: [] };
  const oldRequired = new Set(stringsAt(before, "required"));
  const newRequired = new Set(stringsAt(after, "required"));
  const findings: SchemaFinding[] = [];
  const children: PendingPair[] = [];
  const names = sortedUnion(Object.keys(oldProperties ?? {}), Object.keys(newProperties ?? {}));
  for (const name of names) {
    const propertyPath = [...path, propertySegment(name)];
    const existed = oldProperties !== undefined && Object.hasOwn(oldProperties, name);
    const exists = newProperties !== undefined && Object.hasOwn(newProperties, name);
    if (!exists) {
      findings.push({
        kind: "property-removed",
        severity: fixedSeverity("property-removed", direction),
        path: propertyPath,
        before: requiredText(oldRequired.has(name)),
      });
    } else if (!existed) {
      findings.push({
        kind: "property-added",
        severity: propertyAddedSeverity(direction, newRequired.has(name)),
        path: propertyPath,
        after: requiredText(newRequired.has(name)),
      });
    } else {
      findings.push(...requirednessFinding(oldRequired.has(name), newRequired.has(name), direction, propertyPath));
      children.push({
        before: schemaNode(context.before, oldProperties[name]),
        after: schemaNode(context.after, newProperties[name]),
        path: propertyPath,
      });
    }
  }
  return { findings, children };
}

/** Array items and `additionalProperties` maps, compared only when both sides describe them. */
export function nestedChildren(
  context: DiffContext,
  before: JsonRecord,
  after: JsonRecord,
  path: readonly string[],
): PendingPair[] {
  const children: PendingPair[] = [];
  const nested: ReadonlyArray<readonly [string, string]> = [
    ["items", ITEMS_SEGMENT],
    ["additionalProperties", ADDITIONAL_PROPERTIES_SEGMENT],
  ];
  for (const [key, segment] of nested) {
    if (isRecord(before[key]) && isRecord(after[key])) {
      children.push({
        before: schemaNode(context.before, before[key]),
        after: schemaNode(context.after, after[key]),
        path: [...path, segment],
      });
    }
  }
  return children;
}
