/**
 * The files of a multi-file spec: each read and parsed once, known by an id (an absolute path or a URL, what refs
 * resolve against) and shown in messages the way the user named the main file (relative paths stay relative).
 */
import { isAbsolute, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseSpecText, type ParsedFile } from "./parse.js";
import { isUrl, readSource } from "./read.js";

export interface SourceFile extends ParsedFile {
  /** Absolute path or URL. */
  readonly id: string;
}

export type LoadResult =
  { readonly ok: true; readonly file: SourceFile } | { readonly ok: false; readonly reason: string };

export interface SourceSet {
  readonly main: SourceFile;
  /** A file already loaded, else `undefined`. */
  get(id: string): SourceFile | undefined;
  /** Reads and parses a file once. A read failure is returned; a parse error throws a SpecError naming that file. */
  load(id: string): Promise<LoadResult>;
  /** Every file loaded, the main file first. */
  files(): SourceFile[];
  /** The name of a file in messages. */
  displayName(id: string): string;
}

/** The id of the spec the user named. */
export function sourceId(source: string): string {
  return isUrl(source) ? new URL(source).href : resolve(source);
}

/** The id of the file a ref's URI part names, relative to the file that wrote it (URL rules, so `%20` is a space). */
export function refUriId(baseId: string, uri: string): string {
  if (isUrl(baseId) || isUrl(uri)) return new URL(uri, baseId).href;
  return fileURLToPath(new URL(uri, pathToFileURL(baseId)));
}

/** `common.yaml#/components/schemas/Error` → the URI part and the fragment (with its `#`, or "" when absent). */
export function splitRef(ref: string): { readonly uri: string; readonly fragment: string } {
  const hash = ref.indexOf("#");
  return hash < 0 ? { uri: ref, fragment: "" } : { uri: ref.slice(0, hash), fragment: ref.slice(hash) };
}

export function createSourceSet(main: ParsedFile, source: string): SourceSet {
  const mainFile: SourceFile = { ...main, id: sourceId(source) };
  const loaded = new Map<string, SourceFile>([[mainFile.id, mainFile]]);
  const pending = new Map<string, Promise<LoadResult>>();
  const keepAbsolute = isUrl(source) || isAbsolute(source);

  const displayName = (id: string): string => {
    if (id === mainFile.id) return mainFile.file;
    return isUrl(id) || keepAbsolute ? id : relative(process.cwd(), id);
  };

  const readAndParse = async (id: string): Promise<LoadResult> => {
    const outcome = await readSource(id);
    if (!outcome.ok) return outcome;
    const file: SourceFile = { ...parseSpecText(displayName(id), outcome.text), id };
    loaded.set(id, file);
    return { ok: true, file };
  };

  return {
    main: mainFile,
    get: (id) => loaded.get(id),
    load: (id) => {
      const known = loaded.get(id);
      if (known) return Promise.resolve({ ok: true, file: known });
      let result = pending.get(id);
      if (!result) pending.set(id, (result = readAndParse(id)));
      return result;
    },
    files: () => [...loaded.values()],
    displayName,
  };
}
