/**
 * Emits the generated part of client.ts: per operation its argument and result types, its route and a standalone
 * function, plus the options, the transport factory, and the grouped client's interface and factory. Built as ts-morph
 * structures and printed once, never edited node by node.
 */
import type { StatementStructures } from "ts-morph";
import { printStructure, StructureKind, VariableDeclarationKind } from "./ts-morph.js";
import type {
  ContentModel,
  OperationModel,
  ParameterLocation,
  ResponseModel,
  ServerVariableModel,
} from "../model/index.js";
import type { ClientPlan, CredentialPlan, OperationPlan, PagedOperationPlan } from "../plan/index.js";
import { isJsonMediaType } from "../spec/constants.js";
import { docLines } from "./jsdoc.js";
import { printInlineLiteral, printKey } from "./literal.js";

export interface ClientEmitInput {
  readonly plan: ClientPlan;
  readonly title: string;
  readonly defaultServer: string;
  readonly serverTemplate: string;
  readonly serverVariables: readonly ServerVariableModel[];
}

export function emitClientRegion(input: ClientEmitInput): string {
  const { plan } = input;
  const statements: StatementStructures[] = [];
  for (const operation of plan.operations) statements.push(...operationStatements(operation, plan));
  statements.push(
    optionsInterface(input),
    ...transportStatements(input),
    clientInterface(plan),
    factoryFunction(input),
  );
  return printStructure({ kind: StructureKind.SourceFile, statements }, { indentNumberOfSpaces: 2 });
}

/** `GET /pets/{petId}`, shown in every operation's doc. */
export function operationLabel(operation: OperationModel): string {
  return `\`${operation.method.toUpperCase()} ${operation.path.replace(/`/g, "'")}\``;
}

function operationDocs(operation: OperationModel): string {
  return docLines(
    operation.summary,
    operation.description,
    operationLabel(operation),
    operation.deprecated && "@deprecated The spec marks this operation as deprecated.",
  );
}

function operationStatements(plan: OperationPlan, client: ClientPlan): StatementStructures[] {
  const { operation } = plan;
  const op = plan.operationType;
  const args = argsType(operation, op);
  const result = resultVariants(operation, op)
    .map((variant) => `\n  | ${variant}`)
    .join("");
  const item = plan.paging === undefined ? "" : itemType(op, plan.paging);
  return [
    // Only when used: output must compile under noUnusedLocals.
    ...(usesOperationType(operation) ? [operationAlias(plan)] : []),
    {
      kind: StructureKind.TypeAlias,
      name: plan.argsType,
      isExported: true,
      docs: [`Arguments of \`${plan.functionName}\`.`],
      type: args,
    },
    {
      kind: StructureKind.TypeAlias,
      name: plan.resultType,
      isExported: true,
      docs: [`Result of \`${plan.functionName}\`, keyed by HTTP status.`],
      type: result,
    },
    {
      kind: StructureKind.VariableStatement,
      declarationKind: VariableDeclarationKind.Const,
      declarations: [{ name: plan.routeName, type: "OperationRoute", initializer: routeLiteral(plan, client) }],
    },
    {
      kind: StructureKind.Function,
      name: plan.standaloneName,
      isExported: true,
      docs: [operationDocs(operation)],
      parameters: [
        { name: "transport", type: client.transportType },
        { name: "args", type: plan.argsType, hasQuestionToken: !hasRequiredArgs(operation) },
      ],
      returnType: `Promise<${plan.resultType}>`,
      // The result type is given, not inferred: the body costs tsc next to nothing, however big the result.
      statements: [`return callOperation<${plan.resultType}>(transport, ${plan.routeName}, args);`],
    },
    ...(plan.paging === undefined ? [] : pagingStatements(plan, plan.paging, item, client)),
  ];
}

