/** What the write-stage tests share: a small spec to generate, and the CLI run as another user or with extra env. */
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { chmod, mkdir, readdir, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { root, type CommandResult } from "../support/run.js";

export const cliPath = join(root, "dist", "generator", "cli.js");

/** A one-operation spec; `extraProperty` adds a response property, so two versions give two different outputs. */
export async function petsSpec(path: string, extraProperty?: string): Promise<string> {
  const properties = ["name: { type: string }", ...(extraProperty ? [`${extraProperty}: { type: integer }`] : [])].join(
    ", ",
  );
  await writeFile(
    path,
    [
      "openapi: 3.1.0",
      "info: { title: Pets, version: '1' }",
      "servers: [{ url: 'https://pets.example.com' }]",
      "paths:",
      "  /pets/{id}:",
      "    get:",
      "      operationId: getPet",
      "      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]",
      "      responses:",
      `        '200': { description: ok, content: { application/json: { schema: { type: object, properties: { ${properties} } } } } }`,
      "",
    ].join("\n"),
  );
  return path;
}

/** A package folder where openapi-fetch resolves, as in a real project: generating below it gives no warning. */
export async function packageFolder(dir: string): Promise<void> {
  await writeFile(
    join(dir, "package.json"),
    JSON.stringify({ name: "project", private: true, type: "module", dependencies: { "openapi-fetch": "*" } }),
  );
  await mkdir(join(dir, "node_modules"));
  await symlink(join(root, "node_modules", "openapi-fetch"), join(dir, "node_modules", "openapi-fetch"), "dir");
}

/** Temporary files the write stage names `.<file>.<pid>.tmp`, anywhere below `dir`. */
export async function temporaries(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true });
  return entries.filter((name) => /\.\d+\.tmp$/.test(name));
}

/** The CLI with extra environment variables, left running: the caller decides when it ends. */
export function spawnCli(args: readonly string[], cwd: string, env: Readonly<Record<string, string>>): ChildProcess {
  return spawn(process.execPath, [cliPath, ...args], {
    cwd,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

const run = promisify(execFile);

/**
 * The CLI as a user who may not write (or not even read) `paths`. As root (CI runs as root, and root ignores
 * permissions) the run drops to `nobody`, and the paths, owned by root, get modes that exclude others; otherwise the
 * modes exclude the owner too. Everything else the run reads must be readable by that user.
 */
export async function runCliWithout(
  access: "write" | "read",
  paths: readonly string[],
  args: readonly string[],
  cwd: string,
): Promise<CommandResult> {
  const asRoot = process.getuid?.() === 0;
  const mode = access === "read" ? (asRoot ? 0o700 : 0o000) : asRoot ? 0o755 : 0o555;
  for (const path of paths) await chmod(path, mode);
  try {
    const { stdout, stderr } = await run(process.execPath, [cliPath, ...args], {
      cwd,
      ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return {
      code: typeof failed.code === "number" ? failed.code : 1,
      stdout: failed.stdout ?? "",
      stderr: failed.stderr ?? "",
    };
  } finally {
    for (const path of paths) await chmod(path, 0o755);
  }
}
