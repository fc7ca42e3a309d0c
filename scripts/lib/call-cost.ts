/**
 * Per-call cost: our standalone function against a direct openapi-fetch call of the same operation, both on a stubbed
 * fetch (a fresh JSON Response per call, nothing on the network). The harness is bundled with esbuild (as an app would
 * ship it) and run in its own process; rounds alternate which side goes first, and each side's median is compared.
 */
import { execFile } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { build } from "esbuild";
import { GITHUB_QUERY_CALL, KAPSO_CALL, openapiFetchInit, ourArgs, pascal, type OneCall } from "./one-call.js";

export interface CallCostRow {
  readonly scenario: string;
  /** Median nanoseconds per call. */
  readonly oursNs: number;
  readonly openapiFetchNs: number;
}

interface Scenario {
  readonly label: string;
  readonly call: OneCall;
  /** Our output folder for the call's spec. */
  readonly out: string;
  readonly status: number;
  /** Source of the JSON body the stub answers with. */
  readonly reply: string;
  /** Source of more transport options for our side (`retry: { … }`), spread after the call's own. */
  readonly ourOptions?: string;
}

/** Builds and runs the harness; `kapsoOut` and `githubOut` are our output folders, inside `dir` (which resolves openapi-fetch). */
export async function measureCallCost(
  dir: string,
  kapsoOut: string,
  githubOut: string,
  rounds = 15,
): Promise<CallCostRow[]> {
  const scenarios: Scenario[] = [
    {
      label: "PATCH, JSON body, path parameter (200)",
      call: KAPSO_CALL,
      out: kapsoOut,
      status: 200,
      reply: `{ data: { id: "123", display_phone_number: "+1 555-0100", name: "Support" } }`,
    },
    {
      label: "GET, path and query parameters (200)",
      call: GITHUB_QUERY_CALL,
      out: githubOut,
      status: 200,
      reply: `[{ id: 1, title: "a bug", state: "open" }, { id: 2, title: "another", state: "open" }]`,
    },
    {
      label: "PATCH answered with an error status (404)",
      call: KAPSO_CALL,
      out: kapsoOut,
      status: 404,
      reply: `{ error: "phone number not found" }`,
    },
    // Against the first row: what configured retries cost a call that needs none.
    {
      label: "PATCH, JSON body, retries configured, not triggered (200)",
      call: KAPSO_CALL,
      out: kapsoOut,
      status: 200,
      reply: `{ data: { id: "123", display_phone_number: "+1 555-0100", name: "Support" } }`,
      ourOptions: `retry: { attempts: 3, backoff: { initial: 500 } }`,
    },
  ];
  const entry = join(dir, "call-cost.ts");
  await writeFile(entry, harnessSource(scenarios, rounds));
  const bundled = join(dir, "call-cost.mjs");
  await build({
    entryPoints: [entry],
    bundle: true,
    format: "esm",
    platform: "node",
    outfile: bundled,
    logLevel: "silent",
  });
  const { stdout } = await promisify(execFile)(process.execPath, [bundled], { cwd: dir, maxBuffer: 16 * 1024 * 1024 });
  return JSON.parse(stdout) as CallCostRow[];
}

function harnessSource(scenarios: readonly Scenario[], rounds: number): string {
  const imports = scenarios.map(
    (scenario, index) =>
      `import { create${pascal(scenario.call.clientName)}Transport as transport${index}, ${scenario.call.operation} as operation${index} } from ${JSON.stringify(join(scenario.out, "index.js"))};`,
  );
  const cases = scenarios.map((scenario, index) => {
    const stub = `stub(${scenario.status}, JSON.stringify(${scenario.reply}))`;
    return `{
    scenario: ${JSON.stringify(scenario.label)},
    ours: ((api) => () => operation${index}(api, ${ourArgs(scenario.call)}))(transport${index}({ ...${scenario.call.options}, baseUrl: BASE, fetch: ${stub}${scenario.ourOptions === undefined ? "" : `, ${scenario.ourOptions}`} })),
    openapiFetch: ((client) => () => client.${scenario.call.method}(${JSON.stringify(scenario.call.path)}, ${openapiFetchInit(scenario.call)}))(createClient({ baseUrl: BASE, fetch: ${stub} })),
  }`;
  });
  return `import createClient from "openapi-fetch";
${imports.join("\n")}

const BASE = "https://api.example.com";
const BATCH = 2000;
const ROUNDS = ${rounds};

function stub(status, text) {
  return async () => new Response(text, { status, headers: { "content-type": "application/json" } });
}

async function batch(call) {
  const start = process.hrtime.bigint();
  for (let index = 0; index < BATCH; index++) await call();
  return Number(process.hrtime.bigint() - start) / BATCH;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const cases = [
  ${cases.join(",\n  ")},
];
const rows = [];
for (const { scenario, ours, openapiFetch } of cases) {
  // Warm up both, so the JIT has seen each before anything is timed.
  await batch(ours);
  await batch(openapiFetch);
  const oursNs = [];
  const openapiFetchNs = [];
  for (let round = 0; round < ROUNDS; round++) {
    if (round % 2 === 0) {
      oursNs.push(await batch(ours));
      openapiFetchNs.push(await batch(openapiFetch));
    } else {
      openapiFetchNs.push(await batch(openapiFetch));
      oursNs.push(await batch(ours));
    }
  }
  rows.push({ scenario, oursNs: median(oursNs), openapiFetchNs: median(openapiFetchNs) });
}
process.stdout.write(JSON.stringify(rows));
`;
}

export function renderCallCostTable(rows: readonly CallCostRow[]): string {
  const lines = [
    "",
    "per call, stubbed fetch (medians of alternating rounds):",
    "",
    "| call | ours | openapi-fetch | ratio |",
    "| --- | --- | --- | --- |",
  ];
  for (const row of rows) {
    lines.push(
      `| ${row.scenario} | ${(row.oursNs / 1000).toFixed(1)} µs | ${(row.openapiFetchNs / 1000).toFixed(1)} µs | ${(row.oursNs / row.openapiFetchNs).toFixed(2)}× |`,
    );
  }
  return `${lines.join("\n")}\n`;
}