/** The item type, the convention and the standalone iterator of an operation that pages. */
function pagingStatements(
  plan: OperationPlan,
  paging: PagedOperationPlan,
  item: string,
  client: ClientPlan,
): StatementStructures[] {
  const optionalArgs = !hasRequiredArgs(plan.operation);
  return [
    {
      kind: StructureKind.TypeAlias,
      name: paging.itemType,
      isExported: true,
      docs: [`One item of the list \`${plan.functionName}\` pages through.`],
      type: item,
    },
    {
      kind: StructureKind.VariableStatement,
      declarationKind: VariableDeclarationKind.Const,
      declarations: [
        { name: paging.conventionName, type: "PageConvention", initializer: JSON.stringify(paging.convention) },
      ],
    },
    {
      kind: StructureKind.Function,
      name: paging.standaloneName,
      isExported: true,
      docs: [pagingDocs(plan, paging)],
      parameters: [
        { name: "transport", type: client.transportType },
        { name: "args", type: plan.argsType, hasQuestionToken: optionalArgs },
      ],
      returnType: `AsyncGenerator<${paging.itemType}, void, undefined>`,
      statements: [
        `return paginate<${paging.itemType}>(transport, ${plan.routeName}, args, ${paging.conventionName});`,
      ],
    },
  ];
}

function pagingDocs(plan: OperationPlan, paging: PagedOperationPlan): string {
  const { convention } = paging;
  const how =
    convention.style === "page"
      ? `page by page (\`${convention.page}\`), until \`${convention.totalPages.join(".")}\``
      : `cursor by cursor (\`${convention.cursor}\`), while the body has a ${convention.next ? `\`${convention.next.join(".")}\` link` : `\`${(convention.nextCursor ?? []).join(".")}\``}`;
  return docLines(
    `Every item of \`${plan.functionName}\` (${operationLabel(plan.operation)}), requested ${how}. A page that fails throws a \`PageError\` holding its result.`,
  );
}

/** `NonNullable<XOperation["responses"][200]["content"]["application/json"]["data"]>[number]`, one step per path name. */
function itemType(op: string, paging: PagedOperationPlan): string {
  let type = `${op}["responses"][${paging.status}]["content"][${JSON.stringify(paging.mediaType)}]`;
  paging.convention.items.forEach((name, index) => {
    type = `${index === 0 ? type : `NonNullable<${type}>`}[${JSON.stringify(name)}]`;
  });
  return `NonNullable<${type}>[number]`;
}

/** `type XOperation = paths["/x"]["get"]`: the spec's types of one operation, indexed by the emitted types. */
export function operationAlias(plan: OperationPlan): StatementStructures {
  return {
    kind: StructureKind.TypeAlias,
    name: plan.operationType,
    type: `paths[${JSON.stringify(plan.operation.path)}][${JSON.stringify(plan.operation.method)}]`,
  };
}

/** Whether the argument or result types index the operation's type: through a parameter, a typed body, a response body or declared response headers. */
function usesOperationType(operation: OperationModel): boolean {
  const typedRequest = requestContents(operation).some((content) => !takesBytes(content.mediaType));
  const typedResponse = operation.responses.some(
    (response) => response.headers.length > 0 || response.contents.some((content) => typedBySchema(content.mediaType)),
  );
  return operation.parameters.length > 0 || typedRequest || typedResponse;
}

/** The wrapper argument that holds each location's parameters. */
export const ARG_NAMES: Record<ParameterLocation, string> = {
  path: "path",
  query: "query",
  header: "headers",
  cookie: "cookies",
};

/** `{ path; query?; body; signal? }`, and a union over `contentType` when the operation accepts several media types. */
function argsType(operation: OperationModel, op: string): string {
  const fields = (["path", "query", "header", "cookie"] as const)
    .filter((location) => operation.parameters.some((parameter) => parameter.in === location))
    .map((location) => {
      const required = operation.parameters.some((parameter) => parameter.in === location && parameter.required);
      return `readonly ${ARG_NAMES[location]}${required ? "" : "?"}: ${op}["parameters"][${JSON.stringify(location)}];`;
    });
  fields.push(
    "/** Aborts the call; it then resolves to a `NetworkFailure` with `aborted: true`. */",
    "readonly signal?: AbortSignal;",
    "/** Merged over the client's `retry`; `false` makes this call a single attempt. */",
    "readonly retry?: RetryOptions | false;",
    "/** Milliseconds each attempt may take; past it the call resolves to a `NetworkFailure` with `timedOut: true`. */",
    "readonly timeout?: number;",
  );
  const contents = requestContents(operation);
  const optional = operation.requestBody?.required === true ? "" : "?";
  const bodyOf = (content: ContentModel): string =>
    `readonly body${optional}: ${requestBodyType(op, content.mediaType)};`;
  const [only] = contents;
  if (contents.length === 1 && only !== undefined) fields.push(bodyOf(only));
  const base = `{\n${fields.map((field) => `  ${field}`).join("\n")}\n}`;
  if (contents.length <= 1) return base;
  const variants = contents.map(
    (content, index) =>
      `{ readonly contentType${index === 0 ? "?" : ""}: ${JSON.stringify(content.mediaType)}; ${bodyOf(content)} }`,
  );
  return `${base} & (${variants.map((variant) => `\n  | ${variant}`).join("")}\n)`;
}

