/**
 * The schema checker the mock runs (templates/schema-check.ts, re-exported by every mock.ts): one table per keyword,
 * each issue naming the field by JSON pointer.
 */
import { describe, expect, it } from "vitest";
import { checkSchema, type JsonSchema, type SchemaRefs } from "../../templates/mock.js";

/** The issues as `path message` lines, the way the mock prints them. */
function issues(value: unknown, schema: JsonSchema, refs: SchemaRefs = {}): string[] {
  return checkSchema(value, schema, refs).map(
    (issue) => `${issue.path === "" ? "(root)" : issue.path} ${issue.message}`,
  );
}

describe("type", () => {
  it.each([
    ["string", "x", 1, "must be string"],
    ["integer", 3, 3.5, "must be integer"],
    ["number", 3.5, "3.5", "must be number"],
    ["boolean", false, "false", "must be boolean"],
    ["object", {}, [], "must be object"],
    ["array", [], {}, "must be array"],
    ["null", null, 0, "must be null"],
  ])("%s accepts a %s and rejects another kind", (type, good, bad, message) => {
    expect(issues(good, { type })).toEqual([]);
    expect(issues(bad, { type })).toEqual([`(root) ${message}`]);
  });

  it("takes 3.1 type arrays", () => {
    const schema = { type: ["string", "null"] };
    expect(issues(null, schema)).toEqual([]);
    expect(issues("a", schema)).toEqual([]);
    expect(issues(1, schema)).toEqual(["(root) must be string or null"]);
  });

  it("takes 3.0 nullable, and says so in the message", () => {
    const schema = { type: "integer", nullable: true };
    expect(issues(null, schema)).toEqual([]);
    expect(issues("1", schema)).toEqual(["(root) must be integer or null"]);
    expect(issues(null, { type: "integer" })).toEqual(["(root) must be integer"]);
  });

  it("stops at a wrong type instead of piling up messages", () => {
    expect(issues(5, { type: "string", minLength: 10, enum: ["a"] })).toEqual(["(root) must be string"]);
  });
});

describe("objects", () => {
  const owner = {
    type: "object",
    required: ["name", "a/b"],
    properties: { name: { type: "string" }, "a/b": { type: "string" }, age: { type: "integer" } },
  };

  it("names each missing required property by its pointer (escaped)", () => {
    expect(issues({}, owner)).toEqual(["/name is required", "/a~1b is required"]);
  });

  it("checks each listed property at its own path", () => {
    expect(issues({ name: 1, "a/b": "x", age: "old" }, owner)).toEqual([
      "/name must be string",
      "/age must be integer",
    ]);
  });

  it("rejects an additional property only when additionalProperties is false", () => {
    const closed = { ...owner, additionalProperties: false };
    expect(issues({ name: "n", "a/b": "x", extra: 1 }, closed)).toEqual([
      "/extra is not allowed (additionalProperties: false)",
    ]);
    expect(issues({ name: "n", "a/b": "x", extra: 1 }, owner)).toEqual([]);
  });

  it("checks additional properties against an additionalProperties schema, and patternProperties first", () => {
    const schema = {
      type: "object",
      patternProperties: { "^x-": { type: "string" } },
      additionalProperties: { type: "integer" },
    };
    expect(issues({ "x-note": "ok", count: 2 }, schema)).toEqual([]);
    expect(issues({ "x-note": 1, count: "two" }, schema)).toEqual(["/x-note must be string", "/count must be integer"]);
  });

  it("keeps `__proto__` a property name", () => {
    const schema = {
      type: "object",
      required: ["__proto__"],
      properties: Object.fromEntries([["__proto__", { type: "object" }]]),
    };
    expect(issues(JSON.parse('{"__proto__": 1}'), schema)).toEqual(["/__proto__ must be object"]);
    expect(issues({}, schema)).toEqual(["/__proto__ is required"]);
  });

  it("counts properties", () => {
    expect(issues({}, { type: "object", minProperties: 1 })).toEqual(["(root) must have at least 1 property"]);
    expect(issues({ a: 1 }, { type: "object", minProperties: 2 })).toEqual(["(root) must have at least 2 properties"]);
    expect(issues({ a: 1, b: 2 }, { type: "object", maxProperties: 1 })).toEqual([
      "(root) must have at most 1 property",
    ]);
  });
});

