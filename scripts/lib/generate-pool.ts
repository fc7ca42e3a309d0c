/**
 * Bounded concurrency for generation: one lane per slot, each lane owning one worker process (generate-worker.ts)
 * that it reuses across jobs. A job that times out or kills its process becomes an internal-error outcome, and the
 * lane starts a fresh process for its next job.
 */
import { fork, type ChildProcess } from "node:child_process";
import type { GenerateJob, GenerateOutcome } from "./generate-outcome.js";
import { oneLine } from "./text.js";

export interface PoolOptions {
  readonly concurrency: number;
  /** A job running longer than this is reported as a bug (a hang, or a blow-up on a big spec). */
  readonly timeoutMs: number;
  readonly workerScript: string;
  /** Called as each job finishes, for progress output. */
  readonly onOutcome?: (index: number, outcome: GenerateOutcome) => void;
}

/** Runs every job; the outcomes come back in the jobs' order. */
export async function generateInWorkers(
  jobs: readonly GenerateJob[],
  options: PoolOptions,
): Promise<GenerateOutcome[]> {
  const outcomes: GenerateOutcome[] = new Array<GenerateOutcome>(jobs.length);
  let next = 0;
  const takeIndex = (): number | undefined => (next < jobs.length ? next++ : undefined);
  const lane = async (): Promise<void> => {
    let worker: WorkerProcess | undefined;
    try {
      for (let index = takeIndex(); index !== undefined; index = takeIndex()) {
        const job = jobs[index];
        if (job === undefined) continue;
        if (worker === undefined || !worker.alive) worker = new WorkerProcess(options.workerScript);
        const outcome = await worker.run(index, job, options.timeoutMs);
        outcomes[index] = outcome;
        options.onOutcome?.(index, outcome);
      }
    } finally {
      worker?.stop();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency, jobs.length)) }, lane));
  return outcomes;
}

/** One forked generator process; runs one job at a time. */
class WorkerProcess {
  private readonly child: ChildProcess;
  private stderrTail = "";
  alive = true;

  constructor(script: string) {
    this.child = fork(script, [], { stdio: ["ignore", "ignore", "pipe", "ipc"] });
    this.child.stderr?.setEncoding("utf8");
    // Keep only the end: a dying process's last words (heap limit, abort) are what the report needs.
    this.child.stderr?.on("data", (chunk: string) => {
      this.stderrTail = (this.stderrTail + chunk).slice(-2000);
    });
    const dead = (): void => {
      this.alive = false;
    };
    this.child.on("exit", dead);
    this.child.on("error", dead);
  }

  run(id: number, job: GenerateJob, timeoutMs: number): Promise<GenerateOutcome> {
    const started = performance.now();
    const elapsed = (): number => Math.round(performance.now() - started);
    return new Promise((resolve) => {
      const finish = (outcome: GenerateOutcome): void => {
        clearTimeout(timer);
        this.child.off("message", onMessage);
        this.child.off("exit", onExit);
        resolve(outcome);
      };
      const onMessage = (message: unknown): void => {
        const outcome = replyFor(message, id);
        if (outcome !== undefined) finish(outcome);
      };
      const onExit = (code: number | null, signal: NodeJS.Signals | null): void => {
        const how = signal === null ? `exit code ${String(code)}` : `signal ${signal}`;
        const lastWords = lastLine(this.stderrTail);
        finish({
          kind: "internal-error",
          message: oneLine(`the generator process died (${how})${lastWords === "" ? "" : `: ${lastWords}`}`),
          ms: elapsed(),
        });
      };
      const timer = setTimeout(() => {
        this.kill();
        finish({ kind: "internal-error", message: `timed out after ${timeoutMs / 1000} s`, ms: elapsed() });
      }, timeoutMs);
      this.child.on("message", onMessage);
      this.child.on("exit", onExit);
      this.child.send({ id, ...job }, (error) => {
        if (error)
          finish({
            kind: "internal-error",
            message: oneLine(`could not hand the job to the generator process: ${error.message}`),
            ms: elapsed(),
          });
      });
    });
  }

  /** Lets the process exit on its own: with the IPC channel closed it has nothing left to wait for. */
  stop(): void {
    this.alive = false;
    if (this.child.connected) this.child.disconnect();
  }

  /** Ends this process (ours, by its handle), for a job that hangs. */
  kill(): void {
    this.alive = false;
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill("SIGKILL");
  }
}

function replyFor(message: unknown, id: number): GenerateOutcome | undefined {
  if (typeof message !== "object" || message === null) return undefined;
  const reply = message as { id?: unknown; outcome?: unknown };
  return reply.id === id && typeof reply.outcome === "object" && reply.outcome !== null
    ? (reply.outcome as GenerateOutcome)
    : undefined;
}

function lastLine(text: string): string {
  return (
    text
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line !== "")
      .pop() ?? ""
  );
}
