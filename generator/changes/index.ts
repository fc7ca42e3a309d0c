/** The change report engine: compare two bundled OpenAPI documents and render what changed for callers. */
export { compareSpecs } from "./compare.js";
export { formatChangeReportJson, formatChangeReportText } from "./format.js";
export type { Change, ChangeKind, ChangeReport, Severity } from "./types.js";
