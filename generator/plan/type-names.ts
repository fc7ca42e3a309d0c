/**
 * Names for the spec's own types: each component schema (and each named JSON request body and response) is exported
 * from index.ts under a name of its own, such as `Pet`. A name the entry point already exports (an operation, a
 * factory, an argument or result type, the runtime's types) keeps its meaning: the component's type then takes a
 * suffix, so adding a schema to a spec never renames anything a caller already imports.
 */
import type { NamedComponentModel, NamedComponentSection } from "../model/index.js";
import { NameRegistry, pascalCase } from "./names.js";

export interface NamedTypePlan {
  readonly component: NamedComponentModel;
  /** The export name in index.ts. */
  readonly typeName: string;
}

/** What a name is suffixed with when it is taken: `PetSchema`, `PetRequestBody`, `PetResponse`. */
const SECTION_SUFFIX: Readonly<Record<NamedComponentSection, string>> = {
  schemas: "Schema",
  requestBodies: "RequestBody",
  responses: "Response",
};

/** Words TypeScript reserves, and the type names it will not let an alias take (TS2457). */
const NOT_TYPE_NAMES = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends false finally for " +
    "function if import in instanceof new null return super switch this throw true try typeof var void while with " +
    "implements interface let package private protected public static yield await " +
    "any unknown never string number boolean symbol object bigint undefined intrinsic"
  ).split(" "),
);

/**
 * The components' export names. `taken` holds every other name the entry point exports. Names the spec writes as
 * valid identifiers are claimed first, as written, so a name made up from another key's words never takes one.
 */
export function planNamedTypes(components: readonly NamedComponentModel[], taken: Iterable<string>): NamedTypePlan[] {
  const takenNames = [...taken];
  const registry = new NameRegistry(takenNames);
  // Who holds each name: undefined for the entry point's other exports.
  const holders = new Map<string, NamedComponentSection | undefined>(takenNames.map((name) => [name, undefined]));
  const names = new Map<NamedComponentModel, string>();
  for (const asWritten of [true, false]) {
    for (const component of components) {
      const wanted = typeIdentifier(component.name);
      if ((wanted === component.name) !== asWritten) continue;
      // A clash with another export, or another kind of component, gets the section's suffix (`PetResponse`); a
      // clash within one section the usual counter (`Pet2`).
      const clash = holders.has(wanted) && holders.get(wanted) !== component.section;
      const name = registry.claim(clash ? `${wanted}${SECTION_SUFFIX[component.section]}` : wanted);
      holders.set(name, component.section);
      names.set(component, name);
    }
  }
  return components.map((component) => ({ component, typeName: names.get(component) ?? "" }));
}

/**
 * A valid TypeScript type name for any string: a name that already is one stays as written (`Pet`, `pet_v2`, `Größe`);
 * anything else is joined from its words in PascalCase (`pet-store.Pet` → `PetStorePet`), `_` before a leading digit or
 * a reserved word, `Schema` when no letter or digit is left.
 */
export function typeIdentifier(name: string): string {
  if (isIdentifier(name) && !NOT_TYPE_NAMES.has(name)) return name;
  const joined = [...pascalCase(name)].filter((char) => /[\p{ID_Continue}$]/u.test(char)).join("");
  if (joined === "") return "Schema";
  return /^[\p{ID_Start}$_]/u.test(joined) && !NOT_TYPE_NAMES.has(joined) ? joined : `_${joined}`;
}

function isIdentifier(name: string): boolean {
  return /^[\p{ID_Start}$_][\p{ID_Continue}$\u200C\u200D]*$/u.test(name);
}
