/**
 * Connects the fixture emitter to the fixtures engine: picks each value (spec example first, else synthesized) and
 * collects the spec examples that fail their own schema, with their place in the spec, as warnings.
 */
import type { SourcePlace } from "../errors.js";
import { pickFixture, pickParameterFixture } from "../fixtures/pick.js";
import { createFixtureValidator } from "../fixtures/validate.js";
import type { FixtureValues } from "./fixtures.js";

export interface ExampleWarning {
  readonly place: SourcePlace;
  /** JSON pointer of the failing value inside the example. */
  readonly valuePointer: string;
  readonly message: string;
}

export function createFixtureValues(
  document: Record<string, unknown>,
  locate: (pointer: string) => SourcePlace,
): { values: FixtureValues; warnings: ExampleWarning[] } {
  const validate = createFixtureValidator(document);
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
  const values: FixtureValues = {
    parameter(parameterPointer) {
      const picked = pickParameterFixture({ document, parameterPointer }, validate);
      report(picked.issues);
      return picked.value;
    },
    body(mediaTypePointer, direction) {
      const picked = pickFixture({ document, mediaTypePointer, direction }, validate);
      report(picked.issues);
      return picked.value;
    },
  };
  return { values, warnings };
}
