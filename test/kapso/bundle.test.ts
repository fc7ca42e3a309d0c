/**
 * What an app ships: a one-call app bundled with esbuild (bundle, minify, ESM) keeps the operation it calls and drops
 * the others, the fixtures and the mock; the grouped client keeps every operation.
 */
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { generate } from "../../generator/index.js";
import { linkNodeModules } from "../../scripts/lib/typecheck.js";
import { bundleApp } from "../../scripts/lib/bundle-size.js";
import { groupedApp, KAPSO_CALL, standaloneApp, type OneCall } from "../../scripts/lib/one-call.js";
import { committedKapso, removeDir, root, tempDir } from "../support/run.js";

let dir: string;
beforeAll(async () => {
  dir = await tempDir("bundle");
  await linkNodeModules(dir); // the generated runtime takes its middleware types from openapi-fetch, as in an app
});
afterAll(async () => {
  await removeDir(dir);
});

async function bundled(name: string, source: string): Promise<string> {
  const entry = join(dir, `${name}.ts`);
  await writeFile(entry, source);
  return (await bundleApp(entry)).text;
}

/** Every string of a fixtures module's values, at least `minimum` long, that the client's own source does not hold. */
async function fixtureOnlyStrings(out: string, minimum = 12): Promise<string[]> {
  const fixtures = (await import(join(out, "fixtures.ts"))) as Record<string, unknown>;
  const client = await readFile(join(out, "client.ts"), "utf8");
  const strings = new Set<string>();
  const walk = (value: unknown): void => {
    if (typeof value === "string" && value.length >= minimum && !client.includes(value)) strings.add(value);
    else if (typeof value === "object" && value !== null) Object.values(value).forEach(walk);
  };
  walk(fixtures);
  return [...strings].sort();
}

describe("generated/kapso, bundled", () => {
  it("a one-call app keeps its operation and drops the other operation, the fixtures and the mock", async () => {
    const text = await bundled("kapso-one", standaloneApp([KAPSO_CALL], join(committedKapso, "index.js")));
    expect(text).toContain('"/whatsapp/phone_numbers/{phone_number_id}"');
    expect(text).not.toContain("/customers/{customer_id}/whatsapp/phone_numbers");
    // A fixture of connectPhoneNumber's request, and one every fixture-only string stands for.
    expect(text).not.toContain("EAABsbCS...long-lived-token");
    const fixtureStrings = await fixtureOnlyStrings(committedKapso);
    expect(fixtureStrings).toContain("EAABsbCS...long-lived-token");
    for (const fixture of fixtureStrings) expect(text).not.toContain(fixture);
    expect(text).not.toContain("createMockFetch");
  });

  it("keeps only the serializers its operations name: a JSON PATCH bundles no query writer and no form encoder", async () => {
    const patch = await bundled("kapso-patch", standaloneApp([KAPSO_CALL], join(committedKapso, "index.js")));
    const list: OneCall = {
      clientName: "kapso",
      operation: "listPhoneNumberWebhooks",
      method: "GET",
      path: "/whatsapp/phone_numbers/{phone_number_id}/webhooks",
      pathParams: `{ phone_number_id: "123" }`,
      query: `{ page: 2, active: true }`,
      options: `{ apiKey: "key" }`,
    };
    const withQuery = await bundled("kapso-list", standaloneApp([list], join(committedKapso, "index.js")));
    // `deepObject` is a style only the query writer knows; `FormData` only the multipart encoder uses.
    expect(withQuery).toContain("deepObject");
    expect(patch).not.toContain("deepObject");
    expect(patch).not.toContain("FormData");
    // The runtime fills paths itself: nothing of openapi-fetch's client is bundled.
    expect(patch).not.toContain("allowReserved");
  });

  it("an app with the grouped client keeps every operation", async () => {
    const text = await bundled("kapso-grouped", groupedApp([KAPSO_CALL], join(committedKapso, "index.js")));
    expect(text).toContain('"/whatsapp/phone_numbers/{phone_number_id}"');
    expect(text).toContain('"/customers/{customer_id}/whatsapp/phone_numbers"');
    expect(text).not.toContain("EAABsbCS...long-lived-token");
  });
});

describe("specs/features.yaml, bundled", () => {
  const spec = join(root, "specs", "features.yaml");
  const call: OneCall = {
    clientName: "features",
    operation: "getProject",
    method: "GET",
    path: "/projects/{projectId}",
    pathParams: `{ projectId: "p-1" }`,
    options: `{ bearerAuth: "token" }`,
  };

  it("a one-call app keeps only the paths of the operation it calls", async () => {
    const out = join(dir, "features");
    await generate({ spec, out, name: "features" });
    const paths = Object.keys((parse(await readFile(spec, "utf8")) as { paths: Record<string, unknown> }).paths);
    expect(paths.length).toBeGreaterThan(2);
    const text = await bundled("features-one", standaloneApp([call], join(out, "index.js")));
    expect(text).toContain(`"${call.path}"`);
    for (const other of paths.filter((path) => path !== call.path)) expect(text).not.toContain(`"${other}"`);
    const fixtureStrings = await fixtureOnlyStrings(out, 8);
    expect(fixtureStrings.length).toBeGreaterThan(0);
    for (const fixture of fixtureStrings) expect(text).not.toContain(fixture);
  });
});
