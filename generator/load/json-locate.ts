/**
 * Positions in a JSON spec, for messages. One streaming pass (jsonc-parser's visitor, no tree) records where every
 * object key and array item starts; the YAML parser would take seconds on a spec the size of GitHub's.
 */
import { visit } from "jsonc-parser";
import { encodePointerToken } from "../spec/pointer.js";

/** JSON pointer → offset of the key (or array item) that writes the value. */
export function jsonOffsets(text: string): Map<string, number> {
  const offsets = new Map<string, number>([["", 0]]);
  // One frame per open container: its pointer, and for arrays the next item's index.
  const stack: Array<{ pointer: string; index: number; isArray: boolean }> = [];
  let pendingKey: { pointer: string } | undefined;
  const itemPointer = (offset: number): string | undefined => {
    const top = stack[stack.length - 1];
    if (!top) return "";
    if (!top.isArray) {
      const key = pendingKey;
      pendingKey = undefined;
      return key?.pointer;
    }
    const pointer = `${top.pointer}/${top.index++}`;
    offsets.set(pointer, offset);
    return pointer;
  };
  visit(text, {
    onObjectBegin(offset) {
      stack.push({ pointer: itemPointer(offset) ?? "", index: 0, isArray: false });
    },
    onObjectProperty(property, offset) {
      const pointer = `${stack[stack.length - 1]?.pointer ?? ""}/${encodePointerToken(property)}`;
      offsets.set(pointer, offset);
      pendingKey = { pointer };
    },
    onObjectEnd() {
      stack.pop();
    },
    onArrayBegin(offset) {
      stack.push({ pointer: itemPointer(offset) ?? "", index: 0, isArray: true });
    },
    onArrayEnd() {
      stack.pop();
    },
    onLiteralValue(_value, offset) {
      itemPointer(offset);
    },
  });
  return offsets;
}

/** Offsets → 1-based line and column, by binary search over the line starts (found once). */
export function lineIndex(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let at = text.indexOf("\n"); at !== -1; at = text.indexOf("\n", at + 1)) starts.push(at + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((starts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - (starts[low] ?? 0) + 1 };
  };
}
