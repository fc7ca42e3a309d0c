/**
 * Splits a TypeScript file into runs of whole top-level statements, at blank lines, so each run can be formatted on its
 * own (and on either thread). Prettier formats statements one by one and keeps one blank line where the source has
 * some, so formatting the runs and joining them with one blank line gives the text formatting the whole file gives.
 * The split only has to be safe where it is made: a run that is not whole statements fails to parse, and the caller
 * then formats the whole file (tests compare both ways on real output, with and without a user's config).
 */

/** Runs of at least `target` characters (the last one may be shorter); one run when no safe split point is found. */
export function splitTopLevel(text: string, target: number): string[] {
  const points = splitPoints(text);
  const runs: string[] = [];
  let start = 0;
  for (const point of points) {
    if (point.end - start < target) continue;
    runs.push(text.slice(start, point.end));
    start = point.next;
  }
  if (start < text.length) runs.push(text.slice(start));
  return runs;
}

/** Positions of blank lines between top-level statements: `end` closes the statement before, `next` opens the next. */
function splitPoints(text: string): Array<{ end: number; next: number }> {
  const points: Array<{ end: number; next: number }> = [];
  let depth = 0;
  // Brace depths at which an open template literal's `${` began: a `}` back at that depth resumes the template.
  const templates: number[] = [];
  let lastSignificant = 0; // char code of the last character outside whitespace and comments
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    switch (code) {
      case QUOTE:
      case APOSTROPHE:
        at = quotedEnd(text, at, code);
        lastSignificant = code;
        continue;
      case BACKTICK:
        at = templateEnd(text, at + 1, templates, depth);
        lastSignificant = code;
        continue;
      case SLASH: {
        const next = text.charCodeAt(at + 1);
        if (next === SLASH) {
          const end = text.indexOf("\n", at);
          at = end === -1 ? text.length : end - 1;
        } else if (next === STAR) {
          const end = text.indexOf("*/", at + 2);
          at = end === -1 ? text.length : end + 1;
        } else {
          if (startsRegex(lastSignificant)) at = regexEnd(text, at);
          lastSignificant = code;
        }
        continue;
      }
      case OPEN_PAREN:
      case OPEN_BRACKET:
      case OPEN_BRACE:
        depth++;
        lastSignificant = code;
        continue;
      case CLOSE_PAREN:
      case CLOSE_BRACKET:
      case CLOSE_BRACE:
        depth--;
        lastSignificant = code;
        if (code === CLOSE_BRACE && templates.length > 0 && templates[templates.length - 1] === depth) {
          templates.pop();
          at = templateEnd(text, at + 1, templates, depth);
          lastSignificant = BACKTICK;
        }
        continue;
      case NEWLINE: {
        if (depth !== 0 || (lastSignificant !== SEMICOLON && lastSignificant !== CLOSE_BRACE)) continue;
        const next = afterBlankLines(text, at);
        if (next !== undefined && opensStatement(text, next)) points.push({ end: at + 1, next });
        continue;
      }
      default:
        if (code > SPACE) lastSignificant = code;
    }
  }
  return points;
}

const NEWLINE = 0x0a;
const SPACE = 0x20;
const QUOTE = 0x22;
const APOSTROPHE = 0x27;
const BACKTICK = 0x60;
const BACKSLASH = 0x5c;
const SLASH = 0x2f;
const STAR = 0x2a;
const SEMICOLON = 0x3b;
const OPEN_PAREN = 0x28;
const CLOSE_PAREN = 0x29;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const DOLLAR = 0x24;

/** The index of the closing quote of a string opened at `open`. */
function quotedEnd(text: string, open: number, quote: number): number {
  for (let at = open + 1; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === BACKSLASH) at++;
    else if (code === quote || code === NEWLINE) return at;
  }
  return text.length;
}

/** From inside a template literal: the index of its closing backtick, or of the `{` of a `${` (then pushed on `templates`). */
function templateEnd(text: string, from: number, templates: number[], depth: number): number {
  for (let at = from; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === BACKSLASH) at++;
    else if (code === BACKTICK) return at;
    else if (code === DOLLAR && text.charCodeAt(at + 1) === OPEN_BRACE) {
      templates.push(depth);
      return at; // the `{` is read next and opens a level, which its `}` closes
    }
  }
  return text.length;
}

/** After these a `/` starts a regular expression, not a division. */
function startsRegex(previous: number): boolean {
  return previous === 0 || "(,=:[!&|?{};+-*%<>~^".includes(String.fromCharCode(previous));
}

function regexEnd(text: string, open: number): number {
  let inClass = false;
  for (let at = open + 1; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === BACKSLASH) at++;
    else if (code === OPEN_BRACKET) inClass = true;
    else if (code === CLOSE_BRACKET) inClass = false;
    else if ((code === SLASH && !inClass) || code === NEWLINE) return at;
  }
  return text.length;
}

/** Where the next statement starts when the newline at `newline` is followed by at least one blank line. */
function afterBlankLines(text: string, newline: number): number | undefined {
  let at = newline + 1;
  let blank = false;
  for (;;) {
    let end = at;
    while (text.charCodeAt(end) === SPACE || text.charCodeAt(end) === 0x09 || text.charCodeAt(end) === 0x0d) end++;
    if (text.charCodeAt(end) !== NEWLINE) return blank && end < text.length ? end : undefined;
    blank = true;
    at = end + 1;
  }
}

/** A statement can start here without continuing the one before: a word, a decorator, or a comment. */
function opensStatement(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (code === SLASH) return text.charCodeAt(at + 1) === SLASH || text.charCodeAt(at + 1) === STAR;
  return (
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0x41 && code <= 0x5a) ||
    code === 0x5f ||
    code === DOLLAR ||
    code === 0x40
  );
}
