/** `kapso-codegen init`: writes a starter config file. */
import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Argv } from "yargs";
import { UsageError } from "../errors.js";
import { EXIT, shortPath } from "./shared.js";

export function initOptions<T>(command: Argv<T>) {
  return command
    .option("spec", { type: "string", default: "specs/kapso-platform.yaml", describe: "The first API's spec" })
    .option("out", { type: "string", default: "generated/kapso", describe: "Its output folder" })
    .option("format", { choices: ["ts", "mjs", "json"] as const, default: "ts" as const, describe: "Config file type" })
    .option("force", { type: "boolean", describe: "Overwrite an existing config file" })
    .example(
      "$0 init --spec openapi.yaml --out src/api",
      "Write kapso-codegen.config.ts for one API: openapi.yaml into src/api",
    )
    .example("$0 init --format json", "Write kapso-codegen.config.json instead (no TypeScript needed)");
}

export async function runInit(argv: {
  spec: string;
  out: string;
  format: "ts" | "mjs" | "json";
  force?: boolean | undefined;
}): Promise<number> {
  const file = join(process.cwd(), `kapso-codegen.config.${argv.format}`);
  if (existsSync(file) && !argv.force)
    throw new UsageError(`${shortPath(file)} already exists; use --force to overwrite it`);
  await writeFile(file, starterConfig(argv.format, argv.spec, argv.out));
  process.stdout.write(
    `wrote ${shortPath(file)}; run \`kapso-codegen generate\` to generate every API it lists (as a package.json script: "generate": "kapso-codegen generate")\n`,
  );
  return EXIT.ok;
}

export function starterConfig(format: "ts" | "mjs" | "json", spec: string, out: string): string {
  const apis = { apis: [{ spec, out }] };
  if (format === "json") return `${JSON.stringify(apis, null, 2)}\n`;
  const body = [
    "export default defineConfig({",
    "  // One entry per API; paths are relative to this file. Several APIs share one copy of the runtime.",
    "  apis: [",
    `    { spec: ${JSON.stringify(spec)}, out: ${JSON.stringify(out)} },`,
    "  ],",
    '  // runtime: "generated/runtime", // where the shared runtime goes when there are several APIs',
    "  // strict: true, // spec examples that fail their schema are errors",
    "});",
    "",
  ].join("\n");
  return `import { defineConfig } from "kapso-codegen";\n\n${body}`;
}
