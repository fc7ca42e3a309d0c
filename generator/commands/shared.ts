/** What every command shares: exit codes, and how places and errors are printed. */
import { environmentError, formatPlace, shortPlace, SpecError, UsageError } from "../errors.js";

export { shortPath, shortPlace } from "../errors.js";

/** Exit codes, documented in the README. */
export const EXIT = { ok: 0, failed: 1, usage: 2, internal: 3 } as const;

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
  process.stderr.write(
    `kapso-codegen: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  return EXIT.internal;
}
