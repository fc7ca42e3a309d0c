/**
 * The document as openapi-typescript should see it. The types stage hands it a copy with what it would misread made
 * plain; the fixtures and the runtime keep reading the document as written.
 */
import { walkAllOf } from "../spec/all-of.js";
import { isObject, resolvePointer, schemaPointer } from "../spec/pointer.js";
import { refChain, refTarget } from "../spec/refs.js";

export interface TypesInput {
  readonly document: Record<string, unknown>;
  /** Pointers of the schemas typed `unknown` because their `$ref`s lead only back to themselves, sorted. */
  readonly refCycles: readonly string[];
}

export function prepareForTypes(document: Record<string, unknown>): TypesInput {
  dropRepeatedOperationIds(document);
  const cycles = createRefCycleFinder(document);
  const schemas =
    isObject(document["components"]) && isObject(document["components"]["schemas"])
      ? document["components"]["schemas"]
      : {};
  const visited = new WeakSet<object>();
  const visit = (node: unknown): void => {
    if (typeof node !== "object" || node === null || visited.has(node)) return;
    visited.add(node);
    if (Array.isArray(node)) return node.forEach(visit);
    const record = node as Record<string, unknown>;
    // openapi-typescript would read (even fetch) an example's `externalValue` while generating; types never need it.
    if (typeof record["externalValue"] === "string") delete record["externalValue"];
    if (typeof record["$ref"] === "string") cycles.follow(record["$ref"]);
    if (isObject(record["discriminator"])) resolveMappingTargets(record["discriminator"], document, schemas);
    inlineDiscriminatedUnions(record, document);
    declareRequiredNames(record, document);
    widenIndexSignature(record);
    for (const value of Object.values(record)) visit(value);
  };
  visit(document);
  hoistMemberDiscriminators(schemas);
  mapDeclaredDiscriminatorValues(schemas, document);
  return { document, refCycles: cycles.untie() };
}

/**
 * `A: { $ref: B }` and `B: { $ref: A }` describe no value at all, and the type aliases openapi-typescript makes of them
 * refer only to each other, which TypeScript rejects (TS2502). Each schema on such a cycle loses its `$ref` and so
 * becomes `unknown`; a cycle with a structure in between (an object property, an array's items) stays as it is.
 */
function createRefCycleFinder(document: object): { follow(ref: string): void; untie(): string[] } {
  const onCycle = new Set<string>();
  const settled = new Set<string>();
  return {
    follow(ref) {
      const chain: string[] = [];
      const steps = refChain(document, { value: { $ref: ref }, pointer: undefined });
      for (let step = steps.next(); ; step = steps.next()) {
        if (step.done === true) {
          const { cycle } = step.value;
          if (cycle !== undefined) for (const member of chain.slice(chain.indexOf(cycle))) onCycle.add(member);
          break;
        }
        const { pointer } = step.value;
        if (pointer === undefined) continue;
        if (settled.has(pointer)) break;
        chain.push(pointer);
      }
      for (const pointer of chain) settled.add(pointer);
    },
    untie() {
      for (const pointer of onCycle) {
        const schema = resolvePointer(document, pointer);
        if (isObject(schema)) delete schema["$ref"];
      }
      return [...onCycle].sort();
    },
  };
}

/**
 * openapi-typescript refuses repeated operationIds. The wrappers index types by path and method, never by
 * operationId, and the plan already names each operation, so repeats after the first are dropped.
 */
function dropRepeatedOperationIds(document: Record<string, unknown>): void {
  const seenIds = new Set<unknown>();
  for (const item of Object.values(isObject(document["paths"]) ? document["paths"] : {})) {
    for (const operation of Object.values(isObject(item) ? item : {})) {
      if (!isObject(operation) || !("operationId" in operation)) continue;
      const id = operation["operationId"];
      if (seenIds.has(id)) delete operation["operationId"];
      seenIds.add(id);
    }
  }
}

/**
 * openapi-typescript follows every mapping target as a reference: a bare schema name becomes its `$ref`, and a target
 * that resolves nowhere (it would try to read it as a file) is dropped.
 */
