/**
 * Every `{name}` in a path template must be declared by the operation (or its path item) as a parameter `in: path`,
 * and every `in: path` parameter must appear in the template. Otherwise the generated client either cannot fill the
 * URL or asks for an argument that goes nowhere.
 */
import { SpecError } from "../errors.js";
import { appendPointer, isObject, refToPointer, resolvePointer } from "../pointer.js";
import { METHODS } from "./methods.js";
import type { LocatedDocument } from "./parse.js";
import { isRefObject } from "./targets.js";

interface PathParameter {
  readonly name: string;
  /** Where the list entry (a parameter or a `$ref` to one) is written. */
  readonly pointer: string;
}

export function checkPathParameters(document: LocatedDocument, paths: Record<string, unknown>): void {
  for (const [path, written] of Object.entries(paths)) {
    const itemPointer = appendPointer("/paths", path);
    const item = followRefs(document.value, written);
    if (!isObject(item)) continue;
    const template = new Set(templateNames(path));
    const shared = pathParameters(document.value, item["parameters"], appendPointer(itemPointer, "parameters"));
    rejectUnknown(document, path, template, shared);
    for (const method of METHODS) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      const operationPointer = appendPointer(itemPointer, method);
      const own = pathParameters(document.value, operation["parameters"], appendPointer(operationPointer, "parameters"));
      rejectUnknown(document, path, template, own);
      const declared = new Set([...shared, ...own].map((parameter) => parameter.name));
      const missing = [...template].find((name) => !declared.has(name));
      if (missing !== undefined) {
        throw new SpecError(
          `path parameter {${missing}} of ${JSON.stringify(path)} is not declared: add a parameter with \`in: path\`, \`name: ${missing}\` and \`required: true\` to this operation or its path item`,
          document.locate(operationPointer),
        );
      }
    }
  }
}

/** `/pets/{petId}/toys/{toyId}` → `petId`, `toyId`. */
export function templateNames(path: string): string[] {
  return [...path.matchAll(/\{([^{}]+)\}/g)].map((match) => match[1] ?? "");
}

function rejectUnknown(document: LocatedDocument, path: string, template: ReadonlySet<string>, parameters: readonly PathParameter[]): void {
  const unknown = parameters.find((parameter) => !template.has(parameter.name));
  if (unknown) {
    throw new SpecError(`parameter "${unknown.name}" is declared \`in: path\` but ${JSON.stringify(path)} has no {${unknown.name}}`, document.locate(unknown.pointer));
  }
}

function pathParameters(root: unknown, list: unknown, listPointer: string): PathParameter[] {
  if (!Array.isArray(list)) return [];
  const found: PathParameter[] = [];
  list.forEach((entry, index) => {
    const parameter = followRefs(root, entry);
    if (isObject(parameter) && parameter["in"] === "path" && typeof parameter["name"] === "string") {
      found.push({ name: parameter["name"], pointer: appendPointer(listPointer, index) });
    }
  });
  return found;
}

/** The object an internal `$ref` (or a chain of them) leads to; a broken ref leads to `undefined` (reported elsewhere). */
function followRefs(root: unknown, value: unknown): unknown {
  let current = value;
  for (let hops = 0; isRefObject(current) && hops < 32; hops += 1) {
    const pointer = refToPointer(current.$ref);
    current = pointer === undefined ? undefined : resolvePointer(root, pointer);
  }
  return current;
}