describe("arrays", () => {
  it("checks every item at its index", () => {
    expect(issues(["a", 2, "c", null], { type: "array", items: { type: "string" } })).toEqual([
      "/1 must be string",
      "/3 must be string",
    ]);
  });

  it("checks tuples (prefixItems, and the older array-valued items)", () => {
    expect(issues([1, 2], { type: "array", prefixItems: [{ type: "integer" }, { type: "string" }] })).toEqual([
      "/1 must be string",
    ]);
    expect(issues([1, 2], { type: "array", items: [{ type: "string" }] })).toEqual(["/0 must be string"]);
  });

  it("counts items and finds repeats", () => {
    expect(issues([], { type: "array", minItems: 1 })).toEqual(["(root) must have at least 1 item"]);
    expect(issues([1, 2, 3], { type: "array", maxItems: 2 })).toEqual(["(root) must have at most 2 items"]);
    expect(issues([{ a: 1 }, { a: 1 }], { type: "array", uniqueItems: true })).toEqual([
      "/1 repeats an earlier item (uniqueItems)",
    ]);
  });
});

describe("values", () => {
  it("enum lists the allowed values", () => {
    const schema = { type: "string", enum: ["active", "banned"] };
    expect(issues("active", schema)).toEqual([]);
    expect(issues("gone", schema)).toEqual(['(root) must be one of "active", "banned"']);
  });

  it("enum compares JSON values deeply, and null is a value like another", () => {
    expect(issues({ a: [1] }, { enum: [{ a: [1] }] })).toEqual([]);
    expect(issues(null, { enum: ["a", null] })).toEqual([]);
    expect(issues({ a: [2] }, { enum: [{ a: [1] }] })).toEqual(['(root) must be one of {"a":[1]}']);
  });

  it("const", () => {
    expect(issues("cat", { const: "cat" })).toEqual([]);
    expect(issues("dog", { const: "cat" })).toEqual(['(root) must equal "cat"']);
  });
});

describe("strings and numbers", () => {
  it("minLength and maxLength count code points", () => {
    expect(issues("🚀", { type: "string", maxLength: 1 })).toEqual([]);
    expect(issues("ab", { type: "string", minLength: 3 })).toEqual(["(root) must have at least 3 characters"]);
    expect(issues("abcd", { type: "string", maxLength: 3 })).toEqual(["(root) must have at most 3 characters"]);
  });

  it("pattern is unanchored; an uncompilable pattern is skipped", () => {
    expect(issues("ab12", { type: "string", pattern: "\\d+" })).toEqual([]);
    expect(issues("abc", { type: "string", pattern: "^\\d+$" })).toEqual(['(root) must match the pattern "^\\\\d+$"']);
    expect(issues("abc", { type: "string", pattern: "(" })).toEqual([]);
  });

  it("minimum and maximum, inclusive", () => {
    expect(issues(1, { minimum: 1, maximum: 9 })).toEqual([]);
    expect(issues(0, { minimum: 1 })).toEqual(["(root) must be >= 1"]);
    expect(issues(10, { maximum: 9 })).toEqual(["(root) must be <= 9"]);
  });

  it("exclusive bounds, as 3.0 booleans and as 3.1 numbers", () => {
    expect(issues(1, { minimum: 1, exclusiveMinimum: true })).toEqual(["(root) must be > 1"]);
    expect(issues(9, { maximum: 9, exclusiveMaximum: true })).toEqual(["(root) must be < 9"]);
    expect(issues(1, { exclusiveMinimum: 1 })).toEqual(["(root) must be > 1"]);
    expect(issues(9, { exclusiveMaximum: 9 })).toEqual(["(root) must be < 9"]);
    expect(issues(5, { exclusiveMinimum: 1, exclusiveMaximum: 9 })).toEqual([]);
  });

  it("multipleOf, exact as in Ajv (0.3 is no multiple of 0.1 in binary)", () => {
    expect(issues(0.5, { multipleOf: 0.25 })).toEqual([]);
    expect(issues(0.3, { multipleOf: 0.1 })).toEqual(["(root) must be a multiple of 0.1"]);
    expect(issues(7, { multipleOf: 2 })).toEqual(["(root) must be a multiple of 2"]);
  });
});

