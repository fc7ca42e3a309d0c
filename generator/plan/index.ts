/**
 * The plan stage: every name in the output decided once, in the model's stable order, so emitters only look names up.
 */
import type { ApiModel, OperationModel, SecuritySchemeModel } from "../model/index.js";
import { UsageError } from "../errors.js";
import { camelCase, clientIdentifier, NameRegistry, pascalCase, safeIdentifier, unusableClientName } from "./names.js";

export interface OperationPlan {
  readonly operation: OperationModel;
  /** Method name on the client, such as `updatePhoneNumber`. */
  readonly functionName: string;
  /** Export name in fixtures.ts (a valid binding name, unlike a method name). */
  readonly fixtureName: string;
  readonly operationType: string;
  readonly argsType: string;
  readonly resultType: string;
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
  readonly clientType: string;
  readonly optionsType: string;
  readonly credentials: readonly CredentialPlan[];
  readonly operations: readonly OperationPlan[];
}

/** Names the templates and the runtime already use in the files we emit into. */
const TEMPLATE_NAMES = ["paths", "client", "createTransport", "Credential", "Failure", "HttpStatus", "NetworkFailure", "Success", "TransportOptions"];
const TRANSPORT_OPTIONS = ["baseUrl", "fetch", "headers"];

export function planClient(model: ApiModel, clientName: string): ClientPlan {
  const base = clientIdentifier(clientName);
  if (base === undefined) throw new UsageError(unusableClientName(clientName));
  const types = new NameRegistry(TEMPLATE_NAMES);
  const factoryName = types.claim(`create${base}Client`);
  const clientType = types.claim(`${base}Client`);
  const optionsType = types.claim(`${base}ClientOptions`);

  // Names written in the spec are claimed before names derived from method and path, so they never get a suffix
  // because of a derived one.
  const methods = new NameRegistry();
  const wanted = (operation: OperationModel): string => safeIdentifier(camelCase(operation.operationId ?? derivedName(operation)), "operation");
  const functionNames = new Map<OperationModel, string>();
  for (const explicit of [true, false]) {
    for (const operation of model.operations) {
      if ((operation.operationId !== undefined) === explicit) functionNames.set(operation, methods.claim(wanted(operation)));
    }
  }
  const fixtures = new NameRegistry(TEMPLATE_NAMES);
  const operations = model.operations.map((operation): OperationPlan => {
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

  const options = new NameRegistry(TRANSPORT_OPTIONS);
  const credentials = model.securitySchemes
    .filter((scheme) => model.operations.some((operation) => operation.security.some((set) => set.includes(scheme.name))))
    .map((scheme): CredentialPlan => ({
      scheme,
      option: options.claim(safeIdentifier(camelCase(scheme.name), "credential")),
      required:
        model.operations.length > 0 &&
        model.operations.every((operation) => operation.security.length > 0 && operation.security.every((set) => set.includes(scheme.name))),
    }));
  return { factoryName, clientType, optionsType, credentials, operations };
}

/** `GET /users/{id}/repos` → `getUsersIdRepos`, for operations without an operationId. */
function derivedName(operation: OperationModel): string {
  const segments = operation.path.split("/").map((segment) => segment.replace(/[{}]/g, ""));
  return [operation.method, ...segments].join(" ");
}
