/**
 * Connects the fixture emitter to the fixtures engine: picks each value (spec example first, else synthesized) and
 * collects the spec examples that fail their own schema, with their place in the spec, as warnings.
 */
import type { SourcePlace } from "../errors.js";
import { closeToSchema } from "../fixtures/close.js";
import { conforms } from "../fixtures/conforms.js";
import type { SchemaScope } from "../fixtures/schema.js";
import { openApiVersionOf } from "../fixtures/json-schema-dialect.js";
import { pickFixture, pickParameterFixture } from "../fixtures/pick.js";
import { resolvePointer } from "../pointer.js";
import { createFixtureValidator, type FixtureValidator } from "../fixtures/validate.js";
import { NO_FIXTURE, type FixtureValues } from "./fixtures.js";
import type { PickedFixture } from "../fixtures/pick.js";

export interface ExampleWarning {
  readonly place: SourcePlace;
  /** JSON pointer of the failing value inside the example. */
  readonly valuePointer: string;
  readonly message: string;
}

/** One value the fixtures hold, with the schema it is meant to satisfy (for checks outside the pipeline). */
export interface EmittedFixture {
  readonly schemaPointer: string;
  readonly direction: "request" | "response";
  readonly value: unknown;
}

export function createFixtureValues(
  document: Record<string, unknown>,
  locate: (pointer: string) => SourcePlace,
): { values: FixtureValues; warnings: ExampleWarning[]; emitted: EmittedFixture[] } {
  const emitted: EmittedFixture[] = [];
  const record = (schemaPointer: string, direction: "request" | "response", value: unknown): unknown => {
    if (value !== NO_FIXTURE && resolvePointer(document, schemaPointer) !== undefined) emitted.push({ schemaPointer, direction, value });
    return value;
  };
  const validate = screenedValidator(document);
  const scope = { document, version: openApiVersionOf(document) };
  const warnings: ExampleWarning[] = [];
  const seen = new Set<string>();
  const report = (issues: ReadonlyArray<{ examplePointer: string; pointer: string; message: string }>): void => {
    for (const issue of issues) {
      const key = `${issue.examplePointer}\u0000${issue.pointer}\u0000${issue.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      warnings.push({ place: locate(issue.examplePointer), valuePointer: issue.pointer, message: issue.message });
    }
  };
  // Asked first whether a parameter has an example, then for its value: pick it once.
  const parameterPicks = new Map<string, PickedFixture>();
  const pickParameter = (parameterPointer: string): PickedFixture => {
    let picked = parameterPicks.get(parameterPointer);
    if (picked === undefined) {
      picked = pickParameterFixture({ document, parameterPointer }, validate);
      parameterPicks.set(parameterPointer, picked);
    }
    return picked;
  };
  const values: FixtureValues = {
    parameter(parameterPointer) {
      const picked = pickParameter(parameterPointer);
      report(picked.issues);
      return record(`${parameterPointer}/schema`, "request", usable(picked, resolvePointer(document, `${parameterPointer}/schema`), scope));
    },
    hasExample(parameterPointer) {
      return pickParameter(parameterPointer).source !== "synthesized";
    },
    body(mediaTypePointer, direction) {
      const picked = pickFixture({ document, mediaTypePointer, direction }, validate);
      report(picked.issues);
      return record(`${mediaTypePointer}/schema`, direction, usable(picked, resolvePointer(document, `${mediaTypePointer}/schema`), scope));
    },
  };
  return { values, warnings, emitted };
}

/**
 * A synthesized value that still fails its schema (the schema admits none we can build) is left out. Values lose the
 * keys their schema does not declare (spec examples, also those the synthesizer borrows for properties), which the
 * generated types (closed object types) would reject.
 */
function usable(picked: PickedFixture, schema: unknown, scope: SchemaScope): unknown {
  const failed = picked.source === "synthesized" && picked.issues.some((issue) => issue.examplePointer === picked.sourcePointer);
  if (failed) return NO_FIXTURE;
  return schema === undefined ? picked.value : closeToSchema(picked.value, schema, scope);
}

/**
 * Ajv compiles every schema it checks, which costs seconds on a spec the size of GitHub's. Most values pass the small
 * synchronous check the synthesizer uses; only those that do not go to Ajv, which then decides and words the issue.
 * (The tests hold every fixture of the corpus to Ajv itself.)
 */
function screenedValidator(document: Record<string, unknown>): FixtureValidator {
  let ajv: FixtureValidator | undefined;
  let worded = 0;
  const scope = { document, version: openApiVersionOf(document) };
  return (schemaPointer, value, options) => {
    if (conforms(value, resolvePointer(document, schemaPointer), scope)) return [];
    // Past a few dozen, a spec's broken examples are counted, not each compiled and worded by Ajv: on a spec with
    // hundreds of them that would cost seconds for lines nobody reads.
    if (worded >= WORDED_ISSUES) return [{ pointer: "", message: "does not match its schema (not worded: too many examples fail)" }];
    ajv ??= createFixtureValidator(document);
    const issues = ajv(schemaPointer, value, options);
    if (issues.length > 0) worded++;
    return issues;
  };
}

const WORDED_ISSUES = 50;
