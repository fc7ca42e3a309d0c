// The project's own code: generator/, templates/, scripts/, test/. Syntax-level typescript-eslint rules (no type
// information: a lint run stays seconds, not a full type-check; `npm run typecheck` covers types), no import cycles,
// and the stages' import direction: nothing below the CLI imports the CLI.
import js from "@eslint/js";
import { createNodeResolver, importX } from "eslint-plugin-import-x";
import tseslint from "typescript-eslint";

/** The stages and shared layers; each may import the others' lower parts but never the CLI. */
const LOWER = ["spec", "load", "model", "plan", "emit", "fixtures", "format", "write", "changes", "config"];
const CLI = ["./generator/commands/**", "./generator/cli*.ts"];

export default tseslint.config(
  {
    ignores: ["dist/**", "generated/**", "corpus/**", "node_modules/**", "test/edge/__golden__/**", "test/fixtures-out/**", "**/tmp/**", ".tmp/**"],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts", "**/*.js"],
    plugins: { "import-x": importX },
    languageOptions: {
      globals: { console: "readonly", process: "readonly", URL: "readonly", setTimeout: "readonly", clearTimeout: "readonly" },
    },
    settings: {
      // The dependency graph (no-cycle) is read from the TypeScript sources themselves.
      "import-x/extensions": [".ts", ".js"],
      "import-x/parsers": { "@typescript-eslint/parser": [".ts"] },
      // Sources import `./x.js` for `./x.ts` (NodeNext).
      "import-x/resolver-next": [createNodeResolver({ extensionAlias: { ".js": [".ts", ".js"] } })],
    },
    rules: {
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_", ignoreRestSiblings: true }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
    },
  },
  {
    files: ["generator/**/*.ts"],
    rules: {
      "import-x/no-restricted-paths": [
        "error",
        {
          zones: LOWER.map((stage) => ({
            target: `./generator/${stage}`,
            from: CLI,
            message: "A stage never imports the CLI: move what both need into the stage (or generator/spec).",
          })).concat(
            ["index.ts", "fingerprint.ts", "check-runtime-deps.ts", "errors.ts", "options.ts", "paths.ts", "public.ts"].map((file) => ({
              target: `./generator/${file}`,
              from: CLI,
              message: "The pipeline never imports the CLI.",
            })),
          ),
        },
      ],
    },
  },
  {
    files: ["generator/spec/**/*.ts"],
    rules: {
      // The shared layer is the bottom: it imports no stage.
      "no-restricted-imports": ["error", { patterns: [{ group: ["../*", "!../spec/*"], message: "generator/spec imports nothing from the stages." }] }],
    },
  },
);
