/** Starts and stops a real Prism mock server (@stoplight/prism-cli) for one spec, on 127.0.0.1 and a free port. */
import { spawn, type ChildProcess } from "node:child_process";
import { createServer, connect } from "node:net";
import { join } from "node:path";
import { root } from "../support/run.js";

const prismCli = join(root, "node_modules", "@stoplight", "prism-cli", "dist", "index.js");
const STARTUP_LIMIT_MS = 60_000;

export interface PrismServer {
  readonly baseUrl: string;
  /** What Prism printed so far (its request log): shown when an assertion fails. */
  log(): string;
  stop(): Promise<void>;
}

/** `prism mock --errors`: invalid requests get error responses (422, 400, 401) instead of a best-effort mock. */
export async function startPrism(spec: string): Promise<PrismServer> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [prismCli, "mock", spec, "--host", "127.0.0.1", "--port", String(port), "--errors"],
    {
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  const server: PrismServer = { baseUrl: `http://127.0.0.1:${port}`, log: () => output, stop: () => stop(child) };
  try {
    await waitUntilListening(port, child);
  } catch (error) {
    await server.stop();
    throw new Error(
      `Prism did not start for ${spec}: ${error instanceof Error ? error.message : String(error)}\n${output}`,
      { cause: error },
    );
  }
  return server;
}

/** A port the OS just handed out and released: free unless something grabs it in the next instant. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function waitUntilListening(port: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + STARTUP_LIMIT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`prism exited with code ${child.exitCode}`);
    if (await accepts(port)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`nothing listened on port ${port} within ${STARTUP_LIMIT_MS} ms`);
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/** Stops this one child process (by its pid, through the handle), and waits until it is gone. */
function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill("SIGKILL"), 5_000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.kill("SIGTERM");
  });
}
