/** The region of index.ts that exports each component's type under its own name: `export type Pet = components[…]`. */
import { printStructure, StructureKind, type StatementStructures } from "ts-morph";
import type { NamedTypePlan } from "../plan/index.js";
import { docLines } from "./jsdoc.js";

export const NAMED_TYPES_ANCHOR = "kapso-codegen:named-types";

export function emitNamedTypesRegion(namedTypes: readonly NamedTypePlan[]): string {
  const statements = namedTypes.map(({ component, typeName }): StatementStructures => {
    const indexes = [
      component.section,
      component.name,
      ...(component.mediaType === undefined ? [] : ["content", component.mediaType]),
    ];
    const docs = docLines(component.description);
    return {
      kind: StructureKind.TypeAlias,
      name: typeName,
      isExported: true,
      ...(docs === "" ? {} : { docs: [docs] }),
      type: `components${indexes.map((index) => `[${JSON.stringify(index)}]`).join("")}`,
    };
  });
  return printStructure({ kind: StructureKind.SourceFile, statements }, { indentNumberOfSpaces: 2 });
}
