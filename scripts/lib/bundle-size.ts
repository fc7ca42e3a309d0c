/**
 * What an app pays in bytes: a one-call app bundled with esbuild (bundle, minify, ESM, browser), for our standalone
 * function, our grouped client, openapi-typescript + openapi-fetch and, when its output is there, Hey API's SDK.
 */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import {
  groupedApp,
  heyApiApp,
  openapiFetchApp,
  standaloneApp,
  writeOpenapiTypescriptTypes,
  type OneCall,
} from "./one-call.js";

export interface BundleSize {
  /** Minified bytes. */
  readonly bytes: number;
  readonly gzip: number;
  /** The bundle itself, to look into. */
  readonly text: string;
}

/** Bundles `entry` the way a browser app ships: everything inlined, minified, unused code dropped. */
export async function bundleApp(entry: string): Promise<BundleSize> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    write: false,
    logLevel: "silent",
  });
  const [output] = result.outputFiles;
  if (output === undefined) throw new Error(`esbuild wrote nothing for ${entry}`);
  return { bytes: output.contents.byteLength, gzip: gzipSync(output.contents).byteLength, text: output.text };
}

export interface BundleTarget {
  /** `Kapso`, `GitHub`. */
  readonly label: string;
  readonly spec: string;
  /** Our generated output folder for the spec. */
  readonly out: string;
  readonly call: OneCall;
  /** Hey API's output folder for the spec, when it was generated. */
  readonly heyApiOut?: string | undefined;
}

export interface BundleRow {
  readonly spec: string;
  readonly app: string;
  readonly size: BundleSize;
}

/** Writes each app into `dir` (which must resolve openapi-fetch) and bundles it. */
export async function measureBundles(dir: string, targets: readonly BundleTarget[]): Promise<BundleRow[]> {
  const rows: BundleRow[] = [];
  for (const target of targets) {
    const key = target.label.toLowerCase();
    const types = join(dir, `bundle-${key}-paths.ts`);
    await writeOpenapiTypescriptTypes(target.spec, types);
    const apps = [
      { app: "openapi-typescript + openapi-fetch", source: openapiFetchApp([target.call], `./bundle-${key}-paths.js`) },
      { app: "ours, standalone function", source: standaloneApp([target.call], join(target.out, "index.js")) },
      { app: "ours, grouped client", source: groupedApp([target.call], join(target.out, "index.js")) },
      ...(target.heyApiOut === undefined
        ? []
        : [{ app: "Hey API", source: heyApiApp([target.call], join(target.heyApiOut, "index")) }]),
    ];
    for (const [index, app] of apps.entries()) {
      const entry = join(dir, `bundle-${key}-${index}.ts`);
      await writeFile(entry, app.source);
      rows.push({ spec: target.label, app: app.app, size: await bundleApp(entry) });
    }
  }
  return rows;
}

/** A table of bytes and gzip bytes, each with its ratio to openapi-typescript + openapi-fetch for the same spec. */
export function renderBundleTable(rows: readonly BundleRow[]): string {
  const lines = [
    "",
    "one-call app, esbuild --bundle --minify --format=esm:",
    "",
    "| spec | app | minified | gzip | ratio (minified) | ratio (gzip) |",
    "| --- | --- | --- | --- | --- | --- |",
  ];
  for (const row of rows) {
    const base = rows.find(
      (candidate) => candidate.spec === row.spec && candidate.app.startsWith("openapi-typescript"),
    );
    const ratio = (pick: (size: BundleSize) => number): string =>
      base === undefined ? "n/a" : `${(pick(row.size) / pick(base.size)).toFixed(2)}×`;
    lines.push(
      `| ${row.spec} | ${row.app} | ${row.size.bytes.toLocaleString("en")} B | ${row.size.gzip.toLocaleString("en")} B | ${ratio((size) => size.bytes)} | ${ratio((size) => size.gzip)} |`,
    );
  }
  return `${lines.join("\n")}\n`;
}
