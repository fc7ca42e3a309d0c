/** A short unified diff of what regeneration would change in one folder, for `check`. */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { createTwoFilesPatch } from "diff";
import { errorCode } from "../errors.js";
import type { GenerateResult } from "../index.js";

/** Lines shown per file; a whole regenerated schema would drown the point. */
const MAX_LINES = 60;

export async function unifiedDiff(out: string, result: GenerateResult): Promise<string> {
  const next = new Map(result.rendered.map((file) => [file.path, file.text]));
  const parts: string[] = [];
  for (const file of result.changed) {
    const before = await readFile(join(out, file.path), "utf8").catch((error: unknown) => {
      if (errorCode(error) === "ENOENT") return ""; // a missing file: all of it is new
      throw error;
    });
    const after = next.get(file.path) ?? "";
    const patch = createTwoFilesPatch(`a/${file.path}`, `b/${file.path}`, before, after, undefined, undefined, {
      context: 2,
    });
    const lines = patch.split("\n").slice(1); // drop the "====" line; keep "--- a/…" and "+++ b/…"
    const shown = lines.slice(0, MAX_LINES);
    if (lines.length > MAX_LINES) shown.push(`… ${lines.length - MAX_LINES} more lines`);
    parts.push(shown.join("\n"));
  }
  return parts.length === 0 ? "" : `${parts.join("\n")}\n`;
}
