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
import { decodePointerToken, resolvePointer } from "../spec/pointer.js";
import { createFixtureValidator, type FixtureValidator } from "../fixtures/validate.js";
import { NO_FIXTURE, type FixtureValues } from "./fixtures.js";
import type { PickedFixture } from "../fixtures/pick.js";

export interface ExampleWarning {
  readonly place: SourcePlace;
  /** JSON pointer of the failing value inside the example. */
  readonly valuePointer: string;
  readonly message: string;
}

/** A part of the output left out or typed loosely because TypeScript cannot hold it as the spec says, and where. */
export interface OutputWarning {
  readonly place: SourcePlace;
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
): { values: FixtureValues; warnings: ExampleWarning[]; omitted: OutputWarning[]; emitted: EmittedFixture[] } {
  const emitted: EmittedFixture[] = [];
  const record = (schemaPointer: string, direction: "request" | "response", value: unknown): unknown => {
    if (value !== NO_FIXTURE && resolvePointer(document, schemaPointer) !== undefined)
      emitted.push({ schemaPointer, direction, value });
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
  const omitted: OutputWarning[] = [];
  // A body shared through a $ref is met once per operation that uses it: one warning is enough.
  const omit = (pointer: string, message: string): void => {
    const key = `${pointer}\u0000${message}`;
    if (seen.has(key)) return;
    seen.add(key);
    omitted.push({ place: locate(pointer), message });
  };
  /** The value, unless TypeScript could not check it against its type: then it is left out, with a warning. */
  const typeable = (picked: PickedFixture, value: unknown): unknown => {
    if (value === NO_FIXTURE || nestingDepth(value) <= MAX_FIXTURE_NESTING) return value;
    omit(
      picked.sourcePointer,
      `fixture left out: the value nests deeper than TypeScript checks (over ${MAX_FIXTURE_NESTING} levels)`,
    );
    return NO_FIXTURE;
  };
  const values: FixtureValues = {
    parameter(parameterPointer) {
      const picked = pickParameter(parameterPointer);
      report(picked.issues);
      const schemaPointer = `${parameterPointer}/schema`;
      return record(
        schemaPointer,
        "request",
        typeable(picked, usable(picked, resolvePointer(document, schemaPointer), scope)),
      );
    },
    hasExample(parameterPointer) {
      return pickParameter(parameterPointer).source !== "synthesized";
    },
    body(mediaTypePointer, direction, bytes = false) {
      const picked = pickFixture({ document, mediaTypePointer, direction }, validate);
      report(picked.issues);
      const schemaPointer = `${mediaTypePointer}/schema`;
      const value = typeable(picked, usable(picked, resolvePointer(document, schemaPointer), scope));
      if (!bytes || value === NO_FIXTURE || typeof value === "string") return record(schemaPointer, direction, value);
      // The generated type of a binary body takes bytes (a string among them), never an object or a number.
      if (
        resolvePointer(document, schemaPointer) === undefined ||
        validate(schemaPointer, "", { direction }).length === 0
      )
        return record(schemaPointer, direction, "");
      const mediaType = decodePointerToken(mediaTypePointer.slice(mediaTypePointer.lastIndexOf("/") + 1));
      omit(
        picked.sourcePointer,
        `request fixture left out: the body's schema admits no string, but the generated type of a "${mediaType}" body takes only bytes (Blob, ArrayBuffer, string…)`,
      );
      return NO_FIXTURE;
    },
  };
  return { values, warnings, omitted, emitted };
}

/** TypeScript gives up comparing an object literal with its type past about 100 levels (TS2321); fixtures sit inside two. */
const MAX_FIXTURE_NESTING = 64;

/** Levels of objects and arrays in a value (a spec example may be deep; the load stage caps it). */
function nestingDepth(value: unknown): number {
  if (typeof value !== "object" || value === null) return 0;
  let deepest = 0;
  for (const child of Object.values(value)) deepest = Math.max(deepest, nestingDepth(child));
  return deepest + 1;
}

/**
 * A synthesized value that still fails its schema (the schema admits none we can build) is left out. Values lose the
 * keys their schema does not declare (spec examples, also those the synthesizer borrows for properties), which the
 * generated types (closed object types) would reject.
 */
function usable(picked: PickedFixture, schema: unknown, scope: SchemaScope): unknown {
  const failed =
    picked.source === "synthesized" && picked.issues.some((issue) => issue.examplePointer === picked.sourcePointer);
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
    if (worded >= WORDED_ISSUES)
      return [{ pointer: "", message: "does not match its schema (not worded: too many examples fail)" }];
    ajv ??= createFixtureValidator(document);
    const issues = ajv(schemaPointer, value, options);
    if (issues.length > 0) worded++;
    return issues;
  };
}

const WORDED_ISSUES = 50;
