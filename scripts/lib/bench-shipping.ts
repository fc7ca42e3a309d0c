/**
 * The bench's figures about the code an app ships: bundle sizes of a one-call app, per-call cost against openapi-fetch,
 * and tsc over a two-call consumer (as tsc programs for bench.ts to measure like its others).
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { measureBundles, renderBundleTable } from "./bundle-size.js";
import { measureCallCost, renderCallCostTable } from "./call-cost.js";
import { writeConsumers } from "./consumer-typecheck.js";
import { GITHUB_CALL, KAPSO_CALL } from "./one-call.js";
import { githubSpecFile, kapsoSpecFile } from "./paths.js";

/** Where bench.ts leaves the outputs: ours from its no-op cases, Hey API's from its first measured run. */
export const OUR_GITHUB_OUT = join("noop", "github");
export const OUR_KAPSO_OUT = join("noop", "kapso");
export const HEY_API_OUT = join("openapi-ts-0", "out");

/** The tsc programs of the two-call consumers, `files` relative to `dir`. */
export async function consumerPrograms(
  dir: string,
  heyApi: boolean,
): Promise<{ label: string; files: { files: string[] } }[]> {
  const consumers = await writeConsumers(dir, githubSpecFile, OUR_GITHUB_OUT, heyApi ? HEY_API_OUT : undefined);
  return consumers.map((consumer) => ({
    label: `a two-call consumer of ${consumer.label}`,
    files: { files: [consumer.file] },
  }));
}

/** Bundles and per-call cost, once the outputs exist; returns the tables to print. */
export async function shippingReport(dir: string, heyApi: boolean): Promise<string> {
  // Hey API may be installed and still fail to run (0.99 needs a newer Node than 20): then there is nothing to bundle.
  const heyApiOut = heyApi && existsSync(join(dir, HEY_API_OUT)) ? join(dir, HEY_API_OUT) : undefined;
  const bundles = await measureBundles(dir, [
    { label: "Kapso", spec: kapsoSpecFile, out: join(dir, OUR_KAPSO_OUT), call: KAPSO_CALL },
    { label: "GitHub", spec: githubSpecFile, out: join(dir, OUR_GITHUB_OUT), call: GITHUB_CALL, heyApiOut },
  ]);
  const cost = await measureCallCost(dir, join(dir, OUR_KAPSO_OUT), join(dir, OUR_GITHUB_OUT));
  return renderBundleTable(bundles) + renderCallCostTable(cost);
}
