/** Export names for the spec's component types: valid identifiers from any key, and clashes settled one way. */
import { describe, expect, it } from "vitest";
import type { NamedComponentModel } from "../../generator/model/index.js";
import { planNamedTypes, typeIdentifier } from "../../generator/plan/type-names.js";

const schema = (name: string): NamedComponentModel => ({ section: "schemas", name, description: undefined });

describe("typeIdentifier", () => {
  it("keeps a name that is already an identifier, as written", () => {
    for (const name of ["Pet", "pet_v2", "Größe", "$Money", "_private", "ÉtatCivil"])
      expect(typeIdentifier(name)).toBe(name);
  });

  it("joins any other name from its words, in PascalCase", () => {
    expect(typeIdentifier("pet-store.Pet")).toBe("PetStorePet");
    expect(typeIdentifier("Pet Name")).toBe("PetName");
    expect(typeIdentifier("io.k8s.api.core.v1.Pod")).toBe("IoK8sApiCoreV1Pod");
  });

  it("never gives a reserved word, a name TypeScript refuses for an alias, a leading digit or an empty name", () => {
    expect(typeIdentifier("class")).toBe("Class");
    expect(typeIdentifier("string")).toBe("String");
    expect(typeIdentifier("2fa-token")).toBe("_2faToken");
    expect(typeIdentifier("200")).toBe("_200");
    expect(typeIdentifier("!!!")).toBe("Schema");
    expect(typeIdentifier("")).toBe("Schema");
  });
});

describe("planNamedTypes", () => {
  const names = (components: NamedComponentModel[], taken: string[] = []): string[] =>
    planNamedTypes(components, taken).map((plan) => plan.typeName);

  it("gives a name written as an identifier before a name made from another key's words", () => {
    expect(names([schema("pet-store.Pet"), schema("PetStorePet")])).toEqual(["PetStorePet2", "PetStorePet"]);
  });

  it("leaves the client's exports their names: the component takes its section's suffix", () => {
    expect(names([schema("listPets"), schema("ListPetsResult")], ["listPets", "ListPetsResult"])).toEqual([
      "listPetsSchema",
      "ListPetsResultSchema",
    ]);
    expect(names([schema("Foo"), schema("Foo!")], ["FooSchema"])).toEqual(["Foo", "Foo2"]);
  });

  it("tells a request body and a response from a schema of the same name by their suffix", () => {
    const body: NamedComponentModel = {
      section: "requestBodies",
      name: "Pet",
      description: undefined,
      mediaType: "application/json",
    };
    const response: NamedComponentModel = {
      section: "responses",
      name: "Pet",
      description: undefined,
      mediaType: "application/json",
    };
    expect(names([schema("Pet"), body, response])).toEqual(["Pet", "PetRequestBody", "PetResponse"]);
    expect(names([body, response])).toEqual(["Pet", "PetResponse"]);
  });

  it("hands out unique names whatever the keys", () => {
    const keys = ["a b", "A-B", "AB", "ab", "a.b", "!!", "??", "Schema", "1", "_1"];
    const planned = names(keys.map(schema));
    expect(new Set(planned).size).toBe(keys.length);
    for (const name of planned) expect(name).toMatch(/^[\p{ID_Start}$_][\p{ID_Continue}$]*$/u);
  });
});
