/**
 * Templates are real, type-checked TypeScript files. Those the generator extends carry one anchor comment: the
 * generated code replaces everything after it (the template's own sample), in one piece.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { ts as TS } from "ts-morph";
import { ts } from "./ts-morph.js";
import { templatesDir } from "../paths.js";

export function readTemplate(name: string): Promise<string> {
  return readFile(join(templatesDir, name), "utf8");
}

/** Replaces what follows the anchor line with `generated`, and drops template imports the generated code does not use. */
export function fillAnchor(template: string, anchor: string, generated: string): string {
  return fillAnchorKeeping(template, anchor, generated).text;
}

/**
 * fillAnchor, also telling whether the template's head is kept as written (every import used): then a head already in
 * prettier's shape stays in it, as dropping or reprinting an import may leave blank lines or long lines prettier changes.
 */
export function fillAnchorKeeping(
  template: string,
  anchor: string,
  generated: string,
): { readonly text: string; readonly head: string; readonly headAsWritten: boolean } {
  const at = template.indexOf(`// ${anchor}`);
  if (at === -1) throw new Error(`template has no anchor "// ${anchor}"`);
  const head = template.slice(0, at);
  const pruned = pruneUnusedImports(head, generated);
  return { text: `${pruned}${generated}`, head: pruned, headAsWritten: pruned === head };
}

/**
 * Removes the named imports of `head` that neither its own code nor `body` uses as an identifier (comments and strings
 * do not count). The head is parsed, the body scanned, only until every imported name is found used; an import
 * declaration is kept as written, dropped, or printed again with fewer names.
 */
export function pruneUnusedImports(head: string, body: string): string {
  const headFile = parse(head);
  const used = new Set<string>();
  for (const statement of headFile.statements) if (!ts.isImportDeclaration(statement)) addIdentifiers(statement, used);
  const wanted = new Set<string>();
  for (const statement of headFile.statements)
    if (ts.isImportDeclaration(statement))
      for (const name of importedNames(statement)) if (!used.has(name)) wanted.add(name);
  if (wanted.size > 0) for (const name of identifiers(body, wanted)) used.add(name);
  const printer = ts.createPrinter({ newLine: ts.NewLineKind.LineFeed });
  let text = "";
  let copied = 0;
  for (const statement of headFile.statements) {
    if (!ts.isImportDeclaration(statement)) continue;
    const pruned = prunedImport(statement, used);
    if (pruned === statement) continue;
    text += head.slice(copied, statement.getStart(headFile));
    copied = head[statement.end] === "\n" ? statement.end + 1 : statement.end;
    if (pruned !== undefined) text += `${printer.printNode(ts.EmitHint.Unspecified, pruned, headFile)}\n`;
  }
  return copied === 0 ? head : text + head.slice(copied);
}

/** The local names an import declaration binds. */
function importedNames(declaration: TS.ImportDeclaration): string[] {
  const clause = declaration.importClause;
  if (clause === undefined) return [];
  const names = clause.name === undefined ? [] : [clause.name.text];
  const bindings = clause.namedBindings;
  if (bindings === undefined) return names;
  if (ts.isNamespaceImport(bindings)) return [...names, bindings.name.text];
  return [...names, ...bindings.elements.map((element) => element.name.text)];
}

/** The declaration itself when all of it is used, `undefined` when none of it is, else one with only the used names. */
function prunedImport(declaration: TS.ImportDeclaration, used: ReadonlySet<string>): TS.ImportDeclaration | undefined {
  const clause = declaration.importClause;
  const bindings = clause?.namedBindings;
  if (clause === undefined) return declaration; // a side-effect import
  if (clause.name !== undefined) return used.has(clause.name.text) ? declaration : undefined;
  if (bindings === undefined) return declaration;
  if (ts.isNamespaceImport(bindings)) return used.has(bindings.name.text) ? declaration : undefined;
  const kept = bindings.elements.filter((element) => used.has(element.name.text));
  if (kept.length === bindings.elements.length) return declaration;
  if (kept.length === 0) return undefined;
  const namedImports = ts.factory.updateNamedImports(bindings, kept);
  const importClause = ts.factory.updateImportClause(clause, clause.isTypeOnly, clause.name, namedImports);
  return ts.factory.updateImportDeclaration(
    declaration,
    declaration.modifiers,
    importClause,
    declaration.moduleSpecifier,
    declaration.attributes,
  );
}

/**
 * Every identifier in TypeScript source, found with the compiler's scanner (a full parse of megabytes of generated
 * literals costs seconds): words in comments, strings, regular expressions and template text are not identifiers.
 * A scanner alone cannot tell `/` (division) from the start of a regular expression, nor `}` that closes a template
 * substitution from any other; the previous token decides, as it does for the parser. Given `wanted`, only those names
 * are collected, and the scan stops once all of them are found.
 */
export function identifiers(source: string, wanted?: ReadonlySet<string>): Set<string> {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, source);
  const found = new Set<string>();
  const substitutions: number[] = []; // brace depth at each open `${`
  let braces = 0;
  let previous = ts.SyntaxKind.Unknown;
  for (let token = scanner.scan(); token !== ts.SyntaxKind.EndOfFileToken; token = scanner.scan()) {
    if (
      (token === ts.SyntaxKind.SlashToken || token === ts.SyntaxKind.SlashEqualsToken) &&
      !ENDS_OPERAND.has(previous)
    ) {
      token = scanner.reScanSlashToken();
    } else if (token === ts.SyntaxKind.TemplateHead) {
      substitutions.push(braces);
    } else if (token === ts.SyntaxKind.OpenBraceToken) {
      braces++;
    } else if (token === ts.SyntaxKind.CloseBraceToken) {
      if (substitutions.at(-1) === braces) {
        token = scanner.reScanTemplateToken(false);
        if (token === ts.SyntaxKind.TemplateTail) substitutions.pop();
      } else {
        braces--;
      }
    }
    if (token === ts.SyntaxKind.Identifier) {
      const name = scanner.getTokenValue();
      if (wanted === undefined) found.add(name);
      else if (wanted.has(name)) {
        found.add(name);
        if (found.size === wanted.size) break;
      }
    }
    previous = token;
  }
  return found;
}

/** After these a `/` divides; after anything else it starts a regular expression. */
const ENDS_OPERAND = new Set<TS.SyntaxKind>([
  ts.SyntaxKind.Identifier,
  ts.SyntaxKind.CloseParenToken,
  ts.SyntaxKind.CloseBracketToken,
  ts.SyntaxKind.CloseBraceToken,
  ts.SyntaxKind.NumericLiteral,
  ts.SyntaxKind.BigIntLiteral,
  ts.SyntaxKind.StringLiteral,
  ts.SyntaxKind.NoSubstitutionTemplateLiteral,
  ts.SyntaxKind.TemplateTail,
  ts.SyntaxKind.RegularExpressionLiteral,
  ts.SyntaxKind.ThisKeyword,
  ts.SyntaxKind.SuperKeyword,
  ts.SyntaxKind.TrueKeyword,
  ts.SyntaxKind.FalseKeyword,
  ts.SyntaxKind.NullKeyword,
  ts.SyntaxKind.PlusPlusToken,
  ts.SyntaxKind.MinusMinusToken,
]);

function parse(source: string): TS.SourceFile {
  return ts.createSourceFile("template.ts", source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
}

/** The identifiers of a parsed node (the template's own code, small: parsed, not scanned). */
function addIdentifiers(node: TS.Node, found: Set<string>): void {
  if (ts.isIdentifier(node)) found.add(node.text);
  ts.forEachChild(node, (child) => addIdentifiers(child, found));
}
