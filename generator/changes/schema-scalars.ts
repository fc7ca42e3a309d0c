/** Compares what a single schema node says about its own values: type, format and enum. */
import type { JsonRecord } from "./json.js";
import type { SchemaFinding } from "./schema-types.js";
import { fixedSeverity, reshapeSeverity } from "./severity.js";
import { describeTypeSet, enumValues, formatOf, isSubsetOf, overlaps, sameTypeSet, typeSetOf } from "./type-set.js";
import type { Direction } from "./types.js";

export interface TypeComparison {
  readonly findings: readonly SchemaFinding[];
  /** No value fits both types: comparing deeper would only list noise. */
  readonly disjoint: boolean;
}

export function compareTypes(
  before: JsonRecord,
  after: JsonRecord,
  direction: Direction,
  path: readonly string[],
): TypeComparison {
  const oldTypes = typeSetOf(before);
  const newTypes = typeSetOf(after);
  if (sameTypeSet(oldTypes, newTypes)) return { findings: [], disjoint: false };
  const severity = reshapeSeverity(direction, isSubsetOf(oldTypes, newTypes), isSubsetOf(newTypes, oldTypes));
  const finding: SchemaFinding = {
    kind: "type-changed",
    severity,
    path,
    before: describeTypeSet(oldTypes),
    after: describeTypeSet(newTypes),
  };
  return { findings: [finding], disjoint: !overlaps(oldTypes, newTypes) };
}

export function compareFormats(
  before: JsonRecord,
  after: JsonRecord,
  direction: Direction,
  path: readonly string[],
): SchemaFinding[] {
  const oldFormat = formatOf(before);
  const newFormat = formatOf(after);
  if (oldFormat === newFormat) return [];
  // Dropping a format accepts more values; adding one promises fewer.
  const severity = reshapeSeverity(direction, newFormat === undefined, oldFormat === undefined);
  const finding: SchemaFinding = { kind: "format-changed", severity, path };
  return [
    {
      ...finding,
      ...(oldFormat === undefined ? {} : { before: oldFormat }),
      ...(newFormat === undefined ? {} : { after: newFormat }),
    },
  ];
}

function valueText(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}

function valueListText(values: readonly unknown[]): string {
  return values.map(valueText).join(", ");
}

function sortedTexts(values: readonly unknown[]): string[] {
  return [...new Set(values.map(valueText))].sort();
}

export function compareEnums(
  before: JsonRecord,
  after: JsonRecord,
  direction: Direction,
  path: readonly string[],
): SchemaFinding[] {
  const oldValues = enumValues(before);
  const newValues = enumValues(after);
  if (oldValues === undefined && newValues === undefined) return [];
  if (oldValues === undefined) {
    return [
      {
        kind: "enum-added",
        severity: fixedSeverity("enum-added", direction),
        path,
        after: valueListText(newValues ?? []),
      },
    ];
  }
  if (newValues === undefined) {
    return [
      {
        kind: "enum-removed",
        severity: fixedSeverity("enum-removed", direction),
        path,
        before: valueListText(oldValues),
      },
    ];
  }
  const oldTexts = new Set(sortedTexts(oldValues));
  const newTexts = new Set(sortedTexts(newValues));
  const removed = [...oldTexts].filter((text) => !newTexts.has(text));
  const added = [...newTexts].filter((text) => !oldTexts.has(text));
  return [
    ...removed.map((text): SchemaFinding => ({
      kind: "enum-value-removed",
      severity: fixedSeverity("enum-value-removed", direction),
      path,
      before: text,
    })),
    ...added.map((text): SchemaFinding => ({
      kind: "enum-value-added",
      severity: fixedSeverity("enum-value-added", direction),
      path,
      after: text,
    })),
  ];
}
