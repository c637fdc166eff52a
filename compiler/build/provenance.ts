// Where each compiled API came from in git: the last commit that changed its spec file, and whether
// the file has changes not committed yet. Written beside the bundle as OUT/dist/.sluice-sources.json
// and served by /info; like the build record, not part of the bundle or its digest — a commit is
// not an input of the gateway's behaviour, so committing an unchanged spec must not change the
// bundle's bytes (nor generated/, which `compile --check` compares). Outside a git repository the
// record has no commits.
import { execFile } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { SOURCES_RECORD, type SourcesRecord } from "../../runtime/bundle-digest.ts";

const run = promisify(execFile);

/** One `git log` over the spec files (newest first), so a thousand APIs cost one call, not a thousand. */
export async function specCommits(
  files: readonly string[],
  cwd: string,
): Promise<Map<string, { commit?: string; modified?: true }>> {
  const out = new Map<string, { commit?: string; modified?: true }>();
  const wanted = new Set(files);
  if (wanted.size === 0) return out;
  const git = async (args: string[]) => (await run("git", args, { cwd, maxBuffer: 1 << 28 })).stdout;
  try {
    await git(["rev-parse", "--is-inside-work-tree"]);
  } catch {
    return out;
  }
  const paths = [...wanted];
  try {
    const log = await git(["log", "--relative", "--name-only", "--format=%x1e%H", "--", ...paths]);
    for (const block of log.split("\x1e")) {
      const [commit, ...names] = block.split("\n").filter((l) => l !== "");
      if (!commit) continue;
      for (const name of names) if (wanted.has(name) && !out.has(name)) out.set(name, { commit });
    }
  } catch {
    // A repository without commits: nothing committed yet.
  }
  const status = await git(["status", "--porcelain", "--untracked-files=all", "--", ...paths]).catch(
    () => "",
  );
  for (const line of status.split("\n")) {
    const name = line.slice(3).trim();
    if (!wanted.has(name)) continue;
    out.set(name, { ...out.get(name), modified: true });
  }
  return out;
}

/**
 * Starts reading the spec files' commits (git runs beside the type-check and the bundle); the
 * returned function writes the record once the bundle is there.
 */
export function readProvenance(
  apis: ReadonlyArray<{ id: string; at: { file: string } }>,
  cwd: string,
): (outDir: string) => Promise<void> {
  const reading = specCommits(
    apis.map((a) => a.at.file).filter((f) => f !== "-" && f !== "<stdin>"),
    cwd,
  );
  // Settled here so that a build that fails before writing leaves no unhandled rejection.
  reading.catch(() => undefined);
  return async (outDir) => writeProvenance(outDir, apis, await reading);
}

async function writeProvenance(
  outDir: string,
  apis: ReadonlyArray<{ id: string; at: { file: string } }>,
  commits: Map<string, { commit?: string; modified?: true }>,
): Promise<void> {
  const record: SourcesRecord = { apis: {} };
  for (const api of [...apis].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const found = commits.get(api.at.file);
    if (found) record.apis[api.id] = found;
  }
  await writeFile(join(outDir, "dist", SOURCES_RECORD), `${JSON.stringify(record, null, 2)}\n`);
}