describe("composition", () => {
  it("allOf reports every branch's issues at their own paths", () => {
    const schema = { allOf: [{ required: ["a"] }, { properties: { b: { type: "string" } } }] };
    expect(issues({ b: 1 }, schema)).toEqual(["/a is required", "/b must be string"]);
  });

  it("anyOf passes when one branch does, else lists each branch's first issue", () => {
    const schema = {
      anyOf: [
        { type: "object", required: ["email"] },
        { type: "object", required: ["phone"] },
      ],
    };
    expect(issues({ phone: "1" }, schema)).toEqual([]);
    expect(issues({}, schema)).toEqual([
      "(root) must match one of the anyOf schemas (1: /email is required; 2: /phone is required)",
    ]);
  });

  it("oneOf needs exactly one branch", () => {
    const schema = { oneOf: [{ type: "integer" }, { type: "number" }, { type: "string" }] };
    expect(issues("a", schema)).toEqual([]);
    expect(issues(1, schema)).toEqual([
      "(root) must match exactly one of the oneOf schemas, but matches schemas 1 and 2",
    ]);
    expect(issues(true, schema)).toEqual([
      "(root) must match exactly one of the oneOf schemas (1: must be integer; 2: must be number; 3: must be string)",
    ]);
  });

  it("branch paths are relative to the value the branch was applied to", () => {
    const schema = { properties: { pet: { oneOf: [{ required: ["lives"] }, { required: ["barks"] }] } } };
    expect(issues({ pet: {} }, schema)).toEqual([
      "/pet must match exactly one of the oneOf schemas (1: /lives is required; 2: /barks is required)",
    ]);
  });

  it("not", () => {
    expect(issues("a", { not: { type: "integer" } })).toEqual([]);
    expect(issues(1, { not: { type: "integer" } })).toEqual(["(root) must not match the schema in not"]);
  });

  it("boolean schemas", () => {
    expect(issues({ a: 1 }, { properties: { a: true } })).toEqual([]);
    expect(issues({ a: 1 }, { properties: { a: false } })).toEqual(["/a is not allowed (the schema is false)"]);
  });
});

describe("$ref", () => {
  const refs: SchemaRefs = {
    "#/components/schemas/Tree": {
      type: "object",
      required: ["value"],
      properties: {
        value: { type: "string" },
        children: { type: "array", items: { $ref: "#/components/schemas/Tree" } },
      },
    },
    "#/components/schemas/Loop": { allOf: [{ $ref: "#/components/schemas/Loop" }], type: "string" },
  };

  it("resolves refs through the table, recursively, naming the deep field", () => {
    const tree = { value: "root", children: [{ value: "a", children: [{ value: 3 }] }, { children: [] }] };
    expect(issues(tree, { $ref: "#/components/schemas/Tree" }, refs)).toEqual([
      "/children/0/children/0/value must be string",
      "/children/1/value is required",
    ]);
  });

  it("ends on a ref that loops without consuming the value", () => {
    expect(issues("a", { $ref: "#/components/schemas/Loop" }, refs)).toEqual([]);
    expect(issues(1, { $ref: "#/components/schemas/Loop" }, refs)).toEqual(["(root) must be string"]);
  });

  it("accepts anything at a ref it cannot resolve", () => {
    expect(issues(1, { $ref: "#/components/schemas/Missing" }, refs)).toEqual([]);
  });
});
