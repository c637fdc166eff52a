#!/usr/bin/env node
// The `sluice` command. Sluice is written in TypeScript that Node.js 24 runs directly (type
// stripping), so there is no build step for the compiler. On an older default `node` we re-run
// ourselves with the Node.js 24 that the `node` devDependency installs into node_modules/.bin.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const major = Number(process.versions.node.split(".")[0]);
if (major < 24) {
  const here = dirname(fileURLToPath(import.meta.url));
  const node24 = join(here, "..", "node_modules", ".bin", "node");
  if (!existsSync(node24)) {
    process.stderr.write(
      `sluice: Node.js 24 or newer is required (this is ${process.version}); run \`npm ci\` first.\n`,
    );
    process.exit(2);
  }
  const child = spawnSync(node24, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: "inherit",
  });
  process.exit(child.status ?? 2);
}
// `sluice check | head`: a closed pipe ends the output quietly, not with a stack trace.
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});
// Node's compile cache keeps the compiler's type-stripped, compiled modules (and ts-morph's
// TypeScript) between runs: it halves the time to load the compiler (~0.75 s → ~0.35 s).
if (!process.env.NODE_COMPILE_CACHE) {
  const { enableCompileCache } = await import("node:module");
  enableCompileCache?.(
    process.env.SLUICE_CACHE_DIR
      ? join(process.env.SLUICE_CACHE_DIR, "node")
      : join(dirname(fileURLToPath(import.meta.url)), "..", "node_modules", ".cache", "sluice", "node"),
  );
}
const { main } = await import("../compiler/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
