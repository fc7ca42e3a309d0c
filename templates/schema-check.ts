/**
 * The one JSON Schema checker of kapso-codegen: the generator's fixture checks and the generated mock both use it, so
 * a value is judged the same way at generation time and in a test. It follows what Ajv (the generator's final judge,
 * configured with `unicodeRegExp: false`) decides:
 *
 * - `pattern` is an ECMAScript regular expression without the `u` flag, unanchored; one this engine cannot compile is
 *   not enforced (Ajv refuses the schema; a mock must not refuse every request over it).
 * - `format` is checked for uuid, date-time, date, time, email, uri, ipv4 and ipv6 as ajv-formats' "full" mode does;
 *   other formats restrict nothing.
 * - `multipleOf` is exact, as in Ajv without `multipleOfPrecision` (0.3 is not a multiple of 0.1 in binary).
 *
 * Messages name the field by JSON pointer, as in `/owner/name must be string`. No dependencies: the generated mock
 * embeds this file as it is.
 */

/** A JSON Schema as embedded here: `true`/`false`, or an object holding the validation keywords the checker reads. */
export type JsonSchema = boolean | { readonly [keyword: string]: unknown };

/** The targets of the `$ref`s in embedded schemas, keyed by the `$ref` string itself. */
export type SchemaRefs = Readonly<Record<string, JsonSchema>>;

/** One place where a value breaks its schema: a JSON pointer into the value, and what is wrong there. */
export interface SchemaIssue {
  readonly path: string;
  readonly message: string;
}

/** Finds the target of a `$ref`: a table keyed by the `$ref` string, or a function (undefined: accept anything). */
export type RefResolver = SchemaRefs | ((ref: string) => unknown);

export interface CheckOptions {
  /** Stop at the first issue: for callers that only ask whether a value conforms. */
  readonly firstIssueOnly?: boolean;
  /**
   * Whether `nullable: true` admits `null` (OpenAPI 3.0); default true. Embedded schemas carry `nullable` only from
   * 3.0 specs; a caller reading a 3.1 document, where it is no keyword, passes false.
   */
  readonly nullable?: boolean;
  /** The types a schema declares, undefined when it declares none; default: the names in its `type`. */
  readonly declaredTypes?: (schema: SchemaObject) => readonly string[] | undefined;
  /**
   * Whether a string or number is of the named format; default: the formats listed below, for strings (a number, or a
   * format not listed, passes).
   */
  readonly formatAccepts?: (format: string, value: string | number) => boolean;
}

type SchemaObject = { readonly [keyword: string]: unknown };

/** The options of one check, with their defaults filled in. */
interface Settings {
  readonly firstIssueOnly: boolean;
  readonly nullable: boolean;
  readonly declaredTypes: (schema: SchemaObject) => readonly string[] | undefined;
  readonly formatAccepts: (format: string, value: string | number) => boolean;
}

interface Walk {
  readonly resolve: (ref: string) => unknown;
  readonly issues: SchemaIssue[];
  readonly settings: Settings;
  /**
   * Schemas already being applied to this same value. Meeting one again means `$ref`s loop without consuming any of
   * the value (a base that `oneOf`s children that `allOf` the base): that path is taken as satisfied, so checks end.
   */
  readonly visiting: Set<SchemaObject>;
}

/** Every place where `value` breaks `schema`; `refs` finds the targets of its `$ref`s (an unknown `$ref` accepts anything). */
export function checkSchema(
  value: unknown,
  schema: unknown,
  refs: RefResolver = {},
  options: CheckOptions = {},
): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  const resolve =
    typeof refs === "function" ? refs : (ref: string): unknown => (hasOwn(refs, ref) ? refs[ref] : undefined);
  const settings: Settings = {
    firstIssueOnly: options.firstIssueOnly === true,
    nullable: options.nullable !== false,
    declaredTypes: options.declaredTypes ?? declaredTypes,
    formatAccepts: options.formatAccepts ?? stringFormatAccepts,
  };
  checkValue(value, schema, "", { resolve, issues, settings, visiting: new Set() });
  return issues;
}

function stringFormatAccepts(format: string, value: string | number): boolean {
  return typeof value !== "string" || formatAccepts(format, value);
}

