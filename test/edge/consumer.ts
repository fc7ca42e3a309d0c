/**
 * A consumer of the edge-case clients, type-checked (never run) together with every edge output by types.test.ts.
 * Each `@ts-expect-error` proves tsc rejects a wrong call: were the line accepted, tsc would report the unused
 * directive and the test would fail. The `expectTypeOf` lines pin the types callers see.
 */
import { expectTypeOf } from "vitest";
import { createCompositionClient, type components as Composition } from "./__golden__/composition/index.js";
import { createLenientClient } from "./__golden__/lenient/index.js";
import * as methodFixtures from "./__golden__/methods/fixtures.js";
import { createMethodsClient } from "./__golden__/methods/index.js";
import * as named from "./__golden__/named-types/index.js";
import { type components as Nullable } from "./__golden__/nullable-3.0/index.js";
import * as operationIdFixtures from "./__golden__/operation-ids/fixtures.js";
import { createOperationIdsClient } from "./__golden__/operation-ids/index.js";
import * as parameterFixtures from "./__golden__/parameters/fixtures.js";
import { createParametersClient } from "./__golden__/parameters/index.js";
import { createQueryStylesClient } from "./__golden__/query-styles/index.js";
import { type components as Recursive } from "./__golden__/recursive/index.js";
import { createRequestBodiesClient } from "./__golden__/request-bodies/index.js";
import {
  createResponsesClient,
  type components as Responses,
  type GetThingResult,
} from "./__golden__/responses/index.js";
import { createSchemaConflictsClient, type components as Conflicts } from "./__golden__/schema-conflicts/index.js";
import { createSecurityClient } from "./__golden__/security/index.js";

const baseUrl = "http://127.0.0.1:1";

export async function parameters(): Promise<void> {
  const api = createParametersClient({ baseUrl });
  const path = { org: "o", repoId: 1 };
  await api.getRepo(parameterFixtures.getRepo.request);

  // @ts-expect-error the required query parameter `fields` is missing
  await api.getRepo({ path, query: {}, headers: { "X-Request-Id": "r" }, cookies: { session: "s" } });

  // @ts-expect-error the required header (inherited from the path item) is missing
  await api.getRepo({ path, query: { fields: "f" }, headers: {}, cookies: { session: "s" } });

  // @ts-expect-error the required cookie is missing
  await api.getRepo({ path, query: { fields: "f" }, headers: { "X-Request-Id": "r" } });

  await api.getRepo({
    // @ts-expect-error repoId is an integer
    path: { org: "o", repoId: "1" },
    query: { fields: "f" },
    headers: { "X-Request-Id": "r" },
    cookies: { session: "s" },
  });

  await api.getRepo({
    path,
    query: { fields: "f" },
    headers: { "X-Request-Id": "r" },
    // @ts-expect-error the cookie `theme` is an enum
    cookies: { session: "s", theme: "blue" },
  });

  // The operation's override wins over the path item's: DELETE's reason is a required string, its header optional.
  await api.deleteRepo({ path, query: { reason: "spam" } });
  // @ts-expect-error DELETE's reason is a string, not the path item's integer
  await api.deleteRepo({ path, query: { reason: 1 } });
  // @ts-expect-error DELETE's reason is required
  await api.deleteRepo({ path });

  // Only optional parameters: the argument itself is optional.
  await api.listOptional();
}

export async function queryStyles(): Promise<void> {
  const api = createQueryStylesClient({ baseUrl });
  await api.search({ query: { ids: [1, 2], filter: { kind: "dog", age: 3 }, range: { min: 1 } } });
  // @ts-expect-error ids are integers
  await api.search({ query: { ids: ["1"] } });
  // @ts-expect-error filter is an object, not a string
  await api.search({ query: { filter: "kind=dog" } });
}

