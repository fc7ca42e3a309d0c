/** Compares the `content` maps (media type → schema) of a request body or a response. */
import type { DiffContext } from "./context.js";
import { isRecord, sortedUnion, type JsonRecord } from "./json.js";
import { locationOf } from "./location.js";
import { diffSchemas } from "./schema-walk.js";
import type { Direction, Finding } from "./types.js";

/** The media type most specs use; it is left out of locations to keep them short. */
const DEFAULT_MEDIA_TYPE = "application/json";

/** "Application/JSON; charset=utf-8" and "application/json" are the same media type for a caller. */
export function normalizeMediaType(mediaType: string): string {
  return (mediaType.split(";")[0] ?? "").trim().toLowerCase();
}

function schemasByMediaType(content: JsonRecord | undefined): Map<string, unknown> {
  const schemas = new Map<string, unknown>();
  for (const [mediaType, entry] of Object.entries(content ?? {})) {
    schemas.set(normalizeMediaType(mediaType), isRecord(entry) ? entry["schema"] : undefined);
  }
  return schemas;
}

function schemaPrefix(subject: string, mediaType: string): string {
  return mediaType === DEFAULT_MEDIA_TYPE ? subject : `${subject} [${mediaType}]`;
}

export function compareContent(
  context: DiffContext,
  before: JsonRecord | undefined,
  after: JsonRecord | undefined,
  direction: Direction,
  subject: string,
): Finding[] {
  const oldSchemas = schemasByMediaType(before);
  const newSchemas = schemasByMediaType(after);
  return sortedUnion(oldSchemas.keys(), newSchemas.keys()).flatMap((mediaType): Finding[] => {
    if (!newSchemas.has(mediaType)) {
      return [{ kind: "media-type-removed", severity: "breaking", location: subject, before: mediaType }];
    }
    if (!oldSchemas.has(mediaType)) {
      return [{ kind: "media-type-added", severity: "non-breaking", location: subject, after: mediaType }];
    }
    const prefix = schemaPrefix(subject, mediaType);
    return diffSchemas(context, oldSchemas.get(mediaType), newSchemas.get(mediaType), direction).map(
      ({ path, ...rest }) => ({ ...rest, location: locationOf(prefix, path) }),
    );
  });
}
