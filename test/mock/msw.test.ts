/**
 * `--msw`: msw.ts turns the fixtures into Mock Service Worker handlers. A user's test intercepts the network with
 * `setupServer` from msw/node and calls the Kapso client created with no `fetch` of its own. The output is generated
 * fresh (with the CLI, as a user would) and type-checked with msw's own types.
 */
import { symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as fixtures from "../../generated/kapso/fixtures.js";
import { createKapsoClient } from "../../generated/kapso/index.js";
import type { MockFetchOptions } from "../../generated/kapso/mock.js";
import type { MswHandlers } from "../../templates/msw.js";
import { strictCompilerOptions } from "../../scripts/lib/typecheck.js";
import { kapsoSpec, removeDir, root, runCli, runTsc, tempDir } from "../support/run.js";

/** createMswHandlers of the Kapso output: the template's, with Kapso's operation names (checked by the last test). */
type CreateMswHandlers = (options?: MockFetchOptions & { readonly baseUrl?: string }) => MswHandlers;

let dir: string;
let createMswHandlers: CreateMswHandlers;
let server: ReturnType<typeof setupServer> | undefined;

beforeAll(async () => {
  dir = await tempDir("msw");
  await symlink(join(root, "node_modules"), join(dir, "node_modules"), "dir");
  await writeFile(join(dir, "package.json"), JSON.stringify({ private: true, type: "module" }));
  const generated = await runCli(["generate", "--spec", kapsoSpec, "--out", join(dir, "kapso"), "--msw", "--quiet"]);
  expect(generated.code, generated.stderr).toBe(0);
  ({ createMswHandlers } = (await import(join(dir, "kapso", "msw.ts"))) as { createMswHandlers: CreateMswHandlers });
});
afterEach(() => server?.close());
afterAll(async () => {
  await removeDir(dir);
});

/** The way a user's test sets MSW up: the handlers, and unhandled requests as errors. */
function intercept(mock: MswHandlers): void {
  server = setupServer(...mock.handlers);
  server.listen({ onUnhandledRequest: "error" });
}

describe("MSW handlers from the fixtures", () => {
  it("answer the client's documented request with the fixture, under the spec's server", async () => {
    const mock = createMswHandlers();
    intercept(mock);
    const kapso = createKapsoClient({ apiKey: "test-key" });
    const result = await kapso.updatePhoneNumber(fixtures.updatePhoneNumber.request);
    expect(result).toMatchObject({ ok: true, status: 200, data: fixtures.updatePhoneNumber.responses[200] });
    expect(mock.calls.map((call) => [call.operation, call.method, call.headers.get("x-api-key")])).toEqual([
      ["updatePhoneNumber", "PATCH", "test-key"],
    ]);
    mock.assertNoProblems();
  });

  it("answer a request that breaks the spec with 422 naming the field, and keep the problem", async () => {
    const mock = createMswHandlers();
    intercept(mock);
    const kapso = createKapsoClient({ apiKey: "test-key" });
    const body = {
      whatsapp_phone_number: { webhook_destination_url: 42 },
    } as unknown as typeof fixtures.updatePhoneNumber.request.body;
    const result = await kapso.updatePhoneNumber({ path: { phone_number_id: "pn_1" }, body });
    const problem = "updatePhoneNumber: body /whatsapp_phone_number/webhook_destination_url must be string";
    expect(result).toMatchObject({ ok: false, status: 422, error: { error: problem } });
    expect(mock.problems).toEqual([problem]);
    expect(() => mock.assertNoProblems()).toThrow(problem);
  });

  it("answer with the fixture of the status a test chooses, under the base URL it chooses", async () => {
    const mock = createMswHandlers({
      baseUrl: "http://127.0.0.1:9/platform/v1",
      responses: { updatePhoneNumber: 404 },
    });
    intercept(mock);
    const kapso = createKapsoClient({ apiKey: "test-key", baseUrl: "http://127.0.0.1:9/platform/v1" });
    const result = await kapso.updatePhoneNumber(fixtures.updatePhoneNumber.request);
    expect(result).toMatchObject({ ok: false, status: 404 });
    // Outside the base URL nothing answers: MSW's onUnhandledRequest makes the request fail.
    const elsewhere = await createKapsoClient({ apiKey: "test-key" }).updatePhoneNumber(
      fixtures.updatePhoneNumber.request,
    );
    expect(elsewhere).toMatchObject({ ok: false, status: "network" });
  });

  it("type-checks strictly against msw's types", async () => {
    const config = join(dir, "tsconfig.json");
    await writeFile(
      config,
      JSON.stringify({ compilerOptions: strictCompilerOptions, include: [join(dir, "kapso", "*.ts")] }),
    );
    const checked = await runTsc(["-p", config]);
    expect(checked.stdout + checked.stderr).toBe("");
  });
});
