/** A real HTTP server on 127.0.0.1 whose answers each test scripts, recording every request it receives. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface ReceivedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage["headers"];
  readonly body: string;
  /** Milliseconds since the server started, to measure the waits between attempts. */
  readonly at: number;
}

/** Answers one request; `index` counts the requests received so far (0 for the first). */
export type Handler = (request: ReceivedRequest, response: ServerResponse, index: number) => void;

export interface ScriptedServer {
  readonly baseUrl: string;
  readonly requests: ReceivedRequest[];
  /** Replaces the handler and forgets earlier requests. */
  script(handler: Handler): void;
  close(): Promise<void>;
}

export async function startServer(): Promise<ScriptedServer> {
  const started = performance.now();
  const requests: ReceivedRequest[] = [];
  let handler: Handler = (_, response) => json(response, 404, { error: "not scripted" });
  const server: Server = createServer((incoming, response) => {
    const chunks: Buffer[] = [];
    incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
    incoming.on("end", () => {
      const request = {
        method: incoming.method ?? "",
        url: incoming.url ?? "",
        headers: incoming.headers,
        body: Buffer.concat(chunks).toString("utf8"),
        at: performance.now() - started,
      };
      requests.push(request);
      handler(request, response, requests.length - 1);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    script(next) {
      handler = next;
      requests.length = 0;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function json(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, { "content-type": "application/json", ...headers });
  response.end(JSON.stringify(body));
}
