/** The model stage: a bundled document → an ApiModel, following `$ref`s for parameters, bodies and responses. */
import { compareText, isHttpMethod, isJsonMediaType } from "../spec/constants.js";
import { appendPointer, isObject, resolvePointer } from "../spec/pointer.js";
import { followToObject, locateObject } from "../spec/refs.js";
import {
  type ApiModel,
  type NamedComponentModel,
  type ContentModel,
  type OperationModel,
  type ParameterLocation,
  type ParameterModel,
  type RequestBodyModel,
  type ResponseHeaderModel,
  type ResponseModel,
  type SecuritySchemeModel,
  type ServerVariableModel,
} from "./types.js";

export * from "./types.js";

type Json = Record<string, unknown>;

export function buildModel(document: Json): ApiModel {
  const info = isObject(document["info"]) ? document["info"] : {};
  const globalSecurity = readSecurity(document["security"]) ?? [[]];
  const operations: OperationModel[] = [];
  const paths = isObject(document["paths"]) ? document["paths"] : {};
  for (const path of Object.keys(paths)) {
    const itemPointer = appendPointer("/paths", path);
    const item = follow(document, itemPointer);
    if (!item) continue;
    const shared = readParameters(document, item.value["parameters"], appendPointer(item.pointer, "parameters"));
    for (const method of Object.keys(item.value).filter(isHttpMethod)) {
      const operation = item.value[method];
      if (!isObject(operation)) continue;
      const pointer = appendPointer(item.pointer, method);
      const own = readParameters(document, operation["parameters"], appendPointer(pointer, "parameters"));
      operations.push({
        method,
        path,
        pointer,
        operationId: text(operation["operationId"]),
        summary: text(operation["summary"]),
        description: text(operation["description"]),
        deprecated: operation["deprecated"] === true,
        parameters: mergeParameters(shared, own),
        requestBody: readRequestBody(document, operation["requestBody"], appendPointer(pointer, "requestBody")),
        responses: readResponses(document, operation["responses"], appendPointer(pointer, "responses")),
        security: readSecurity(operation["security"]) ?? globalSecurity,
      });
    }
  }
  return {
    title: text(info["title"]) ?? "API",
    version: text(info["version"]) ?? "",
    description: text(info["description"]),
    defaultServer: readDefaultServer(document["servers"]),
    serverTemplate: readServerTemplate(document["servers"]),
    serverVariables: readServerVariables(document["servers"]),
    securitySchemes: readSecuritySchemes(document),
    operations,
    namedComponents: readNamedComponents(document),
  };
}

function readNamedComponents(document: Json): NamedComponentModel[] {
  const components = isObject(document["components"]) ? document["components"] : {};
  const entries = (section: "schemas" | "requestBodies" | "responses"): string[] =>
    isObject(components[section]) ? Object.keys(components[section]) : [];
  const schemas = entries("schemas").map((name): NamedComponentModel => {
    const schema = resolvePointer(document, appendPointer("/components/schemas", name));
    return {
      section: "schemas",
      name,
      description: isObject(schema) ? (text(schema["description"]) ?? text(schema["title"])) : undefined,
    };
  });
  const bodies = (["requestBodies", "responses"] as const).flatMap((section) =>
    entries(section).flatMap((name): NamedComponentModel[] => {
      const found = follow(document, appendPointer("/components", section, name));
      if (!found) return [];
      // Only a JSON body has one schema the name can stand for.
      const content = readContents(found.value, found.pointer).find(
        (entry) =>
          isJsonMediaType(entry.mediaType) &&
          isObject(resolvePointer(document, appendPointer(entry.pointer, "schema"))),
      );
      return content
        ? [{ section, name, description: text(found.value["description"]), mediaType: content.mediaType }]
        : [];
    }),
  );
  return [...schemas, ...bodies];
}