/** JSON and text bodies are the spec's type; forms accept Blobs for string fields; anything else is bytes. */
function requestBodyType(op: string, mediaType: string): string {
  const specType = `NonNullable<${op}["requestBody"]>["content"][${JSON.stringify(mediaType)}]`;
  if (takesBytes(mediaType)) return "BinaryBody";
  return /^(multipart|application)\/form-data/i.test(mediaType) ? `FormBody<${specType}>` : specType;
}

/** Whether a request body of this media type is typed as bytes (`BinaryBody`) rather than by its schema. */
export function takesBytes(mediaType: string): boolean {
  const typedBySchema =
    isJsonMediaType(mediaType) || /^text\//i.test(mediaType) || /^application\/x-www-form-urlencoded/i.test(mediaType);
  return !typedBySchema && !/^(multipart|application)\/form-data/i.test(mediaType);
}

/** The media types a caller can send, the preferred (JSON, else the first listed) first. */
export function requestContents(operation: OperationModel): ContentModel[] {
  const contents = operation.requestBody?.contents ?? [];
  const preferred = requestContent(operation);
  return preferred ? [preferred, ...contents.filter((content) => content !== preferred)] : [];
}

/** The media type the wrapper sends by default: JSON when the operation accepts it, else the first one listed. */
export function requestContent(operation: OperationModel): ContentModel | undefined {
  const contents = operation.requestBody?.contents ?? [];
  return contents.find((content) => isJsonMediaType(content.mediaType)) ?? contents[0];
}

function hasRequiredArgs(operation: OperationModel): boolean {
  return (
    operation.parameters.some((parameter) => parameter.required) ||
    (operation.requestBody?.required === true && requestContent(operation) !== undefined)
  );
}

const RANGE_TYPES: Record<string, string> = {
  "1": "InformationalStatus",
  "2": "SuccessStatus",
  "3": "RedirectionStatus",
  "4": "ClientErrorStatus",
  "5": "ServerErrorStatus",
};

/** What the runtime treats as success: documented 2xx statuses, or all 2xx when only `default` describes them. */
export function successStatuses(operation: OperationModel): string[] {
  const documented = operation.responses
    .filter((response) => response.status.startsWith("2"))
    .map((response) => response.status.toUpperCase());
  const usesDefault = documented.length === 0 && operation.responses.some((response) => response.status === "default");
  return usesDefault ? ["2XX"] : documented;
}

function resultVariants(operation: OperationModel, op: string): string[] {
  const exact = operation.responses.filter((response) => /^\d+$/.test(response.status));
  const ranges = operation.responses.filter((response) => /^\dXX$/i.test(response.status));
  const fallback = operation.responses.find((response) => response.status === "default");
  const variants: string[] = [];
  for (const response of exact) {
    const kind = response.status.startsWith("2") ? "Success" : "Failure";
    variants.push(`${kind}<${response.status}, ${bodyType(op, response)}${headersType(op, response)}>`);
  }
  for (const response of ranges) {
    const digit = response.status.charAt(0);
    const range = RANGE_TYPES[digit] ?? "HttpStatus";
    const inRange = exact.filter((other) => other.status.startsWith(digit)).map((other) => other.status);
    const kind = digit === "2" ? "Success" : "Failure";
    variants.push(`${kind}<${excluding(range, inRange)}, ${bodyType(op, response)}${headersType(op, response)}>`);
  }
  const covered = [
    ...exact.map((response) => response.status),
    ...ranges.map((response) => RANGE_TYPES[response.status.charAt(0)] ?? "never"),
  ];
  const documentsSuccess = operation.responses.some((response) => response.status.startsWith("2"));
  if (fallback && !documentsSuccess) {
    variants.push(
      `Success<${excluding("SuccessStatus", covered)}, ${bodyType(op, fallback)}${headersType(op, fallback)}>`,
    );
    covered.push("SuccessStatus");
  }
  variants.push(
    `Failure<${excluding("HttpStatus", covered)}, ${fallback ? bodyType(op, fallback) + headersType(op, fallback) : "unknown"}>`,
  );
  variants.push("NetworkFailure");
  return variants;
}

