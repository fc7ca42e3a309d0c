/**
 * The types stage: openapi-typescript's Node API turns the bundled document into schema.ts. Loaded on demand, so a
 * run that has nothing to regenerate never pays for it.
 */

/** Takes the document as JSON text: openapi-typescript annotates the object it is given, so it gets its own copy. */
export async function emitSchemaTypes(documentJson: string): Promise<string> {
  const { default: openapiTS, astToString } = await import("openapi-typescript");
  const nodes = await openapiTS(JSON.parse(documentJson) as Parameters<typeof openapiTS>[0], { silent: true });
  return astToString(nodes);
}
