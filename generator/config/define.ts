/** The shape of `kapso-codegen.config.{ts,mjs,js,json}`, and `defineConfig` to type it. */
import type { PaginationConvention } from "../plan/pagination.js";

export type { PaginationConvention };

export interface ApiConfig {
  /** Client name: `kapso` gives `createKapsoClient`. Defaults to the `out` folder's name. */
  readonly name?: string;
  /** Spec file (relative to the config file) or http(s) URL. */
  readonly spec: string;
  /** Output folder, relative to the config file. Defaults to `generated/<name>`. */
  readonly out?: string;
  /** Also write msw.ts, Mock Service Worker handlers answering from the fixtures (the project needs `msw` 2). */
  readonly msw?: boolean;
  /**
   * How this spec's list operations page, when not by a built-in convention (Kapso's `page` + `meta.total_pages`, or
   * an `after` cursor with a `next` link): each gives the query parameter and dotted paths into the success body, e.g.
   * `{ style: "page", page: "pageNumber", items: "results", totalPages: "info.pages" }`. Tried first, in order.
   */
  readonly pagination?: readonly PaginationConvention[];
}

export interface KapsoCodegenConfig {
  readonly apis: readonly ApiConfig[];
  /**
   * Folder for the hand-written runtime, shared by all APIs (relative to the config file). Defaults to `runtime` beside
   * the first API's folder when there are several APIs; with one API the runtime lives in its folder.
   */
  readonly runtime?: string;
  /** Spec examples that fail their own schema are errors, not warnings. */
  readonly strict?: boolean;
}

/** Identity at run time; gives the config file its types. */
export function defineConfig(config: KapsoCodegenConfig): KapsoCodegenConfig {
  return config;
}
