/**
 * Swagger 2.0 `collectionFormat`s that OpenAPI 3 has no style for, and swagger2openapi refuses: `tsv` anywhere, `ssv`
 * and `pipes` outside a query. By default they fall back to `csv`, comma-separated (`form` without explode in a query,
 * `simple` in a path or header), with a warning: no OpenAPI 3 style separates by tabs, and commas are the one
 * separator every location has and most servers split on. Under `--strict` each is an error.
 */
import type { SourcePlace } from "../errors.js";
import { appendPointer, isObject } from "../spec/pointer.js";
import type { Leniency } from "./leniency.js";
import { HTTP_METHODS } from "../spec/constants.js";

/** Rewrites `swagger` (the converter's own copy) in place; places are looked up in the document as written. */
export function replaceRejectedCollectionFormats(
  swagger: unknown,
  locate: (pointer: string) => SourcePlace,
  leniency: Leniency,
): void {
  if (!isObject(swagger)) return;
  const fix = (holder: unknown, pointer: string, isHeader: boolean): void => {
    if (!isObject(holder)) return;
    const format = holder["collectionFormat"];
    const delimited = format === "ssv" || format === "pipes";
    const rejected = isHeader
      ? holder["type"] === "array" && (delimited || format === "tsv")
      : format === "tsv" || (delimited && holder["in"] !== "query");
    if (!rejected) return;
    const where = format === "tsv" ? "" : isHeader ? " in a header" : " outside a query";
    const error = `collectionFormat ${JSON.stringify(format)} has no OpenAPI 3 equivalent${where}`;
    leniency.tolerate(
      locate(appendPointer(pointer, "collectionFormat")),
      error,
      `${error}: taken as csv (comma-separated) instead`,
    );
    // csv is the default; on a header the converter wants it left unwritten (else it compares it with the items').
    if (isHeader) delete holder["collectionFormat"];
    else holder["collectionFormat"] = "csv";
  };
  const eachEntry = (map: unknown, pointer: string, visit: (value: unknown, pointer: string) => void): void => {
    if (Array.isArray(map)) map.forEach((value, index) => visit(value, appendPointer(pointer, index)));
    else if (isObject(map)) for (const [key, value] of Object.entries(map)) visit(value, appendPointer(pointer, key));
  };
  const fixParameters = (list: unknown, pointer: string): void =>
    eachEntry(list, pointer, (parameter, at) => fix(parameter, at, false));
  const fixResponses = (responses: unknown, pointer: string): void =>
    eachEntry(responses, pointer, (response, at) => {
      if (isObject(response))
        eachEntry(response["headers"], appendPointer(at, "headers"), (header, headerAt) => fix(header, headerAt, true));
    });

  fixParameters(swagger["parameters"], "/parameters");
  fixResponses(swagger["responses"], "/responses");
  eachEntry(swagger["paths"], "/paths", (item, itemAt) => {
    if (!isObject(item)) return;
    fixParameters(item["parameters"], appendPointer(itemAt, "parameters"));
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      fixParameters(operation["parameters"], appendPointer(itemAt, method, "parameters"));
      fixResponses(operation["responses"], appendPointer(itemAt, method, "responses"));
    }
  });
}