/**
 * `all` without the covered statuses. For HttpStatus the difference is taken class by class (1XX…5XX), leaving the
 * classes nothing covers whole: tsc then filters a hundred members instead of five hundred (on GitHub's 1,223
 * operations that is a third of the client's check time).
 */
function excluding(all: string, covered: readonly string[]): string {
  if (covered.length === 0) return all;
  if (all !== "HttpStatus") return `Exclude<${all}, ${covered.join(" | ")}>`;
  const classes = Object.entries(RANGE_TYPES).flatMap(([digit, range]) => {
    if (covered.includes(range)) return [];
    const codes = covered.filter((status) => status.startsWith(digit) && /^\d+$/.test(status));
    return [codes.length === 0 ? range : `Exclude<${range}, ${codes.join(" | ")}>`];
  });
  return classes.length === 0 ? "never" : classes.join(" | ");
}

/** `, XOperation["responses"][429]["headers"]`: the third type argument, only for a response that declares headers. */
function headersType(op: string, response: ResponseModel): string {
  return response.headers.length === 0 ? "" : `, ${op}["responses"][${responseKey(response)}]["headers"]`;
}

function responseKey(response: ResponseModel): string {
  return /^\d+$/.test(response.status) ? response.status : JSON.stringify(response.status);
}

/** The parsed body type of one response: the spec's type for JSON and text, Blob for other media, undefined for none. */
function bodyType(op: string, response: ResponseModel): string {
  if (response.contents.length === 0) return "undefined";
  const key = responseKey(response);
  const types = response.contents.map((content) =>
    typedBySchema(content.mediaType)
      ? `${op}["responses"][${key}]["content"][${JSON.stringify(content.mediaType)}]`
      : "Blob",
  );
  return [...new Set(types)].join(" | ");
}

/** A response body of this media type is parsed and typed by its schema (JSON and text); any other is a Blob. */
function typedBySchema(mediaType: string): boolean {
  return isJsonMediaType(mediaType) || /^text\//i.test(mediaType);
}

function credentialDocs(credential: CredentialPlan): string {
  const { scheme } = credential;
  const where =
    scheme.kind === "apiKey"
      ? `API key, sent in the ${scheme.in} \`${scheme.parameterName}\``
      : scheme.kind === "basic"
        ? "`user:password` for HTTP basic authentication, sent base64-encoded in `Authorization`"
        : "Token sent as `Authorization: Bearer …`";
  return docLines(
    `${where} (security scheme \`${scheme.name}\`). A function is called on every request.`,
    scheme.description,
  );
}

function optionsInterface(input: ClientEmitInput): StatementStructures {
  return {
    kind: StructureKind.Interface,
    name: input.plan.optionsType,
    isExported: true,
    docs: [`Options of \`${input.plan.factoryName}\` and \`${input.plan.transportFactoryName}\`.`],
    extends: ["TransportOptions"],
    properties: [
      ...input.plan.credentials.map((credential) => ({
        name: credential.option,
        type: "Credential",
        hasQuestionToken: !credential.required,
        isReadonly: true,
        docs: [credentialDocs(credential)],
      })),
      ...(input.serverVariables.length > 0 ? [serverVariablesProperty(input)] : []),
      ...(needsBaseUrl(input)
        ? [
            {
              name: "baseUrl",
              type: "string",
              isReadonly: true,
              docs: ["Where the API is served: the spec names no server."],
            },
          ]
        : []),
    ],
  };
}

/** A spec without servers gives no URL to default to: the caller must name one, or every call would fail. */
function needsBaseUrl(input: ClientEmitInput): boolean {
  return input.defaultServer === "";
}

/** Whether `create…Client()` may be called without options: no credential and no base URL it must have. */
function optionsOptional(input: ClientEmitInput): boolean {
  return input.plan.credentials.every((credential) => !credential.required) && !needsBaseUrl(input);
}

