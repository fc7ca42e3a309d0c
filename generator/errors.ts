import { relative } from "node:path";

/** A problem in the user's input, reported as one paragraph naming the file and the place in it. */
export interface SourcePlace {
  readonly file: string;
  /** 1-based; absent when the place is the whole file. */
  readonly line?: number;
  readonly column?: number;
  /** JSON pointer into the document, such as `/paths/~1pets/get`. */
  readonly pointer?: string;
}

export class SpecError extends Error {
  override readonly name: string = "SpecError";
  constructor(
    message: string,
    readonly place: SourcePlace,
  ) {
    super(message);
  }
}

/** A flaw in the spec that the tool worked around (`--strict` makes it a SpecError), with what it did instead. */
export interface SpecWarning {
  readonly place: SourcePlace;
  readonly message: string;
}

/**
 * A problem with the machine rather than the input: a folder that cannot be written, a file where a folder should be,
 * a full disk. Printed like a SpecError, naming the path, and exits 1: the user can fix it, it is not a bug.
 */
export class EnvironmentError extends SpecError {
  override readonly name = "EnvironmentError";
}

/** An error in how the tool was called (flags, config), not in the spec. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

/** `file:line:column (at /json/pointer)`, the form editors and CI logs link. */
export function formatPlace(place: SourcePlace): string {
  const position =
    place.line === undefined ? "" : `:${place.line}${place.column === undefined ? "" : `:${place.column}`}`;
  const pointer = place.pointer === undefined || place.pointer === "" ? "" : ` (at ${place.pointer})`;
  return `${place.file}${position}${pointer}`;
}

/** The codes of file-system failures the user can act on, and what each one means in words. */
const ENVIRONMENT_CODES: Readonly<Record<string, string>> = {
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EROFS: "the file system is read-only",
  ENOTDIR: "a file stands where a folder is needed",
  EEXIST: "a file stands where a folder is needed",
  EISDIR: "is a folder, where a file is needed",
  ENOSPC: "no space left on the device",
  EDQUOT: "the disk quota is exceeded",
  EMFILE: "too many open files",
  ENAMETOOLONG: "the file name is too long",
  ELOOP: "too many symbolic links",
};

export function errorCode(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === "string" ? code : undefined;
}

/** True for a failure of the file system (ENOENT, EACCES, ...), as opposed to a bug. */
export function isFileSystemError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof errorCode(error) === "string" && /^E[A-Z]+$/.test(errorCode(error) ?? "");
}

/**
 * The located form of a file-system failure the user can fix (see ENVIRONMENT_CODES), naming `path` (or the path the
 * system call reported); undefined for any other error, which stays what it is.
 */
export function environmentError(error: unknown, path?: string, doing?: string): EnvironmentError | undefined {
  if (error instanceof SpecError || !isFileSystemError(error)) return undefined;
  const code = error.code ?? "";
  const meaning = ENVIRONMENT_CODES[code];
  if (meaning === undefined) return undefined;
  const file = error.path ?? path;
  if (file === undefined) return undefined;
  const where = path !== undefined && error.path !== undefined && error.path !== path ? ` (${error.path})` : "";
  return new EnvironmentError(`${doing ? `cannot ${doing}: ` : ""}${meaning} (${code})${where}`, {
    file: path ?? file,
  });
}

/** Paths inside the working directory are shown relative to it, as editors and CI logs link them. */
export function shortPlace(place: SourcePlace): SourcePlace {
  const shown = relative(process.cwd(), place.file) || ".";
  return shown.startsWith("..") || /^[a-z]+:/i.test(place.file) ? place : { ...place, file: shown };
}

export function shortPath(path: string): string {
  return relative(process.cwd(), path) || ".";
}
