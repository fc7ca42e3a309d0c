/**
 * Second threads for the work that does not wait on the main thread's: schema.ts (openapi-typescript, the heaviest
 * stage) on the types thread, started before the spec is loaded so that its own start-up (loading openapi-typescript
 * and TypeScript) overlaps the load stage; and, once the types are done, a share of the formatting on a thread of its
 * own, started only when there is some (onDemandFormatThread).
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { SchemaTypes } from "../emit/types.js";

type HelperTask =
  | { readonly kind: "types"; readonly documentJson: string }
  | { readonly kind: "format"; readonly texts: readonly string[]; readonly options: Record<string, unknown> };
export type HelperRequest = HelperTask & { readonly id: number };

/** The types thread preloads openapi-typescript; a formatting thread loads only prettier, when asked to format. */
export interface HelperData {
  readonly role: "types" | "format";
}

export type HelperReply =
  | { readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly id: number; readonly ok: false; readonly error: string; readonly stack?: string | undefined };

export interface HelperThread {
  /** schema.ts for the document (as JSON text: the thread builds its own copy, which openapi-typescript annotates). */
  types(documentJson: string): Promise<SchemaTypes>;
  /** Each text formatted by prettier with these options (plain data: no plugin objects). */
  format(texts: readonly string[], options: Record<string, unknown>): Promise<string[]>;
  /** Lets the process exit; pending requests fail. */
  close(): Promise<void>;
}

/**
 * The types thread's young generation, in MB (V8's default is several times larger). openapi-typescript allocates
 * mostly short-lived objects; a small nursery keeps the thread's memory lower while both threads are alive, where a
 * run's memory peaks (GitHub's spec: about 30 MB less peak RSS, Stripe's 20 MB), at no measurable cost in time.
 */
const TYPES_YOUNG_GENERATION_MB = 8;

/** A helper, or undefined when running from source (tests run TypeScript directly and there is no compiled worker). */
export function startHelperThread(role: HelperData["role"] = "types"): HelperThread | undefined {
  const workerFile = fileURLToPath(new URL("./helper-worker.js", import.meta.url));
  if (!existsSync(workerFile)) return undefined;
  const worker = new Worker(workerFile, {
    workerData: { role } satisfies HelperData,
    resourceLimits: role === "types" ? { maxYoungGenerationSizeMb: TYPES_YOUNG_GENERATION_MB } : undefined,
  });
  const pending = new Map<
    number,
    { resolve: (value: unknown) => void; reject: (error: Error) => void; kind: string }
  >();
  let nextId = 0;
  let stopped: Error | undefined;
  const failAll = (error: Error): void => {
    stopped ??= error;
    for (const request of pending.values()) request.reject(error);
    pending.clear();
  };
  worker.on("message", (reply: HelperReply) => {
    const request = pending.get(reply.id);
    if (request === undefined) return;
    pending.delete(reply.id);
    if (reply.ok) return request.resolve(reply.value);
    const failure = new Error(request.kind === "types" ? `openapi-typescript failed: ${reply.error}` : reply.error);
    if (reply.stack !== undefined)
      failure.stack = `${failure.name}: ${failure.message}\n  in the ${request.kind} worker: ${reply.stack}`;
    request.reject(failure);
  });
  worker.on("error", failAll);
  worker.on("exit", (code) => failAll(new Error(`the helper thread stopped with exit code ${code}`)));
  const send = <T>(request: HelperTask): Promise<T> => {
    if (stopped) return Promise.reject(stopped);
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject, kind: request.kind });
      worker.postMessage({ ...request, id });
    });
  };
  return {
    types: (documentJson) => send<SchemaTypes>({ kind: "types", documentJson }),
    format: (texts, options) => send<string[]>({ kind: "format", texts, options }),
    close: async () => {
      await worker.terminate();
    },
  };
}

/** A formatting thread started on the first batch it is handed, so a run with nothing to share starts none. */
export function onDemandFormatThread(): Pick<HelperThread, "format" | "close"> {
  let thread: HelperThread | undefined;
  return {
    format: (texts, options) => {
      thread ??= startHelperThread("format");
      return thread ? thread.format(texts, options) : Promise.reject(new Error("no compiled helper thread"));
    },
    close: async () => {
      await thread?.close();
    },
  };
}
