/**
 * Every `{name}` in a path template should be declared by the operation (or its path item) as a parameter `in: path`,
 * every `in: path` parameter should appear in the template, and a template should hold no query string. Peers accept
 * specs that break these rules, so by default they are repaired, each with a warning (under `--strict`, an error):
 * - an undeclared `{name}` becomes a required string parameter of the operation;
 * - a parameter the template clearly misspells (`{petId}` and `petID`, or the only unmatched name of each) is renamed
 *   to the template's name; any other parameter missing from the template is left out of the call;
 * - a query string (`/items?type=foo`) stays in the path as written: the runtime sends it as a fixed query.
 */
import { appendPointer, isObject } from "../spec/pointer.js";
import { followToObject } from "../spec/refs.js";
import type { Leniency } from "./leniency.js";
import { HTTP_METHODS } from "../spec/constants.js";
import type { LocatedDocument } from "./parse.js";

interface PathParameter {
  readonly name: string;
  /** Where the list entry (a parameter or a `$ref` to one) is written. */
  readonly pointer: string;
  readonly index: number;
}

/** What happens to the parameters of one list: entries renamed (copied, so a shared component stays as it is), removed, added. */
interface ListEdits {
  readonly list: unknown[];
  readonly pointer: string;
  readonly renamed: Map<number, string>;
  readonly removed: Set<number>;
  readonly added: string[];
}

/** One path template being repaired, and where to report. */
interface PathContext {
  readonly document: LocatedDocument;
  readonly leniency: Leniency;
  readonly path: string;
  /** The template's names, each once. */
  readonly template: readonly string[];
}

/**
 * Repairs (or, under `--strict`, rejects) the path parameters of every operation. Returns the document with a locator
 * that still finds each parameter where it is written, though removed entries shift the indexes after them.
 */
export function repairPathParameters(document: LocatedDocument, leniency: Leniency): LocatedDocument {
  const paths = isObject(document.value) ? document.value["paths"] : undefined;
  if (!isObject(paths)) return document;
  const edits: ListEdits[] = [];
  for (const [path, written] of Object.entries(paths)) {
    const item = followToObject(document.value, written, appendPointer("/paths", path));
    if (item === undefined) continue;
    if (path.includes("?")) tolerateQueryString(document, leniency, path);
    const context: PathContext = { document, leniency, path, template: [...new Set(templateNames(path))] };
    const sharedEdits = editsOf(item.value, appendPointer(item.pointer, "parameters"));
    const sharedNames = repairUnknown(context, sharedEdits, []);
    edits.push(sharedEdits);
    for (const method of HTTP_METHODS) {
      const operation = item.value[method];
      if (isObject(operation))
        edits.push(repairOperation(context, operation, appendPointer(item.pointer, method), sharedEdits, sharedNames));
    }
  }
  const removed = new Map<string, number[]>();
  for (const edit of edits) {
    applyEdits(document.value, edit);
    if (edit.removed.size > 0)
      removed.set(
        edit.pointer,
        [...edit.removed].sort((a, b) => a - b),
      );
  }
  return removed.size === 0
    ? document
    : { value: document.value, locate: locateBeforeRemovals(document.locate, removed) };
}

/** The edits of one operation's own parameters, given what its path item declares. */
function repairOperation(
  context: PathContext,
  operation: Record<string, unknown>,
  pointer: string,
  shared: ListEdits,
  sharedNames: readonly string[],
): ListEdits {
  const { document, leniency, path, template } = context;
  const own = editsOf(operation, appendPointer(pointer, "parameters"));
  const inQuery = queryParameterNames(document.value, [...shared.list, ...own.list]);
  const elsewhere = [...sharedNames, ...queryTemplateNames(path).filter((name) => inQuery.has(name))];
  const declared = [...elsewhere, ...repairUnknown(context, own, elsewhere)];
  for (const missing of template.filter((name) => !declared.includes(name))) {
    leniency.tolerate(
      document.locate(pointer),
      `path parameter {${missing}} of ${JSON.stringify(path)} is not declared: add a parameter with \`in: path\`, \`name: ${missing}\` and \`required: true\` to this operation or its path item`,
      `path parameter {${missing}} of ${JSON.stringify(path)} is not declared: taken as a required string parameter`,
    );
    own.added.push(missing);
  }
  if (own.added.length > 0 && operation["parameters"] === undefined) operation["parameters"] = own.list;
  return own;
}

/** The `{name}`s of a query string written into the template: a query parameter of that name may fill them. */
function queryTemplateNames(path: string): string[] {
  const at = path.indexOf("?");
  return at < 0 ? [] : templateNames(path.slice(at));
}

function queryParameterNames(root: unknown, list: readonly unknown[]): Set<string> {
  const names = new Set<string>();
  for (const entry of list) {
    const value = followToObject(root, entry, "")?.value;
    if (value !== undefined && value["in"] === "query" && typeof value["name"] === "string") names.add(value["name"]);
  }
  return names;
}

