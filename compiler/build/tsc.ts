// Running TypeScript 7's `tsc`: the native executable itself (the npm package's `bin/tsc` is a
// Node.js script that only starts it, ~50 ms more per run), with the Go garbage collector told to
// wait — a type-check is short-lived, and collecting as it goes costs 15–20% of its time.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { availableParallelism, totalmem } from "node:os";
import { dirname, join } from "node:path";

let executable: string | undefined;

/** The native tsc of the installed `typescript` package, or its Node.js launcher as a fallback. */
export function tscExecutable(projectDir: string): string {
  if (executable) return executable;
  const require = createRequire(join(projectDir, "package.json"));
  try {
    const pkg = require.resolve(`@typescript/typescript-${process.platform}-${process.arch}/package.json`);
    const native = join(dirname(pkg), "lib", process.platform === "win32" ? "tsc.exe" : "tsc");
    if (existsSync(native)) executable = native;
  } catch {
    // not installed for this platform: use the launcher, which reports what is missing
  }
  executable ??= join(dirname(require.resolve("typescript/package.json")), "bin", "tsc");
  return executable;
}

/**
 * Type-checker threads: one core is left to the bundler, which runs beside tsc. (Each checker
 * builds its own types, so on two cores one checker did the same work with a third less CPU.)
 */
const CHECKERS = Math.min(4, Math.max(1, availableParallelism() - 1));

/** Runs tsc with `args`; resolves with everything it printed (it prints errors on stdout). */
export function runTsc(
  tsc: string,
  args: readonly string[],
  cwd: string,
  checkers = CHECKERS,
): Promise<string> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (env.GOGC === undefined) {
    // No collection until the heap nears a soft limit: a quarter of the memory, at most 2 GiB.
    env.GOGC = "off";
    env.GOMEMLIMIT ??= String(Math.min(2 * 1024 ** 3, Math.floor(totalmem() / 4)));
  }
  return new Promise((resolve) => {
    execFile(
      tsc,
      [...args, "--pretty", "false", "--checkers", String(checkers)],
      { cwd, env, maxBuffer: 64 << 20 },
      (error, stdout, stderr) =>
        resolve(`${stdout}${stderr}${error && !stdout && !stderr ? String(error.message) : ""}`),
    );
  });
}
