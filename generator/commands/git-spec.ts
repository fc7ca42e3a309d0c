/**
 * Reads a spec file as it was at a git ref, for `diff --base <ref>`: `git show <ref>:<path from the repo root>`, run
 * with execFile (no shell, so a ref is never interpreted by one). Every failure is a SpecError on the spec that says
 * which part failed: git itself, the repository, the ref, or the file at that ref.
 */
import { execFile } from "node:child_process";
import { realpath } from "node:fs/promises";
import { dirname, relative, sep } from "node:path";
import { promisify } from "node:util";
import { errorCode, SpecError, UsageError } from "../errors.js";

const execFileAsync = promisify(execFile);

/** Specs can be large; git's output is read whole. */
const MAX_OUTPUT_BYTES = 256 * 1024 * 1024;

export interface SpecAtRef {
  readonly text: string;
  /** `<ref>:<path from the repo root>`, git's own name for that version of the file, for messages. */
  readonly label: string;
}

type GitOutcome = { readonly ok: true; readonly stdout: string } | { readonly ok: false; readonly stderr: string };

async function git(cwd: string, args: readonly string[], specPath: string): Promise<GitOutcome> {
  try {
    const { stdout } = await execFileAsync("git", [...args], { cwd, encoding: "utf8", maxBuffer: MAX_OUTPUT_BYTES });
    return { ok: true, stdout };
  } catch (error) {
    const failed = error as NodeJS.ErrnoException & { stderr?: unknown };
    if (failed.code === "ENOENT") throw fromGit(specPath, "git is not installed, or not on PATH");
    return { ok: false, stderr: typeof failed.stderr === "string" ? failed.stderr.trim() : "" };
  }
}

function fromGit(specPath: string, reason: string): SpecError {
  return new SpecError(`cannot take the base spec from git: ${reason}`, { file: specPath });
}

/** The root of the git repository holding `specPath` (absolute), and the spec's path from it, with `/`. */
async function locateInRepository(specPath: string, ref: string): Promise<{ root: string; path: string }> {
  const real = await realpath(specPath).catch((error: unknown) => {
    if (errorCode(error) === "ENOENT") return specPath; // git then says what is missing
    throw error;
  });
  const found = await git(dirname(real), ["rev-parse", "--show-toplevel"], specPath);
  if (!found.ok)
    throw fromGit(specPath, `the spec is not inside a git repository, and --base ${JSON.stringify(ref)} is not a file`);
  const root = found.stdout.trim();
  return { root, path: relative(root, real).split(sep).join("/") };
}

/** The spec's text at `ref`. The ref is checked first, so a typo and a file missing at that ref read differently. */
export async function readSpecAtRef(specPath: string, ref: string): Promise<SpecAtRef> {
  // execFile passes arguments verbatim, but git would still read a leading "-" as an option.
  if (ref.startsWith("-")) throw new UsageError(`--base ${JSON.stringify(ref)} is neither a file nor a git ref`);
  const { root, path } = await locateInRepository(specPath, ref);
  const commit = await git(root, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`], specPath);
  if (!commit.ok) {
    throw fromGit(
      specPath,
      `--base ${JSON.stringify(ref)} is neither a file nor a commit, branch or tag of the repository at ${root}`,
    );
  }
  const label = `${ref}:${path}`;
  const shown = await git(root, ["show", label], specPath);
  if (!shown.ok) throw fromGit(specPath, `${path} does not exist at ${ref} (in the repository at ${root})`);
  return { text: shown.stdout, label };
}
