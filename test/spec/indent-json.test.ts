/** The spec copy is the load stage's compact canonical text indented: the same text as parsing and stringifying it. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { indentCompactJson, sortedJson, sortKeysDeep } from "../../generator/spec/canonical.js";

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

describe("sortedJson", () => {
  it("writes what JSON.stringify writes for the value with its keys sorted", () => {
    const value: Record<string, unknown> = JSON.parse(
      '{"b":1,"a":[3,{"z":null,"10":"ten","9":"nine","09":"x","4294967295":"big","-1":"neg","1.5":"f"}],"__proto__":{"y":"\\u2028é"},"":""}',
    ) as Record<string, unknown>;
    value["skipped"] = undefined;
    value["list"] = [undefined, () => 1, 2, { inner: undefined, kept: true }];
    value["n"] = [0, -0, 1e21, 1.5e-7, Number.NaN, Infinity];
    value["empty"] = { gone: undefined };
    expect(sortedJson(value)).toBe(JSON.stringify(sortKeysDeep(value)));
    expect(sortedJson([])).toBe("[]");
    expect(sortedJson("text")).toBe('"text"');
  });
});
