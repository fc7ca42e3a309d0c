/**
 * One spec through `generate()`, turned into a plain outcome that can cross a process boundary. A SpecError is the
 * generator rejecting the spec with a clear message; anything else (or a message starting "internal error") is a bug.
 */
import { formatPlace, SpecError } from "../../generator/errors.js";
import { createFixtureValidator } from "../../generator/fixtures/validate.js";
import { generate, type GenerateResult } from "../../generator/index.js";
import { repoRoot } from "./paths.js";
import { oneLine } from "./text.js";

export interface GenerateJob {
  readonly spec: string;
  readonly out: string;
  readonly name: string;
}

/** How many fixtures the output holds, and how many of them Ajv accepts against their schemas. */
export interface FixtureCount {
  readonly total: number;
  readonly valid: number;
}

export type GenerateOutcome =
  | {
      readonly kind: "generated";
      readonly operations: number;
      readonly warnings: number;
      readonly fixtures: FixtureCount;
      readonly ms: number;
    }
  | { readonly kind: "spec-error"; readonly message: string; readonly ms: number }
  | { readonly kind: "internal-error"; readonly message: string; readonly ms: number };

export async function generateOutcome(job: GenerateJob): Promise<GenerateOutcome> {
  const started = performance.now();
  const elapsed = (): number => Math.round(performance.now() - started);
  try {
    const result = await generate(job);
    const ms = elapsed();
    return {
      kind: "generated",
      operations: result.operations,
      warnings: result.warnings.length,
      fixtures: validateFixtures(result),
      ms,
    };
  } catch (error) {
    return { ...describeFailure(error), ms: elapsed() };
  }
}

/** Every fixture against its schema with Ajv itself (the pipeline screens with a faster checker first). */
function validateFixtures(result: GenerateResult): FixtureCount {
  const validate = createFixtureValidator(result.fixtures.document);
  const valid = result.fixtures.values.filter(
    (fixture) => validate(fixture.schemaPointer, fixture.value, { direction: fixture.direction }).length === 0,
  );
  return { total: result.fixtures.values.length, valid: valid.length };
}

export function describeFailure(error: unknown): { kind: "spec-error" | "internal-error"; message: string } {
  if (error instanceof SpecError && !error.message.startsWith("internal error")) {
    const place = { ...error.place, file: shortFile(error.place.file) };
    return { kind: "spec-error", message: oneLine(`${formatPlace(place)}: ${error.message}`) };
  }
  if (error instanceof Error)
    return { kind: "internal-error", message: oneLine(`${error.name}: ${error.message}${whereThrown(error)}`) };
  return { kind: "internal-error", message: oneLine(`thrown non-error: ${String(error)}`) };
}

/** The first stack frame, so the report points at the code that threw. */
function whereThrown(error: Error): string {
  const frame = error.stack?.split("\n").find((line) => line.trim().startsWith("at "));
  return frame === undefined ? "" : ` (${shortFile(frame.trim())})`;
}

/** Paths inside the repository, relative to it, so the report reads the same on every machine. */
function shortFile(text: string): string {
  return text.replaceAll(`file://${repoRoot}/`, "").replaceAll(`${repoRoot}/`, "");
}
