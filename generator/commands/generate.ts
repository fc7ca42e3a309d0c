/** `kapso-codegen generate`: regenerate (or, with --check, compare) one API's output folder. */
import type { Argv } from "yargs";
import { formatPlace } from "../errors.js";
import { generate, type GenerateResult } from "../index.js";
import { resolveOptions } from "../options.js";
import { EXIT, shortPath, shortPlace } from "./shared.js";

export interface GenerateArgs {
  spec?: string | undefined;
  out?: string | undefined;
  name?: string | undefined;
  check?: boolean | undefined;
  quiet?: boolean | undefined;
}

export function generateOptions<T>(command: Argv<T>) {
  return command
    .option("spec", { type: "string", describe: "OpenAPI file (YAML or JSON) or http(s) URL", defaultDescription: "specs/kapso-platform.yaml" })
    .option("out", { type: "string", describe: "Output folder of this API", defaultDescription: "generated/<name>" })
    .option("name", { type: "string", describe: "Client name: 'kapso' gives createKapsoClient", defaultDescription: "the --out folder's name, else the spec's" })
    .option("check", { type: "boolean", describe: "Write nothing; exit 1 and list the files that differ from what the spec produces" })
    .option("quiet", { alias: "q", type: "boolean", describe: "Print only warnings and errors" })
    .example("$0 generate", "Regenerate generated/kapso from the Kapso spec")
    .example("$0 generate --spec api.yaml --out src/api", "Generate src/api (createApiClient) from api.yaml")
    .example("$0 generate --check", "Fail in CI when generated/ is out of date");
}

export async function runGenerate(argv: GenerateArgs): Promise<number> {
  const options = resolveOptions(argv);
  const result = await generate(options);
  const where = shortPath(options.out);
  for (const warning of result.warnings) {
    process.stderr.write(`warning: ${formatPlace(shortPlace(warning.place))}: example does not match its schema: ${warning.valuePointer || "(root)"} ${warning.message}\n`);
  }
  if (options.check) {
    if (result.changed.length === 0) {
      if (!argv.quiet) process.stdout.write(`${where} is up to date (${result.files.length} files).\n`);
      return EXIT.ok;
    }
    process.stderr.write(`${where} is stale; regenerate with \`kapso-codegen generate\`:\n`);
    for (const file of result.changed) process.stderr.write(`  ${describeStale(file.change)} ${file.path}\n`);
    return EXIT.failed;
  }
  if (!argv.quiet) process.stdout.write(summary(where, result));
  return EXIT.ok;
}

function describeStale(change: string): string {
  return change === "create" ? "missing " : change === "remove" ? "obsolete" : "differs ";
}

function summary(where: string, result: GenerateResult): string {
  const count = (change: string): number => result.files.filter((file) => file.change === change).length;
  const written = count("create") + count("update");
  const total = Object.values(result.timings).reduce((sum, ms) => sum + ms, 0);
  return `${where}: ${result.operations} operations; ${written} files written, ${count("unchanged")} unchanged, ${count("remove")} removed (${total} ms)\n`;
}
