/**
 * The format stage: prettier, with the user's config for the output folder resolved once, each file formatted once.
 */
import { join } from "node:path";

export interface OutputFile {
  /** Path relative to the output folder, with forward slashes. */
  readonly path: string;
  readonly text: string;
}

/** Files larger than this are left as printed: prettier's cost grows with size and printed code is already tidy. */
const FORMAT_LIMIT = 1_000_000;

export async function formatFiles(files: readonly OutputFile[], outDir: string): Promise<OutputFile[]> {
  const prettier = await import("prettier");
  const config = (await prettier.resolveConfig(join(outDir, "index.ts"), { editorconfig: true })) ?? {};
  return Promise.all(
    files.map(async (file) =>
      file.text.length > FORMAT_LIMIT
        ? file
        : { path: file.path, text: await prettier.format(file.text, { printWidth: 120, ...config, parser: "typescript", filepath: join(outDir, file.path) }) },
    ),
  );
}
