/**
 * openapi-typescript alone, as its CLI works: read the spec, `openapiTS` + `astToString`, write one file.
 *   node bench-openapi-typescript.js <spec.json|yaml> <out.ts>
 */
import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";

const [spec, out] = process.argv.slice(2);
if (spec === undefined || out === undefined) {
  process.stderr.write("usage: bench-openapi-typescript <spec> <out.ts>\n");
  process.exit(2);
}
const nodes = await openapiTS(pathToFileURL(resolve(spec)), { silent: true });
await writeFile(out, astToString(nodes));
