/**
 * client.ts's first line after the banner. tsc then resolves the client's types where a program uses them instead of
 * checking each of its declarations in every build: an app that calls two of GitHub's 1,223 operations pays for two.
 * The types are as strict as without it, and kapso-codegen's own tests compile every output in full
 * (`scripts/tsc-full.ts` reads this line as `@ts-check`).
 */
export const CLIENT_CHECK_DIRECTIVE =
  "// @ts-nocheck: your tsc resolves these types where your code uses them; kapso-codegen's tests check this file in full.";

/** The same text with the directive turned into `@ts-check` (same length: diagnostics keep their columns). */
export function checkedInFull(text: string): string {
  const at = text.indexOf(CLIENT_CHECK_DIRECTIVE);
  // Only as a whole line (the banner's lines end in \n, or in \r\n under a user's prettier config).
  if (at === -1 || (at > 0 && text[at - 1] !== "\n")) return text;
  const checked = CLIENT_CHECK_DIRECTIVE.replace("@ts-nocheck", "@ts-check  ");
  return text.slice(0, at) + checked + text.slice(at + CLIENT_CHECK_DIRECTIVE.length);
}
