// The part of swagger2openapi (a CommonJS package without types) that the load stage uses.
declare module "swagger2openapi" {
  interface ConvertOptions {
    /** Fix common mistakes (a missing `info.title`, duplicate operationIds…) instead of failing. */
    patch?: boolean;
    /** Write what cannot be fixed into `x-s2o-warning` properties instead of failing. */
    warnOnly?: boolean;
    /** The source text; given, it saves the converter re-serializing the document. */
    text?: string;
  }
  interface ConvertResult {
    openapi: unknown;
  }
  const swagger2openapi: {
    convertObj(swagger: unknown, options: ConvertOptions): Promise<ConvertResult>;
  };
  export default swagger2openapi;
}
