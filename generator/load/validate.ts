/**
 * Checks that a document is an OpenAPI 3.0/3.1 description the later stages can walk, and says where it is not.
 * It checks structure, not every rule of the specification: what the generator relies on.
 */
import { SpecError } from "../errors.js";
import { isObject, appendPointer } from "../spec/pointer.js";
import { HTTP_METHODS } from "../spec/constants.js";
import type { LocatedDocument } from "./parse.js";

export type OpenApiVersion = "3.0" | "3.1";

/** What the main file declares itself to be. */
export type SpecFormat = { readonly kind: "openapi"; readonly version: OpenApiVersion } | { readonly kind: "swagger2" };

export function detectSpecFormat(document: LocatedDocument): SpecFormat {
  const fail = failAt(document);
  const doc = document.value;
  if (!isObject(doc)) return fail("", "not an OpenAPI document: expected an object at the top level");
  const swagger = doc["swagger"];
  if (swagger !== undefined) {
    // `swagger: 2.0` unquoted in YAML is the number 2: a common slip, and unambiguous.
    if (swagger === "2.0" || swagger === 2) return { kind: "swagger2" };
    return fail(
      "/swagger",
      `unsupported Swagger version ${JSON.stringify(swagger)}: expected "2.0" (or OpenAPI 3.0.x/3.1.x)`,
    );
  }
  const declared = doc["openapi"];
  if (typeof declared !== "string") return fail("", "not an OpenAPI document: the `openapi` version field is missing");
  const version = /^3\.0\.\d+/.test(declared) ? "3.0" : /^3\.1\.\d+/.test(declared) ? "3.1" : undefined;
  if (!version)
    return fail("/openapi", `unsupported OpenAPI version ${JSON.stringify(declared)}: expected 3.0.x or 3.1.x`);
  return { kind: "openapi", version };
}

/** The structure the later stages rely on. */
export function checkOpenApiShape(document: LocatedDocument): void {
  const fail = failAt(document);
  const doc = document.value;
  if (!isObject(doc)) return fail("", "not an OpenAPI document: expected an object at the top level");
  if (!isObject(doc["info"])) fail("", "the `info` object is missing");
  const paths = doc["paths"] ?? {};
  if (!isObject(paths)) return fail("/paths", "`paths` must be an object");
  for (const [path, item] of Object.entries(paths)) {
    const itemPointer = appendPointer("/paths", path);
    if (!path.startsWith("/")) fail(itemPointer, `path ${JSON.stringify(path)} must start with "/"`);
    if (!isObject(item)) return fail(itemPointer, "a path item must be an object");
    for (const method of HTTP_METHODS) {
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
    if (item["parameters"] !== undefined && !Array.isArray(item["parameters"]))
      fail(appendPointer(itemPointer, "parameters"), "`parameters` must be a list");
  }
}

function failAt(document: LocatedDocument): (pointer: string, message: string) => never {
  return (pointer, message) => {
    throw new SpecError(message, document.locate(pointer));
  };
}