/** `serverVariables?: { region?: "eu" | "us" }`, filling the first server's URL template; `baseUrl` wins over it. */
function serverVariablesProperty(input: ClientEmitInput) {
  const fields = input.serverVariables.map((variable) => {
    const type = variable.enum ? variable.enum.map((value) => JSON.stringify(value)).join(" | ") : "string";
    const doc = docLines(variable.description, `Default: \`${variable.default}\`.`);
    return `/** ${doc.replace(/\n/g, " ")} */\n  readonly ${printKey(variable.name)}?: ${type};`;
  });
  return {
    name: "serverVariables",
    type: `{\n  ${fields.join("\n  ")}\n}`,
    hasQuestionToken: true,
    isReadonly: true,
    docs: [
      `Values for the variables of the server URL \`${input.serverTemplate.replace(/`/g, "'")}\`; ignored when \`baseUrl\` is set.`,
    ],
  };
}

function clientInterface(plan: ClientPlan): StatementStructures {
  return {
    kind: StructureKind.Interface,
    name: plan.clientType,
    isExported: true,
    docs: [`One method per operation of the spec. Every method resolves, never rejects: check \`ok\` and \`status\`.`],
    methods: plan.operations.map((operation) => ({
      name: operation.functionName,
      docs: [operationDocs(operation.operation)],
      parameters: [{ name: "args", type: operation.argsType, hasQuestionToken: !hasRequiredArgs(operation.operation) }],
      returnType: `Promise<${operation.resultType}>`,
    })),
    properties: plan.paginateMember === undefined ? [] : [paginateProperty(plan, plan.paginateMember)],
  };
}

/** `paginate: { listWebhooks(args): AsyncGenerator<ListWebhooksItem> }`: one iterator per list operation that pages. */
function paginateProperty(plan: ClientPlan, member: string) {
  const methods = plan.operations.flatMap((operation) => {
    if (operation.paging === undefined) return [];
    const optional = hasRequiredArgs(operation.operation) ? "" : "?";
    return [
      `/** Every item of \`${operation.functionName}\`, page by page; see \`${operation.paging.standaloneName}\`. */\n  ${printKey(operation.functionName)}(args${optional}: ${operation.argsType}): AsyncGenerator<${operation.paging.itemType}, void, undefined>;`,
    ];
  });
  return {
    name: printKey(member),
    type: `{\n  ${methods.join("\n  ")}\n}`,
    isReadonly: true,
    docs: ["Iterators over the lists that page: each yields every item, requesting pages as they are needed."],
  };
}

/** The transport type and its factory: the client's options, resolved once, for the standalone functions. */
function transportStatements(input: ClientEmitInput): StatementStructures[] {
  const { plan } = input;
  const optional = optionsOptional(input);
  const slots = plan.credentials.map((credential) => printInlineLiteral(credentialSlot(credential)));
  const values = plan.credentials.map((credential) => `${credential.option}: options.${credential.option}`);
  const defaults = Object.fromEntries(input.serverVariables.map((variable) => [variable.name, variable.default]));
  const baseUrl =
    input.serverVariables.length > 0
      ? `serverUrl(${JSON.stringify(input.serverTemplate)}, { ...${JSON.stringify(defaults)}, ...options.serverVariables })`
      : JSON.stringify(input.defaultServer);
  const label = JSON.stringify(plan.apiLabel);
  return [
    {
      kind: StructureKind.TypeAlias,
      name: plan.transportType,
      isExported: true,
      docs: [
        `What the standalone operations take: a client's options, resolved once by \`${plan.transportFactoryName}\`.`,
      ],
      type: `Transport<${label}>`,
    },
    {
      kind: StructureKind.Function,
      name: plan.transportFactoryName,
      isExported: true,
      docs: [
        docLines(
          `Creates the transport the standalone operations of ${input.title} take.`,
          input.defaultServer && `Default base URL: \`${input.defaultServer}\`.`,
        ),
      ],
      parameters: [{ name: "options", type: plan.optionsType, ...(optional ? { initializer: "{}" } : {}) }],
      returnType: plan.transportType,
      statements: [
        `return createTransport(${label}, options, ${baseUrl}, [${slots.join(", ")}], { ${values.join(", ")} });`,
      ],
    },
  ];
}

