/**
 * specs/edge/hostile-strings.yaml: strings that end comments, hold line separators, backticks, `${}`, quotes,
 * `__proto__` or emoji survive generation (the output parses and runs) and travel unchanged.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as fixtures from "./__golden__/hostile-strings/fixtures.js";
import { createHostileStringsClient, type components } from "./__golden__/hostile-strings/index.js";
import { goldenDir } from "./edge-specs.js";
import { json, rawQuery, startServer, type TestServer } from "./server.js";

type Mode = components["schemas"]["Mode"];

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const client = () => createHostileStringsClient({ baseUrl: server.baseUrl });

describe("hostile strings", () => {
  it("sends every enum value, however hostile, as the exact query value", async () => {
    const modes: Mode[] = ["*/", 'a"b', "${x}", "`tick`", "\u2028", "back\\slash", "__proto__", "\u{1F680}", ""];
    for (const mode of modes) {
      server.reset();
      // `constructor` is given because the schema has that property: every object literal inherits one otherwise.
      await client().echo({ query: { mode }, body: { text: "t", mode, constructor: "c" } });
      expect(new URLSearchParams(rawQuery(server.only())).get("mode")).toBe(mode);
      expect(JSON.parse(server.only().body.toString("utf8"))).toEqual({ text: "t", mode, constructor: "c" });
    }
  });

  it("keeps `__proto__` an own property of the fixture, not its prototype", () => {
    const body: object = fixtures.echo.request.body;
    expect(Object.getPrototypeOf(body)).toBe(Object.prototype);
    expect(Object.hasOwn(body, "__proto__")).toBe(true);
    expect(Object.keys(body)).toEqual(
      expect.arrayContaining(["__proto__", "constructor", "*/", "a-b", '"quoted"', "with space", "\u{1F680}"]),
    );
  });

  it("keeps fixture strings byte for byte (line separators, backticks, template holes)", () => {
    expect(fixtures.echo.request.body.text).toBe("line\u2028separator `tick` ${hole} */");
    expect(fixtures.echo.responses[200].text).toBe("back\\slash \u2029 </script>");
  });

  it("sends the fixture's `__proto__` key on the wire and reads it back as data", async () => {
    server.reply(json(200, fixtures.echo.responses[200]));
    const result = await client().echo(fixtures.echo.request);
    const sent: unknown = JSON.parse(server.only().body.toString("utf8"));
    expect(Object.hasOwn(sent as object, "__proto__")).toBe(true);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(Object.hasOwn(result.data, "__proto__")).toBe(true);
    expect(result.data["\u{1F680}"]).toBe("rocket");
  });

  it("escapes `*/` in every doc comment that carries spec text", async () => {
    const clientSource = await readFile(join(goldenDir, "hostile-strings", "client.ts"), "utf8");
    const schema = await readFile(join(goldenDir, "hostile-strings", "schema.ts"), "utf8");
    expect(clientSource).toContain("Echo *\\/ alert('summary') /*");
    expect(clientSource).toContain("Creates a client for Hostile *\\/ API");
    expect(clientSource).not.toContain("Echo */");
    expect(schema).toContain("Every value is hostile *\\/");
    expect(schema).not.toContain("hostile */");
  });
});
