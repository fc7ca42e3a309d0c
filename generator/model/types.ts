/** The small model of an API that the later stages work from: operations with their parts grouped by location. */

import type { HttpMethod } from "../spec/constants.js";

export type ParameterLocation = "path" | "query" | "header" | "cookie";

export interface ParameterModel {
  readonly name: string;
  readonly in: ParameterLocation;
  readonly required: boolean;
  /** Query serialization other than OpenAPI's default (`form`, explode); undefined when default. */
  readonly queryStyle: readonly ["form" | "spaceDelimited" | "pipeDelimited" | "deepObject", boolean] | undefined;
  /** JSON pointer of the parameter object, after following `$ref`. */
  readonly pointer: string;
}

export interface ContentModel {
  readonly mediaType: string;
  /** JSON pointer of the media type object. */
  readonly pointer: string;
}

export interface RequestBodyModel {
  readonly required: boolean;
  readonly contents: readonly ContentModel[];
}

export interface ResponseModel {
  /** "200", "4XX" or "default", as written in the spec. */
  readonly status: string;
  readonly description: string;
  readonly contents: readonly ContentModel[];
  /** The headers the response declares. */
  readonly headers: readonly ResponseHeaderModel[];
}

export interface ResponseHeaderModel {
  /** As the spec writes it (`X-RateLimit-Remaining`). */
  readonly name: string;
  /** How the value is read: by its schema's type, an array being comma-separated. */
  readonly kind: "string" | "number" | "boolean" | "strings" | "numbers";
}

export interface OperationModel {
  readonly method: HttpMethod;
  readonly path: string;
  /** JSON pointer of the operation object. */
  readonly pointer: string;
  readonly operationId: string | undefined;
  readonly summary: string | undefined;
  readonly description: string | undefined;
  readonly deprecated: boolean;
  readonly parameters: readonly ParameterModel[];
  readonly requestBody: RequestBodyModel | undefined;
  readonly responses: readonly ResponseModel[];
  /** Alternatives of required scheme names; `[[]]` means no credentials are needed. */
  readonly security: readonly (readonly string[])[];
}

export type SecuritySchemeModel =
  | {
      readonly name: string;
      readonly kind: "apiKey";
      readonly in: "header" | "query" | "cookie";
      readonly parameterName: string;
      readonly description: string | undefined;
    }
  | {
      readonly name: string;
      readonly kind: "bearer" | "basic" | "oauth2" | "openIdConnect";
      readonly description: string | undefined;
    };

export interface ServerVariableModel {
  readonly name: string;
  readonly default: string;
  readonly enum: readonly string[] | undefined;
  readonly description: string | undefined;
}

export interface ApiModel {
  readonly title: string;
  readonly version: string;
  readonly description: string | undefined;
  /** The first server's URL with its variables at their defaults; "" when the spec names none. */
  readonly defaultServer: string;
  /** The first server's URL template and its variables, for clients that pick other values. */
  readonly serverTemplate: string;
  readonly serverVariables: readonly ServerVariableModel[];
  readonly securitySchemes: readonly SecuritySchemeModel[];
  /** In the order the spec writes its paths, and each path its methods. */
  readonly operations: readonly OperationModel[];
  /** The components a user can name a type after, in the spec's order: schemas, then request bodies, then responses. */
  readonly namedComponents: readonly NamedComponentModel[];
}

export type NamedComponentSection = "schemas" | "requestBodies" | "responses";

/** A component whose type gets its own export: a schema, or a request body or response with a schema to stand for. */
export interface NamedComponentModel {
  readonly section: NamedComponentSection;
  /** Its key under `components/<section>`, as the spec writes it. */
  readonly name: string;
  readonly description: string | undefined;
  /** For a request body or a response: the media type whose schema the type is (the first JSON one). */
  readonly mediaType?: string | undefined;
}