/** `/pets/{petId}/toys/{toyId}` → `petId`, `toyId`. */
export function templateNames(path: string): string[] {
  return [...path.matchAll(/\{([^{}]+)\}/g)].map((match) => match[1] ?? "");
}

function tolerateQueryString(document: LocatedDocument, leniency: Leniency, path: string): void {
  const at = path.indexOf("?");
  leniency.tolerate(
    document.locate(appendPointer("/paths", path)),
    `path ${JSON.stringify(path)} holds a query string: a path template ends before "?"`,
    `path ${JSON.stringify(path)} holds a query string: every call goes to ${JSON.stringify(path.slice(0, at))} with the fixed query ${JSON.stringify(path.slice(at + 1))}`,
  );
}

/**
 * Pairs each `in: path` parameter missing from the template with the template name it misspells, if one clearly is;
 * renames those and removes the rest. Returns the names the list then declares.
 */
function repairUnknown(context: PathContext, edits: ListEdits, alsoDeclared: readonly string[]): string[] {
  const { document, leniency, path, template } = context;
  const parameters = pathParameters(document.value, edits);
  const unknown = parameters.filter((parameter) => !template.includes(parameter.name));
  const known = parameters.filter((parameter) => template.includes(parameter.name)).map((parameter) => parameter.name);
  const free = template.filter((name) => !known.includes(name) && !alsoDeclared.includes(name));
  const pairs = pairMisspellings(unknown, free);
  for (const parameter of unknown) {
    const intended = pairs.get(parameter);
    const error = `parameter "${parameter.name}" is declared \`in: path\` but ${JSON.stringify(path)} has no {${parameter.name}}`;
    const place = document.locate(parameter.pointer);
    if (intended === undefined) {
      leniency.tolerate(place, error, `${error}: left out of the call`);
      edits.removed.add(parameter.index);
    } else {
      leniency.tolerate(place, error, `${error}: taken as {${intended}}`);
      edits.renamed.set(parameter.index, intended);
    }
  }
  return [...known, ...pairs.values()];
}

/** Equal but for case and separators (`pet_id`, `petId`), else the only unmatched parameter with the only free name. */
function pairMisspellings(unknown: readonly PathParameter[], free: readonly string[]): Map<PathParameter, string> {
  const pairs = new Map<PathParameter, string>();
  const open = [...free];
  const loose = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]/g, "");
  for (const parameter of unknown) {
    const candidates = open.filter((name) => loose(name) === loose(parameter.name));
    const [only] = candidates;
    if (candidates.length !== 1 || only === undefined) continue;
    pairs.set(parameter, only);
    open.splice(open.indexOf(only), 1);
  }
  const unpaired = unknown.filter((parameter) => !pairs.has(parameter));
  const [lastParameter] = unpaired;
  const [lastName] = open;
  if (unpaired.length === 1 && open.length === 1 && lastParameter && lastName !== undefined)
    pairs.set(lastParameter, lastName);
  return pairs;
}

function editsOf(owner: Record<string, unknown>, pointer: string): ListEdits {
  const list = owner["parameters"];
  return { list: Array.isArray(list) ? list : [], pointer, renamed: new Map(), removed: new Set(), added: [] };
}

function pathParameters(root: unknown, edits: ListEdits): PathParameter[] {
  const found: PathParameter[] = [];
  edits.list.forEach((entry, index) => {
    const value = followToObject(root, entry, "")?.value;
    if (value !== undefined && value["in"] === "path" && typeof value["name"] === "string") {
      found.push({ name: value["name"], pointer: appendPointer(edits.pointer, index), index });
    }
  });
  return found;
}

function applyEdits(root: unknown, edits: ListEdits): void {
  for (const [index, name] of edits.renamed)
    edits.list[index] = { ...followToObject(root, edits.list[index], "")?.value, name };
  for (const index of [...edits.removed].sort((a, b) => b - a)) edits.list.splice(index, 1);
  for (const name of edits.added) edits.list.push({ name, in: "path", required: true, schema: { type: "string" } });
}

/** A pointer into a list with entries removed names the entry that was written at a later index. */
function locateBeforeRemovals(
  locate: LocatedDocument["locate"],
  removed: ReadonlyMap<string, readonly number[]>,
): LocatedDocument["locate"] {
  return (pointer) => {
    for (const [list, indexes] of removed) {
      const match = pointer.startsWith(`${list}/`) ? /^(\d+)(.*)$/.exec(pointer.slice(list.length + 1)) : null;
      if (!match) continue;
      let index = Number(match[1]);
      for (const gone of indexes) if (gone <= index) index += 1;
      return locate(`${list}/${index}${match[2] ?? ""}`);
    }
    return locate(pointer);
  };
}
