// `sluice start [OUT]`: run a compiled gateway in the foreground — the same as `node
// OUT/dist/gateway.mjs`, which needs no compiler. The bundle runs in this process, so the gateway's
// own SIGTERM/SIGINT handling (drain, exit 0) is what a signal to `sluice start` reaches.
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { EXIT_OK, type Io, parse, UsageError } from "./main.ts";

export async function commandStart(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, {});
  if (values.help) {
    io.out(
      "Usage: sluice start [OUT]   (default generated/; ports from SLUICE_HTTP_PORT / SLUICE_ADMIN_PORT)\n",
    );
    return EXIT_OK;
  }
  if (positionals.length > 1) throw new UsageError("start takes one OUT directory");
  const out = positionals[0] ?? "generated";
  const bundle = join(out, "dist", "gateway.mjs");
  if (!existsSync(bundle))
    throw new UsageError(`no gateway bundle at ${bundle}; run \`sluice compile --out ${out}\` first`);
  // Resolves once the gateway listens; it then runs until a signal drains it.
  await import(pathToFileURL(resolve(bundle)).href);
  return EXIT_OK;
}
