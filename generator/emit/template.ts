/**
 * Templates are real, type-checked TypeScript files. Those the generator extends carry one anchor comment: the
 * generated code replaces everything after it (the template's own sample), in one piece.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { ts } from "ts-morph";
import { templatesDir } from "../paths.js";

export function readTemplate(name: string): Promise<string> {
  return readFile(join(templatesDir, name), "utf8");
}

/** Replaces what follows the anchor line with `generated`, and drops template imports the generated code does not use. */
export function fillAnchor(template: string, anchor: string, generated: string): string {
  const at = template.indexOf(`// ${anchor}`);
  if (at === -1) throw new Error(`template has no anchor "// ${anchor}"`);
  const head = template.slice(0, at);
  return `${pruneUnusedImports(head, generated)}${generated}`;
}

const IMPORT_LINE = /^import (type )?(\{[^}]*\}|\* as (\w+)|(\w+)) from ("[^"]+");\n/gm;

/**
 * Removes named imports that neither the template's own code nor `body` uses as an identifier (comments and strings
 * do not count).
 */
export function pruneUnusedImports(head: string, body: string): string {
  // The template's own code is parsed (its template literals nest in ways a bare scanner misreads); the generated body,
  // which can be large, is scanned.
  const used = new Set([...parsedIdentifiers(head.replace(IMPORT_LINE, "")), ...identifiers(body)]);
  return head.replace(IMPORT_LINE, (whole, typeOnly: string | undefined, clause: string, namespace: string | undefined, single: string | undefined, from: string) => {
    if (namespace !== undefined || single !== undefined) return used.has(namespace ?? single ?? "") ? whole : "";
    const names = clause
      .slice(1, -1)
      .split(",")
      .map((name) => name.trim())
      .filter((name) => name !== "" && used.has(name.replace(/^type /, "").split(/\s+as\s+/).pop() ?? ""));
    if (names.length === 0) return "";
    return `import ${typeOnly ?? ""}{ ${names.join(", ")} } from ${from};\n`;
  });
}

/** Every identifier in TypeScript source, found with the compiler's scanner: words in comments and strings are not. */
export function identifiers(source: string): Set<string> {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, source);
  const found = new Set<string>();
  for (let token = scanner.scan(); token !== ts.SyntaxKind.EndOfFileToken; token = scanner.scan()) {
    if (token === ts.SyntaxKind.Identifier) found.add(scanner.getTokenValue());
  }
  return found;
}

/** Every identifier in TypeScript source, from its syntax tree. */
function parsedIdentifiers(source: string): Set<string> {
  const found = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node)) found.add(node.text);
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile("template.ts", source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS));
  return found;
}
