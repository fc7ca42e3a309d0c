/** The spec copy is the load stage's compact canonical text indented: the same text as parsing and stringifying it. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { indentCompactJson } from "../../generator/spec/canonical.js";

const reference = (compact: string): string => JSON.stringify(JSON.parse(compact), null, 2);

describe("indentCompactJson", () => {
  it("indents like JSON.stringify, whatever the strings hold", () => {
    const value = {
      empty: {},
      none: [],
      nested: [[], [{}], { a: [1, -2.5e-7, true, false, null] }],
      tricky: ['{"a":[1,2]}', 'quote " and backslash \\', "\\", '\\"', "a\\\\", ":,{}[]", "\u2028 \n \t é 😀"],
      "key:with,{brackets}": { '"': "\\" },
      ["__proto__"]: { x: 1 },
    };
    const compact = JSON.stringify(value);
    expect(indentCompactJson(compact)).toBe(reference(compact));
    expect(indentCompactJson("[]")).toBe("[]");
    expect(indentCompactJson('"text"')).toBe('"text"');
    expect(indentCompactJson("12")).toBe("12");
  });

  it("gives the same text as parsing and stringifying the Kapso spec's canonical JSON", () => {
    const copy = readFileSync(new URL("../../generated/kapso/openapi.json", import.meta.url), "utf8");
    const compact = JSON.stringify(JSON.parse(copy));
    expect(`${indentCompactJson(compact)}\n`).toBe(copy);
  });
});
