/** Template imports the generated code does not use are dropped by parsing, not by matching text. */
import { describe, expect, it } from "vitest";
import { fillAnchor } from "../../generator/emit/template.js";

const template = [
  'import { used, unused, type Kept } from "./runtime.js";',
  'import * as gone from "./gone.js";',
  'import { regexUser } from "./serialize.js";',
  "",
  "// A regular expression with a quote in it must not hide the code after it from the check.",
  "const pattern = /[\"'`]/;",
  "export const check = (text: string): boolean => pattern.test(text) && regexUser(text);",
  "// anchor — everything below is generated",
  "sample();",
  "",
].join("\n");

describe("fillAnchor", () => {
  it("keeps the names the head or the generated code use, drops the rest, and replaces the sample", () => {
    const filled = fillAnchor(template, "anchor", "export const value: Kept = used(); // unused gone\n");
    expect(filled).toBe(
      [
        'import { used, type Kept } from "./runtime.js";',
        'import { regexUser } from "./serialize.js";',
        "",
        "// A regular expression with a quote in it must not hide the code after it from the check.",
        "const pattern = /[\"'`]/;",
        "export const check = (text: string): boolean => pattern.test(text) && regexUser(text);",
        "export const value: Kept = used(); // unused gone",
        "",
      ].join("\n"),
    );
  });
});

describe("identifiers", () => {
  it("skips regular expressions, strings and template text, and finds names in template substitutions", async () => {
    const { identifiers } = await import("../../generator/emit/template.js");
    const found = identifiers(
      "const a = b / c; const r = /notName['`]/g.test(d); const t = `text ${e + `inner ${f}`} more`; g({ h: 1 });",
    );
    expect([...found].sort()).toEqual(["a", "b", "c", "d", "e", "f", "g", "h", "r", "t", "test"]);
  });
});
