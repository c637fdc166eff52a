// `sluice audit` on a temporary API repository with several commits by different authors: each
// commit that changed the specs, newest first, with who, when and what it did to clients; merges
// and commits outside the specs left out; --since by date and by ref; the three formats.
import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_DIR } from "../../compiler/compile.ts";
import { runCli as run } from "../helpers/cli.ts";

const commit = (cwd: string, who: string, date: string, message: string) =>
  execFileSync("git", ["-c", "commit.gpgsign=false", "commit", "-q", "-am", message], {
    cwd,
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: who,
      GIT_AUTHOR_EMAIL: `${who.toLowerCase()}@example.com`,
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_NAME: who,
      GIT_COMMITTER_EMAIL: `${who.toLowerCase()}@example.com`,
      GIT_COMMITTER_DATE: date,
    },
  });
const git = (cwd: string, ...args: string[]) => execFileSync("git", args, { cwd }).toString().trim();

describe("sluice audit", () => {
  let repo: string;
  const hashes: string[] = [];

  beforeAll(async () => {
    repo = await mkdtemp(join(tmpdir(), "sluice-audit-"));
    await mkdir(join(repo, "apis"));
    const orders = await readFile(join(PROJECT_DIR, "apis", "proxy", "orders.yaml"), "utf8");
    git(repo, "init", "-q", "-b", "main");
    await writeFile(join(repo, "apis", "orders.yaml"), orders);
    await writeFile(join(repo, "README.md"), "team APIs\n");
    git(repo, "add", ".");
    commit(repo, "Alice", "2026-01-10T09:00:00+00:00", "orders API");
    hashes.push(git(repo, "rev-parse", "HEAD"));
    // Not in apis/: not listed.
    await writeFile(join(repo, "README.md"), "team APIs, audited\n");
    commit(repo, "Carol", "2026-01-15T09:00:00+00:00", "readme");
    await writeFile(
      join(repo, "apis", "orders.yaml"),
      orders.replace("        - path: /orders\n", "        - path: /shop/orders\n"),
    );
    commit(repo, "Bob", "2026-02-01T10:30:00+00:00", "move orders under /shop");
    hashes.push(git(repo, "rev-parse", "HEAD"));
    // A comment only: the files changed, the API did not.
    await writeFile(
      join(repo, "apis", "orders.yaml"),
      `# reviewed\n${await readFile(join(repo, "apis", "orders.yaml"), "utf8")}`,
    );
    commit(repo, "Alice", "2026-03-01T08:00:00+00:00", "comment");
    hashes.push(git(repo, "rev-parse", "HEAD"));
  });

  afterAll(async () => {
    await rm(repo, { recursive: true, force: true });
  });

  it("lists each commit that changed the specs, newest first, with what it did to clients", async () => {
    const { code, out } = await run(["audit"], repo);
    expect(code).toBe(0);
    const [comment, move, first] = hashes
      .slice()
      .reverse()
      .map((h) => h.slice(0, 12));
    expect(out).toBe(
      [
        `2026-03-01T08:00:00+00:00  ${comment}  Alice <alice@example.com>  comment`,
        "  (no change for clients)",
        "",
        `2026-02-01T10:30:00+00:00  ${move}  Bob <bob@example.com>  move orders under /shop`,
        "  ApiV4Definition/orders (apis/orders.yaml)",
        "    breaking path-removed: path /orders/: context path removed",
        "    safe     path-added: path /shop/orders/: new context path",
        "",
        `2026-01-10T09:00:00+00:00  ${first}  Alice <alice@example.com>  orders API`,
        "  ApiV4Definition/orders (apis/orders.yaml)",
        "    safe     api-added: API: new API",
        "",
      ].join("\n"),
    );
  });

  it("--since takes a date or a ref; json gives every field", async () => {
    const byDate = await run(["audit", "apis", "--since", "2026-01-20", "--format", "json"], repo);
    expect(byDate.code).toBe(0);
    const entries = JSON.parse(byDate.out) as Array<{
      commit: string;
      author: string;
      email: string;
      date: string;
      subject: string;
      changes: Array<{ resource: string; kind: string; severity: string; file: string }>;
    }>;
    expect(entries.map((e) => e.commit)).toEqual([hashes[2], hashes[1]]);
    expect(entries[1]).toMatchObject({
      author: "Bob",
      email: "bob@example.com",
      date: "2026-02-01T10:30:00+00:00",
      subject: "move orders under /shop",
    });
    expect(entries[1]!.changes.map((c) => [c.resource, c.severity, c.kind, c.file])).toEqual([
      ["ApiV4Definition/orders", "breaking", "path-removed", "apis/orders.yaml"],
      ["ApiV4Definition/orders", "safe", "path-added", "apis/orders.yaml"],
    ]);
    const byRef = await run(["audit", "--since", hashes[1]!, "--format", "json"], repo);
    expect((JSON.parse(byRef.out) as Array<{ commit: string }>).map((e) => e.commit)).toEqual([hashes[2]]);
  });

  it("markdown: one table row per change", async () => {
    const { out } = await run(["audit", "--format", "markdown", "--since", "2026-01-20"], repo);
    expect(out).toContain("| date | commit | author | API | change | what |");
    expect(out).toContain(
      `| 2026-02-01T10:30:00+00:00 | \`${hashes[1]!.slice(0, 12)}\` move orders under /shop | Bob | \`ApiV4Definition/orders\` | breaking \`path-removed\` | path /orders/: context path removed |`,
    );
  });

  it("outside a git repository: a usage error, no stack", async () => {
    const dir = await mkdtemp(join(tmpdir(), "sluice-audit-nogit-"));
    const { code, err } = await run(["audit"], dir);
    expect(code).toBe(2);
    expect(err).toContain("is not in a git repository");
    await rm(dir, { recursive: true, force: true });
  });
});
