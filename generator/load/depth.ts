/**
 * Every later stage walks the document recursively (bundling, canonical JSON, fixtures, openapi-typescript, the
 * printers), and a value nested thousands of levels deep would overflow the stack in one of them. Real specs nest a
 * few dozen levels; past the limit a spec is rejected here, at the first value that goes too deep.
 */
import { SpecError, type SourcePlace } from "../errors.js";
import { appendPointer, isObject, refToPointer, resolvePointer } from "../spec/pointer.js";

/** Objects and arrays inside each other; every stage after loading is tested to this depth. */
export const MAX_NESTING = 256;

/** Throws a located SpecError when `value` nests objects and arrays deeper than MAX_NESTING. */
export function checkNesting(value: unknown, locate: (pointer: string) => SourcePlace): void {
  // Explicit stacks (the check must not overflow on the input it exists to catch), of plain values and depths: this
  // pass runs over every spec, the pointer is worked out only for a spec that fails.
  const values: unknown[] = [value];
  const depths: number[] = [0];
  for (let at = values.pop(); at !== undefined; at = values.pop()) {
    const depth = depths.pop() ?? 0;
    if (typeof at !== "object" || at === null) continue;
    if (depth > MAX_NESTING) {
      const pointer = pointerTo(value, at);
      throw new SpecError(`nested too deeply (over ${MAX_NESTING} levels of objects and arrays)`, locate(pointer));
    }
    for (const key in at) {
      const child: unknown = (at as Record<string, unknown>)[key];
      if (typeof child !== "object" || child === null) continue;
      values.push(child);
      depths.push(depth + 1);
    }
  }
}

interface Frame {
  readonly value: unknown;
  readonly parent: Frame | undefined;
  readonly key: string;
}

/** The pointer of `target` inside `root` (searched without recursion, like the check itself). */
function pointerTo(root: unknown, target: object): string {
  const stack: Frame[] = [{ value: root, parent: undefined, key: "" }];
  for (let frame = stack.pop(); frame !== undefined; frame = stack.pop()) {
    if (frame.value === target) {
      const keys: string[] = [];
      for (let at: Frame | undefined = frame; at?.parent !== undefined; at = at.parent) keys.push(at.key);
      return appendPointer("", ...keys.reverse());
    }
    if (typeof frame.value !== "object" || frame.value === null) continue;
    for (const [key, child] of Object.entries(frame.value))
      if (typeof child === "object" && child !== null) stack.push({ value: child, parent: frame, key });
  }
  return "";
}

/**
 * Where in JSON text the first container deeper than MAX_NESTING opens: the JSON locator's parser is itself recursive,
 * so the place of a too-deep value is found by counting brackets outside strings.
 */
export function jsonNestingOffset(text: string): number {
  let depth = 0;
  for (let at = 0; at < text.length; at++) {
    const char = text[at];
    if (char === '"') {
      for (at++; at < text.length && text[at] !== '"'; at++) if (text[at] === "\\") at++;
    } else if (char === "{" || char === "[") {
      if (++depth > MAX_NESTING + 1) return at;
    } else if (char === "}" || char === "]") depth--;
  }
  return 0;
}

/**
 * Schemas in a row, each only naming the next (a `$ref`, or an allOf/oneOf/anyOf member that is one) with no property
 * or item in between: every stage after loading follows those recursively.
 */
export const MAX_REF_CHAIN = 256;

/** Throws a located SpecError when a `$ref` leads through more than MAX_REF_CHAIN such schemas in a row. */
export function checkRefChains(document: unknown, locate: (pointer: string) => SourcePlace): void {
  // Pointer → the longest run of schemas that starts there (a cycle is cut where it closes).
  const lengths = new Map<string, number>();
  const values: unknown[] = [document];
  for (let at = values.pop(); at !== undefined; at = values.pop()) {
    if (typeof at !== "object" || at === null) continue;
    const ref = (at as Record<string, unknown>)["$ref"];
    const pointer = typeof ref === "string" ? refToPointer(ref) : undefined;
    if (pointer !== undefined) measureChain(document, pointer, lengths, locate);
    for (const key in at) {
      const child: unknown = (at as Record<string, unknown>)[key];
      if (typeof child === "object" && child !== null) values.push(child);
    }
  }
}

interface ChainFrame {
  readonly pointer: string;
  readonly next: string[];
  longest: number;
}

/** The longest run from `start`, by a depth-first walk on an explicit stack. */
function measureChain(
  document: unknown,
  start: string,
  lengths: Map<string, number>,
  locate: (pointer: string) => SourcePlace,
): void {
  if (lengths.has(start)) return;
  const tooLong = (pointer: string): SpecError =>
    new SpecError(
      `$ref chain too long (over ${MAX_REF_CHAIN} schemas in a row, each only a $ref, allOf, oneOf or anyOf of the next)`,
      locate(pointer),
    );
  const onPath = new Set<string>();
  const frames: ChainFrame[] = [];
  const enter = (pointer: string): void => {
    if (frames.length >= MAX_REF_CHAIN) throw tooLong(start);
    onPath.add(pointer);
    frames.push({ pointer, next: composedRefs(resolvePointer(document, pointer)), longest: 0 });
  };
  enter(start);
  for (let frame = frames.at(-1); frame !== undefined; frame = frames.at(-1)) {
    const next = frame.next.pop();
    if (next !== undefined) {
      const known = lengths.get(next);
      if (known !== undefined) frame.longest = Math.max(frame.longest, known);
      else if (!onPath.has(next)) enter(next);
      continue;
    }
    frames.pop();
    onPath.delete(frame.pointer);
    const length = frame.longest + 1;
    if (length > MAX_REF_CHAIN) throw tooLong(frame.pointer);
    lengths.set(frame.pointer, length);
    const parent = frames.at(-1);
    if (parent !== undefined) parent.longest = Math.max(parent.longest, length);
  }
}

/** The schemas a schema is made of without a property or item in between: its `$ref`, and its composition's `$ref`s. */
function composedRefs(schema: unknown): string[] {
  if (!isObject(schema)) return [];
  const members = [
    schema,
    ...["allOf", "oneOf", "anyOf"].flatMap((keyword) =>
      Array.isArray(schema[keyword]) ? (schema[keyword] as unknown[]) : [],
    ),
  ];
  return members.flatMap((member) => {
    const pointer = isObject(member) && typeof member["$ref"] === "string" ? refToPointer(member["$ref"]) : undefined;
    return pointer === undefined ? [] : [pointer];
  });
}
