/** One readable line per change. */
import type { ChangeKind } from "./types.js";

interface MessageInput {
  readonly kind: ChangeKind;
  /** The location inside the operation, or the operation itself for operation-level changes. */
  readonly subject: string;
  readonly before: string;
  readonly after: string;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const MESSAGES: Readonly<Record<ChangeKind, (input: MessageInput) => string>> = {
  "operation-added": ({ subject }) => `Operation ${subject} added`,
  "operation-removed": ({ subject }) => `Operation ${subject} removed`,
  "operation-renamed": ({ before, after }) =>
    `operationId changed from ${before} to ${after}, so the generated function is renamed`,
  "parameter-added": ({ subject, after }) => `${capitalize(after)} ${subject} added`,
  "parameter-removed": ({ subject }) => `${capitalize(subject)} removed`,
  "parameter-became-required": ({ subject }) => `${capitalize(subject)} became required`,
  "parameter-became-optional": ({ subject }) => `${capitalize(subject)} became optional`,
  "request-body-added": ({ after }) => `${capitalize(after)} request body added`,
  "request-body-removed": () => "Request body removed",
  "request-body-became-required": () => "Request body became required",
  "request-body-became-optional": () => "Request body became optional",
  "media-type-added": ({ subject, after }) => `Media type ${after} added to ${subject}`,
  "media-type-removed": ({ subject, before }) => `Media type ${before} removed from ${subject}`,
  "response-status-added": ({ subject }) => `${capitalize(subject)} added`,
  "response-status-removed": ({ subject }) => `${capitalize(subject)} removed`,
  "property-added": ({ subject, after }) => `${capitalize(after)} property added at ${subject}`,
  "property-removed": ({ subject }) => `Property removed at ${subject}`,
  "property-became-required": ({ subject }) => `${capitalize(subject)} became required`,
  "property-became-optional": ({ subject }) => `${capitalize(subject)} became optional`,
  "type-changed": ({ subject, before, after }) => `Type of ${subject} changed from ${before} to ${after}`,
  "format-changed": ({ subject, before, after }) => `Format of ${subject} changed from ${before} to ${after}`,
  "enum-value-added": ({ subject, after }) => `Enum value ${after} added at ${subject}`,
  "enum-value-removed": ({ subject, before }) => `Enum value ${before} removed at ${subject}`,
  "enum-added": ({ subject, after }) => `${capitalize(subject)} restricted to the values ${after}`,
  "enum-removed": ({ subject }) => `${capitalize(subject)} no longer restricted to a list of values`,
  "variant-added": ({ subject, after }) => `Union member ${after} added at ${subject}`,
  "variant-removed": ({ subject, before }) => `Union member ${before} removed at ${subject}`,
};

export function changeMessage(kind: ChangeKind, subject: string, before?: string, after?: string): string {
  return MESSAGES[kind]({ kind, subject, before: before ?? "(none)", after: after ?? "(none)" });
}
