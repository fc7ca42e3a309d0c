/**
 * Text that is already in prettier's shape needs no prettier. Some generated files are written that way: the runtime
 * templates, copied verbatim (the lint keeps templates/ formatted), and the regions that emit only lines whose layout
 * prettier's rules fix (type aliases broken after `=`, unions of names). For those, formatting is skipped when prettier
 * would run with its defaults and the generator's print width; with any other option (a user's config or
 * .editorconfig) prettier runs as before, so the user's config is honoured byte for byte. Tests format every file
 * marked in shape and compare (test/format/default-shape.test.ts).
 */

/** Generated text, and the same text as prettier formats it at the default options when the emitter knows that. */
export interface ShapedText {
  readonly text: string;
  readonly shaped: string | undefined;
}

/** The print width the generator formats with when the user's config names none. */
export const PRINT_WIDTH = 120;

/** The options that shape TypeScript, at prettier 3's defaults, and the generator's print width. */
const DEFAULT_OPTIONS: Readonly<Record<string, unknown>> = {
  printWidth: PRINT_WIDTH,
  tabWidth: 2,
  useTabs: false,
  semi: true,
  singleQuote: false,
  jsxSingleQuote: false,
  quoteProps: "as-needed",
  trailingComma: "all",
  bracketSpacing: true,
  bracketSameLine: false,
  objectWrap: "preserve",
  arrowParens: "always",
  endOfLine: "lf",
  experimentalTernaries: false,
  experimentalOperatorPosition: "end",
};

/**
 * Whether the resolved config (prettier's own config files and .editorconfig, merged) formats as the defaults do:
 * no option at all, or only options set to their default value. Anything else (a plugin, an override prettier did
 * not resolve, an unknown key) counts as a user's choice.
 */
export function isDefaultShape(config: Readonly<Record<string, unknown>>): boolean {
  return Object.entries(config).every(
    ([key, value]) => Object.prototype.hasOwnProperty.call(DEFAULT_OPTIONS, key) && DEFAULT_OPTIONS[key] === value,
  );
}

/**
 * A line whose width prettier measures as its length, and whose double-quoted strings it keeps as written: printable
 * ASCII with no backslash (a string with an escaped quote in it is requoted by prettier).
 */
export function isPlainLine(line: string): boolean {
  return /^[\x20-\x5b\x5d-\x7e]*$/.test(line);
}

/** No line of the text ends with whitespace (prettier trims the lines of a doc comment). */
export function hasNoTrailingSpace(text: string): boolean {
  return !/[^\S\n]\n/.test(text) && !/[^\S\n]$/.test(text);
}

/**
 * `${head} = ${members joined by " | "};` as prettier lays it out at the default print width: on one line when it fits;
 * else broken after `=`, with a union kept on the next line when that line fits, else one member a line after `| `.
 * Only for plain lines (see isPlainLine) and members that are names or string literals.
 */
export function typeAliasInShape(head: string, members: readonly string[]): string {
  const union = members.join(" | ");
  const line = `${head} = ${union};`;
  if (line.length <= PRINT_WIDTH) return line;
  if (members.length <= 1 || 2 + union.length + 1 <= PRINT_WIDTH) return `${head} =\n  ${union};`;
  return `${head} =\n${members.map((member) => `  | ${member}`).join("\n")};`;
}

/**
 * `text` with each of its lines that `layouts` names (a line as the emitter printed it) replaced by its layout in
 * prettier's shape: how an emitter that knows its lines' shape gives its text in that shape. Undefined when a named
 * line is not one of the text's lines (then prettier formats the file).
 */
export function withLayouts(text: string, layouts: ReadonlyMap<string, string>): string | undefined {
  if (layouts.size === 0) return text;
  const found = new Set<string>();
  const lines = text.split("\n").map((line) => {
    const layout = layouts.get(line);
    if (layout === undefined) return line;
    found.add(line);
    return layout;
  });
  return found.size === layouts.size ? lines.join("\n") : undefined;
}
