/** Public shapes of the change report: what changed for callers of the generated client. */

export type Severity = "breaking" | "non-breaking";

export type ChangeKind =
  | "operation-added"
  | "operation-removed"
  | "operation-renamed"
  | "parameter-added"
  | "parameter-removed"
  | "parameter-became-required"
  | "parameter-became-optional"
  | "request-body-added"
  | "request-body-removed"
  | "request-body-became-required"
  | "request-body-became-optional"
  | "media-type-added"
  | "media-type-removed"
  | "response-status-added"
  | "response-status-removed"
  | "property-added"
  | "property-removed"
  | "property-became-required"
  | "property-became-optional"
  | "type-changed"
  | "format-changed"
  | "enum-value-added"
  | "enum-value-removed"
  | "enum-added"
  | "enum-removed"
  | "variant-added"
  | "variant-removed";

export interface Change {
  readonly kind: ChangeKind;
  readonly severity: Severity;
  /** Method and path, e.g. "PATCH /whatsapp/phone_numbers/{phone_number_id}". */
  readonly operation: string;
  readonly operationId?: string;
  /** Where inside the operation, e.g. "request body /whatsapp_phone_number/access_token". */
  readonly location?: string;
  /** One line a human reads. */
  readonly message: string;
  readonly before?: string;
  readonly after?: string;
}

export interface ChangeReport {
  readonly changes: readonly Change[];
  readonly summary: { readonly breaking: number; readonly nonBreaking: number };
}

/** A change found inside one operation, before the operation is attached to it. */
export interface Finding {
  readonly kind: ChangeKind;
  readonly severity: Severity;
  readonly location?: string;
  readonly before?: string;
  readonly after?: string;
}

/** Requests are written by callers, responses are read by them: the same edit can break one and not the other. */
export type Direction = "request" | "response";
