/** Renders a change report for a terminal (plain text) or for tools (stable JSON). */
import type { Change, ChangeReport } from "./types.js";

const BREAKING_MARK = "BREAKING    ";
const NON_BREAKING_MARK = "non-breaking";

function summaryLine(report: ChangeReport): string {
  const { breaking, nonBreaking } = report.summary;
  const noun = breaking + nonBreaking === 1 ? "change" : "changes";
  return `${breaking} breaking, ${nonBreaking} non-breaking ${noun}`;
}

function operationHeading(change: Change): string {
  return change.operationId === undefined ? change.operation : `${change.operation} (${change.operationId})`;
}

/** Groups consecutive changes of the same operation; the report is already sorted by operation. */
function groupByOperation(changes: readonly Change[]): Change[][] {
  const groups: Change[][] = [];
  for (const change of changes) {
    const current = groups.at(-1);
    if (current?.[0]?.operation === change.operation) current.push(change);
    else groups.push([change]);
  }
  return groups;
}

function changeLine(change: Change): string {
  const mark = change.severity === "breaking" ? BREAKING_MARK : NON_BREAKING_MARK;
  return `  ${mark}  ${change.message}`;
}

function groupLines(group: readonly Change[]): string[] {
  const [first] = group;
  if (first === undefined) return [];
  // Breaking changes first, so they are not lost in a long list.
  const ordered = [
    ...group.filter((change) => change.severity === "breaking"),
    ...group.filter((change) => change.severity !== "breaking"),
  ];
  return ["", operationHeading(first), ...ordered.map(changeLine)];
}

export function formatChangeReportText(report: ChangeReport): string {
  if (report.changes.length === 0) return "No changes for callers.\n";
  const lines = [summaryLine(report), ...groupByOperation(report.changes).flatMap(groupLines)];
  return `${lines.join("\n")}\n`;
}

/** Every change with its keys in one fixed order, whatever order the object was built in. */
function stableChange(change: Change): Change {
  return {
    kind: change.kind,
    severity: change.severity,
    operation: change.operation,
    ...(change.operationId === undefined ? {} : { operationId: change.operationId }),
    ...(change.location === undefined ? {} : { location: change.location }),
    message: change.message,
    ...(change.before === undefined ? {} : { before: change.before }),
    ...(change.after === undefined ? {} : { after: change.after }),
  };
}

export function formatChangeReportJson(report: ChangeReport): string {
  const stable = {
    summary: { breaking: report.summary.breaking, nonBreaking: report.summary.nonBreaking },
    changes: report.changes.map(stableChange),
  };
  return `${JSON.stringify(stable, null, 2)}\n`;
}
