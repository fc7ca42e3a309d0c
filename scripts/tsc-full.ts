/**
 * `tsc -p <tsconfig.json>` for kapso-codegen's own tests and benches: type-checks the project (no emit) and prints
 * the diagnostics as `tsc --pretty false` does, except that a generated client's `@ts-nocheck` line is read as
 * `@ts-check`, so every declaration the generator wrote is checked.
 *
 * Usage: node dist/scripts/tsc-full.js -p <tsconfig.json> [--pretty false]
 */
import ts from "typescript";
import { checkedInFull } from "../generator/emit/check-directive.js";

const args = process.argv.slice(2);
const project = args[args.indexOf("-p") + 1];
if (!args.includes("-p") || project === undefined) {
  process.stderr.write("usage: tsc-full -p <tsconfig.json> [--pretty false]\n");
  process.exit(1);
}

const formatHost: ts.FormatDiagnosticsHost = {
  getCanonicalFileName: (fileName) => fileName,
  getCurrentDirectory: () => process.cwd(),
  getNewLine: () => "\n",
};
const configErrors: ts.Diagnostic[] = [];
const config = ts.getParsedCommandLineOfConfigFile(project, undefined, {
  ...ts.sys,
  onUnRecoverableConfigFileDiagnostic: (diagnostic) => configErrors.push(diagnostic),
});
const diagnostics = [...configErrors];
if (config !== undefined) {
  const host = ts.createCompilerHost(config.options);
  host.jsDocParsingMode = ts.JSDocParsingMode.ParseForTypeErrors; // as tsc's own host: JSDoc is parsed only where it types
  const readFile = host.readFile.bind(host);
  host.readFile = (fileName) => {
    const text = readFile(fileName);
    return text === undefined ? undefined : checkedInFull(text);
  };
  const program = ts.createProgram({ rootNames: config.fileNames, options: config.options, host });
  diagnostics.push(...config.errors, ...ts.getPreEmitDiagnostics(program));
}
process.stdout.write(ts.formatDiagnostics(diagnostics, formatHost));
// tsc's exit code when it reports errors.
process.exitCode = diagnostics.some((diagnostic) => diagnostic.category === ts.DiagnosticCategory.Error) ? 2 : 0;
