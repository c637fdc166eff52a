// `sluice compile --watch`: compile, then compile again whenever a spec below the target (or a file of
// the repository's own policies/) changes,
// until the signal aborts. One long-lived process keeps what a fresh `sluice compile` must redo —
// the compiler loaded and warmed up, the documents, validation results, models and modules of
// unchanged specs (a CompileSession) — so a one-spec change costs its own spec's work plus a
// type-check of its module (in a separate tsc) and the bundling of that module.
//
// Changes are noticed with one fs.watch per directory (not `recursive`, whose Linux version
// watches files by inode and loses a file that an editor saves by renaming a new one over it),
// settled for a short moment (editors write in several steps), and a change arriving during a
// compile queues exactly one more compile.
import { type FSWatcher, watch } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { basename, dirname, join, relative, resolve } from "node:path";
import { type CompileOptions, type CompileResult, CompileSession, compileRepository } from "./compile.ts";
import { localPoliciesDir } from "./connectors/local-policies.ts";

export interface WatchOptions extends CompileOptions {
  /** Called after every compile with what changed (undefined for the first) and its wall time. */
  onCompile: (result: CompileResult, ms: number, changedFiles: readonly string[] | undefined) => void;
  /** A compile that threw (a Sluice bug, or a file system problem): reported, and watching goes on. */
  onError: (error: unknown) => void;
  /** Called once the watcher is in place. */
  onWatching?: (dir: string) => void;
  /** How long the files must be quiet before compiling, in ms (default 30). */
  settleMs?: number;
}

const SPEC_FILE = /\.ya?ml$/i;

export async function watchRepository(options: WatchOptions, signal: AbortSignal): Promise<void> {
  const cwd = options.cwd ?? process.cwd();
  const target = resolve(cwd, options.target);
  const isFile = (await stat(target)).isFile();
  const dir = isFile ? dirname(target) : target;
  const session = new CompileSession();
  const settleMs = options.settleMs ?? 30;

  let pending = new Set<string>();
  let running: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;

  const compile = async (changed: readonly string[] | undefined): Promise<void> => {
    const started = performance.now();
    try {
      const result = await compileRepository({ ...options, session });
      options.onCompile(result, Math.round(performance.now() - started), changed);
    } catch (error) {
      options.onError(error);
    }
  };

  const run = (): void => {
    if (running || pending.size === 0 || signal.aborted) return;
    const changed = [...pending].sort();
    pending = new Set();
    running = compile(changed).finally(() => {
      running = undefined;
      run();
    });
  };

  await compile(undefined);
  if (signal.aborted) return session.dispose();
  // The type-checker warms up (checks the whole gateway once) while the watchers are put in place;
  // "watching" is reported once both are ready, from when on a change is checked in ~0.1 s.
  const warming = session.typechecker(resolve(cwd, options.outDir)).warm();

  const watchers = new Map<string, FSWatcher>();
  // What a directory's watcher reacts to: the target file, specs below the target, or any file of
  // the repository's own policies (compiler/connectors/local-policies.ts).
  type Watching = "file" | "specs" | "policies";
  const watchDir = async (path: string, what: Watching): Promise<void> => {
    if (watchers.has(path) || signal.aborted) return;
    const watcher = watch(path, (_event, name) => {
      if (!name) return;
      const file = join(path, String(name));
      if (what !== "file") void addIfDirectory(file, what);
      if (what === "file" ? file !== target : what === "specs" && !SPEC_FILE.test(file)) return;
      pending.add(relative(cwd, file) || basename(file));
      clearTimeout(timer);
      timer = setTimeout(run, settleMs);
    });
    watcher.on("error", () => {
      // The directory is gone: its parent's watcher saw that, and the next compile reports it.
      watcher.close();
      watchers.delete(path);
    });
    watchers.set(path, watcher);
    if (what === "file") return;
    for (const entry of await readdir(path, { withFileTypes: true }).catch(() => []))
      if (entry.isDirectory()) await watchDir(join(path, entry.name), what);
  };
  const addIfDirectory = async (path: string, what: Watching): Promise<void> => {
    if (!watchers.has(path) && (await stat(path).catch(() => undefined))?.isDirectory())
      await watchDir(path, what);
  };
  await watchDir(dir, isFile ? "file" : "specs");
  const policies = localPoliciesDir({ target: options.target, cwd });
  if (policies && (await stat(policies).catch(() => undefined))?.isDirectory())
    await watchDir(policies, "policies");
  await Promise.race([
    warming,
    new Promise<void>((done) => signal.addEventListener("abort", () => done(), { once: true })),
  ]);
  options.onWatching?.(dir);

  await new Promise<void>((done) => {
    if (signal.aborted) done();
    else signal.addEventListener("abort", () => done(), { once: true });
  });
  clearTimeout(timer);
  for (const watcher of watchers.values()) watcher.close();
  await running;
  await session.dispose();
}
