/** A problem in the user's input, reported as one paragraph naming the file and the place in it. */
export interface SourcePlace {
  readonly file: string;
  /** 1-based; absent when the place is the whole file. */
  readonly line?: number;
  readonly column?: number;
  /** JSON pointer into the document, such as `/paths/~1pets/get`. */
  readonly pointer?: string;
}

export class SpecError extends Error {
  override readonly name = "SpecError";
  constructor(
    message: string,
    readonly place: SourcePlace,
  ) {
    super(message);
  }
}

/** A flaw in the spec that the tool worked around (`--strict` makes it a SpecError), with what it did instead. */
export interface SpecWarning {
  readonly place: SourcePlace;
  readonly message: string;
}

/** An error in how the tool was called (flags, config), not in the spec. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

/** `file:line:column (at /json/pointer)`, the form editors and CI logs link. */
export function formatPlace(place: SourcePlace): string {
  const position = place.line === undefined ? "" : `:${place.line}${place.column === undefined ? "" : `:${place.column}`}`;
  const pointer = place.pointer === undefined || place.pointer === "" ? "" : ` (at ${place.pointer})`;
  return `${place.file}${position}${pointer}`;
}
