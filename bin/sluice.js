#!/usr/bin/env node
// The `sluice` command. In Sluice's own repository it runs the compiler's TypeScript sources
// (Node.js 24 strips the types); an installed package runs the JavaScript that `npm pack` built
// into lib/ (Node.js does not strip types under node_modules). Plain JavaScript itself, so that
// an older default `node` can run it far enough to re-run it with a Node.js 24 found in
// node_modules/.bin (the `node` package) — as a child that gets every SIGTERM, SIGINT and SIGHUP
// this process gets, whose exit code (or signal) becomes ours: `docker stop`, Kubernetes and
// Ctrl-C reach the gateway, and nothing is left running.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { constants } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const FORWARDED = ["SIGTERM", "SIGINT", "SIGHUP"];

/** A Node.js 24 in node_modules/.bin of this package or of a project it is installed in. */
function findNode24() {
  for (let dir = join(here, ".."); ; dir = dirname(dir)) {
    const candidate = join(dir, "node_modules", ".bin", "node");
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

/** Runs `file args` as a child with our stdio and signals; ends this process as the child ends. */
function runAsChild(file, args) {
  const child = spawn(file, args, { stdio: "inherit" });
  const forward = (signal) => child.kill(signal);
  for (const signal of FORWARDED) process.on(signal, forward);
  child.on("error", (error) => {
    process.stderr.write(`sluice: cannot run ${file}: ${error.message}\n`);
    process.exit(2);
  });
  child.on("exit", (code, signal) => {
    if (signal === null) process.exit(code ?? 2);
    // Ended by a signal: end the same way, so whoever started us sees what happened.
    for (const s of FORWARDED) process.off(s, forward);
    process.kill(process.pid, signal);
    setTimeout(() => process.exit(128 + (constants.signals[signal] ?? 0)), 100).unref();
  });
}

const major = Number(process.versions.node.split(".")[0]);
if (major < 24) {
  const node24 = findNode24();
  if (!node24) {
    process.stderr.write(
      `sluice: Node.js 24 or newer is required (this is ${process.version}); use Node.js 24, or install it into the project with \`npm install --save-dev node@24\`.\n`,
    );
    process.exit(2);
  }
  runAsChild(node24, [fileURLToPath(import.meta.url), ...process.argv.slice(2)]);
} else {
  // `sluice check | head`: a closed pipe ends the output quietly, not with a stack trace.
  process.stdout.on("error", (error) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
  // Node's compile cache keeps the compiler's compiled modules (and ts-morph's TypeScript) between
  // runs: it halves the time to load the compiler (~0.75 s → ~0.35 s).
  if (!process.env.NODE_COMPILE_CACHE) {
    const { enableCompileCache } = await import("node:module");
    const { CACHE_DIR } = await import(compilerModule("shared/cache-dir"));
    enableCompileCache?.(join(CACHE_DIR, "node"));
  }
  const { main } = await import(compilerModule("cli/main"));
  process.exitCode = await main(process.argv.slice(2));
}

/** A compiler module: the TypeScript source in Sluice's repository, else the built lib/. */
function compilerModule(name) {
  const source = join(here, "..", "compiler", `${name}.ts`);
  const file = existsSync(source) ? source : join(here, "..", "lib", "compiler", `${name}.js`);
  return pathToFileURL(file).href;
}