function checkValue(value: unknown, schema: unknown, path: string, walk: Walk): void {
  if (schema === false) {
    walk.issues.push({ path, message: "is not allowed (the schema is false)" });
    return;
  }
  if (!isSchemaObject(schema) || walk.visiting.has(schema) || (walk.settings.firstIssueOnly && walk.issues.length > 0))
    return;
  if (value === null && walk.settings.nullable && schema["nullable"] === true) return;
  walk.visiting.add(schema);
  try {
    const ref = schema["$ref"];
    const target = typeof ref === "string" ? walk.resolve(ref) : undefined;
    if (target !== undefined) checkValue(value, target, path, walk);
    // A wrong type makes the other keywords moot: one clear message instead of several.
    if (!checkType(value, schema, path, walk)) return;
    checkAllowedValues(value, schema, path, walk);
    if (typeof value === "string") checkString(value, schema, path, walk);
    else if (typeof value === "number") checkNumber(value, schema, path, walk);
    else if (Array.isArray(value)) checkArray(value, schema, path, walk);
    else if (isPlainObject(value)) checkObject(value, schema, path, walk);
    checkComposition(value, schema, path, walk);
  } finally {
    walk.visiting.delete(schema);
  }
}

function checkType(value: unknown, schema: SchemaObject, path: string, walk: Walk): boolean {
  const types = walk.settings.declaredTypes(schema);
  if (types === undefined || types.some((type) => hasType(value, type))) return true;
  const allowed =
    walk.settings.nullable && schema["nullable"] === true && !types.includes("null") ? [...types, "null"] : types;
  walk.issues.push({ path, message: `must be ${allowed.join(" or ")}` });
  return false;
}

/** The names in `type` (a string or an array), or undefined when the schema has none. */
export function declaredTypes(schema: SchemaObject): string[] | undefined {
  const type = schema["type"];
  if (typeof type === "string") return [type];
  return Array.isArray(type) ? type.filter((entry): entry is string => typeof entry === "string") : undefined;
}

/** Whether a JSON value is of the named JSON Schema type; a type name JSON Schema does not define restricts nothing. */
export function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case "null":
      return value === null;
    case "boolean":
      return typeof value === "boolean";
    case "integer":
      return Number.isInteger(value);
    case "number":
      return typeof value === "number" && Number.isFinite(value);
    case "string":
      return typeof value === "string";
    case "array":
      return Array.isArray(value);
    case "object":
      return isPlainObject(value);
    default:
      return true; // a type name JSON Schema does not define restricts nothing
  }
}

function checkAllowedValues(value: unknown, schema: SchemaObject, path: string, walk: Walk): void {
  if (hasOwn(schema, "const") && !jsonEquals(value, schema["const"]))
    walk.issues.push({ path, message: `must equal ${show(schema["const"])}` });
  const allowed = schema["enum"];
  if (Array.isArray(allowed) && !allowed.some((entry) => jsonEquals(entry, value))) {
    const listed = allowed.slice(0, 10).map(show).join(", ");
    walk.issues.push({
      path,
      message: `must be one of ${listed}${allowed.length > 10 ? `, … (${allowed.length} values)` : ""}`,
    });
  }
}

function checkString(value: string, schema: SchemaObject, path: string, walk: Walk): void {
  const length = [...value].length; // code points, as JSON Schema counts
  const minLength = numberKeyword(schema, "minLength");
  const maxLength = numberKeyword(schema, "maxLength");
  if (minLength !== undefined && length < minLength)
    walk.issues.push({ path, message: `must have at least ${count(minLength, "character")}` });
  if (maxLength !== undefined && length > maxLength)
    walk.issues.push({ path, message: `must have at most ${count(maxLength, "character")}` });
  const pattern = schema["pattern"];
  if (typeof pattern === "string" && compilePattern(pattern)?.test(value) === false)
    walk.issues.push({ path, message: `must match the pattern ${show(pattern)}` });
  const format = schema["format"];
  if (typeof format === "string" && !walk.settings.formatAccepts(format, value))
    walk.issues.push({ path, message: `must match format ${show(format)}` });
}

