/**
 * `kapso-codegen watch`: regenerate whenever a spec, a file it `$ref`s, or the config file changes.
 *
 * It watches folders, not files: editors often save by writing a temporary file and renaming it over the original,
 * which replaces the file a per-file watch would follow. `fs.watch` on a folder (inotify on Linux; the recursive
 * flag is not needed) reports both plain writes and renames with the file's name, filtered here to the files that
 * matter. Changes are debounced, and runs never overlap: a change during a run starts one more run after it.
 * A run is `generate` itself, so it prints generate's normal summary, change report included; a failing run prints
 * its one-paragraph error and the watch goes on.
 */
import { watch, type FSWatcher } from "node:fs";
import { dirname, join } from "node:path";
import type { Argv } from "yargs";
import { errorCode, isFileSystemError, SpecError, UsageError } from "../errors.js";
import { isUrl } from "../load/read.js";
import { resolveRun } from "../options.js";
import { apiOptions, runGenerate, type GenerateArgs } from "./generate.js";
import { EXIT, reportError, shortPath } from "./shared.js";
import { specFiles } from "./spec-files.js";

export const DEFAULT_DEBOUNCE_MS = 200;

export interface WatchArgs extends GenerateArgs {
  /** Milliseconds without further changes before regenerating. */
  readonly debounce?: number | undefined;
}

export function watchOptions<T>(command: Argv<T>) {
  return apiOptions(command)
    .option("debounce", {
      type: "number",
      default: DEFAULT_DEBOUNCE_MS,
      describe: "Milliseconds to wait after the last change before regenerating",
    })
    .example("$0 watch", "Regenerate generated/kapso whenever specs/kapso-platform.yaml changes")
    .example(
      "$0 watch --spec api.yaml --out src/api",
      "Regenerate src/api whenever api.yaml or a file it $refs changes",
    );
}

export interface WatchRun {
  /** The files whose change started this run; empty for the first run. */
  readonly changed: readonly string[];
  /** What `generate` exited with (0, or the code of the error it printed). */
  readonly code: number;
}

export interface WatchHooks {
  /** Called after each run, the first one included, once its output is printed and the watched files are updated. */
  readonly onRun?: ((run: WatchRun) => void) | undefined;
  /** Where status lines go; stderr by default, so stdout carries only generate's own output. */
  readonly log?: ((line: string) => void) | undefined;
}

export interface Watcher {
  /** The files watched now (absolute paths): the config file, each spec, and the files they reference. */
  files(): readonly string[];
  /** Stops watching; resolves once a run in progress has finished. */
  close(): Promise<void>;
}

/** Generates once, then watches until `close()`. Throws only when there is nothing to watch or the options are wrong. */
export async function startWatch(argv: WatchArgs, hooks: WatchHooks = {}): Promise<Watcher> {
  const debounceMs = checkedDebounce(argv.debounce);
  const initial = await watchedFiles(argv);
  if (initial.files.length === 0)
    throw new UsageError("nothing to watch: the spec is a URL; watch works on spec files");
  const watcher = new SpecWatcher(argv, debounceMs, hooks);
  await watcher.start(initial.files);
  return { files: () => watcher.files(), close: () => watcher.close() };
}

export async function runWatch(argv: WatchArgs): Promise<number> {
  const log = (line: string): void => {
    if (!argv.quiet) process.stderr.write(`${line}\n`);
  };
  // Listening before anything is printed: a signal sent as soon as the "watching" line appears must not kill us.
  const stop = listenForSignals(["SIGINT", "SIGTERM"]);
  try {
    const watcher = await startWatch(argv, { log });
    log(`watching ${describeFiles(watcher.files())} for changes; press Ctrl-C to stop`);
    await stop.received;
    await watcher.close();
    log("stopped watching");
    return EXIT.ok;
  } finally {
    stop.dispose();
  }
}

function checkedDebounce(value: number | undefined): number {
  const debounce = value ?? DEFAULT_DEBOUNCE_MS;
  if (!Number.isFinite(debounce) || debounce < 0)
    throw new UsageError(`--debounce must be a number of milliseconds, 0 or more (got ${String(value)})`);
  return debounce;
}

function describeFiles(files: readonly string[]): string {
  const [first] = files;
  if (files.length === 1 && first !== undefined) return shortPath(first);
  return `${files.length} files (${files.map(shortPath).join(", ")})`;
}

interface SignalListener {
  /** Resolves with the first of the signals; the next one then kills the process as usual. */
  readonly received: Promise<NodeJS.Signals>;
  dispose(): void;
}

