/** Narrowing helpers for untyped spec objects. */
import { compareText } from "../spec/constants.js";

export type JsonRecord = Readonly<Record<string, unknown>>;

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function recordAt(source: JsonRecord, key: string): JsonRecord | undefined {
  const value = source[key];
  return isRecord(value) ? value : undefined;
}

export function stringAt(source: JsonRecord, key: string): string | undefined {
  const value = source[key];
  return typeof value === "string" ? value : undefined;
}

export function arrayAt(source: JsonRecord, key: string): readonly unknown[] | undefined {
  const value = source[key];
  return Array.isArray(value) ? value : undefined;
}

export function stringsAt(source: JsonRecord, key: string): readonly string[] {
  return (arrayAt(source, key) ?? []).filter((item): item is string => typeof item === "string");
}

export function sortedUnion(left: Iterable<string>, right: Iterable<string>): string[] {
  return [...new Set([...left, ...right])].sort(compareText);
}
