/**
 * Positions in a JSON spec, for messages. A pointer is followed through the text itself: each object or array met on
 * the way is scanned once for where its members start (their values skipped without being parsed), and kept for the
 * next pointer. A message on a spec the size of GitHub's costs a few scans, not a parse, and no map of every key.
 */

interface Member {
  /** Offset of the key (for an object member) or of the value (for an array item): where the member is written. */
  readonly at: number;
  /** Offset of the member's value. */
  readonly value: number;
}

/** Finds, for a JSON pointer's tokens, the offset where the deepest member that exists is written. */
export function jsonLocator(text: string): (tokens: readonly string[]) => { offset: number } {
  const containers = new Map<number, Map<string, Member>>();
  const membersAt = (valueOffset: number): Map<string, Member> | undefined => {
    let members = containers.get(valueOffset);
    if (members === undefined) {
      const opening = text.charCodeAt(valueOffset);
      if (opening !== OPEN_BRACE && opening !== OPEN_BRACKET) return undefined;
      members = opening === OPEN_BRACE ? objectMembers(text, valueOffset) : arrayItems(text, valueOffset);
      containers.set(valueOffset, members);
    }
    return members;
  };
  const root = skipSpace(text, 0);
  return (tokens) => {
    let valueOffset = root;
    let offset = 0;
    for (const token of tokens) {
      const member = membersAt(valueOffset)?.get(token);
      if (member === undefined) break;
      offset = member.at;
      valueOffset = member.value;
    }
    return { offset };
  };
}

const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;

/** Key → member; a key written twice keeps its last place, as JSON.parse keeps its last value. */
function objectMembers(text: string, open: number): Map<string, Member> {
  const members = new Map<string, Member>();
  let at = skipSpace(text, open + 1);
  while (at < text.length && text.charCodeAt(at) === QUOTE) {
    const keyEnd = stringEnd(text, at);
    const raw = text.slice(at + 1, keyEnd - 1);
    const key = raw.includes("\\") ? (JSON.parse(`"${raw}"`) as string) : raw;
    const colon = skipSpace(text, keyEnd);
    if (text.charCodeAt(colon) !== COLON) break;
    const value = skipSpace(text, colon + 1);
    members.set(key, { at, value });
    at = skipSpace(text, valueEnd(text, value));
    if (text.charCodeAt(at) !== COMMA) break;
    at = skipSpace(text, at + 1);
  }
  return members;
}

/** Index → item. */
function arrayItems(text: string, open: number): Map<string, Member> {
  const items = new Map<string, Member>();
  let at = skipSpace(text, open + 1);
  if (text.charCodeAt(at) === CLOSE_BRACKET) return items;
  for (let index = 0; at < text.length; index++) {
    items.set(String(index), { at, value: at });
    at = skipSpace(text, valueEnd(text, at));
    if (text.charCodeAt(at) !== COMMA) break;
    at = skipSpace(text, at + 1);
  }
  return items;
}

function skipSpace(text: string, at: number): number {
  let position = at;
  for (
    let code = text.charCodeAt(position);
    code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
    code = text.charCodeAt(++position)
  );
  return position;
}

/** The offset just past the string that opens at `open`. */
function stringEnd(text: string, open: number): number {
  let quote = text.indexOf('"', open + 1);
  while (quote !== -1) {
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
    quote = text.indexOf('"', quote + 1);
  }
  return text.length;
}

/** The offset just past the value that starts at `start`: a string, a container (strings inside skipped whole), or a literal. */
function valueEnd(text: string, start: number): number {
  const first = text.charCodeAt(start);
  if (first === QUOTE) return stringEnd(text, start);
  if (first === OPEN_BRACE || first === OPEN_BRACKET) {
    let depth = 0;
    for (let at = start; at < text.length; at++) {
      const code = text.charCodeAt(at);
      if (code === QUOTE) at = stringEnd(text, at) - 1;
      else if (code === OPEN_BRACE || code === OPEN_BRACKET) depth++;
      else if ((code === CLOSE_BRACE || code === CLOSE_BRACKET) && --depth === 0) return at + 1;
    }
    return text.length;
  }
  let at = start;
  for (
    let code = text.charCodeAt(at);
    at < text.length &&
    code !== COMMA &&
    code !== CLOSE_BRACE &&
    code !== CLOSE_BRACKET &&
    code !== 0x20 &&
    code !== 0x0a &&
    code !== 0x0d &&
    code !== 0x09;
    code = text.charCodeAt(++at)
  );
  return at;
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
