/**
 * A registry on 127.0.0.1 that serves only what npm's own cache holds, so another package manager (pnpm) can fill its
 * store with no network. npm's cache (cacache) keeps every registry response under the key
 * `make-fetch-happen:request-cache:<url>`: an index file named by the key's SHA-256, whose last entry gives the body's
 * integrity, and the body in a file named by that hash. Packuments are served with only the versions whose tarball is
 * cached (a resolver would otherwise pick a newer version npm never downloaded) and with tarball URLs pointing here.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";

const upstream = "https://registry.npmjs.org/";

export interface NpmCacheRegistry {
  /** Base URL, ending in `/`. */
  readonly url: string;
  /** Requests the cache could not answer: packuments or tarballs npm never fetched. */
  readonly misses: readonly string[];
  close(): Promise<void>;
}

/** The cached body of a GET of `url`, or undefined when npm never fetched it. */
export function readNpmCache(cacheDir: string, url: string): Buffer | undefined {
  const keyHash = createHash("sha256").update(`make-fetch-happen:request-cache:${url}`).digest("hex");
  const integrity = lastIntegrity(
    join(cacheDir, "_cacache", "index-v5", keyHash.slice(0, 2), keyHash.slice(2, 4), keyHash.slice(4)),
  );
  if (integrity === undefined) return undefined;
  const [algorithm, base64] = integrity.split("-");
  if (algorithm === undefined || base64 === undefined) return undefined;
  const hex = Buffer.from(base64, "base64").toString("hex");
  try {
    return readFileSync(
      join(cacheDir, "_cacache", "content-v2", algorithm, hex.slice(0, 2), hex.slice(2, 4), hex.slice(4)),
    );
  } catch {
    return undefined;
  }
}

/** Index lines are `<sha1>\t<json>`, appended; the last one with an integrity wins (a null one is a deletion). */
function lastIntegrity(indexFile: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(indexFile, "utf8");
  } catch {
    return undefined;
  }
  let found: string | undefined;
  for (const line of text.split("\n")) {
    const json = line.slice(line.indexOf("\t") + 1);
    if (json === "") continue;
    const entry = JSON.parse(json) as { integrity?: unknown };
    found = typeof entry.integrity === "string" ? (entry.integrity.split(" ")[0] ?? undefined) : undefined;
  }
  return found;
}

interface Packument {
  versions?: Record<string, { dist?: { tarball?: string } }>;
  "dist-tags"?: Record<string, string>;
  time?: Record<string, string>;
}

/** Keeps the versions whose tarball is cached; moves `latest` to the newest of them when its version is gone. */
export function onlyCachedVersions(packument: Packument, isCached: (tarballUrl: string) => boolean): Packument {
  const versions = Object.fromEntries(
    Object.entries(packument.versions ?? {}).filter(
      ([, manifest]) => manifest.dist?.tarball !== undefined && isCached(manifest.dist.tarball),
    ),
  );
  const tags = Object.fromEntries(
    Object.entries(packument["dist-tags"] ?? {}).filter(([, version]) => version in versions),
  );
  const newest = Object.keys(versions)
    .sort((a, b) => (packument.time?.[a] ?? "").localeCompare(packument.time?.[b] ?? ""))
    .at(-1);
  if (tags["latest"] === undefined && newest !== undefined) tags["latest"] = newest;
  return { ...packument, versions, "dist-tags": tags };
}

/** `/@scope%2Fname` and `/@scope/name` are the same packument; npm cached it as `@scope%2fname`. */
function upstreamUrl(requestPath: string): string {
  const path = requestPath.replace(/^\//, "").split("?")[0] ?? "";
  return upstream + (path.endsWith(".tgz") ? path : decodeURIComponent(path).replace("/", "%2f"));
}

export async function startNpmCacheRegistry(cacheDir: string): Promise<NpmCacheRegistry> {
  const misses: string[] = [];
  const bodies = new Map<string, Buffer | undefined>();
  const cached = (url: string): Buffer | undefined => {
    if (!bodies.has(url)) bodies.set(url, readNpmCache(cacheDir, url));
    return bodies.get(url);
  };
  let base = "";
  const answer = (request: IncomingMessage, response: ServerResponse): void => {
    const url = upstreamUrl(request.url ?? "/");
    const body = cached(url);
    if (body === undefined) {
      misses.push(url);
      response.writeHead(404, { "content-type": "application/json" }).end("{}");
    } else if (url.endsWith(".tgz")) {
      response.writeHead(200, { "content-type": "application/octet-stream" }).end(body);
    } else {
      const packument = onlyCachedVersions(
        JSON.parse(body.toString("utf8")) as Packument,
        (tarball) => cached(tarball) !== undefined,
      );
      response
        .writeHead(200, { "content-type": "application/json" })
        .end(JSON.stringify(packument).replaceAll(upstream, base));
    }
  };
  const server = createServer((request, response) => {
    try {
      answer(request, response);
    } catch (error) {
      response.writeHead(500).end(String(error));
    }
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    url: base,
    misses,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
