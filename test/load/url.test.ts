/** A spec given as a URL: relative refs inside it resolve against the URL, served here by a real local HTTP server. */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolvePointer } from "../../generator/spec/pointer.js";
import { loadSpec } from "../../generator/load/index.js";
import { placeOf, refsIn, specErrorOf } from "./helpers.js";

const main = [
  "openapi: 3.0.3",
  'info: { title: Remote, version: "1" }',
  "paths:",
  "  /pets/{petId}:",
  "    get:",
  "      parameters:",
  "        - { name: petId, in: path, required: true, schema: { type: string } }",
  "      responses:",
  '        "200":',
  "          description: ok",
  "          content:",
  "            application/json:",
  "              schema:",
  "                $ref: schemas/pet.yaml",
  "",
].join("\n");
const pet = "type: object\nrequired: [name]\nproperties:\n  name:\n    type: string\n  parent:\n    $ref: ./pet.yaml\n";
const files: Record<string, string> = {
  "/api/openapi.yaml": main,
  "/api/schemas/pet.yaml": pet,
  "/api/broken.yaml": main.replace("schemas/pet.yaml", "schemas/missing.yaml"),
};

let server: Server;
let base: string;
const requested: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    requested.push(request.url ?? "");
    const body = files[request.url ?? ""];
    response.writeHead(body === undefined ? 404 : 200, { "content-type": "application/yaml" });
    response.end(body ?? "not found");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe("a spec at a URL", () => {
  it("downloads each file once, resolves refs against the URL of the file that wrote them, and bundles them", async () => {
    requested.length = 0;
    const spec = await loadSpec(`${base}/api/openapi.yaml`);
    expect(requested.sort()).toEqual(["/api/openapi.yaml", "/api/schemas/pet.yaml"]);
    expect(spec.files).toEqual([`${base}/api/openapi.yaml`, `${base}/api/schemas/pet.yaml`]);
    expect(
      resolvePointer(spec.document, "/paths/~1pets~1{petId}/get/responses/200/content/application~1json/schema"),
    ).toEqual({ $ref: "#/components/schemas/pet" });
    expect(resolvePointer(spec.document, "/components/schemas/pet/properties/parent")).toEqual({
      $ref: "#/components/schemas/pet",
    });
    expect(refsIn(spec.document).every((ref) => ref.startsWith("#/"))).toBe(true);
    expect(spec.locate("/components/schemas/pet/required")).toEqual({
      file: `${base}/api/schemas/pet.yaml`,
      ...placeOf(pet, "required"),
      pointer: "/required",
    });
  });

  it("names the URL and the $ref when a referenced file is missing", async () => {
    const error = await specErrorOf(loadSpec(`${base}/api/broken.yaml`));
    expect(error.message).toBe(
      `broken $ref "schemas/missing.yaml": cannot download ${base}/api/schemas/missing.yaml: HTTP 404`,
    );
    expect(error.place).toEqual({
      file: `${base}/api/broken.yaml`,
      ...placeOf(files["/api/broken.yaml"] ?? "", "$ref"),
      pointer: "/paths/~1pets~1{petId}/get/responses/200/content/application~1json/schema/$ref",
    });
  });

  it("says so when the spec itself cannot be downloaded", async () => {
    const error = await specErrorOf(loadSpec(`${base}/api/nope.yaml`));
    expect(error.message).toBe("cannot download the spec: HTTP 404");
    expect(error.place).toEqual({ file: `${base}/api/nope.yaml` });
  });

  it("names the cause when nothing answers at the address: the refused connection, with its address", async () => {
    const closed = createServer();
    await new Promise<void>((done) => closed.listen(0, "127.0.0.1", done));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((done) => closed.close(() => done()));
    const error = await specErrorOf(loadSpec(`http://127.0.0.1:${port}/openapi.yaml`));
    expect(error.message).toBe(`cannot download the spec: fetch failed (connect ECONNREFUSED 127.0.0.1:${port})`);
  });

  it("names the cause when the host name does not resolve", async () => {
    // .invalid never resolves (RFC 2606), so this needs no network.
    const error = await specErrorOf(loadSpec("http://no-such-host.invalid/openapi.yaml"));
    expect(error.message).toMatch(
      /^cannot download the spec: fetch failed \(getaddrinfo (ENOTFOUND|EAI_AGAIN) no-such-host\.invalid\)$/,
    );
  });
});
