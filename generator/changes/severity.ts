/**
 * Severity rules for schema edits. A request schema is written by the caller, so narrowing it breaks callers;
 * a response schema is read by the caller, so widening it breaks them (unhandled values, undefined reads).
 */
import type { Direction, Severity } from "./types.js";

type FixedSchemaKind =
  | "property-removed"
  | "property-became-required"
  | "property-became-optional"
  | "enum-value-added"
  | "enum-value-removed"
  | "enum-added"
  | "enum-removed"
  | "variant-added"
  | "variant-removed";

const FIXED: Readonly<Record<FixedSchemaKind, Readonly<Record<Direction, Severity>>>> = {
  // Sent: the excess property no longer type-checks. Read: code using it no longer compiles.
  "property-removed": { request: "breaking", response: "breaking" },
  "property-became-required": { request: "breaking", response: "non-breaking" },
  // Read: callers may now get undefined.
  "property-became-optional": { request: "non-breaking", response: "breaking" },
  // Read: exhaustive switches over the enum miss the new value.
  "enum-value-added": { request: "non-breaking", response: "breaking" },
  "enum-value-removed": { request: "breaking", response: "non-breaking" },
  "enum-added": { request: "breaking", response: "non-breaking" },
  "enum-removed": { request: "non-breaking", response: "breaking" },
  "variant-added": { request: "non-breaking", response: "breaking" },
  "variant-removed": { request: "breaking", response: "non-breaking" },
};

export function fixedSeverity(kind: FixedSchemaKind, direction: Direction): Severity {
  return FIXED[kind][direction];
}

/** A new property only breaks callers who must now send it. */
export function propertyAddedSeverity(direction: Direction, required: boolean): Severity {
  return direction === "request" && required ? "breaking" : "non-breaking";
}

/** A type or format edit is safe when it widens what callers send or narrows what they read. */
export function reshapeSeverity(direction: Direction, widened: boolean, narrowed: boolean): Severity {
  const safe = direction === "request" ? widened : narrowed;
  return safe ? "non-breaking" : "breaking";
}
