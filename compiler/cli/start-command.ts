// `sluice start [OUT]`: run a compiled gateway in the foreground — the same as `node
// OUT/dist/gateway.mjs`, which needs no compiler. Signals are forwarded so SIGTERM drains.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { EXIT_OK, type Io, parse, UsageError } from "./main.ts";

export async function commandStart(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, {});
  if (values.help) {
    io.out(
      "Usage: sluice start [OUT]   (default generated/; ports from SLUICE_HTTP_PORT / SLUICE_ADMIN_PORT)\n",
    );
    return EXIT_OK;
  }
  const out = positionals[0] ?? "generated";
  const bundle = join(out, "dist", "gateway.mjs");
  if (!existsSync(bundle))
    throw new UsageError(`no gateway bundle at ${bundle}; run \`sluice compile --out ${out}\` first`);
  const child = spawn(process.execPath, [bundle], { stdio: "inherit" });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on("SIGTERM", forward);
  process.on("SIGINT", forward);
  return new Promise((resolve) => {
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}
