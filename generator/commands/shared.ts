/** What every command shares: exit codes, and how places and errors are printed. */
import { relative } from "node:path";
import { environmentError, formatPlace, SpecError, UsageError, type SourcePlace } from "../errors.js";

/** Exit codes, documented in the README. */
export const EXIT = { ok: 0, failed: 1, usage: 2, internal: 3 } as const;

/** Paths inside the working directory are shown relative to it, as editors and CI logs link them. */
export function shortPlace(place: SourcePlace): SourcePlace {
  const shown = relative(process.cwd(), place.file) || ".";
  return shown.startsWith("..") || /^[a-z]+:/i.test(place.file) ? place : { ...place, file: shown };
}

export function shortPath(path: string): string {
  return relative(process.cwd(), path) || ".";
}

/** Prints an error as one paragraph and returns the exit code it deserves. */
export function reportError(thrown: unknown): number {
  // A file-system failure the user can fix (permissions, a file where a folder should be, a full disk) that no stage
  // located itself still names its path and exits 1: it is not a bug of the tool.
  const error = environmentError(thrown) ?? thrown;
  if (error instanceof SpecError) {
    process.stderr.write(`kapso-codegen: ${formatPlace(shortPlace(error.place))}: ${error.message}\n`);
    return EXIT.failed;
  }
  if (error instanceof UsageError) {
    process.stderr.write(`kapso-codegen: ${error.message}\nRun \`kapso-codegen --help\` for usage.\n`);
    return EXIT.usage;
  }
  process.stderr.write(`kapso-codegen: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return EXIT.internal;
}