function listenForSignals(signals: readonly NodeJS.Signals[]): SignalListener {
  let handler: (signal: NodeJS.Signals) => void = () => undefined;
  const dispose = (): void => {
    for (const name of signals) process.off(name, handler);
  };
  const received = new Promise<NodeJS.Signals>((resolve) => {
    handler = (signal) => {
      dispose();
      resolve(signal);
    };
  });
  for (const name of signals) process.on(name, handler);
  return { received, dispose };
}

interface WatchedFiles {
  readonly files: readonly string[];
  /** False when a file could not be parsed (say, half-saved), so the files it references may be missing. */
  readonly complete: boolean;
}

/** The config file, then each local spec and the files it references. URLs cannot be watched and are left out. */
async function watchedFiles(argv: WatchArgs): Promise<WatchedFiles> {
  const run = await resolveRun(argv);
  const specs = run.apis.map((api) => api.spec).filter((spec) => !isUrl(spec));
  const perSpec = await Promise.all(specs.map((spec) => specFiles(spec)));
  const files = [...(run.configFile === undefined ? [] : [run.configFile]), ...perSpec.flatMap((found) => found.files)];
  return { files: [...new Set(files)], complete: perSpec.every((found) => found.complete) };
}

/** Runs `generate` like the command does, but prints its error instead of ending: the user is mid-edit. */
async function generateOnce(argv: WatchArgs): Promise<number> {
  try {
    return await runGenerate(argv);
  } catch (error) {
    return reportError(error);
  }
}

class SpecWatcher {
  private watched = new Set<string>();
  private readonly folders = new Map<string, FSWatcher>();
  private readonly pending = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  /** The run in progress (or the last one): runs are chained on it so they never overlap. */
  private running: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly argv: WatchArgs,
    private readonly debounceMs: number,
    private readonly hooks: WatchHooks,
  ) {}

  files(): readonly string[] {
    return [...this.watched];
  }

  async start(files: readonly string[]): Promise<void> {
    this.watchFiles(files); // before the first run, so an edit made during it is not missed
    this.running = this.run([]);
    await this.running;
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    for (const folder of this.folders.values()) folder.close();
    this.folders.clear();
    await this.running;
  }

  private async run(changed: readonly string[]): Promise<void> {
    if (changed.length > 0)
      this.log(`${new Date().toLocaleTimeString()} ${changed.map(shortPath).join(", ")} changed; regenerating`);
    const code = await generateOnce(this.argv);
    await this.refreshFiles();
    this.hooks.onRun?.({ changed, code });
  }

  private log(line: string): void {
    (this.hooks.log ?? ((text: string) => process.stderr.write(`${text}\n`)))(line);
  }

  /** After each run the set of referenced files may have changed; a half-saved file keeps what was watched before. */
  private async refreshFiles(): Promise<void> {
    let found: WatchedFiles;
    try {
      found = await watchedFiles(this.argv);
    } catch (error) {
      // A broken config or a file that cannot be read: the run reports it; keep watching what was watched.
      if (error instanceof SpecError || error instanceof UsageError || isFileSystemError(error)) return;
      throw error;
    }
    const files = found.complete ? found.files : [...this.watched, ...found.files];
    if (!this.closed) this.watchFiles(files);
  }

  private watchFiles(files: readonly string[]): void {
    this.watched = new Set(files);
    const wanted = new Set(files.map((file) => dirname(file)));
    for (const [folder, watcher] of this.folders) {
      if (wanted.has(folder)) continue;
      watcher.close();
      this.folders.delete(folder);
    }
    for (const folder of wanted) {
      if (!this.folders.has(folder)) this.watchFolder(folder);
    }
  }

  private watchFolder(folder: string): void {
    let watcher: FSWatcher;
    try {
      watcher = watch(folder, (_event, name) => this.onFolderEvent(folder, name));
    } catch (error) {
      if (errorCode(error) === "ENOENT") return; // the folder is gone; a later refresh, after the user restores it, will try again
      throw error;
    }
    watcher.on("error", () => {
      watcher.close();
      this.folders.delete(folder);
    });
    this.folders.set(folder, watcher);
  }

  private onFolderEvent(folder: string, name: string | null): void {
    // Without a name (rare, platform-dependent), any watched file in the folder may have changed.
    const candidates =
      name === null ? [...this.watched].filter((file) => dirname(file) === folder) : [join(folder, name)];
    const hits = candidates.filter((file) => this.watched.has(file));
    if (hits.length === 0 || this.closed) return;
    for (const file of hits) this.pending.add(file);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), this.debounceMs);
  }

  private flush(): void {
    this.timer = undefined;
    this.running = this.running
      .then(() => {
        if (this.closed || this.pending.size === 0) return undefined; // an earlier flush took these changes already
        const changed = [...this.pending];
        this.pending.clear();
        return this.run(changed);
      })
      .catch((error: unknown) => {
        reportError(error); // a failing onRun hook must not stop later runs
      });
  }
}