function factoryFunction(input: ClientEmitInput): StatementStructures {
  const { plan } = input;
  const optional = optionsOptional(input);
  const empty = plan.operations.length === 0;
  const routes = plan.operations.map((operation) => `${printKey(operation.functionName)}: ${operation.routeName}`);
  return {
    kind: StructureKind.Function,
    name: plan.factoryName,
    isExported: true,
    docs: [
      docLines(
        `Creates a client for ${input.title}: every operation as a method.`,
        input.defaultServer && `Default base URL: \`${input.defaultServer}\`.`,
      ),
    ],
    // With no operations the options go unused: the underscore keeps noUnusedParameters quiet.
    parameters: [
      { name: empty ? "_options" : "options", type: plan.optionsType, ...(optional ? { initializer: "{}" } : {}) },
    ],
    returnType: plan.clientType,
    statements: empty ? ["return {};"] : factoryStatements(input, routes),
  };
}

function factoryStatements(input: ClientEmitInput, routes: readonly string[]): string[] {
  const { plan } = input;
  const member = plan.paginateMember;
  if (member === undefined)
    return [
      `return bindOperations<${plan.clientType}>(${plan.transportFactoryName}(options), { ${routes.join(", ")} });`,
    ];
  const paged = plan.operations.flatMap((operation) =>
    operation.paging === undefined
      ? []
      : [`${printKey(operation.functionName)}: [${operation.routeName}, ${operation.paging.conventionName}]`],
  );
  const key = printKey(member);
  return [
    `const transport = ${plan.transportFactoryName}(options);`,
    `const operations = bindOperations<Omit<${plan.clientType}, ${JSON.stringify(member)}>>(transport, { ${routes.join(", ")} });`,
    `return { ...operations, ${key}: bindPaginators<${plan.clientType}[${JSON.stringify(member)}]>(transport, { ${paged.join(", ")} }) };`,
  ];
}

function credentialSlot(credential: CredentialPlan): Record<string, string | boolean> {
  const { scheme, option } = credential;
  if (scheme.kind === "apiKey") return { option, in: scheme.in, name: scheme.parameterName };
  if (scheme.kind === "basic") return { option, in: "header", name: "Authorization", prefix: "Basic ", base64: true };
  return { option, in: "header", name: "Authorization", prefix: "Bearer " };
}

/** How to call the operation, not who calls it: shared by the standalone function and the grouped client's method. */
function routeLiteral(plan: OperationPlan, client: ClientPlan): string {
  const { operation } = plan;
  const optionOf = new Map(client.credentials.map((credential) => [credential.scheme.name, credential.option]));
  const security = operation.security.map((set) =>
    set.map((scheme) => optionOf.get(scheme) ?? `unsupported:${scheme}`),
  );
  const [firstContent] = requestContents(operation);
  const declaring = operation.responses
    .filter((response) => response.headers.length > 0)
    .map(
      (response) =>
        `${JSON.stringify(response.status === "default" ? "default" : response.status.toUpperCase())}: { ${response.headers.map((header) => `${JSON.stringify(header.name)}: ${JSON.stringify(header.kind)}`).join(", ")} }`,
    );
  const styles = operation.parameters
    .filter((parameter) => parameter.in === "query" && parameter.queryStyle !== undefined)
    .map((parameter) => `${JSON.stringify(parameter.name)}: ${JSON.stringify(parameter.queryStyle)}`);
  // The serializers the call needs are named in the route, so a bundle holds only those of the operations it calls.
  const inQuery = new Set(
    client.credentials.flatMap(({ scheme, option }) =>
      scheme.kind === "apiKey" && scheme.in === "query" ? [option] : [],
    ),
  );
  const writesQuery =
    operation.parameters.some((parameter) => parameter.in === "query") ||
    security.some((set) => set.some((option) => inQuery.has(option)));
  const bodyWriter = requestContents(operation).every((content) => isJsonMediaType(content.mediaType))
    ? "jsonBody"
    : "serializeBody";
  const fields = [
    `method: ${JSON.stringify(operation.method.toUpperCase())}`,
    `path: ${JSON.stringify(operation.path)}`,
    `success: ${JSON.stringify(successStatuses(operation))}`,
    `security: ${JSON.stringify(security)}`,
    ...(writesQuery ? ["query: serializeQuery"] : []),
    ...(styles.length > 0 ? [`queryStyles: { ${styles.join(", ")} }`] : []),
    ...(operation.path.includes("?") ? ["fixedQuery: splitFixedQuery"] : []),
    ...(firstContent ? [`body: ${bodyWriter}`, `mediaType: ${JSON.stringify(firstContent.mediaType)}`] : []),
    ...(declaring.length > 0 ? [`headers: { ${declaring.join(", ")} }`] : []),
  ];
  return `{ ${fields.join(", ")} }`;
}
