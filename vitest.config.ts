import { availableParallelism } from "node:os";
import { BaseSequencer, type TestSpecification } from "vitest/node";
import { defineConfig } from "vitest/config";

// Files that take a minute or more (several generate runs, tsc, npm/pnpm installs). A fresh clone has no timing
// cache, so without this list they may start last and leave one worker idle while they finish.
const SLOW_FILES = [
  "test/vendoring/monorepo.test.ts",
  "test/regenerate/regenerate.test.ts",
  "test/commands/check-advice.test.ts",
  "test/regenerate/config.test.ts",
  "test/write/ownership.test.ts",
  "test/regenerate/fingerprint.test.ts",
  "test/regenerate/config-loader.test.ts",
  "test/write/interrupted.test.ts",
];

class SlowestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (file: TestSpecification): number => {
      const index = SLOW_FILES.findIndex((slow) => file.moduleId.endsWith(slow));
      return index === -1 ? SLOW_FILES.length : index;
    };
    return sorted
      .map((file, order) => ({ file, order }))
      .sort((a, b) => rank(a.file) - rank(b.file) || a.order - b.order)
      .map(({ file }) => file);
  }
}

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Generation and tsc runs take seconds, not milliseconds.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Most files wait on child processes (tsc, the CLI, servers): vitest's default of cores - 1 leaves a 2-core
    // machine running one file at a time.
    maxWorkers: Math.max(2, availableParallelism()),
    sequence: { sequencer: SlowestFirst },
  },
});
