/**
 * One call of one operation, written for each client the benchmarks compare: ours (a standalone function, or a method
 * of the grouped client), openapi-typescript's types with openapi-fetch, and Hey API's SDK function.
 */
import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";

export interface OneCall {
  /** Client name as given to `generate` (`kapso` → `createKapsoTransport`). */
  readonly clientName: string;
  /** Our operation (function and method) name; Hey API names it the same for these specs. */
  readonly operation: string;
  readonly method: "GET" | "PUT" | "POST" | "PATCH" | "DELETE";
  readonly path: string;
  /** Source text of the arguments: path, query parameters, body (undefined when absent). */
  readonly pathParams?: string;
  readonly query?: string;
  readonly body?: string;
  /** Source text of the client options (credentials), without `baseUrl`/`fetch`. */
  readonly options: string;
}

export function pascal(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** `{ path: …, query: …, body: … }`: ours and Hey API's arguments. */
export function ourArgs(call: OneCall): string {
  const fields = [
    call.pathParams === undefined ? "" : `path: ${call.pathParams}`,
    call.query === undefined ? "" : `query: ${call.query}`,
    call.body === undefined ? "" : `body: ${call.body}`,
  ].filter(Boolean);
  return `{ ${fields.join(", ")} }`;
}

/** `{ params: { path, query }, body }`: openapi-fetch's. */
export function openapiFetchInit(call: OneCall): string {
  const params = [
    call.pathParams === undefined ? "" : `path: ${call.pathParams}`,
    call.query === undefined ? "" : `query: ${call.query}`,
  ].filter(Boolean);
  return `{ params: { ${params.join(", ")} }${call.body === undefined ? "" : `, body: ${call.body}`} }`;
}

/** An app calling the operations (of one API) through our standalone functions. */
export function standaloneApp(calls: readonly OneCall[], index: string): string {
  const [first] = calls;
  if (first === undefined) return "export {};\n";
  const transport = `create${pascal(first.clientName)}Transport`;
  const names = [transport, ...calls.map((call) => call.operation)].sort();
  return app(
    `import { ${names.join(", ")} } from ${JSON.stringify(index)};\nconst api = ${transport}(${first.options});`,
    calls.map((call) => `${call.operation}(api, ${ourArgs(call)})`),
    "ok",
  );
}

/** The same calls through the grouped client object. */
export function groupedApp(calls: readonly OneCall[], index: string): string {
  const [first] = calls;
  if (first === undefined) return "export {};\n";
  const factory = `create${pascal(first.clientName)}Client`;
  return app(
    `import { ${factory} } from ${JSON.stringify(index)};\nconst api = ${factory}(${first.options});`,
    calls.map((call) => `api.${call.operation}(${ourArgs(call)})`),
    "ok",
  );
}

/** The same calls with openapi-fetch over openapi-typescript's `paths` (in `typesModule`). */
export function openapiFetchApp(calls: readonly OneCall[], typesModule: string): string {
  return app(
    `import createClient from "openapi-fetch";\nimport type { paths } from ${JSON.stringify(typesModule)};\nconst client = createClient<paths>({ baseUrl: "https://api.example.com" });`,
    calls.map((call) => `client.${call.method}(${JSON.stringify(call.path)}, ${openapiFetchInit(call)})`),
    "data",
  );
}

/** The same calls with Hey API's SDK functions (its client is configured by its own client.gen.ts). */
export function heyApiApp(calls: readonly OneCall[], index: string): string {
  const names = calls.map((call) => call.operation).sort();
  return app(
    `import { ${names.join(", ")} } from ${JSON.stringify(index)};`,
    calls.map((call) => `${call.operation}(${ourArgs(call)})`),
    "data",
  );
}

/** A module: the setup, then each call awaited and one field of its result logged (so no bundler drops it). */
function app(setup: string, calls: readonly string[], field: string): string {
  const awaited = calls.map(
    (call, index) => `const result${index} = await ${call};\nconsole.log(result${index}.${field});`,
  );
  return `${setup}\n${awaited.join("\n")}\nexport {};\n`;
}

/** openapi-typescript's types of a spec, written as its CLI writes them. */
export async function writeOpenapiTypescriptTypes(spec: string, outFile: string): Promise<void> {
  const nodes = await openapiTS(pathToFileURL(resolve(spec)), { silent: true });
  await writeFile(outFile, astToString(nodes));
}

/** The calls the benchmarks make: a JSON PATCH with a path parameter on Kapso; GETs and a POST on GitHub. */
export const KAPSO_CALL: OneCall = {
  clientName: "kapso",
  operation: "updatePhoneNumber",
  method: "PATCH",
  path: "/whatsapp/phone_numbers/{phone_number_id}",
  pathParams: `{ phone_number_id: "123" }`,
  body: `{ whatsapp_phone_number: { webhook_destination_url: "https://example.com/hook" } }`,
  options: `{ apiKey: "key" }`,
};

export const GITHUB_CALL: OneCall = {
  clientName: "github",
  operation: "reposGet",
  method: "GET",
  path: "/repos/{owner}/{repo}",
  pathParams: `{ owner: "octocat", repo: "hello-world" }`,
  options: `{}`,
};

/** A GET with query parameters, for the per-call cost. */
export const GITHUB_QUERY_CALL: OneCall = {
  clientName: "github",
  operation: "issuesListForRepo",
  method: "GET",
  path: "/repos/{owner}/{repo}/issues",
  pathParams: `{ owner: "octocat", repo: "hello-world" }`,
  query: `{ state: "open", labels: "bug,ui", sort: "created", direction: "desc", per_page: 50, page: 2 }`,
  options: `{}`,
};

/** A POST with a path parameter and a JSON body: the second call of the type-checked consumer. */
export const GITHUB_POST_CALL: OneCall = {
  clientName: "github",
  operation: "issuesCreate",
  method: "POST",
  path: "/repos/{owner}/{repo}/issues",
  pathParams: `{ owner: "octocat", repo: "hello-world" }`,
  body: `{ title: "Found a bug" }`,
  options: `{}`,
};
