// node_modules/.cache/sluice holds what compiles reuse: the runtime's declarations and link
// bundles (one per version of the runtime and, for bundles, per set of linked connectors), the
// compiled schema validators and the expression cache (one per compiler version). Every change
// to the runtime or the compiler adds entries, so old ones are removed after a full build: the
// newest few of each kind stay, and nothing used in the last ten minutes (a compile running
// beside this one may be reading it; entries are touched when used).
import { readdir, rm, stat, utimes } from "node:fs/promises";
import { join } from "node:path";
import { CACHE_DIR } from "../shared/cache-dir.ts";

const KEEP: ReadonlyArray<readonly [prefix: string, newest: number]> = [
  ["link-", 6],
  ["runtime-", 2],
  ["validators-", 2],
  ["expressions-", 2],
];
/** Files earlier versions of Sluice left there. */
const RETIRED = [/^build-[0-9a-f]{16}\.json$/, /^tsbuildinfo-/, /^tsconfig-/];
/** Left behind by a compile that was killed: a type-check's project file, a half-built entry. */
const ABANDONED = [/^typecheck-/, /^(link|runtime)-[0-9a-f]+\./];
const IN_USE_MS = 10 * 60 * 1000;

export async function pruneCache(dir = CACHE_DIR): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const entries = await Promise.all(
    names.map(async (name) => ({
      name,
      mtime: (await stat(join(dir, name)).catch(() => undefined))?.mtimeMs ?? 0,
    })),
  );
  const now = Date.now();
  const doomed = entries.filter(
    (e) => [...RETIRED, ...ABANDONED].some((r) => r.test(e.name)) && now - e.mtime > IN_USE_MS,
  );
  for (const [prefix, newest] of KEEP) {
    const kind = entries.filter((e) => e.name.startsWith(prefix) && !ABANDONED.some((r) => r.test(e.name)));
    kind.sort((a, b) => b.mtime - a.mtime);
    doomed.push(...kind.slice(newest).filter((e) => now - e.mtime > IN_USE_MS));
  }
  await Promise.all(doomed.map((e) => rm(join(dir, e.name), { recursive: true, force: true })));
}

/** Marks a cache entry as used now, so that pruning keeps it. */
export async function touch(path: string): Promise<void> {
  const now = new Date();
  await utimes(path, now, now).catch(() => undefined);
}
