/**
 * Swagger 2.0 in, OpenAPI 3.0 out, with swagger2openapi in patch mode (it fixes common mistakes rather than failing).
 * The converter is imported only for Swagger documents. Places in the converted document are mapped back to the
 * Swagger document (`/components/schemas/Pet` → `/definitions/Pet`, a response's `content/…/schema` → its `schema`…),
 * to the nearest part that exists there.
 */
import { SpecError } from "../errors.js";
import { appendPointer, isObject, parsePointer, refToPointer, resolvePointer } from "../spec/pointer.js";
import { copyDeep } from "../spec/canonical.js";
import { replaceRejectedCollectionFormats } from "./collection-formats.js";
import type { Leniency } from "./leniency.js";
import type { LocatedDocument } from "./parse.js";
import { isRefObject } from "./targets.js";

export async function upgradeSwagger2(
  swagger: LocatedDocument,
  file: string,
  text: string,
  leniency: Leniency,
): Promise<LocatedDocument> {
  const { default: swagger2openapi } = await import("swagger2openapi");
  // The converter gets its own copy (in the spec's order): it must not touch the document that places are looked up in.
  const copy = copyDeep(swagger.value);
  replaceRejectedCollectionFormats(copy, swagger.locate, leniency);
  let converted: unknown;
  try {
    ({ openapi: converted } = await swagger2openapi.convertObj(copy, { patch: true, warnOnly: false, text }));
  } catch (error) {
    throw new SpecError(`cannot convert Swagger 2.0 to OpenAPI 3.0: ${(error as Error).message}`, { file });
  }
  return { value: converted, locate: (pointer) => swagger.locate(swaggerPointer(pointer, swagger.value)) };
}

const COMPONENT_SECTIONS: Readonly<Record<string, string>> = {
  schemas: "definitions",
  parameters: "parameters",
  requestBodies: "parameters",
  responses: "responses",
  securitySchemes: "securityDefinitions",
};

/** Where the Swagger document wrote what an OpenAPI 3 pointer addresses in the converted document. */
export function swaggerPointer(openApiPointer: string, swagger: unknown): string {
  const tokens = parsePointer(openApiPointer);
  const [top, section, ...rest] = tokens;
  if (top === "components" && section !== undefined) {
    const swaggerSection = COMPONENT_SECTIONS[section];
    if (swaggerSection === undefined) return "";
    const [name, ...inside] = rest;
    if (name === undefined) return appendPointer("", swaggerSection);
    return appendPointer(
      "",
      swaggerSection,
      name,
      ...(section === "responses"
        ? responseTokens(inside)
        : section === "parameters"
          ? parameterTokens(inside)
          : section === "requestBodies"
            ? []
            : inside),
    );
  }
  if (top === "paths" && section !== undefined)
    return appendPointer(
      "",
      "paths",
      section,
      ...pathItemTokens(rest, resolvePointer(swagger, appendPointer("/paths", section)), swagger),
    );
  if (top === "servers") return "/host";
  return openApiPointer;
}

function pathItemTokens(tokens: readonly string[], pathItem: unknown, swagger: unknown): string[] {
  const [first, ...rest] = tokens;
  if (first === undefined || !isObject(pathItem)) return [...tokens];
  if (first === "parameters") return ["parameters", ...listParameterTokens(rest, pathItem["parameters"], swagger)];
  const operation = pathItem[first];
  const [part, ...inside] = rest;
  if (part === "parameters" && isObject(operation))
    return [first, "parameters", ...listParameterTokens(inside, operation["parameters"], swagger)];
  if (part === "requestBody" && isObject(operation)) {
    const index = bodyParameterIndex(operation["parameters"], swagger);
    return index === undefined ? [first, "parameters"] : [first, "parameters", String(index), ...bodyTokens(inside)];
  }
  if (part === "responses") {
    const [code, ...response] = inside;
    return code === undefined ? [first, part] : [first, part, code, ...responseTokens(response)];
  }
  return [...tokens];
}

/** A 3.0 response's `content/<type>/schema` is a 2.0 response's `schema`; its examples sit under `examples/<type>`. */
function responseTokens(tokens: readonly string[]): string[] {
  const [part, mediaType, field, ...inside] = tokens;
  if (part === "content" && mediaType !== undefined) {
    if (field === "schema") return ["schema", ...inside];
    if (field === "example" || field === "examples") return ["examples", mediaType];
    return [];
  }
  if (part === "headers" && mediaType !== undefined)
    return ["headers", mediaType, ...(field === "schema" ? inside : [])];
  return [...tokens];
}

/** A 3.0 parameter's `schema/…` is written on the 2.0 parameter itself. */
function parameterTokens(tokens: readonly string[]): string[] {
  const [part, ...inside] = tokens;
  return part === "schema" ? inside : [...tokens];
}

function bodyTokens(tokens: readonly string[]): string[] {
  const [part, , field, ...inside] = tokens;
  return part === "content" && field === "schema" ? ["schema", ...inside] : [];
}

/** The converter moves body and form parameters out of the list, so indexes shift past them. */
function listParameterTokens(tokens: readonly string[], parameters: unknown, swagger: unknown): string[] {
  const [index, ...inside] = tokens;
  if (index === undefined || !Array.isArray(parameters)) return [...tokens];
  let kept = -1;
  for (const [position, entry] of parameters.entries()) {
    if (!movesToRequestBody(entry, swagger) && ++kept === Number(index))
      return [String(position), ...parameterTokens(inside)];
  }
  return [];
}

function bodyParameterIndex(parameters: unknown, swagger: unknown): number | undefined {
  if (!Array.isArray(parameters)) return undefined;
  const index = parameters.findIndex((entry) => movesToRequestBody(entry, swagger));
  return index < 0 ? undefined : index;
}

function movesToRequestBody(entry: unknown, swagger: unknown): boolean {
  const target = isRefObject(entry) ? refToPointer(entry.$ref) : undefined;
  const parameter = target === undefined ? entry : resolvePointer(swagger, target);
  return isObject(parameter) && (parameter["in"] === "body" || parameter["in"] === "formData");
}
