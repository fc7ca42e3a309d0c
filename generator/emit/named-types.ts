/** The region of index.ts that exports each component's type under its own name: `export type Pet = components[…]`. */
import type { StatementStructures } from "ts-morph";
import { printStructure, StructureKind } from "./ts-morph.js";
import { hasNoTrailingSpace, isPlainLine, typeAliasInShape, withLayouts, type ShapedText } from "../format/shape.js";
import type { NamedTypePlan } from "../plan/index.js";
import { docLines } from "./jsdoc.js";

export const NAMED_TYPES_ANCHOR = "kapso-codegen:named-types";

export function emitNamedTypesRegion(namedTypes: readonly NamedTypePlan[]): ShapedText {
  // Each alias printed on one line, and as prettier breaks it where that line is too long (for `shaped`).
  const lines = new Map<string, string>();
  let plain = true;
  const statements = namedTypes.map(({ component, typeName }): StatementStructures => {
    const indexes = [
      component.section,
      component.name,
      ...(component.mediaType === undefined ? [] : ["content", component.mediaType]),
    ];
    const docs = docLines(component.description);
    const type = `components${indexes.map((index) => `[${JSON.stringify(index)}]`).join("")}`;
    const line = `export type ${typeName} = ${type};`;
    if (!isPlainLine(line)) plain = false;
    const shaped = typeAliasInShape(`export type ${typeName}`, [type]);
    if (shaped !== line) lines.set(line, shaped);
    return {
      kind: StructureKind.TypeAlias,
      name: typeName,
      isExported: true,
      ...(docs === "" ? {} : { docs: [docs] }),
      type,
    };
  });
  const text = printStructure({ kind: StructureKind.SourceFile, statements }, { indentNumberOfSpaces: 2 });
  if (!plain || !hasNoTrailingSpace(text)) return { text, shaped: undefined };
  return { text, shaped: withLayouts(text, lines) };
}
