/** The shared spec layer: `$ref` chains (cycles included), allOf merging per keyword, canonical JSON, media types. */
import { describe, expect, it } from "vitest";
import { mergeAllOf } from "../../generator/spec/all-of.js";
import { canonicalJson, sortKeysDeep } from "../../generator/spec/canonical.js";
import { isJsonMediaType } from "../../generator/spec/constants.js";
import { resolvePointer } from "../../generator/spec/pointer.js";
import { followRefs, locateObject, refChain } from "../../generator/spec/refs.js";
import { isJsonMediaType as runtimeIsJsonMediaType } from "../../templates/serialize.js";

const document = {
  components: {
    schemas: {
      Pet: { type: "object", properties: { id: { type: "string" } } },
      Alias: { $ref: "#/components/schemas/Pet" },
      LoopA: { $ref: "#/components/schemas/LoopB" },
      LoopB: { $ref: "#/components/schemas/LoopA" },
      Code: { type: "string", pattern: "^[A-Z]+$", maxLength: 8 },
    },
  },
};

describe("$ref resolution", () => {
  it("follows a chain to the object and says where it lives", () => {
    expect(locateObject(document, "/components/schemas/Alias")).toEqual({
      value: document.components.schemas.Pet,
      pointer: "/components/schemas/Pet",
    });
  });

  it("ends a cycle as broken and names the pointer it came back to", () => {
    expect(followRefs(document, { $ref: "#/components/schemas/LoopA" })).toBeUndefined();
    const chain = refChain(document, { value: { $ref: "#/components/schemas/LoopA" }, pointer: undefined });
    let step = chain.next();
    while (step.done !== true) step = chain.next();
    expect(step.value).toEqual({ broken: true, cycle: "/components/schemas/LoopA" });
  });

  it("does not read inherited properties through a pointer", () => {
    expect(resolvePointer({}, "/constructor")).toBeUndefined();
    expect(followRefs(document, { $ref: "#/__proto__" })).toBeUndefined();
  });
});

describe("allOf merging", () => {
  it("keeps every pattern: the later ones as an allOf beside the bag", () => {
    const merged = mergeAllOf(document, {
      allOf: [{ $ref: "#/components/schemas/Code" }, { pattern: "^A", maxLength: 4 }],
    });
    expect(merged).toEqual({ type: "string", pattern: "^[A-Z]+$", maxLength: 4, allOf: [{ pattern: "^A" }] });
  });

  it("narrows bounds, intersects types and enums, adds up required and properties", () => {
    const merged = mergeAllOf(document, {
      allOf: [
        {
          type: ["integer", "null"],
          minimum: 1,
          maximum: 10,
          enum: [1, 2, 3],
          required: ["a"],
          properties: { a: { type: "string" } },
        },
        {
          type: "integer",
          minimum: 2,
          maximum: 20,
          enum: [2, 3, 4],
          required: ["b"],
          properties: { a: { minLength: 1 }, b: {} },
        },
      ],
    });
    expect(merged).toEqual({
      type: "integer",
      minimum: 2,
      maximum: 10,
      enum: [2, 3],
      required: ["a", "b"],
      properties: { a: { allOf: [{ type: "string" }, { minLength: 1 }] }, b: {} },
    });
  });

  it("reads two `not`s as neither, and keeps the first annotation", () => {
    const merged = mergeAllOf(document, {
      allOf: [
        { not: { const: 1 }, description: "first" },
        { not: { const: 2 }, description: "second" },
      ],
    });
    expect(merged).toEqual({ not: { anyOf: [{ const: 1 }, { const: 2 }] }, description: "first" });
  });

  it("merges a schema that refers to itself once", () => {
    const looping = {
      components: { schemas: { Node: { allOf: [{ $ref: "#/components/schemas/Node" }, { type: "object" }] } } },
    };
    expect(mergeAllOf(looping, looping.components.schemas.Node)).toEqual({ type: "object" });
  });
});

describe("canonical JSON", () => {
  it("is the same text for any key order, and keeps __proto__ as data", () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe(canonicalJson({ a: [{ c: 3, d: 2 }], b: 1 }));
    const sorted = sortKeysDeep(JSON.parse('{"__proto__": {"x": 1}, "a": 2}')) as Record<string, unknown>;
    expect(Object.keys(sorted)).toEqual(["__proto__", "a"]);
  });

  it("gives up on a value too deep to be worth a text", () => {
    let deep: unknown = 1;
    for (let depth = 0; depth < 100; depth++) deep = [deep];
    expect(canonicalJson(deep)).toBeUndefined();
  });
});

describe("isJsonMediaType", () => {
  it("decides as the generated runtime does", () => {
    const mediaTypes = [
      "application/json",
      "application/problem+json",
      "application/json; charset=utf-8",
      "APPLICATION/JSON",
      "*/*",
      "text/json",
      "application/jsonl",
      "application/x-ndjson",
      "application/vnd.api+json",
    ];
    for (const mediaType of mediaTypes)
      expect([mediaType, isJsonMediaType(mediaType)]).toEqual([mediaType, runtimeIsJsonMediaType(mediaType)]);
    expect(mediaTypes.filter(isJsonMediaType)).toEqual([
      "application/json",
      "application/problem+json",
      "application/json; charset=utf-8",
      "APPLICATION/JSON",
      "*/*",
      "application/vnd.api+json",
    ]);
  });
});
