/**
 * Literal slots: the one way precomputed text (fixture values, mock data) goes into printed code. ts-morph's printer
 * re-reads every character it writes, so a large literal is printed as a short mark and put in place afterwards.
 * The mark is one that occurs nowhere else in the printed skeleton (a spec string in a doc comment cannot be mistaken
 * for a slot): the skeleton is split on it, never searched with a pattern.
 */

/** Makes a slot for `text` and returns the mark to print in its place. */
export type Slot = (text: string) => string;

/** Prints a skeleton with `print`, then puts each slot's text where its mark was printed. */
export function printWithSlots(print: (slot: Slot) => string): string {
  for (let attempt = 0; ; attempt++) {
    const mark = `$slot${attempt === 0 ? "" : attempt}$`;
    const texts: string[] = [];
    const skeleton = print((text) => {
      texts.push(text);
      return mark;
    });
    const pieces = skeleton.split(mark);
    // Each mark printed once per slot, and nowhere else: otherwise the skeleton's own text holds it; try another.
    if (pieces.length === texts.length + 1)
      return pieces.map((piece, index) => (index === 0 ? piece : `${texts[index - 1] ?? ""}${piece}`)).join("");
  }
}
