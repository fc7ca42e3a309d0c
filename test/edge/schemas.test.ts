/**
 * Schema shapes on the wire: OpenAPI 3.0 `nullable` (specs/edge/nullable-3.0.yaml), recursive schemas
 * (recursive.yaml) and composition (composition.yaml). Bodies travel unchanged, nulls included, and the fixtures
 * are valid requests the client sends.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as compositionFixtures from "./__golden__/composition/fixtures.js";
import { createCompositionClient, type components as CompositionTypes } from "./__golden__/composition/index.js";
import * as nullableFixtures from "./__golden__/nullable-3.0/fixtures.js";
import { createNullable30Client, type components as NullableTypes } from "./__golden__/nullable-3.0/index.js";
import * as recursiveFixtures from "./__golden__/recursive/fixtures.js";
import { createRecursiveClient, type components as RecursiveTypes } from "./__golden__/recursive/index.js";
import { json, startServer, type TestServer } from "./server.js";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

function sentJson(): unknown {
  return JSON.parse(server.only().body.toString("utf8"));
}

describe("OpenAPI 3.0 nullable", () => {
  it("sends nulls and reads them back as null, not undefined", async () => {
    const profile: NullableTypes["schemas"]["Profile"] = {
      id: "p1",
      nickname: null,
      age: null,
      status: null,
      tags: null,
      scores: [1, null],
      address: null,
    };
    server.reply(json(200, profile));
    const result = await createNullable30Client({ baseUrl: server.baseUrl }).putProfile({
      path: { id: "p1" },
      body: profile,
    });
    expect(sentJson()).toEqual(profile);
    expect(result).toMatchObject({ ok: true, status: 200, data: profile });
  });

  it("a nullable response body can be null itself", async () => {
    server.reply(json(200, null));
    const result = await createNullable30Client({ baseUrl: server.baseUrl }).putProfile(
      nullableFixtures.putProfile.request,
    );
    expect(result).toMatchObject({ ok: true, status: 200, data: null });
  });

  it("the spec's example with nulls is the response fixture", () => {
    expect(nullableFixtures.getProfile.responses[200]).toEqual({
      id: "p1",
      nickname: null,
      age: null,
      status: null,
      tags: null,
      scores: [1, null, 3],
      address: null,
    });
  });
});

describe("recursive schemas", () => {
  it("a tree goes out and comes back whole", async () => {
    const tree: RecursiveTypes["schemas"]["TreeNode"] = {
      value: "root",
      children: [
        { value: "a", children: [{ value: "a1", children: [] }] },
        { value: "b", children: [] },
      ],
    };
    server.reply(json(200, tree));
    const result = await createRecursiveClient({ baseUrl: server.baseUrl }).plantTree({ body: tree });
    expect(sentJson()).toEqual(tree);
    expect(result).toMatchObject({ ok: true, data: tree });
  });

  it("fixtures of recursive schemas are finite and end in a leaf", () => {
    let depth = 0;
    for (
      let node: RecursiveTypes["schemas"]["ListNode"] | null = recursiveFixtures.getList.responses[200];
      node;
      node = node.next
    )
      depth++;
    expect(depth).toBeGreaterThan(0);
    expect(depth).toBeLessThan(64);
    expect(recursiveFixtures.plantTree.request.body.children.every((child) => Array.isArray(child.children))).toBe(
      true,
    );
  });

  it("mutually recursive fixtures are requests the client can send", async () => {
    server.reply(json(200, recursiveFixtures.getPerson.responses[200]));
    const result = await createRecursiveClient({ baseUrl: server.baseUrl }).getPerson(
      recursiveFixtures.getPerson.request,
    );
    expect(result).toMatchObject({ ok: true, data: recursiveFixtures.getPerson.responses[200] });
  });
});

describe("allOf, oneOf with a discriminator, anyOf", () => {
  it("sends either branch of the oneOf and narrows the response by its discriminator", async () => {
    const dog: CompositionTypes["schemas"]["Dog"] = { name: "Rex", petType: "dog", barks: true };
    server.reply(json(201, dog));
    const result = await createCompositionClient({ baseUrl: server.baseUrl }).addPet({ body: dog });
    expect(sentJson()).toEqual(dog);
    if (!result.ok) throw new Error("expected a success");
    const pet = result.data;
    const sound = pet.petType === "dog" ? (pet.barks ? "woof" : "silent") : `cat with ${pet.lives} lives`;
    expect(sound).toBe("woof");
  });

  it("the oneOf fixture is a valid branch: its discriminator matches its fields", () => {
    const pet = compositionFixtures.addPet.request.body;
    expect(["cat", "dog"]).toContain(pet.petType);
    expect(pet.petType === "cat" ? "lives" in pet : "barks" in pet).toBe(true);
  });

  it("an anyOf response with both branches' fields is read as is", async () => {
    server.reply(json(200, { email: "a@example.com", phone: "+41 00" }));
    const result = await createCompositionClient({ baseUrl: server.baseUrl }).getContact(
      compositionFixtures.getContact.request,
    );
    expect(result).toMatchObject({ ok: true, data: { email: "a@example.com", phone: "+41 00" } });
  });
});
