// `sluice diff` as a user runs it in an API repository: git refs and the working tree, the three
// formats, --fail-on, and usage errors.
import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { PROJECT_DIR } from "../../compiler/compile.ts";
import { runCli as run } from "../helpers/cli.ts";

const git = (cwd: string, ...args: string[]) =>
  execFileSync(
    "git",
    ["-c", "user.name=t", "-c", "user.email=t@example", "-c", "commit.gpgsign=false", ...args],
    { cwd },
  );

describe("sluice diff", () => {
  let repo: string;

  beforeAll(async () => {
    // The example orders API of this repository, committed on main; then a branch that renames
    // its context path and removes the keyless plan, as in the pull request of issue 13.
    repo = await mkdtemp(join(tmpdir(), "sluice-diff-"));
    await mkdir(join(repo, "apis"));
    const orders = await readFile(join(PROJECT_DIR, "apis", "proxy", "orders.yaml"), "utf8");
    await writeFile(join(repo, "apis", "orders.yaml"), orders);
    git(repo, "init", "-q", "-b", "main");
    git(repo, "add", ".");
    git(repo, "commit", "-q", "-m", "orders");
    git(repo, "checkout", "-q", "-b", "change");
    const changed = orders
      .replace("        - path: /orders\n", "        - path: /shop/orders\n")
      .replace(/ {4}public:\n(?: {6}.*\n)+/, "");
    expect(changed).not.toBe(orders);
    await writeFile(join(repo, "apis", "orders.yaml"), changed);
    git(repo, "commit", "-q", "-am", "rename, drop the public plan");
  });

  it("between two refs: each change with its severity and why", async () => {
    const { code, out } = await run(["diff", "main", "change"], repo);
    expect(code).toBe(0);
    expect(out).toContain("ApiV4Definition/orders (change:apis/orders.yaml)");
    expect(out).toMatch(
      /breaking path-removed: path \/orders\/: context path removed — clients calling it get 404/,
    );
    expect(out).toMatch(
      /breaking plan-removed: plan public: KEY_LESS plan "Public" removed — anonymous clients now get 401/,
    );
    expect(out).toMatch(/safe {5}path-added: path \/shop\/orders\//);
    expect(out).toContain("2 breaking, 0 risky, 1 safe (main → change)");
  });

  it("--fail-on breaking fails the job; markdown and json", async () => {
    const gate = await run(["diff", "main", "change", "--fail-on", "breaking", "--format", "markdown"], repo);
    expect(gate.code).toBe(1);
    expect(gate.err).toContain("2 breaking, 0 risky, 1 safe; --fail-on breaking: failing");
    expect(gate.out).toContain("| 🔴 breaking | `plan-removed` | plan public |");
    const json = JSON.parse((await run(["diff", "main", "change", "--format", "json"], repo)).out);
    expect(json.changes.map((c: { kind: string }) => c.kind).sort()).toEqual([
      "path-added",
      "path-removed",
      "plan-removed",
    ]);
  });

  it("HEAD defaults to the working tree; nothing changed, nothing to say", async () => {
    const same = await run(["diff", "change", "--fail-on", "risky"], repo);
    expect(same.code).toBe(0);
    expect(same.out).toContain("No API changes between change and apis (working tree).");
  });

  it("usage errors", async () => {
    expect((await run(["diff", "nope"], repo)).err).toContain("`nope` is neither a directory nor a git ref");
    expect((await run(["diff", "main", "change", "--fail-on", "safe"], repo)).code).toBe(2);
    expect((await run(["diff"], repo)).code).toBe(2);
  });
});
