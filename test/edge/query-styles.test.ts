/** specs/edge/query-styles.yaml on the wire: each query parameter written by its `style` and `explode`. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createQueryStylesClient } from "./__golden__/query-styles/index.js";
import { rawQuery, startServer, type TestServer } from "./server.js";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

async function queryOf(query: Parameters<ReturnType<typeof createQueryStylesClient>["search"]>[0]): Promise<string> {
  const client = createQueryStylesClient({ baseUrl: server.baseUrl });
  const result = await client.search(query);
  expect(result.ok).toBe(true);
  expect(server.only().url.startsWith("/search")).toBe(true);
  return rawQuery(server.only());
}

describe("query styles", () => {
  it("form + explode (the default) repeats an array's name", async () => {
    expect(await queryOf({ query: { tags: ["a", "b c"] } })).toBe("tags=a&tags=b%20c");
  });

  it("form + explode false joins an array with commas", async () => {
    expect(await queryOf({ query: { ids: [1, 2, 3] } })).toBe("ids=1,2,3");
  });

  it("spaceDelimited joins with an encoded space", async () => {
    expect(await queryOf({ query: { words: ["a", "b"] } })).toBe("words=a%20b");
  });

  it("pipeDelimited joins with a pipe", async () => {
    expect(await queryOf({ query: { flags: ["x", "y"] } })).toMatch(/^flags=x(\||%7C)y$/);
  });

  it("deepObject writes name[field]=value", async () => {
    const query = await queryOf({ query: { filter: { kind: "dog", age: 3 } } });
    expect(decodeURIComponent(query)).toBe("filter[kind]=dog&filter[age]=3");
  });

  it("form + explode writes an object's fields as parameters of their own", async () => {
    expect(await queryOf({ query: { point: { x: 1, y: 2 } } })).toBe("x=1&y=2");
  });

  it("form + explode false writes an object as name=field,value,field,value", async () => {
    expect(await queryOf({ query: { range: { min: 1, max: 5 } } })).toBe("range=min,1,max,5");
  });

  it("percent-encodes reserved characters in values", async () => {
    const query = await queryOf({ query: { q: "a&b=c d/é?#" } });
    expect(query).toBe(`q=${encodeURIComponent("a&b=c d/é?#")}`);
    expect(new URLSearchParams(query).get("q")).toBe("a&b=c d/é?#");
  });

  it("writes several parameters together and leaves out absent ones", async () => {
    const query = await queryOf({ query: { tags: ["t"], ids: [7], filter: { kind: "cat" } } });
    expect(decodeURIComponent(query).split("&").sort()).toEqual(["filter[kind]=cat", "ids=7", "tags=t"]);
  });

  it("sends no query string at all without parameters", async () => {
    const client = createQueryStylesClient({ baseUrl: server.baseUrl });
    await client.search();
    expect(server.only().url).toBe("/search");
  });
});
