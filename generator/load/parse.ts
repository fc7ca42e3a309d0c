/**
 * Parses one spec file (YAML or JSON) into a plain value, and keeps what is needed to turn a JSON pointer back into
 * line:column for messages. JSON goes through JSON.parse (fast on big specs); its positions are computed only when asked.
 */
import { LineCounter, parseDocument, isMap, isSeq, isScalar, type Node } from "yaml";
import { SpecError, type SourcePlace } from "../errors.js";
import { parsePointer } from "../spec/pointer.js";
import { checkNesting, jsonNestingOffset } from "./depth.js";
import { jsonLocator as pointerOffsets, lineIndex } from "./json-locate.js";

/** A document and the way back from a JSON pointer into it to the place in the source that wrote it. */
export interface LocatedDocument {
  readonly value: unknown;
  /**
   * Where the value at `pointer` is written. When a pointer does not resolve all the way, the place of the deepest
   * part that does (the file alone when nothing does).
   */
  locate(pointer: string): SourcePlace;
}

export interface ParsedFile extends LocatedDocument {
  /** The name messages use for this file. */
  readonly file: string;
  readonly text: string;
}

export function parseSpecText(file: string, text: string): ParsedFile {
  const looksLikeJson = /^\s*[{[]/.test(text);
  let value: unknown;
  if (looksLikeJson) {
    try {
      value = JSON.parse(text);
    } catch (error) {
      // Not strict JSON (comments, trailing commas…): the YAML parser accepts more and says where it fails.
      if (!(error instanceof SyntaxError)) throw error;
      value = undefined;
    }
  }
  let parsed: YamlParsed | undefined;
  const yamlParsed = (): YamlParsed => (parsed ??= parseYaml(file, text));
  if (value !== undefined) {
    checkNesting(value, (pointer) => ({ file, ...lineIndex(text)(jsonNestingOffset(text)), pointer }));
    return { file, text, value, locate: jsonLocator(file, text) };
  }
  const locate = (pointer: string): SourcePlace => locateIn(yamlParsed(), file, pointer);
  checkNesting(yamlParsed().value, locate);
  return { file, text, value: yamlParsed().value, locate };
}

/** For JSON text: positions found by following the pointer through the text, prepared on the first call. */
function jsonLocator(file: string, text: string): (pointer: string) => SourcePlace {
  let offsetOf: ReturnType<typeof pointerOffsets> | undefined;
  let lineColumn: ReturnType<typeof lineIndex> | undefined;
  return (pointer) => {
    offsetOf ??= pointerOffsets(text);
    lineColumn ??= lineIndex(text);
    // The deepest part of the pointer that is written in the file.
    return { file, ...lineColumn(offsetOf(parsePointer(pointer)).offset), pointer };
  };
}

interface YamlParsed {
  readonly root: Node | null;
  readonly lines: LineCounter;
  readonly value: unknown;
}

function parseYaml(file: string, text: string): YamlParsed {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const [first] = document.errors;
  if (first) {
    const at = lines.linePos(first.pos[0]);
    // The YAML parser reports its own stack overflow on deep nesting as a parse error at the place it gave up.
    const reason = first.message.includes("Maximum call stack size exceeded")
      ? "nested too deeply"
      : firstLine(first.message);
    throw new SpecError(`cannot parse: ${reason}`, { file, line: at.line, column: at.col });
  }
  return { root: document.contents, lines, value: document.toJS({ maxAliasCount: 10_000 }) as unknown };
}

function firstLine(message: string): string {
  return message.split("\n")[0] ?? message;
}

function locateIn(parsed: YamlParsed, file: string, pointer: string): SourcePlace {
  let node: Node | null = parsed.root;
  let offset = node?.range?.[0];
  for (const token of parsePointer(pointer)) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === token);
      if (!pair) break;
      offset = (pair.key as Node).range?.[0] ?? offset;
      node = (pair.value as Node | null) ?? null;
    } else if (isSeq(node)) {
      const item = node.items[Number(token)] as Node | undefined;
      if (!item) break;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else {
      break;
    }
  }
  if (offset === undefined) return { file, pointer };
  const at = parsed.lines.linePos(offset);
  return { file, line: at.line, column: at.col, pointer };
}
