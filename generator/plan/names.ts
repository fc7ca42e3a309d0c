/** Turning spec strings into TypeScript identifiers: case conversion, reserved words, uniqueness. */

const RESERVED = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends false finally for " +
    "function if import in instanceof new null return super switch this throw true try typeof var void while with " +
    "implements interface let package private protected public static yield await arguments eval undefined NaN Infinity"
  ).split(" "),
);

/** Splits on anything that is not a letter or digit (in any script), and at lowercase→uppercase boundaries. */
export function words(text: string): string[] {
  return text
    .replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, "$1 $2")
    .replace(/(\p{Lu}+)(\p{Lu}\p{Ll})/gu, "$1 $2")
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

export function camelCase(text: string): string {
  const [first = "", ...rest] = words(text);
  return first.toLowerCase() + rest.map(capitalize).join("");
}

export function pascalCase(text: string): string {
  return words(text).map(capitalize).join("");
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}

/** A valid identifier that is not a reserved word: `_` before a leading digit or a reserved word. */
export function safeIdentifier(name: string, fallback: string): string {
  const base = name === "" ? fallback : name;
  return /^[0-9]/.test(base) || RESERVED.has(base) ? `_${base}` : base;
}

/**
 * The client name as the PascalCase base of `create<Base>Client`, `<Base>Client` and `<Base>ClientOptions`: split into
 * words as operation names are, characters that cannot be part of an identifier dropped (such as `²`), `Api` before a
 * leading digit (`2024-api` → `Api2024Api`). Reserved words need nothing: the base is always capitalised and joined.
 * Undefined when no letter or digit is left to name the client with.
 */
export function clientIdentifier(name: string): string | undefined {
  const base = [...pascalCase(name)].filter((char) => /[\p{ID_Continue}$]/u.test(char)).join("");
  if (base === "") return undefined;
  return /^[\p{ID_Start}$]/u.test(base) ? base : `Api${base}`;
}

/** Why a client name cannot be used; `from` says where it came from when it was not given as --name. */
export function unusableClientName(name: string, from = ""): string {
  const what =
    name === ""
      ? "the client name is empty"
      : `the client name ${JSON.stringify(name)} has no letters or digits to build createXClient from`;
  return `${what}${from}; give one with --name (or \`name\` in the config), for example --name api`;
}

/** Hands out names, appending 2, 3, … to a name already taken. Call in a stable order for stable names. */
export class NameRegistry {
  readonly #taken = new Set<string>();

  constructor(reserved: Iterable<string> = []) {
    for (const name of reserved) this.#taken.add(name);
  }

  claim(wanted: string, isFree: (candidate: string) => boolean = () => true): string {
    for (let counter = 1; ; counter++) {
      const candidate = counter === 1 ? wanted : `${wanted}${counter}`;
      if (!this.#taken.has(candidate) && isFree(candidate)) {
        this.#taken.add(candidate);
        return candidate;
      }
    }
  }

  has(name: string): boolean {
    return this.#taken.has(name);
  }
}
