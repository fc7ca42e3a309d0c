/**
 * The format stage: prettier, with the user's config for the output folder resolved once, each file formatted once.
 * Large files are formatted in runs of whole statements (chunks.ts), which the main thread and the helper thread share:
 * the text is the one formatting the whole file gives, in about half the time on two cores.
 */
import { join } from "node:path";
import { splitTopLevel } from "./chunks.js";
import { isDefaultShape, PRINT_WIDTH } from "./shape.js";

export interface OutputFile {
  /** Path relative to the output folder, with forward slashes. */
  readonly path: string;
  readonly text: string;
}

/** A file to format, and, when the generator knows it, its text as prettier formats it at the default options (shape.ts). */
export interface SourceFile extends OutputFile {
  readonly shaped?: string | undefined;
}

/** What formats a batch of texts with the given options on another thread (parallel/helper-thread.ts). */
export interface FormatHelper {
  format(texts: readonly string[], options: Record<string, unknown>): Promise<string[]>;
}

/** Files larger than this are left as printed: prettier's cost grows with size and printed code is already tidy. */
const FORMAT_LIMIT = 1_000_000;
/** Size of the runs a large file is formatted in: small enough to share out, large enough that a run is few messages. */
const RUN_SIZE = 48_000;

export async function formatFiles(
  files: readonly SourceFile[],
  outDir: string,
  helper?: FormatHelper,
): Promise<OutputFile[]> {
  const formatter = await createFormatter(outDir);
  const results = files.map((file) => formatter.format(file));
  if (helper !== undefined) formatter.share(helper);
  return Promise.all(results);
}

export interface Formatter {
  /**
   * The file as prettier formats it; starts at once on this thread (between other work) and on a helper, once shared.
   * A file's `shaped` text is taken as it is when prettier would run at its defaults.
   */
  format(file: SourceFile): Promise<OutputFile>;
  /** Lets a helper take runs from the queue from now on. */
  share(helper: FormatHelper): void;
}

interface Job {
  readonly text: string;
  readonly options: Record<string, unknown>;
  readonly resolve: (text: string) => void;
  readonly reject: (error: unknown) => void;
}

export async function createFormatter(outDir: string, runSize = RUN_SIZE): Promise<Formatter> {
  const prettier = await import("prettier");
  const config = (await prettier.resolveConfig(join(outDir, "index.ts"), { editorconfig: true })) ?? {};
  const defaultShape = isDefaultShape(config);
  const optionsFor = (path: string): Record<string, unknown> => ({
    printWidth: PRINT_WIDTH,
    ...config,
    parser: "typescript",
    filepath: join(outDir, path),
  });
  const splittable = canSplit(config);
  const queue: Job[] = [];
  let mainDraining = false;

  const drainOnMain = async (): Promise<void> => {
    if (mainDraining) return;
    mainDraining = true;
    for (let job = queue.shift(); job !== undefined; job = queue.shift()) {
      const current = job;
      await prettier.format(current.text, current.options).then(current.resolve, current.reject);
      // Back to the event loop between runs: the helper's messages (its schema.ts, its formatted runs) get through.
      await new Promise((resolve) => setImmediate(resolve));
    }
    mainDraining = false;
  };
  const enqueue = (text: string, options: Record<string, unknown>): Promise<string> =>
    new Promise((resolve, reject) => {
      queue.push({ text, options, resolve, reject });
      void drainOnMain();
    });

  return {
    async format(file) {
      if (file.text.length > FORMAT_LIMIT) return { path: file.path, text: file.text };
      if (defaultShape && file.shaped !== undefined) return { path: file.path, text: file.shaped };
      if (!splittable || file.text.length <= runSize)
        return { path: file.path, text: await prettier.format(file.text, optionsFor(file.path)) };
      const runs = splitTopLevel(file.text, runSize);
      const options = optionsFor(file.path);
      const formatted = await Promise.all(runs.map((run) => enqueue(run, options).catch(() => undefined)));
      // A run that did not parse on its own means the split was not between statements: format the file whole.
      if (formatted.some((text) => text === undefined))
        return { path: file.path, text: await prettier.format(file.text, optionsFor(file.path)) };
      return { path: file.path, text: formatted.join("\n") };
    },
    share(helper) {
      void (async () => {
        for (let batch = takeBatch(queue, runSize); batch.length > 0; batch = takeBatch(queue, runSize)) {
          try {
            const texts = await helper.format(
              batch.map((job) => job.text),
              batch[0]?.options ?? {},
            );
            batch.forEach((job, index) => job.resolve(texts[index] ?? ""));
          } catch {
            // The helper could not format the batch (a run that does not parse, or the thread is gone): this thread decides.
            queue.unshift(...batch);
            void drainOnMain();
            return;
          }
        }
      })();
    },
  };
}

/**
 * Runs of one file from the end of the queue, up to about two run sizes: the helper gets work in few messages, and the
 * last run is left to this thread, which takes from the front.
 */
function takeBatch(queue: Job[], runSize: number): Job[] {
  const batch: Job[] = [];
  let size = 0;
  while (
    queue.length > 1 &&
    size < 2 * runSize &&
    (batch[0] === undefined || queue[queue.length - 1]?.options === batch[0].options)
  ) {
    const job = queue.pop();
    if (job === undefined) break;
    batch.push(job);
    size += job.text.length;
  }
  return batch;
}

/**
 * Whether statements may be formatted apart: not when a plugin could look at the whole file (sorting imports, say), when
 * a pragma decides whether the file is formatted at all, or when line endings are not plain `\n` (runs are joined by it).
 */
function canSplit(config: Record<string, unknown>): boolean {
  const plugins = config["plugins"];
  if (Array.isArray(plugins) ? plugins.length > 0 : plugins !== undefined) return false;
  if (config["requirePragma"] === true || config["insertPragma"] === true) return false;
  if (config["rangeStart"] !== undefined || config["rangeEnd"] !== undefined) return false;
  return config["endOfLine"] === undefined || config["endOfLine"] === "lf";
}