function checkNumber(value: number, schema: SchemaObject, path: string, walk: Walk): void {
  const minimum = numberKeyword(schema, "minimum");
  const maximum = numberKeyword(schema, "maximum");
  // 3.0 writes `exclusiveMinimum: true` beside `minimum`; 3.1 gives the bound itself.
  const exclusiveMinimum = schema["exclusiveMinimum"];
  const exclusiveMaximum = schema["exclusiveMaximum"];
  if (minimum !== undefined && (exclusiveMinimum === true ? value <= minimum : value < minimum)) {
    walk.issues.push({ path, message: `must be ${exclusiveMinimum === true ? ">" : ">="} ${minimum}` });
  }
  if (maximum !== undefined && (exclusiveMaximum === true ? value >= maximum : value > maximum)) {
    walk.issues.push({ path, message: `must be ${exclusiveMaximum === true ? "<" : "<="} ${maximum}` });
  }
  if (typeof exclusiveMinimum === "number" && value <= exclusiveMinimum)
    walk.issues.push({ path, message: `must be > ${exclusiveMinimum}` });
  if (typeof exclusiveMaximum === "number" && value >= exclusiveMaximum)
    walk.issues.push({ path, message: `must be < ${exclusiveMaximum}` });
  const multipleOf = numberKeyword(schema, "multipleOf");
  if (multipleOf !== undefined && multipleOf > 0 && !Number.isInteger(value / multipleOf))
    walk.issues.push({ path, message: `must be a multiple of ${multipleOf}` });
  const format = schema["format"];
  if (typeof format === "string" && !walk.settings.formatAccepts(format, value))
    walk.issues.push({ path, message: `must match format ${show(format)}` });
}

function checkArray(value: readonly unknown[], schema: SchemaObject, path: string, walk: Walk): void {
  const minItems = numberKeyword(schema, "minItems");
  const maxItems = numberKeyword(schema, "maxItems");
  if (minItems !== undefined && value.length < minItems)
    walk.issues.push({ path, message: `must have at least ${count(minItems, "item")}` });
  if (maxItems !== undefined && value.length > maxItems)
    walk.issues.push({ path, message: `must have at most ${count(maxItems, "item")}` });
  if (schema["uniqueItems"] === true) {
    const repeated = value.findIndex((item, index) => value.findIndex((other) => jsonEquals(other, item)) !== index);
    if (repeated !== -1)
      walk.issues.push({ path: `${path}/${repeated}`, message: "repeats an earlier item (uniqueItems)" });
  }
  const prefixItems = Array.isArray(schema["prefixItems"]) ? schema["prefixItems"] : [];
  const items = schema["items"];
  value.forEach((item, index) => {
    // Tuple forms: 2020-12's prefixItems, and the older array-valued items.
    const itemSchema = index < prefixItems.length ? prefixItems[index] : Array.isArray(items) ? items[index] : items;
    checkValue(item, itemSchema, `${path}/${index}`, child(walk));
  });
}

function checkObject(value: Readonly<Record<string, unknown>>, schema: SchemaObject, path: string, walk: Walk): void {
  const keys = Object.keys(value);
  const required = Array.isArray(schema["required"]) ? schema["required"] : [];
  for (const key of required) {
    if (typeof key === "string" && !hasOwn(value, key))
      walk.issues.push({ path: `${path}/${pointerToken(key)}`, message: "is required" });
  }
  const minProperties = numberKeyword(schema, "minProperties");
  const maxProperties = numberKeyword(schema, "maxProperties");
  if (minProperties !== undefined && keys.length < minProperties)
    walk.issues.push({ path, message: `must have at least ${count(minProperties, "property")}` });
  if (maxProperties !== undefined && keys.length > maxProperties)
    walk.issues.push({ path, message: `must have at most ${count(maxProperties, "property")}` });

  const properties = isSchemaObject(schema["properties"]) ? schema["properties"] : {};
  const patternProperties = isSchemaObject(schema["patternProperties"]) ? schema["patternProperties"] : {};
  const additional = schema["additionalProperties"];
  for (const key of keys) {
    const at = `${path}/${pointerToken(key)}`;
    let listed = false;
    if (hasOwn(properties, key)) {
      listed = true;
      checkValue(value[key], properties[key], at, child(walk));
    }
    for (const [pattern, propertySchema] of Object.entries(patternProperties)) {
      if (compilePattern(pattern)?.test(key) !== true) continue;
      listed = true;
      checkValue(value[key], propertySchema, at, child(walk));
    }
    if (listed || additional === undefined || additional === true) continue;
    if (additional === false) walk.issues.push({ path: at, message: "is not allowed (additionalProperties: false)" });
    else checkValue(value[key], additional, at, child(walk));
  }
}

