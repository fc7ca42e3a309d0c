/**
 * The plan stage: every name in the output decided once, in the model's stable order, so emitters only look names up.
 */
import type { ApiModel, OperationModel, SecuritySchemeModel } from "../model/index.js";
import { UsageError } from "../errors.js";
import { BUILT_IN_CONVENTIONS, detectPaging, type PaginationConvention, type PagingPlan } from "./pagination.js";
import { camelCase, clientIdentifier, NameRegistry, pascalCase, safeIdentifier, unusableClientName } from "./names.js";
import { planNamedTypes, type NamedTypePlan } from "./type-names.js";

export type { NamedTypePlan } from "./type-names.js";

export interface OperationPlan {
  readonly operation: OperationModel;
  /** Method name on the client, such as `updatePhoneNumber`. */
  readonly functionName: string;
  /** The standalone function's export name: the method name unless that names something else the entry point exports. */
  readonly standaloneName: string;
  /** The module-private constant holding the operation's route. */
  readonly routeName: string;
  /** Export name in fixtures.ts (a valid binding name, unlike a method name). */
  readonly fixtureName: string;
  readonly operationType: string;
  readonly argsType: string;
  readonly resultType: string;
  /** Present when the operation is a list that pages by a recognised convention. */
  readonly paging?: PagedOperationPlan;
}

export interface PagedOperationPlan extends PagingPlan {
  /** The item type's export name (`ListWebhooksItem`). */
  readonly itemType: string;
  /** The standalone iterator's export name (`paginateListWebhooks`). */
  readonly standaloneName: string;
  /** The module-private constant holding the convention. */
  readonly conventionName: string;
}

export interface CredentialPlan {
  readonly scheme: SecuritySchemeModel;
  /** The client option holding this scheme's credential. */
  readonly option: string;
  /** Required when every operation needs it. */
  readonly required: boolean;
}

export interface ClientPlan {
  readonly factoryName: string;
  /** `createKapsoTransport`: what the standalone functions take. */
  readonly transportFactoryName: string;
  readonly transportType: string;
  /** Tells one API's transport from another's in the types (`Transport<"Kapso">`). */
  readonly apiLabel: string;
  readonly clientType: string;
  readonly optionsType: string;
  readonly credentials: readonly CredentialPlan[];
  readonly operations: readonly OperationPlan[];
  /** The client member holding the iterators (`paginate`); absent when no operation pages. */
  readonly paginateMember?: string;
  /** The spec's component types, each exported from index.ts under its own name. */
  readonly namedTypes: readonly NamedTypePlan[];
}

/** What pagination detection reads: the document (for the bodies' schemas) and the config's own conventions. */
export interface PagingInput {
  readonly document: Record<string, unknown>;
  readonly conventions?: readonly PaginationConvention[] | undefined;
}

/** Names the templates and the runtime already use in the files we emit into. */
const TEMPLATE_NAMES = [
  "paths",
  "client",
  "createTransport",
  "Credential",
  "Failure",
  "HttpStatus",
  "NetworkFailure",
  "Success",
  "TransportOptions",
];
const TRANSPORT_OPTIONS = ["baseUrl", "fetch", "headers", "retry", "timeout", "middleware"];
/**
 * Besides the planned names, what index.ts re-exports (the spec's types, the runtime's) and what client.ts imports: a
 * standalone function or a route constant must not take one, or `export *` would drop it as ambiguous.
 */
const ENTRY_POINT_NAMES = [
  ...TEMPLATE_NAMES,
  "components",
  "operations",
  "webhooks",
  "$defs",
  "bindOperations",
  "callOperation",
  "serverUrl",
  "jsonBody",
  "serializeBody",
  "serializeQuery",
  "splitFixedQuery",
  "OperationRoute",
  "Transport",
  "ClientErrorStatus",
  "InformationalStatus",
  "RedirectionStatus",
  "ServerErrorStatus",
  "SuccessStatus",
  "BinaryBody",
  "FormBody",
  "QueryStyle",
  "paginate",
  "bindPaginators",
  "PageConvention",
  "PageError",
  "RetryOptions",
  "BackoffOptions",
  "CallOptions",
  "HeaderKind",
  "Middleware",
];

