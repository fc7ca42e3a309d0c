/** What one generation is asked to do: the options of `generate()`, read by the pipeline and the fingerprint. */
import type { PaginationConvention } from "./plan/pagination.js";

export interface GenerateOptions {
  /** Spec file path or URL. */
  readonly spec: string;
  /** Output folder of this API. */
  readonly out: string;
  /** Client name: `kapso` gives `createKapsoClient`. */
  readonly name: string;
  /** Compare only: write nothing. */
  readonly check?: boolean | undefined;
  /** Overwrite generated files that were edited by hand. */
  readonly force?: boolean | undefined;
  /** Spec examples that fail their schema, and the spec flaws the load stage repairs, are errors, not warnings. */
  readonly strict?: boolean | undefined;
  /** A folder for the hand-written runtime shared by several APIs; `out` then gets one-line re-exports of it. */
  readonly runtimeDir?: string | undefined;
  /** Also write msw.ts: Mock Service Worker handlers answering from the fixtures (the project then needs `msw` 2). */
  readonly msw?: boolean | undefined;
  /** Paging conventions of this spec's list operations, tried before the built-in ones. */
  readonly pagination?: readonly PaginationConvention[] | undefined;
  /** Called as each stage starts, to show progress on long runs. */
  readonly onStage?: ((stage: string) => void) | undefined;
}
