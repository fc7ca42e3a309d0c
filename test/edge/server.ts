/**
 * A real HTTP server on 127.0.0.1 for the runtime tests: it records every request exactly as it arrived (raw URL,
 * headers, body bytes) and answers with whatever the current test sets.
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface ReceivedRequest {
  readonly method: string;
  /** The request target as sent: path and raw query string. */
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

export type Reply = (response: ServerResponse, request: ReceivedRequest) => void;

export interface TestServer {
  /** `http://127.0.0.1:<port>` */
  readonly baseUrl: string;
  readonly received: ReceivedRequest[];
  /** The reply to every following request. */
  reply(next: Reply): void;
  /** The one request received since the last reset; fails when there were none or several. */
  only(): ReceivedRequest;
  reset(): void;
  close(): Promise<void>;
}

export async function startServer(): Promise<TestServer> {
  const received: ReceivedRequest[] = [];
  let current: Reply = json(200, { ok: true });
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const entry = {
        method: request.method ?? "",
        url: request.url ?? "",
        headers: request.headers,
        body: Buffer.concat(chunks),
      };
      received.push(entry);
      current(response, entry);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    received,
    reply(next) {
      current = next;
    },
    only() {
      if (received.length !== 1) throw new Error(`expected exactly one request, got ${received.length}`);
      return received[0] as ReceivedRequest;
    },
    reset() {
      received.length = 0;
      current = json(200, { ok: true });
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

export function json(status: number, value: unknown, contentType = "application/json"): Reply {
  return (response) => {
    response.writeHead(status, { "Content-Type": contentType });
    response.end(JSON.stringify(value));
  };
}

export function text(status: number, body: string, contentType = "text/plain; charset=utf-8"): Reply {
  return (response) => {
    response.writeHead(status, { "Content-Type": contentType });
    response.end(body);
  };
}

export function bytes(status: number, body: Uint8Array, contentType: string): Reply {
  return (response) => {
    response.writeHead(status, { "Content-Type": contentType, "Content-Length": String(body.byteLength) });
    response.end(body);
  };
}

/** A status with no body at all (no Content-Type). */
export function empty(status: number): Reply {
  return (response) => {
    response.writeHead(status);
    response.end();
  };
}

/** The query string of a request target, still percent-encoded, without the `?`. */
export function rawQuery(request: ReceivedRequest): string {
  const at = request.url.indexOf("?");
  return at === -1 ? "" : request.url.slice(at + 1);
}

/** Parses a received body the way a server framework would, from its own Content-Type (multipart included). */
export async function parseForm(request: ReceivedRequest): Promise<FormData> {
  const contentType = request.headers["content-type"] ?? "";
  return new Request("http://127.0.0.1/", {
    method: "POST",
    headers: { "Content-Type": contentType },
    body: new Uint8Array(request.body),
  }).formData();
}