export async function requestBodies(file: Blob): Promise<void> {
  const api = createRequestBodiesClient({ baseUrl });
  await api.sendAny({ body: { title: "json by default" } });
  await api.sendAny({ contentType: "application/json", body: { title: "json" } });
  await api.sendAny({ contentType: "text/plain", body: "text" });
  await api.sendAny({ contentType: "application/x-www-form-urlencoded", body: { title: "form" } });

  // @ts-expect-error a text/plain body is a string, not an object
  await api.sendAny({ contentType: "text/plain", body: { title: "x" } });

  // @ts-expect-error without contentType the body is JSON: a string is not a Note
  await api.sendAny({ body: "text" });

  // @ts-expect-error not a media type this operation accepts
  await api.sendAny({ contentType: "application/xml", body: "<note/>" });

  await api.upload({ body: { file, description: "a file" } });
  // @ts-expect-error the multipart field `file` is required
  await api.upload({ body: { description: "no file" } });

  await api.putRaw({ body: new Uint8Array([1]) });
  // @ts-expect-error an octet-stream body is bytes, not a number
  await api.putRaw({ body: 42 });

  // @ts-expect-error the JSON body is required
  await api.sendJson({});

  await api.sendOptional();
}

export async function responses(): Promise<string> {
  const api = createResponsesClient({ baseUrl });
  const result: GetThingResult = await api.getThing({ path: { id: "t" } });
  // @ts-expect-error data exists only after narrowing on ok
  void result.data;
  if (result.ok) {
    expectTypeOf(result.status).toEqualTypeOf<200>();
    expectTypeOf(result.data).toEqualTypeOf<Responses["schemas"]["Thing"]>();
    return result.data.id;
  }
  if (result.status === "network") return result.error.message;
  if (result.status === 404) expectTypeOf(result.error).toEqualTypeOf<Responses["schemas"]["NotFound"]>();
  else if (result.status === 429) expectTypeOf(result.error).toEqualTypeOf<Responses["schemas"]["ClientError"]>();
  else if (result.status === 502) expectTypeOf(result.error).toEqualTypeOf<Responses["schemas"]["Problem"]>();

  const deleted = await api.deleteThing({ path: { id: "t" } });
  if (deleted.ok) expectTypeOf(deleted.data).toEqualTypeOf<undefined>();
  else if (deleted.status === 500) expectTypeOf(deleted.error).toEqualTypeOf<string>();

  const label = await api.getLabel({ path: { id: "t" } });
  if (label.ok) expectTypeOf(label.data).toEqualTypeOf<string>();

  const photo = await api.getPhoto({ path: { id: "t" } });
  if (photo.ok) expectTypeOf(photo.data).toEqualTypeOf<Blob>();

  const health = await api.health();
  if (health.ok) expectTypeOf(health.data).toEqualTypeOf<{ status: string }>();
  return "";
}

export async function security(): Promise<void> {
  // No credential is required by every operation, so none is required by the client.
  const api = createSecurityClient({ baseUrl });
  await api.isPublic();
  createSecurityClient({ bearerAuth: () => "token", basicAuth: async () => "user:password", queryKey: "k" });
  // @ts-expect-error a credential is a string or a function returning one
  createSecurityClient({ headerKey: 42 });
  // @ts-expect-error no such security scheme
  createSecurityClient({ digestAuth: "x" });
}

export async function methodsAndNames(): Promise<void> {
  const methods = createMethodsClient({ baseUrl });
  await methods.getItem(methodFixtures.getItem.request);
  await methods.traceItem({ path: { id: "i" } });
  await methods.itemOptions({ path: { id: "i" } });
  // @ts-expect-error the path-item parameter `id` is required by every method
  await methods.itemExists({});

  const names = createOperationIdsClient();
  await names._delete(operationIdFixtures._delete.request);
  await names._class();
  await names.getPets2();
  await names.getV1UsersFormat({ path: { format: "json" } });
  // @ts-expect-error the format is an enum
  await names.getV1UsersFormat({ path: { format: "yaml" } });
  void operationIdFixtures.client2;
}

export function schemas(
  profile: Nullable["schemas"]["Profile"],
  tree: Recursive["schemas"]["TreeNode"],
  pet: Composition["schemas"]["Pet"],
): void {
  expectTypeOf(profile.nickname).toEqualTypeOf<string | null>();
  expectTypeOf(profile.scores).toEqualTypeOf<(number | null)[] | undefined>();
  // @ts-expect-error a required nullable property is still required
  const incomplete: Nullable["schemas"]["Profile"] = { id: "p" };
  void incomplete;

  expectTypeOf(tree.children).toEqualTypeOf<Recursive["schemas"]["TreeNode"][]>();
  const list: Recursive["schemas"]["ListNode"] = { value: 1, next: { value: 2, next: null } };
  void list;

  if (pet.petType === "cat") expectTypeOf(pet.lives).toEqualTypeOf<number>();
  else expectTypeOf(pet.barks).toEqualTypeOf<boolean>();
  // @ts-expect-error a dog has no lives
  const wrong: Composition["schemas"]["Pet"] = { name: "Rex", petType: "dog", lives: 9 };
  void wrong;
  void createCompositionClient({ baseUrl });
}