function text(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** The object at `pointer` after its `$ref`s, and the pointer where it lives. */
const follow = locateObject;

const LOCATIONS: readonly ParameterLocation[] = ["path", "query", "header", "cookie"];

function readParameters(document: Json, list: unknown, listPointer: string): ParameterModel[] {
  if (!Array.isArray(list)) return [];
  const parameters: ParameterModel[] = [];
  list.forEach((_, index) => {
    const found = follow(document, `${listPointer}/${index}`);
    if (!found) return;
    const location = found.value["in"];
    const name = found.value["name"];
    if (typeof name !== "string" || !LOCATIONS.includes(location as ParameterLocation)) return;
    parameters.push({
      name,
      in: location as ParameterLocation,
      required: location === "path" || found.value["required"] === true,
      queryStyle: location === "query" ? readQueryStyle(found.value) : undefined,
      pointer: found.pointer,
    });
  });
  return parameters;
}

const QUERY_STYLES = ["form", "spaceDelimited", "pipeDelimited", "deepObject"] as const;

function readQueryStyle(parameter: Json): ParameterModel["queryStyle"] {
  const style = QUERY_STYLES.find((known) => known === parameter["style"]) ?? "form";
  // OpenAPI: explode defaults to true for form, false for every other style.
  const explode = typeof parameter["explode"] === "boolean" ? parameter["explode"] : style === "form";
  return style === "form" && explode ? undefined : [style, explode];
}

/** Operation parameters override path-item parameters with the same name and location. */
function mergeParameters(shared: readonly ParameterModel[], own: readonly ParameterModel[]): ParameterModel[] {
  const key = (parameter: ParameterModel): string => `${parameter.in}\u0000${parameter.name}`;
  const ownKeys = new Set(own.map(key));
  return [...shared.filter((parameter) => !ownKeys.has(key(parameter))), ...own];
}

function readContents(owner: Json, ownerPointer: string): ContentModel[] {
  const content = owner["content"];
  if (!isObject(content)) return [];
  return Object.keys(content)
    .filter((mediaType) => isObject(content[mediaType]))
    .map((mediaType) => ({ mediaType, pointer: appendPointer(ownerPointer, "content", mediaType) }));
}

function readRequestBody(document: Json, body: unknown, pointer: string): RequestBodyModel | undefined {
  if (body === undefined) return undefined;
  const found = follow(document, pointer);
  if (!found) return undefined;
  return { required: found.value["required"] === true, contents: readContents(found.value, found.pointer) };
}

function readResponses(document: Json, responses: unknown, pointer: string): ResponseModel[] {
  if (!isObject(responses)) return [];
  return Object.keys(responses)
    .filter((status) => /^[1-5](\d\d|XX)$/i.test(status) || status === "default")
    .sort(compareStatus)
    .flatMap((status) => {
      const found = follow(document, appendPointer(pointer, status));
      if (!found) return [];
      return [
        {
          status,
          description: text(found.value["description"]) ?? "",
          contents: readContents(found.value, found.pointer),
          headers: readResponseHeaders(document, found.value["headers"], appendPointer(found.pointer, "headers")),
        },
      ];
    });
}

function readResponseHeaders(document: Json, headers: unknown, pointer: string): ResponseHeaderModel[] {
  if (!isObject(headers)) return [];
  return Object.keys(headers).flatMap((name) => {
    const header = follow(document, appendPointer(pointer, name));
    if (!header) return [];
    const schema = follow(document, appendPointer(header.pointer, "schema"))?.value;
    return [{ name, kind: headerKind(document, schema) }];
  });
}

/** integer and number read as numbers, boolean as a boolean, arrays as comma-separated lists; anything else as text. */
function headerKind(document: Json, schema: Json | undefined): ResponseHeaderModel["kind"] {
  const type = schemaType(schema);
  if (type === "integer" || type === "number") return "number";
  if (type === "boolean") return "boolean";
  if (type !== "array" || schema === undefined) return "string";
  const itemType = schemaType(followToObject(document, schema["items"], "")?.value);
  return itemType === "integer" || itemType === "number" ? "numbers" : "strings";
}

/** `type` as 3.0 writes it, or the one non-null member of 3.1's type list. */
function schemaType(schema: Json | undefined): string | undefined {
  const type = schema?.["type"];
  if (typeof type === "string") return type;
  if (!Array.isArray(type)) return undefined;
  const named = type.filter((member): member is string => typeof member === "string" && member !== "null");
  return named.length === 1 ? named[0] : undefined;
}

/** "200" < "204" < "2XX" < "400" < "4XX" < "default". */
function compareStatus(a: string, b: string): number {
  const rank = (status: string): string => (status === "default" ? "9" : status.toUpperCase());
  return compareText(rank(a), rank(b));
}

function readSecurity(value: unknown): string[][] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.filter(isObject).map((requirement) => Object.keys(requirement).sort(compareText));
}

function readDefaultServer(servers: unknown): string {
  const first: unknown = Array.isArray(servers) ? servers[0] : undefined;
  if (!isObject(first) || typeof first["url"] !== "string") return "";
  const variables = isObject(first["variables"]) ? first["variables"] : {};
  return first["url"].replace(/\{([^}]+)\}/g, (whole, name: string) => {
    const variable = variables[name];
    return isObject(variable) && variable["default"] !== undefined ? String(variable["default"]) : whole;
  });
}

function readServerTemplate(servers: unknown): string {
  const first: unknown = Array.isArray(servers) ? servers[0] : undefined;
  return isObject(first) && typeof first["url"] === "string" ? first["url"] : "";
}

function readServerVariables(servers: unknown): ServerVariableModel[] {
  const first: unknown = Array.isArray(servers) ? servers[0] : undefined;
  const variables = isObject(first) && isObject(first["variables"]) ? first["variables"] : {};
  return Object.keys(variables).flatMap((name) => {
    const variable = variables[name];
    if (!isObject(variable) || variable["default"] === undefined) return [];
    const values = Array.isArray(variable["enum"]) ? variable["enum"].map(String) : undefined;
    return [{ name, default: String(variable["default"]), enum: values, description: text(variable["description"]) }];
  });
}

function readSecuritySchemes(document: Json): SecuritySchemeModel[] {
  const components = isObject(document["components"]) ? document["components"] : {};
  const schemes = isObject(components["securitySchemes"]) ? components["securitySchemes"] : {};
  const models: SecuritySchemeModel[] = [];
  for (const name of Object.keys(schemes)) {
    const found = follow(document, appendPointer("/components/securitySchemes", name));
    if (!found) continue;
    const scheme = found.value;
    const description = text(scheme["description"]);
    const type = scheme["type"];
    if (type === "apiKey") {
      const location = scheme["in"];
      const parameterName = text(scheme["name"]);
      if ((location === "header" || location === "query" || location === "cookie") && parameterName) {
        models.push({ name, kind: "apiKey", in: location, parameterName, description });
      }
    } else if (type === "http") {
      const httpScheme = text(scheme["scheme"])?.toLowerCase();
      if (httpScheme === "basic") models.push({ name, kind: "basic", description });
      else models.push({ name, kind: "bearer", description });
    } else if (type === "oauth2" || type === "openIdConnect") {
      models.push({ name, kind: type, description });
    }
  }
  return models;
}
