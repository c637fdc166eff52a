// `sluice audit`: the git history of the specs directory, commit by commit — who changed which API
// when, and what the change does to clients. Each commit that touches the directory (merges left
// out: their changes are listed at the commits that made them) is compared with its first parent by
// the same rules as `sluice diff` (./compare.ts), both sides read from git (./read-side.ts).
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { type Change, diffSides, SEVERITIES } from "./compare.ts";
import { readSide, type Side, SideError } from "./read-side.ts";

const run = promisify(execFile);

export interface AuditEntry {
  commit: string;
  author: string;
  email: string;
  /** Author date, ISO 8601 with the author's offset. */
  date: string;
  subject: string;
  /** What the commit changed for clients (empty: the files changed, the APIs did not). */
  changes: Change[];
}

/**
 * The commits touching `dir` in the repository at `cwd`, newest first. `since` is a date git
 * understands (`2026-01-01`, `2.weeks`) or a ref/commit (`v1.2`, `main~20`: the commits after it).
 */
export async function auditHistory(
  dir: string,
  since: string | undefined,
  cwd = process.cwd(),
): Promise<AuditEntry[]> {
  try {
    await run("git", ["rev-parse", "--is-inside-work-tree"], { cwd });
  } catch {
    throw new SideError(`${cwd} is not in a git repository: sluice audit reads its history`);
  }
  const range: string[] = [];
  if (since !== undefined) {
    const isRef = await run("git", ["rev-parse", "--verify", "--quiet", `${since}^{commit}`], { cwd }).then(
      () => true,
      () => false,
    );
    range.push(isRef ? `${since}..HEAD` : `--since=${since}`);
  }
  let stdout: string;
  try {
    ({ stdout } = await run(
      "git",
      ["log", "--no-merges", "--format=%H%x1f%P%x1f%an%x1f%ae%x1f%aI%x1f%s%x1e", ...range, "--", dir],
      { cwd, maxBuffer: 1 << 26 },
    ));
  } catch (error) {
    // A repository without commits yet has no history to audit.
    if (/does not have any commits|bad default revision|unknown revision/i.test(String(error))) return [];
    throw error;
  }
  const sides = new Map<string, Side>();
  const sideAt = async (commit: string | undefined): Promise<Side> => {
    if (commit === undefined) return { label: "(none)", resources: new Map() };
    let side = sides.get(commit);
    if (!side) {
      side = await readSide(commit, dir, cwd);
      sides.set(commit, side);
    }
    return side;
  };
  const entries: AuditEntry[] = [];
  for (const record of stdout.split("\x1e")) {
    const fields = record.replace(/^\n/, "").split("\x1f");
    if (fields.length < 6) continue;
    const [commit, parents, author, email, date, subject] = fields as [
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    const parent = parents.split(" ").filter((p) => p !== "")[0];
    const changes = diffSides(await sideAt(parent), await sideAt(commit)).map((c) => ({
      ...c,
      // `abc123:apis/orders.yaml` → `apis/orders.yaml`: the commit is the entry's.
      file: c.file.replace(/^[^:]*:/, ""),
    }));
    entries.push({ commit, author, email, date, subject, changes });
  }
  return entries;
}

export const AUDIT_FORMATS = ["human", "markdown", "json"] as const;
export type AuditFormat = (typeof AUDIT_FORMATS)[number];

export function renderAudit(entries: readonly AuditEntry[], format: AuditFormat): string {
  if (format === "json") return JSON.stringify(entries, null, 2);
  const ordered = (changes: readonly Change[]) =>
    [...changes].sort(
      (a, b) =>
        (a.resource < b.resource ? -1 : a.resource > b.resource ? 1 : 0) ||
        SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity),
    );
  if (format === "markdown") {
    const cell = (s: string) => s.replaceAll("|", "\\|").replaceAll("\n", " ");
    const lines = ["### Sluice API audit", ""];
    if (entries.length === 0) lines.push("No commits changed the specs.");
    else {
      lines.push("| date | commit | author | API | change | what |", "|---|---|---|---|---|---|");
      for (const e of entries) {
        const head = `| ${e.date} | \`${e.commit.slice(0, 12)}\` ${cell(e.subject)} | ${cell(e.author)}`;
        if (e.changes.length === 0) lines.push(`${head} | | | no change for clients |`);
        for (const c of ordered(e.changes))
          lines.push(
            `${head} | \`${c.resource}\` | ${c.severity} \`${c.kind}\` | ${cell(`${c.where}: ${c.message}`)} |`,
          );
      }
    }
    return lines.join("\n");
  }
  if (entries.length === 0) return "No commits changed the specs.";
  const lines: string[] = [];
  for (const e of entries) {
    lines.push(`${e.date}  ${e.commit.slice(0, 12)}  ${e.author} <${e.email}>  ${e.subject}`);
    if (e.changes.length === 0) lines.push("  (no change for clients)");
    let resource = "";
    for (const c of ordered(e.changes)) {
      if (c.resource !== resource) {
        resource = c.resource;
        lines.push(`  ${c.resource} (${c.file})`);
      }
      lines.push(`    ${c.severity.padEnd(8)} ${c.kind}: ${c.where}: ${c.message}`);
    }
    lines.push("");
  }
  return lines.join("\n").trimEnd();
}
