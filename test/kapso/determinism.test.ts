/**
 * Same spec, same bytes: generating twice gives identical output. The same spec with its keys in another order has the
 * same hash and spec copy, while its output follows its own order (and is just as repeatable).
 */
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { generate } from "../../generator/index.js";
import { kapsoSpec, readComparableTree, removeDir, tempDir } from "../support/run.js";

let dir: string;
beforeAll(async () => {
  dir = await tempDir("determinism");
});
afterAll(async () => {
  await removeDir(dir);
});

/** Reverses and rotates every object's keys (deterministically), leaving arrays in order. */
function shuffleKeys(value: unknown, depth = 0): unknown {
  if (Array.isArray(value)) return value.map((item) => shuffleKeys(item, depth + 1));
  if (typeof value !== "object" || value === null) return value;
  const keys = Object.keys(value).reverse();
  const turn = depth % Math.max(keys.length, 1);
  const order = [...keys.slice(turn), ...keys.slice(0, turn)];
  return Object.fromEntries(order.map((key) => [key, shuffleKeys((value as Record<string, unknown>)[key], depth + 1)]));
}

describe("determinism", () => {
  it("gives identical bytes when run twice", async () => {
    await generate({ spec: kapsoSpec, out: join(dir, "first"), name: "kapso" });
    await generate({ spec: kapsoSpec, out: join(dir, "second"), name: "kapso" });
    expect(await readComparableTree(join(dir, "second"))).toEqual(await readComparableTree(join(dir, "first")));
  });

  it("hashes a spec with its keys shuffled the same, and generates from it in its own order, repeatably", async () => {
    const original = parse(await readFile(kapsoSpec, "utf8")) as unknown;
    const shuffled = shuffleKeys(original);
    expect(JSON.stringify(shuffled)).not.toBe(JSON.stringify(original));
    const shuffledSpec = join(dir, "kapso-platform.yaml");
    await writeFile(shuffledSpec, stringify(shuffled));
    await generate({ spec: kapsoSpec, out: join(dir, "original"), name: "kapso" });
    await generate({ spec: shuffledSpec, out: join(dir, "shuffled"), name: "kapso" });
    await generate({ spec: shuffledSpec, out: join(dir, "shuffled-again"), name: "kapso" });
    const [before, after, again] = await Promise.all([
      readComparableTree(join(dir, "original")),
      readComparableTree(join(dir, "shuffled")),
      readComparableTree(join(dir, "shuffled-again")),
    ]);
    expect(again).toEqual(after);
    expect(after.get("openapi.json")).toBe(before.get("openapi.json"));
    const hash = (tree: Map<string, string>): string | undefined =>
      /sha256 ([0-9a-f]{64})/.exec(tree.get("client.ts") ?? "")?.[1];
    expect(hash(after)).toMatch(/^[0-9a-f]{64}$/);
    expect(hash(after)).toBe(hash(before));
    // Spec order: the shuffled spec's fixtures list the request body's fields in its order, not in the original's.
    expect(after.get("fixtures.ts")).not.toBe(before.get("fixtures.ts"));
  });
});
