/** The packages a folder of TypeScript imports, found by TypeScript's own import scanner (static and dynamic imports). */
import { readdir, readFile } from "node:fs/promises";
import { isBuiltin } from "node:module";
import { join } from "node:path";
import ts from "typescript";

/** `@scope/name/deep/file.js` → `@scope/name`; `name/deep` → `name`; relative paths and Node built-ins → undefined. */
export function packageOf(specifier: string): string | undefined {
  if (specifier.startsWith(".") || specifier.startsWith("/") || isBuiltin(specifier)) return undefined;
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

/** Package name → the files (relative to `dir`) that import it, over every .ts file below `dir`. */
export async function packagesImportedBelow(dir: string): Promise<Map<string, string[]>> {
  const found = new Map<string, string[]>();
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile() || !entry.name.endsWith(".ts")) continue;
    const path = join(entry.parentPath, entry.name);
    const text = await readFile(path, "utf8");
    for (const { fileName } of ts.preProcessFile(text, true, true).importedFiles) {
      const name = packageOf(fileName);
      if (name !== undefined) found.set(name, [...(found.get(name) ?? []), path.slice(dir.length + 1)]);
    }
  }
  return found;
}
