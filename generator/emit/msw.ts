/**
 * Emits the generated part of msw.ts (written with the `msw` option): the spec's default base URL. The template's
 * hand-written part turns the mock fetch of mock.ts into MSW handlers.
 */
import { printLiteral } from "./literal.js";

/** The anchor in templates/msw.ts after which the generated region goes. */
export const MSW_ANCHOR = "kapso-codegen:msw";

export const MSW_FILE = "msw.ts";

export function emitMswRegion(defaultServer: string): string {
  return `/** The spec's first server, its variables at their defaults. */\nconst specBaseUrl = ${printLiteral(defaultServer)};\n`;
}
