/**
 * Checks that a parsed document is an OpenAPI 3.0/3.1 description the later stages can walk, and says where it is not.
 * It checks structure, not every rule of the specification: what the generator relies on.
 */
import { SpecError } from "../errors.js";
import { isObject, appendPointer } from "../fixtures/pointer.js";
import type { ParsedFile } from "./parse.js";

export type OpenApiVersion = "3.0" | "3.1";

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

export function checkOpenApiShape(parsed: ParsedFile): OpenApiVersion {
  const fail = (pointer: string, message: string): never => {
    throw new SpecError(message, parsed.locate(pointer));
  };
  const doc = parsed.value;
  if (!isObject(doc)) return fail("", "not an OpenAPI document: expected an object at the top level");
  if (typeof doc["swagger"] === "string") {
    return fail("/swagger", `Swagger ${doc["swagger"]} is not OpenAPI 3; convert it first`);
  }
  const declared = doc["openapi"];
  if (typeof declared !== "string") return fail("", "not an OpenAPI document: the `openapi` version field is missing");
  const version = /^3\.0\.\d+/.test(declared) ? "3.0" : /^3\.1\.\d+/.test(declared) ? "3.1" : undefined;
  if (!version) return fail("/openapi", `unsupported OpenAPI version ${JSON.stringify(declared)}: expected 3.0.x or 3.1.x`);
  if (!isObject(doc["info"])) fail("", "the `info` object is missing");
  const paths = doc["paths"] ?? {};
  if (!isObject(paths)) return fail("/paths", "`paths` must be an object");
  for (const [path, item] of Object.entries(paths)) {
    const itemPointer = appendPointer("/paths", path);
    if (!path.startsWith("/")) fail(itemPointer, `path ${JSON.stringify(path)} must start with "/"`);
    if (!isObject(item)) return fail(itemPointer, "a path item must be an object");
    for (const method of METHODS) {
      const operation = item[method];
      if (operation === undefined) continue;
      const operationPointer = appendPointer(itemPointer, method);
      if (!isObject(operation)) return fail(operationPointer, "an operation must be an object");
      if (operation["responses"] !== undefined && !isObject(operation["responses"])) {
        fail(appendPointer(operationPointer, "responses"), "`responses` must be an object");
      }
      if (operation["parameters"] !== undefined && !Array.isArray(operation["parameters"])) {
        fail(appendPointer(operationPointer, "parameters"), "`parameters` must be a list");
      }
    }
  }
  return version;
}
