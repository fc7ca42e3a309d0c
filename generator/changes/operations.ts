/** Lists the operations of a bundled document, keyed by "METHOD /path". */
import { HTTP_METHODS } from "../spec/constants.js";
import { isRecord, recordAt, stringAt, type JsonRecord } from "./json.js";
import { resolveRef, type RefSource } from "./resolve.js";

export interface OperationEntry {
  /** "PATCH /whatsapp/phone_numbers/{phone_number_id}" */
  readonly key: string;
  readonly method: string;
  readonly path: string;
  readonly operationId?: string;
  readonly operation: JsonRecord;
  readonly pathItem: JsonRecord;
}

export function operationKey(method: string, path: string): string {
  return `${method.toUpperCase()} ${path}`;
}

function operationsOfPath(source: RefSource, path: string, rawPathItem: unknown): OperationEntry[] {
  // OpenAPI 3.1 lets a path item itself be a `$ref`.
  const pathItem = resolveRef(source, rawPathItem)?.value;
  if (pathItem === undefined) return [];
  return HTTP_METHODS.flatMap((method) => {
    const operation = recordAt(pathItem, method);
    if (operation === undefined) return [];
    const operationId = stringAt(operation, "operationId");
    const entry: OperationEntry = { key: operationKey(method, path), method, path, operation, pathItem };
    return [operationId === undefined ? entry : { ...entry, operationId }];
  });
}

export function collectOperations(source: RefSource): Map<string, OperationEntry> {
  const paths = recordAt(source.doc, "paths") ?? {};
  const entries = Object.entries(paths).filter(([path, item]) => path.startsWith("/") && isRecord(item));
  const operations = new Map<string, OperationEntry>();
  for (const [path, item] of entries) {
    for (const entry of operationsOfPath(source, path, item)) operations.set(entry.key, entry);
  }
  return operations;
}
