/** JSDoc text from spec strings, safe against anything a spec can contain. */

/** Neutralises the sequences that could end a comment early or break a line terminator-sensitive printer. */
export function docText(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/[\u2028\u2029]/g, "\n")
    .replace(/\*\//g, "*\\/")
    .trim();
}

/** Joins the parts of a doc comment, dropping empty ones. */
export function docLines(...parts: Array<string | undefined | false>): string {
  return parts
    .filter((part): part is string => typeof part === "string" && part.trim() !== "")
    .map(docText)
    .join("\n\n");
}