export async function schemaConflicts(): Promise<void> {
  const status: Conflicts["schemas"]["Status"] = { ok: true, count: 2, queues: ["a"] };
  // @ts-expect-error `ok` stays the literal `true` next to the widened index signature
  const notOk: Conflicts["schemas"]["Status"] = { ok: false };
  void [status, notOk];

  const selector: Conflicts["schemas"]["Selector"] = { type: "tags" };
  // @ts-expect-error a selector's tag is one of its own values, not its schema name
  const named: Conflicts["schemas"]["Selector"] = { type: "Selector" };
  const event: Conflicts["schemas"]["UnidirectionalEvent"] = { type: "event", message: "m" };
  // @ts-expect-error a mapped subtype carries the tag its mapping names
  const sibling: Conflicts["schemas"]["UnidirectionalEvent"] = { type: "pair", message: "m" };
  void [selector, named, event, sibling];

  // @ts-expect-error `host` is required though `properties` does not describe it
  const hostless: Conflicts["schemas"]["Listener"] = { key: "k", name: "n" };
  // @ts-expect-error so is `date`, which no allOf member describes
  const undated: Conflicts["schemas"]["Transaction"] = { type: "Transaction", amount: 1 };
  void [hostless, undated];

  const api = createSchemaConflictsClient({ baseUrl });
  await api.listListeners({ query: { per_page: 5 } });
  // @ts-expect-error the referenced parameter keeps its integer type
  await api.listListeners({ query: { per_page: "5" } });
}

export async function lenient(): Promise<void> {
  const api = createLenientClient({ baseUrl });
  await api.getPet({ path: { petId: 1 } });
  await api.renameOwner({ path: { ownerId: "o" }, body: { name: "n" } });
  expectTypeOf<Parameters<typeof api.deletePet>[0]["path"]>().toEqualTypeOf<{ petId: string }>();

  // @ts-expect-error a misspelled path parameter is called by the template's name
  await api.getPet({ path: { pet_id: 1 } });

  // @ts-expect-error a path parameter the template lacks is left out of the call
  await api.renameOwner({ path: { ownerId: "o", region: "eu" }, body: { name: "n" } });
}

/** Each component's type under its own name; a name the client already exports keeps its meaning. */
export async function namedTypes(): Promise<void> {
  const pet: named.Pet = { name: "Rex", id: 1 };
  expectTypeOf<named.Pet>().toEqualTypeOf<named.components["schemas"]["Pet"]>();
  // @ts-expect-error a Pet needs its id
  const noId: named.Pet = { name: "Rex" };
  expectTypeOf<named.PetStorePet>().toEqualTypeOf<string>();
  expectTypeOf<named.PetStorePet2>().toEqualTypeOf<named.components["schemas"]["pet-store.Pet"]>();
  expectTypeOf<named.ListPetsResultSchema>().toEqualTypeOf<string>();
  expectTypeOf<named.listPetsSchema>().toEqualTypeOf<number>();
  expectTypeOf<named.createNamedTypesClientSchema>().toEqualTypeOf<boolean>();
  expectTypeOf<named.componentsSchema>().toEqualTypeOf<string>();
  expectTypeOf<named.String>().toEqualTypeOf<string>();
  expectTypeOf<named._2faToken>().toEqualTypeOf<string>();
  expectTypeOf<named.Größe>().toEqualTypeOf<number>();
  expectTypeOf<named.Schema>().toEqualTypeOf<string>();
  expectTypeOf<named.Schema2>().toEqualTypeOf<number>();
  expectTypeOf<named.PetRequestBody>().toEqualTypeOf<named.Pet>();
  expectTypeOf<named.PetResponse>().toEqualTypeOf<named.Pet>();
  // The client's own exports are untouched by the schemas named like them.
  const client = named.createNamedTypesClient({ baseUrl });
  const result: named.ListPetsResult = await named.listPets(named.createNamedTypesTransport({ baseUrl }));
  if (result.ok && result.status === 200) expectTypeOf(result.data).toEqualTypeOf<named.Pet[]>();
  await client.createPet({ body: pet });
  void noId;
}
