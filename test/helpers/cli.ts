// The CLI in process: `main` run with `cwd` as the working directory, its output collected.
import { main } from "../../compiler/cli/main.ts";

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** Runs `sluice <args>` in `cwd` (or here); each line it prints is kept with a trailing newline. */
export async function runCli(args: string[], cwd?: string): Promise<CliRun> {
  let out = "";
  let err = "";
  const previous = process.cwd();
  if (cwd) process.chdir(cwd);
  try {
    const code = await main(args, { out: (s) => (out += `${s}\n`), err: (s) => (err += `${s}\n`) });
    return { code, out, err };
  } finally {
    process.chdir(previous);
  }
}
