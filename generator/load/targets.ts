/** What a `$ref` written in one file of a multi-file spec points at: a file and a JSON pointer into it. */
import { appendPointer, isObject, refToPointer, resolvePointer } from "../spec/pointer.js";
import { readVerb } from "./read.js";
import { refUriId, splitRef, type SourceSet } from "./sources.js";

/** A place in one of the files: its id and a JSON pointer into its value. */
export interface Origin {
  readonly id: string;
  readonly pointer: string;
}

export type TargetResult =
  { readonly ok: true; readonly target: Origin } | { readonly ok: false; readonly reason: string };

export function childOrigin(origin: Origin, key: string | number): Origin {
  return { id: origin.id, pointer: appendPointer(origin.pointer, key) };
}

export function isRefObject(value: unknown): value is { $ref: string } & Record<string, unknown> {
  return isObject(value) && typeof value["$ref"] === "string";
}

/** Reads the file a ref names (once) and checks that its pointer leads somewhere; the reason when it does not. */
export async function loadRefTarget(sources: SourceSet, fromId: string, ref: string): Promise<TargetResult> {
  const { uri, fragment } = splitRef(ref);
  let id = fromId;
  if (uri !== "") {
    id = refUriId(fromId, uri);
    const loaded = await sources.load(id);
    if (!loaded.ok) return { ok: false, reason: `cannot ${readVerb(id)} ${sources.displayName(id)}: ${loaded.reason}` };
  }
  return targetIn(sources, id, fragment);
}

/**
 * The final target of a ref among the files already loaded, following a ref that points at another ref (as
 * bundlers do); `undefined` when it leads nowhere.
 */
export function resolveLoadedRef(sources: SourceSet, fromId: string, ref: string): Origin | undefined {
  const seen = new Set<string>();
  let current: Origin | undefined;
  let from = fromId;
  let next: string | undefined = ref;
  while (next !== undefined) {
    const { uri, fragment } = splitRef(next);
    const found = targetIn(sources, uri === "" ? from : refUriId(from, uri), fragment);
    if (!found.ok) return current;
    const key = `${found.target.id}#${found.target.pointer}`;
    if (seen.has(key)) return current;
    seen.add(key);
    current = found.target;
    from = current.id;
    const value = valueAt(sources, current);
    next = isRefObject(value) ? value.$ref : undefined;
  }
  return current;
}

export function valueAt(sources: SourceSet, origin: Origin): unknown {
  const file = sources.get(origin.id);
  return file === undefined ? undefined : resolvePointer(file.value, origin.pointer);
}

function targetIn(sources: SourceSet, id: string, fragment: string): TargetResult {
  const file = sources.get(id);
  if (!file) return { ok: false, reason: `${sources.displayName(id)} is not loaded` };
  const pointer = refToPointer(fragment === "" ? "#" : fragment);
  if (pointer === undefined) return { ok: false, reason: "only JSON pointer fragments (#/…) are supported" };
  if (resolvePointer(file.value, pointer) === undefined)
    return { ok: false, reason: `nothing in ${file.file} at that pointer` };
  return { ok: true, target: { id, pointer } };
}