function checkComposition(value: unknown, schema: SchemaObject, path: string, walk: Walk): void {
  const allOf = schema["allOf"];
  if (Array.isArray(allOf)) for (const branch of allOf) checkValue(value, branch, path, walk);

  const anyOf = schema["anyOf"];
  if (Array.isArray(anyOf) && anyOf.length > 0) {
    // Branches are tried until one matches; when none does, each one's first issue goes into the message.
    const outcomes: SchemaIssue[][] = [];
    for (const branch of anyOf) {
      const issues = branchIssues(value, branch, path, walk);
      outcomes.push(issues);
      if (issues.length === 0) break;
    }
    if (outcomes.every((issues) => issues.length > 0))
      walk.issues.push({ path, message: `must match one of the anyOf schemas (${summarize(outcomes, path)})` });
  }

  const oneOf = schema["oneOf"];
  if (Array.isArray(oneOf) && oneOf.length > 0) {
    const outcomes = oneOf.map((branch) => branchIssues(value, branch, path, walk));
    const matching = outcomes.flatMap((issues, index) => (issues.length === 0 ? [index + 1] : []));
    if (matching.length === 0)
      walk.issues.push({ path, message: `must match exactly one of the oneOf schemas (${summarize(outcomes, path)})` });
    if (matching.length > 1)
      walk.issues.push({
        path,
        message: `must match exactly one of the oneOf schemas, but matches schemas ${matching.join(" and ")}`,
      });
  }

  if (schema["not"] !== undefined && branchIssues(value, schema["not"], path, walk).length === 0) {
    walk.issues.push({ path, message: "must not match the schema in not" });
  }
}

/** The issues of one branch, kept apart from the walk's own: a failing anyOf branch is not by itself a problem. */
function branchIssues(value: unknown, branch: unknown, path: string, walk: Walk): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  checkValue(value, branch, path, { resolve: walk.resolve, issues, settings: walk.settings, visiting: walk.visiting });
  return issues;
}

/** `1: /lives is required; 2: /barks is required`: each branch's first issue, relative to the value. */
function summarize(outcomes: readonly (readonly SchemaIssue[])[], path: string): string {
  return outcomes
    .map((issues, index) => {
      const first = issues[0];
      const where = first === undefined ? "" : first.path.slice(path.length);
      return `${index + 1}: ${where === "" ? "" : `${where} `}${first?.message ?? "fails"}`;
    })
    .join("; ");
}

/** A walk into a part of the value: a new value, so schemas seen on the way here may apply again. */
function child(walk: Walk): Walk {
  return { resolve: walk.resolve, issues: walk.issues, settings: walk.settings, visiting: new Set() };
}

export function isSchemaObject(value: unknown): value is SchemaObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isPlainObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function hasOwn(object: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key);
}