export function planClient(model: ApiModel, clientName: string, paging?: PagingInput): ClientPlan {
  const base = clientIdentifier(clientName);
  if (base === undefined) throw new UsageError(unusableClientName(clientName));
  const types = new NameRegistry(TEMPLATE_NAMES);
  const factoryName = types.claim(`create${base}Client`);
  const clientType = types.claim(`${base}Client`);
  const optionsType = types.claim(`${base}ClientOptions`);
  const transportFactoryName = types.claim(`create${base}Transport`);
  const transportType = types.claim(`${base}Transport`);

  // Names written in the spec are claimed before names derived from method and path, so they never get a suffix
  // because of a derived one.
  const methods = new NameRegistry();
  const wanted = (operation: OperationModel): string =>
    safeIdentifier(camelCase(operation.operationId ?? derivedName(operation)), "operation");
  const functionNames = new Map<OperationModel, string>();
  for (const explicit of [true, false]) {
    for (const operation of model.operations) {
      if ((operation.operationId !== undefined) === explicit)
        functionNames.set(operation, methods.claim(wanted(operation)));
    }
  }
  const fixtures = new NameRegistry(TEMPLATE_NAMES);
  const planned = model.operations.map((operation) => {
    const functionName = functionNames.get(operation) ?? wanted(operation);
    const typeBase = safeIdentifier(pascalCase(functionName), "Operation");
    // Claim the three type names together so they share one suffix.
    const suffixFree = (candidate: string): boolean =>
      ["Operation", "Args", "Result"].every((suffix) => !types.has(`${candidate}${suffix}`));
    const typeName = new NameRegistry().claim(typeBase, suffixFree);
    return {
      operation,
      functionName,
      fixtureName: fixtures.claim(functionName),
      operationType: types.claim(`${typeName}Operation`),
      argsType: types.claim(`${typeName}Args`),
      resultType: types.claim(`${typeName}Result`),
    };
  });
  // What index.ts exports besides the operations' own names.
  const clientExports = [
    ...ENTRY_POINT_NAMES,
    factoryName,
    clientType,
    optionsType,
    transportFactoryName,
    transportType,
  ];
  // Standalone names after every type name, so they never shift one; route names after every standalone name.
  const values = new NameRegistry([
    ...clientExports,
    ...planned.flatMap((operation) => [operation.operationType, operation.argsType, operation.resultType]),
  ]);
  const named = planned.map((operation) => ({ ...operation, standaloneName: values.claim(operation.functionName) }));
  const routed = named.map((operation): OperationPlan => ({
    ...operation,
    routeName: values.claim(`${operation.standaloneName}Route`),
  }));
  // Paging names come last of all, so a spec that gains a list operation shifts no other name.
  const conventions = [...(paging?.conventions ?? []), ...BUILT_IN_CONVENTIONS];
  const operations = routed.map((operation): OperationPlan => {
    const detected = paging === undefined ? undefined : detectPaging(paging.document, operation.operation, conventions);
    if (detected === undefined) return operation;
    const base = operation.resultType.replace(/Result$/, "");
    return {
      ...operation,
      paging: {
        ...detected,
        itemType: types.claim(`${base}Item`),
        standaloneName: values.claim(`paginate${pascalCase(operation.functionName)}`),
        conventionName: values.claim(`${operation.standaloneName}Pages`),
      },
    };
  });
  const paginateMember = operations.some((operation) => operation.paging !== undefined)
    ? methods.claim("paginate")
    : undefined;

  const options = new NameRegistry(TRANSPORT_OPTIONS);
  const credentials = model.securitySchemes
    .filter((scheme) =>
      model.operations.some((operation) => operation.security.some((set) => set.includes(scheme.name))),
    )
    .map((scheme): CredentialPlan => ({
      scheme,
      option: options.claim(safeIdentifier(camelCase(scheme.name), "credential")),
      required:
        model.operations.length > 0 &&
        model.operations.every(
          (operation) => operation.security.length > 0 && operation.security.every((set) => set.includes(scheme.name)),
        ),
    }));
  // Last: a component type takes a name only where no export of the client already has it.
  const taken = [
    ...clientExports,
    ...operations.flatMap((operation) => [
      operation.operationType,
      operation.argsType,
      operation.resultType,
      operation.standaloneName,
      ...(operation.paging === undefined ? [] : [operation.paging.standaloneName, operation.paging.itemType]),
    ]),
  ];
  const namedTypes = planNamedTypes(model.namedComponents, taken);
  return {
    factoryName,
    transportFactoryName,
    transportType,
    apiLabel: base,
    clientType,
    optionsType,
    credentials,
    operations,
    namedTypes,
    ...(paginateMember === undefined ? {} : { paginateMember }),
  };
}

/** `GET /users/{id}/repos` → `getUsersIdRepos`, for operations without an operationId. */
function derivedName(operation: OperationModel): string {
  const segments = operation.path.split("/").map((segment) => segment.replace(/[{}]/g, ""));
  return [operation.method, ...segments].join(" ");
}