function resolveMappingTargets(
  discriminator: Record<string, unknown>,
  document: object,
  schemas: Record<string, unknown>,
): void {
  const mapping = discriminator["mapping"];
  if (!isObject(mapping)) return;
  for (const [key, target] of Object.entries(mapping)) {
    if (
      typeof target === "string" &&
      target.startsWith("#/") &&
      resolvePointer(document, target.slice(1)) !== undefined
    )
      continue;
    if (typeof target === "string" && Object.hasOwn(schemas, target)) mapping[key] = schemaRef(target);
    else delete mapping[key];
  }
}

/**
 * A name in `required` that no `properties` describes (neither the schema's own nor those of its allOf members) is
 * still a key every value has (JSON Schema), but openapi-typescript's closed object type would reject it. It is
 * declared with the schema for undeclared keys.
 */
function declareRequiredNames(schema: Record<string, unknown>, document: object): void {
  if (!(isObject(schema["properties"]) || Array.isArray(schema["allOf"]))) return;
  // An inline allOf member may list required names alone (`allOf: [{ $ref: Base }, { required: [id] }]`).
  const holders = [
    schema,
    ...(Array.isArray(schema["allOf"]) ? schema["allOf"] : []).filter(
      (member) => isObject(member) && !("$ref" in member),
    ),
  ];
  const required = holders.flatMap((holder) =>
    isObject(holder) && Array.isArray(holder["required"]) ? holder["required"] : [],
  );
  if (required.length === 0) return;
  const declared = declaredNames(schema, document);
  const missing = required.filter((name): name is string => typeof name === "string" && !declared.has(name));
  if (missing.length === 0) return;
  const properties = isObject(schema["properties"]) ? schema["properties"] : (schema["properties"] = {});
  const additional = schema["additionalProperties"];
  for (const name of missing) properties[name] = isObject(additional) ? additional : {};
}

/** The property names a schema describes itself or through its allOf members (followed through `$ref`s). */
function declaredNames(schema: unknown, document: object): Set<string> {
  const names = new Set<string>();
  walkAllOf(document, schema, {
    enter(member) {
      if (isObject(member["properties"])) for (const name of Object.keys(member["properties"])) names.add(name);
    },
  });
  return names;
}

/**
 * TypeScript applies an index signature to every key, named properties included, while JSON Schema's
 * `additionalProperties` covers only the undeclared ones. `{ ok: true } & { [key: string]: object }` admits no value
 * with `ok`, so the index signature also admits each declared property's type.
 */
function widenIndexSignature(schema: Record<string, unknown>): void {
  const properties = schema["properties"];
  const additional = schema["additionalProperties"];
  if (!isObject(properties) || !isObject(additional) || Object.keys(additional).length === 0) return;
  const members = new Map<string, unknown>([[JSON.stringify(additional), additional]]);
  for (const property of Object.values(properties)) {
    if (isObject(property)) members.set(JSON.stringify(property), property);
    else if (property === true) members.set("{}", {});
  }
  if (members.size > 1) schema["additionalProperties"] = { anyOf: [...members.values()] };
}

/**
 * A schema that extends a discriminated base (`allOf: [{ $ref: Base }]`) and declares the discriminator property's
 * values itself (`type: { enum: ["branches", "tags"] }`) would get its schema name as the only allowed value, which
 * its own enum excludes: the property becomes `never`. Mapping those values to it gives it exactly its own values.
 * Even when they are just its name: openapi-typescript would otherwise declare the property twice in one object type
 * (its pinned value and the schema's own property, TS2300).
 */
