/**
 * Every later stage walks the document recursively (bundling, canonical JSON, fixtures, openapi-typescript, the
 * printers), and a value nested thousands of levels deep would overflow the stack in one of them. Real specs nest a
 * few dozen levels; past the limit a spec is rejected here, at the first value that goes too deep.
 */
import { SpecError, type SourcePlace } from "../errors.js";
import { appendPointer } from "../pointer.js";

/** Objects and arrays inside each other; every stage after loading is tested to this depth. */
export const MAX_NESTING = 256;

interface Frame {
  readonly value: object;
  readonly depth: number;
  readonly parent: Frame | undefined;
  readonly key: string;
}

/** Throws a located SpecError when `value` nests objects and arrays deeper than MAX_NESTING. */
export function checkNesting(value: unknown, locate: (pointer: string) => SourcePlace): void {
  if (typeof value !== "object" || value === null) return;
  // An explicit stack: the check must not overflow on the input it exists to catch.
  const stack: Frame[] = [{ value, depth: 0, parent: undefined, key: "" }];
  for (let frame = stack.pop(); frame !== undefined; frame = stack.pop()) {
    if (frame.depth > MAX_NESTING) {
      const pointer = pointerOf(frame);
      throw new SpecError(`nested too deeply (over ${MAX_NESTING} levels of objects and arrays)`, locate(pointer));
    }
    for (const [key, child] of Object.entries(frame.value)) {
      if (typeof child === "object" && child !== null) stack.push({ value: child as object, depth: frame.depth + 1, parent: frame, key });
    }
  }
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

function pointerOf(frame: Frame): string {
  const keys: string[] = [];
  for (let at: Frame | undefined = frame; at?.parent !== undefined; at = at.parent) keys.push(at.key);
  return appendPointer("", ...keys.reverse());
}
