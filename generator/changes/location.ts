/** Builds the human-readable location of a change inside an operation, e.g. "response 200 /data/items[]/id". */
import { appendPointer } from "../spec/pointer.js";

export function propertySegment(name: string): string {
  // JSON Pointer escaping keeps names that contain "/" unambiguous.
  return appendPointer("", name);
}

export const ITEMS_SEGMENT = "[]";
export const ADDITIONAL_PROPERTIES_SEGMENT = "/*";

export function variantSegment(label: string): string {
  return `<${label}>`;
}

export function locationOf(prefix: string, path: readonly string[]): string {
  const pointer = path.join("");
  return pointer === "" ? prefix : `${prefix} ${pointer}`;
}
