/**
 * What type-checking costs an app that calls two GitHub operations: tsc (strict, bundler resolution) over a two-call
 * consumer and everything it imports, for our output, for openapi-typescript's types + openapi-fetch and, when its
 * output is there, for Hey API's.
 */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import {
  GITHUB_CALL,
  GITHUB_POST_CALL,
  heyApiApp,
  openapiFetchApp,
  standaloneApp,
  writeOpenapiTypescriptTypes,
} from "./one-call.js";

export interface ConsumerProgram {
  readonly label: string;
  /** The consumer file, relative to the work dir. */
  readonly file: string;
}

/**
 * Writes the consumers into `dir`: of our output in `githubOut` (relative to `dir`), of openapi-typescript's types of
 * `spec`, and of Hey API's output in `heyApiOut` (relative to `dir`) when given.
 */
export async function writeConsumers(
  dir: string,
  spec: string,
  githubOut: string,
  heyApiOut: string | undefined,
): Promise<ConsumerProgram[]> {
  await writeOpenapiTypescriptTypes(spec, join(dir, "consumer-github-paths.ts"));
  const calls = [GITHUB_CALL, GITHUB_POST_CALL];
  const programs = [
    { label: "our GitHub output", file: "consumer-ours.ts", source: standaloneApp(calls, `./${githubOut}/index.js`) },
    {
      label: "openapi-typescript's types + openapi-fetch",
      file: "consumer-openapi-fetch.ts",
      source: openapiFetchApp(calls, "./consumer-github-paths.js"),
    },
    ...(heyApiOut === undefined
      ? []
      : [
          {
            label: "Hey API's GitHub output",
            file: "consumer-hey-api.ts",
            source: heyApiApp(calls, `./${heyApiOut}/index`),
          },
        ]),
  ];
  for (const program of programs) await writeFile(join(dir, program.file), program.source);
  return programs.map(({ label, file }) => ({ label, file }));
}
