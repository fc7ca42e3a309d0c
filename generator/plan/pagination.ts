/**
 * Recognises list operations that page by a known convention, from their parameters and the schema of their success
 * body: by page number (Kapso's `page` + `meta.total_pages`) or by cursor (`after` + a `next` link). A convention can
 * also be named in the config, for specs that use other names; those are tried first.
 */
import type { PageConvention } from "../../templates/runtime.js";
import type { OperationModel } from "../model/index.js";
import { appendPointer, isObject } from "../spec/pointer.js";
import { walkAllOf } from "../spec/all-of.js";
import { isJsonMediaType } from "../spec/constants.js";
import { followToObject, locateObject } from "../spec/refs.js";

/** A convention as the config names it: body paths dotted from the root of the success body (`meta.total_pages`). */
export type PaginationConvention =
  | { readonly style: "page"; readonly page: string; readonly items: string; readonly totalPages: string }
  | {
      readonly style: "cursor";
      readonly cursor: string;
      readonly items: string;
      readonly next?: string;
      readonly nextCursor?: string;
    };

/** How one operation pages: the convention with its paths split, and where its items are typed. */
export interface PagingPlan {
  /** The shape the generated runtime's `paginate` reads, printed into the client as it is. */
  readonly convention: PageConvention;
  /** The success status and media type whose body holds the items. */
  readonly status: string;
  readonly mediaType: string;
}

/** Kapso's page-number lists, then the cursor lists of Kapso's newer endpoints and Meta's Graph API, then `next_cursor` lists. */
export const BUILT_IN_CONVENTIONS: readonly PaginationConvention[] = [
  { style: "page", page: "page", items: "data", totalPages: "meta.total_pages" },
  { style: "cursor", cursor: "after", items: "data", next: "paging.next", nextCursor: "paging.cursors.after" },
  { style: "cursor", cursor: "after", items: "data", next: "links.next" },
  { style: "cursor", cursor: "cursor", items: "data", nextCursor: "next_cursor" },
];

type Json = Record<string, unknown>;

/** The first convention the operation follows, or undefined when it is not a list that pages. */
export function detectPaging(
  document: Json,
  operation: OperationModel,
  conventions: readonly PaginationConvention[],
): PagingPlan | undefined {
  if (operation.method !== "get") return undefined;
  const success = operation.responses.find(
    (response) => /^2\d\d$/.test(response.status) && response.contents.some((content) => holdsJson(content.mediaType)),
  );
  const content = success?.contents.find((candidate) => holdsJson(candidate.mediaType));
  if (success === undefined || content === undefined) return undefined;
  const body = schemaAt(document, appendPointer(content.pointer, "schema"));
  if (body === undefined) return undefined;
  const queryNames = new Set(
    operation.parameters.filter((parameter) => parameter.in === "query").map((parameter) => parameter.name),
  );
  for (const convention of conventions) {
    const items = split(convention.items);
    const itemsSchema = propertyAt(document, body, items);
    if (itemsSchema === undefined || !isArraySchema(itemsSchema)) continue;
    if (convention.style === "page") {
      const totalPages = split(convention.totalPages);
      if (!queryNames.has(convention.page) || propertyAt(document, body, totalPages) === undefined) continue;
      return {
        convention: { style: "page", page: convention.page, items, totalPages },
        status: success.status,
        mediaType: content.mediaType,
      };
    }
    const next = convention.next === undefined ? undefined : split(convention.next);
    const nextCursor = convention.nextCursor === undefined ? undefined : split(convention.nextCursor);
    const hasNext = next !== undefined && propertyAt(document, body, next) !== undefined;
    const hasCursor = nextCursor !== undefined && propertyAt(document, body, nextCursor) !== undefined;
    if (!queryNames.has(convention.cursor) || !(hasNext || hasCursor)) continue;
    return {
      convention: {
        style: "cursor",
        cursor: convention.cursor,
        items,
        ...(hasNext ? { next } : {}),
        ...(hasCursor ? { nextCursor } : {}),
      },
      status: success.status,
      mediaType: content.mediaType,
    };
  }
  return undefined;
}

/** `application/json`, `application/problem+json`: a body named JSON, that the items can be read from. */
function holdsJson(mediaType: string): boolean {
  return isJsonMediaType(mediaType) && mediaType !== "*/*";
}

function split(path: string): string[] {
  return path.split(".").filter((part) => part !== "");
}

/** The schema at `pointer`, its `$ref` chain followed (a cycle leads nowhere). */
function schemaAt(document: Json, pointer: string): Json | undefined {
  return locateObject(document, pointer)?.value;
}

/** The schema `schema` stands for after its `$ref`s. */
function resolved(document: Json, schema: unknown): Json | undefined {
  return followToObject(document, schema, "")?.value;
}

/** Follows property names through `properties`, looking into `allOf` members too (a paged list is often base + page). */
function propertyAt(document: Json, schema: Json, path: readonly string[]): Json | undefined {
  let current: Json | undefined = schema;
  for (const name of path) {
    current = current === undefined ? undefined : ownProperty(document, current, name);
    if (current === undefined) return undefined;
  }
  return current;
}

/** The first `properties[name]` met in `schema`, its `$ref`s and its `allOf` members, after its own `$ref`s. */
function ownProperty(document: Json, schema: Json, name: string): Json | undefined {
  let found: { readonly value: unknown } | undefined;
  walkAllOf(document, schema, {
    enter(member) {
      const properties = member["properties"];
      if (found === undefined && isObject(properties) && Object.hasOwn(properties, name)) {
        found = { value: properties[name] };
      }
    },
  });
  return found === undefined ? undefined : resolved(document, found.value);
}

function isArraySchema(schema: Json): boolean {
  const type = schema["type"];
  return (
    type === "array" ||
    (Array.isArray(type) && type.includes("array")) ||
    (type === undefined && schema["items"] !== undefined)
  );
}
