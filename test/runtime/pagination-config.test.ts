/** A spec's own paging convention, named in the config: checked before anything runs, then used by the plan stage. */
import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { edgeSpecPath, linkNodeModules } from "../edge/edge-specs.js";
import { removeDir, runCli, tempDir } from "../support/run.js";

let dir: string;
beforeAll(async () => {
  dir = await tempDir("pagination-config");
});
afterAll(async () => {
  await removeDir(dir);
});

async function project(name: string, pagination: unknown): Promise<string> {
  const folder = join(dir, name);
  await mkdir(folder);
  await copyFile(edgeSpecPath("paging"), join(folder, "paging.yaml"));
  await writeFile(
    join(folder, "kapso-codegen.config.json"),
    `${JSON.stringify({ apis: [{ spec: "paging.yaml", out: "gen", pagination }] }, null, 2)}\n`,
  );
  return folder;
}

describe("pagination in the config", () => {
  it("makes a list that pages by other names iterable", async () => {
    const folder = await project("named", [
      { style: "page", page: "pageNumber", items: "results", totalPages: "info.pages" },
    ]);
    // As in an app that installed openapi-fetch, so the run has nothing to warn about.
    await linkNodeModules(folder);
    const result = await runCli(["generate", "-q"], folder);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const client = await readFile(join(folder, "gen", "client.ts"), "utf8");
    expect(client).toContain("export function paginateListEvents(");
    expect(client).toMatch(
      /listEventsPages: PageConvention = \{\s*style: "page",\s*page: "pageNumber",\s*items: \["results"\],\s*totalPages: \["info", "pages"\],?\s*\}/,
    );
  }, 120_000);

  it("refuses a convention that lacks a field, at its place in the config, before generating", async () => {
    const folder = await project("incomplete", [{ style: "page", page: "pageNumber", items: "results" }]);
    const result = await runCli(["generate"], folder);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /kapso-codegen\.config\.json:\d+:\d+: apis\[0\]\.pagination\[0\] needs `totalPages` \(a string\)/,
    );
  });

  it("refuses an unknown style and a misspelt field", async () => {
    const style = await runCli(["generate"], await project("style", [{ style: "offset", items: "results" }]));
    expect(style.stderr).toMatch(/apis\[0\]\.pagination\[0\] needs `style`: "page" or "cursor"/);
    const typo = await runCli(
      ["generate"],
      await project("typo", [{ style: "cursor", cursor: "after", items: "data", nextt: "links.next" }]),
    );
    expect(typo.code).toBe(1);
    expect(typo.stderr).toMatch(/unknown key `nextt` in apis\[0\]\.pagination\[0\]; did you mean `next`\?/);
  });
});