function numberKeyword(schema: SchemaObject, keyword: string): number | undefined {
  const value = schema[keyword];
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

const compiledPatterns = new Map<string, RegExp | undefined>();

/**
 * A `pattern` as Ajv with `unicodeRegExp: false` compiles it: without the `u` flag (so `.` is one UTF-16 code unit
 * and `\\p{L}` is a plain `p{L}`), unanchored. Undefined when this engine cannot compile it: it is then not enforced.
 */
export function compilePattern(pattern: string): RegExp | undefined {
  if (!compiledPatterns.has(pattern)) {
    let compiled: RegExp | undefined;
    try {
      compiled = new RegExp(pattern);
    } catch {
      compiled = undefined;
    }
    compiledPatterns.set(pattern, compiled);
  }
  return compiledPatterns.get(pattern);
}

// Formats, as ajv-formats' "full" mode defines them.

const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const DATE = /^(\d\d\d\d)-(\d\d)-(\d\d)$/;
const TIME = /^(\d\d):(\d\d):(\d\d(?:\.\d+)?)(z|([+-])(\d\d)(?::?(\d\d))?)?$/i;
const NOT_URI_FRAGMENT = /\/|:/;
const URI =
  /^(?:[a-z][a-z0-9+\-.]*:)(?:\/?\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:]|%[0-9a-f]{2})*@)?(?:\[(?:(?:(?:(?:[0-9a-f]{1,4}:){6}|::(?:[0-9a-f]{1,4}:){5}|(?:[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){4}|(?:(?:[0-9a-f]{1,4}:){0,1}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){3}|(?:(?:[0-9a-f]{1,4}:){0,2}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){2}|(?:(?:[0-9a-f]{1,4}:){0,3}[0-9a-f]{1,4})?::[0-9a-f]{1,4}:|(?:(?:[0-9a-f]{1,4}:){0,4}[0-9a-f]{1,4})?::)(?:[0-9a-f]{1,4}:[0-9a-f]{1,4}|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?))|(?:(?:[0-9a-f]{1,4}:){0,5}[0-9a-f]{1,4})?::[0-9a-f]{1,4}|(?:(?:[0-9a-f]{1,4}:){0,6}[0-9a-f]{1,4})?::)|[Vv][0-9a-f]+\.[a-z0-9\-._~!$&'()*+,;=:]+)\]|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?)|(?:[a-z0-9\-._~!$&'()*+,;=]|%[0-9a-f]{2})*)(?::\d*)?(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*|\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)?|(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)(?:\?(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?(?:#(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?$/i;

function isDate(text: string): boolean {
  const found = DATE.exec(text);
  if (found === null) return false;
  const [year, month, day] = [Number(found[1]), Number(found[2]), Number(found[3])];
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month >= 1 && month <= 12 && day >= 1 && day <= (month === 2 && leap ? 29 : (DAYS_IN_MONTH[month] ?? 0));
}

/** A time of day with a time zone (`date-time` needs one; `time` too, as in ajv-formats' full mode). */
function isTime(text: string): boolean {
  const found = TIME.exec(text);
  if (found === null) return false;
  const [hour, minute, second] = [Number(found[1]), Number(found[2]), Number(found[3])];
  const zone = found[4];
  const sign = found[5] === "-" ? -1 : 1;
  const [zoneHour, zoneMinute] = [Number(found[6] ?? 0), Number(found[7] ?? 0)];
  if (zoneHour > 23 || zoneMinute > 59 || zone === undefined) return false;
  if (hour <= 23 && minute <= 59 && second < 60) return true;
  // A leap second: 23:59:60 in UTC.
  const utcMinute = minute - zoneMinute * sign;
  const utcHour = hour - zoneHour * sign - (utcMinute < 0 ? 1 : 0);
  return (utcHour === 23 || utcHour === -1) && (utcMinute === 59 || utcMinute === -1) && second < 61;
}

const FORMATS: Readonly<Record<string, (text: string) => boolean>> = {
  uuid: (text) => /^(?:urn:uuid:)?[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i.test(text),
  date: isDate,
  time: isTime,
  "date-time": (text) => {
    const parts = text.split(/t|\s/i);
    return parts.length === 2 && isDate(parts[0] ?? "") && isTime(parts[1] ?? "");
  },
  email: (text) =>
    /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i.test(
      text,
    ),
  uri: (text) => NOT_URI_FRAGMENT.test(text) && URI.test(text),
  ipv4: (text) => /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/.test(text),
  ipv6: (text) =>
    /^((([0-9a-f]{1,4}:){7}([0-9a-f]{1,4}|:))|(([0-9a-f]{1,4}:){6}(:[0-9a-f]{1,4}|((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3})|:))|(([0-9a-f]{1,4}:){5}(((:[0-9a-f]{1,4}){1,2})|:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3})|:))|(([0-9a-f]{1,4}:){4}(((:[0-9a-f]{1,4}){1,3})|((:[0-9a-f]{1,4})?:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(([0-9a-f]{1,4}:){3}(((:[0-9a-f]{1,4}){1,4})|((:[0-9a-f]{1,4}){0,2}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(([0-9a-f]{1,4}:){2}(((:[0-9a-f]{1,4}){1,5})|((:[0-9a-f]{1,4}){0,3}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(([0-9a-f]{1,4}:){1}(((:[0-9a-f]{1,4}){1,6})|((:[0-9a-f]{1,4}){0,4}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(:(((:[0-9a-f]{1,4}){1,7})|((:[0-9a-f]{1,4}){0,5}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:)))$/i.test(
      text,
    ),
};

/** Whether a string is of the named format; a format not listed here accepts anything. */
export function formatAccepts(format: string, text: string): boolean {
  return !hasOwn(FORMATS, format) || (FORMATS[format]?.(text) ?? true);
}

/** The formats this checker knows, as ajv-formats defines them. */
export const CHECKED_FORMATS: readonly string[] = Object.keys(FORMATS);

function jsonEquals(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((item, index) => jsonEquals(item, b[index]))
    );
  }
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => hasOwn(b, key) && jsonEquals(a[key], b[key]));
}

/** `1 item`, `2 items`, `1 property`. */
function count(amount: number, noun: string): string {
  if (amount === 1) return `1 ${noun}`;
  return `${amount} ${noun.endsWith("y") ? `${noun.slice(0, -1)}ie` : noun}s`;
}

function show(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}

/** RFC 6901: `~` → `~0`, `/` → `~1`. */
function pointerToken(key: string): string {
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}
