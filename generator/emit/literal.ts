/**
 * Prints a JSON-compatible value as a TypeScript expression: deterministic, and safe for any key or string (JSON
 * escaping; `__proto__` as a computed key so it stays an own property instead of setting the prototype).
 */

export function printLiteral(value: unknown, indent = ""): string {
  if (value === null || typeof value === "boolean") return String(value);
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "null";
  if (typeof value === "string") return JSON.stringify(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    return `[\n${value.map((item) => `${inner}${printLiteral(item, inner)},`).join("\n")}\n${indent}]`;
  }
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, item]) => item !== undefined);
    if (entries.length === 0) return "{}";
    const lines = entries.map(([key, item]) => `${inner}${printKey(key)}: ${printLiteral(item, inner)},`);
    return `{\n${lines.join("\n")}\n${indent}}`;
  }
  return "null";
}

/**
 * The same value on one line (`{ option: "apiKey", in: "header" }`), for a short literal inside a printed statement;
 * the format stage lays it out.
 */
export function printInlineLiteral(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(printInlineLiteral).join(", ")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, item]) => item !== undefined);
    if (entries.length === 0) return "{}";
    return `{ ${entries.map(([key, item]) => `${printKey(key)}: ${printInlineLiteral(item)}`).join(", ")} }`;
  }
  return printLiteral(value);
}

export function printKey(key: string): string {
  if (key === "__proto__") return `["__proto__"]`;
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? key : JSON.stringify(key);
}
