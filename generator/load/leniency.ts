/**
 * Lenient by default, strict on request: a flaw that peers accept (and that the load stage can repair) becomes a
 * located warning saying what was done instead; under `--strict` it stays a located error.
 */
import { SpecError, type SourcePlace, type SpecWarning } from "../errors.js";

export interface Leniency {
  /** Throws `error` at `place` when strict; else records `warning` (what the flaw is and what was done instead). */
  tolerate(place: SourcePlace, error: string, warning: string): void;
  readonly warnings: readonly SpecWarning[];
}

export function createLeniency(strict: boolean): Leniency {
  const warnings: SpecWarning[] = [];
  return {
    tolerate(place, error, warning) {
      if (strict) throw new SpecError(`${error} (--strict)`, place);
      warnings.push({ place, message: warning });
    },
    warnings,
  };
}
