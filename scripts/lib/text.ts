/** Text helpers for the corpus's one-line reasons. */

/** Collapses whitespace and cuts long text, so a reason stays one readable table cell. */
export function oneLine(text: string, limit = 400): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > limit ? `${flat.slice(0, limit - 1)}…` : flat;
}