function mapDeclaredDiscriminatorValues(schemas: Record<string, unknown>, document: object): void {
  for (const [name, schema] of Object.entries(schemas)) {
    if (!isObject(schema) || !Array.isArray(schema["allOf"])) continue;
    const ref = schemaRef(name);
    for (const member of schema["allOf"]) {
      const base =
        isObject(member) && typeof member["$ref"] === "string" ? refTarget(document, member["$ref"])?.value : undefined;
      const discriminator = isObject(base) && isObject(base["discriminator"]) ? base["discriminator"] : undefined;
      const propertyName = discriminator?.["propertyName"];
      if (discriminator === undefined || typeof propertyName !== "string") continue;
      const mapping = isObject(discriminator["mapping"]) ? discriminator["mapping"] : {};
      if (Object.values(mapping).includes(ref)) continue;
      const values = declaredValues(schema, propertyName);
      if (values === undefined) continue;
      for (const value of values) if (!Object.hasOwn(mapping, value)) mapping[value] = ref;
      discriminator["mapping"] = mapping;
    }
  }
}

/**
 * `{ allOf: [{ $ref: Check }, { properties: … }] }` where Check is a discriminated union (`oneOf` + `discriminator`)
 * that does not list this schema: one of the checks, with more properties. openapi-typescript reads every allOf member
 * with a discriminator as a base class, omits the discriminator property from it (`Omit` of a union keeps only the
 * members' common keys) and pins the property to this schema's name, a value no member allows. The union inline,
 * without its discriminator, is the same set of values and keeps each member's own type.
 */
function inlineDiscriminatedUnions(schema: Record<string, unknown>, document: object): void {
  const members = schema["allOf"];
  if (!Array.isArray(members)) return;
  members.forEach((member: unknown, index) => {
    const base =
      isObject(member) && typeof member["$ref"] === "string" ? refTarget(document, member["$ref"])?.value : undefined;
    if (!isObject(base) || !isObject(base["discriminator"]) || unionMembers(base).length === 0) return;
    const mapping = isObject(base["discriminator"]["mapping"]) ? Object.values(base["discriminator"]["mapping"]) : [];
    // A schema the union names is one of its members extending it (the inheritance pattern), not a use of it.
    const named = [...unionMembers(base), ...mapping].some(
      (ref) => typeof ref === "string" && refTarget(document, ref)?.value === schema,
    );
    if (named) return;
    const { discriminator: _discriminator, ...union } = base;
    members[index] = union;
  });
}

/** The `$ref`s a schema's oneOf/anyOf lists. */
function unionMembers(schema: Record<string, unknown>): unknown[] {
  const members = [
    ...(Array.isArray(schema["oneOf"]) ? schema["oneOf"] : []),
    ...(Array.isArray(schema["anyOf"]) ? schema["anyOf"] : []),
  ];
  return members.map((member) => (isObject(member) ? member["$ref"] : undefined)).filter((ref) => ref !== undefined);
}

/**
 * `message: { allOf: [{ $ref: outlookItem }, { discriminator, properties: { "@odata.type": … } }] }`: openapi-typescript
 * omits the discriminator property from the member that declares the discriminator, so the property is in no member
 * of the type at all. Declared on the schema itself, the discriminator means the same and the property stays.
 */
function hoistMemberDiscriminators(schemas: Record<string, unknown>): void {
  for (const schema of Object.values(schemas)) {
    if (!isObject(schema) || !Array.isArray(schema["allOf"]) || "discriminator" in schema) continue;
    const owner = schema["allOf"].find(
      (member): member is Record<string, unknown> =>
        isObject(member) && !("$ref" in member) && isObject(member["discriminator"]),
    );
    if (owner === undefined) continue;
    schema["discriminator"] = owner["discriminator"];
    delete owner["discriminator"];
  }
}

/** The string values a schema itself (or an inline allOf member) allows for a property, via `enum` or `const`. */
function declaredValues(schema: Record<string, unknown>, propertyName: string): string[] | undefined {
  const holders = [schema, ...(Array.isArray(schema["allOf"]) ? schema["allOf"] : [])];
  for (const holder of holders) {
    const property =
      isObject(holder) && isObject(holder["properties"]) ? holder["properties"][propertyName] : undefined;
    if (!isObject(property)) continue;
    const values = Array.isArray(property["enum"]) ? property["enum"] : "const" in property ? [property["const"]] : [];
    const strings = values.filter((value): value is string => typeof value === "string");
    if (strings.length > 0) return strings;
  }
  return undefined;
}

function schemaRef(name: string): string {
  return `#${schemaPointer(name)}`;
}
