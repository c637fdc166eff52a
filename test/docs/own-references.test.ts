// Users have this repository (or its package), nothing beside it: the README, docs/, the templates
// and the comments of compiler/ and runtime/ may only point at files inside it. A reference to the
// project's working notes (SPEC, SPEC.md, ../shared/…) or a relative link that leads nowhere fails here,
// with the file and line to fix. The contract users need is docs/contract.md.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "..", "..");
const SCANNED = ["README.md", "ARCHITECTURE.md", "docs", "compiler", "runtime", "templates", "bin"];
const TEXT = /\.(md|ts|js|mjs|json|ya?ml)$|(^|\/)(Dockerfile|\.gitignore)$/;

function files(path: string): string[] {
  const full = join(ROOT, path);
  if (!existsSync(full)) return [];
  if (statSync(full).isFile()) return [path];
  return readdirSync(full, { withFileTypes: true }).flatMap((entry) =>
    entry.name === "node_modules" ? [] : files(join(path, entry.name)),
  );
}

interface Finding {
  where: string;
  problem: string;
}

/** The project's working notes, by name (`SPEC.md`, `SPEC §6`, `SPEC:`), not `EXIT_SPEC_ERRORS`. */
const MENTIONS_SPEC = /\bSPEC\b/;
/** A path that starts with `../` (in a comment, an import, a link) must stay inside and exist. */
const PARENT_PATH = /(?<![\w/.])((?:\.\.\/)+[\w@.-][\w@./-]*)/g;
/** Relative Markdown links: `[text](target)`; URLs and in-page anchors are not files. */
const MARKDOWN_LINK = /\]\(([^)\s]+)\)/g;

function findProblems(file: string): Finding[] {
  const text = readFileSync(join(ROOT, file), "utf8");
  const findings: Finding[] = [];
  const lines = text.split("\n");
  lines.forEach((line, index) => {
    const where = `${file}:${index + 1}`;
    if (MENTIONS_SPEC.test(line))
      findings.push({ where, problem: "mentions SPEC (users have docs/contract.md)" });
    const targets = [...line.matchAll(PARENT_PATH)].map((m) => m[1] as string);
    if (file.endsWith(".md"))
      for (const m of line.matchAll(MARKDOWN_LINK)) {
        const target = m[1] as string;
        if (!/^([a-z]+:|#)/i.test(target) && !targets.includes(target)) targets.push(target);
      }
    for (const target of targets) {
      const path = target.split("#")[0]?.replace(/[.,;:]+$/, "") ?? "";
      if (path === "") continue;
      const absolute = resolve(dirname(join(ROOT, file)), path);
      const inside = relative(ROOT, absolute);
      if (absolute !== ROOT && !absolute.startsWith(ROOT + sep))
        findings.push({ where, problem: `\`${target}\` points outside the repository` });
      // Docs link to files that must exist. Code also names paths of the generated output
      // (`../link.js` of a chunk), so there only the top-level folder must be one of ours.
      else if (
        file.endsWith(".md") ? !existsSync(absolute) : !existsSync(join(ROOT, inside.split(sep)[0] ?? ""))
      )
        findings.push({ where, problem: `\`${target}\` does not exist (${inside})` });
    }
  });
  return findings;
}

describe("documentation and comments point inside the repository", () => {
  const scanned = SCANNED.flatMap(files).filter((file) => TEXT.test(file));

  it("scans the README, docs/ and the source folders", () => {
    expect(scanned).toContain("README.md");
    expect(scanned).toContain("docs/contract.md");
    expect(scanned.filter((file) => file.startsWith("runtime/")).length).toBeGreaterThan(20);
  });

  it("no file mentions SPEC or a path outside the repository, and every relative link resolves", () => {
    const findings = scanned.flatMap(findProblems);
    expect(findings.map((f) => `${f.where}: ${f.problem}`)).toEqual([]);
  });

  it("catches what it is meant to catch", () => {
    // The detector itself, on a line of each kind (so the test above cannot pass by finding nothing).
    const probe = (line: string, file = "docs/x.md"): string[] => {
      const findings: string[] = [];
      if (MENTIONS_SPEC.test(line)) findings.push("spec");
      for (const m of line.matchAll(PARENT_PATH)) {
        const absolute = resolve(dirname(join(ROOT, file)), m[1] as string);
        findings.push(absolute.startsWith(ROOT + sep) ? "inside" : "outside");
      }
      return findings;
    };
    expect(probe("// the rule of SPEC.md §2", "compiler/x.ts")).toEqual(["spec"]);
    expect(probe("// never in clear in git (SPEC §6)", "compiler/x.ts")).toEqual(["spec"]);
    expect(
      probe('throw graphqlError("…", "INTROSPECTION_DISABLED"); // EXIT_SPEC_ERRORS', "runtime/x.ts"),
    ).toEqual([]);
    expect(probe("see [the contract](../shared/SPEC.md)", "README.md")).toEqual(["spec", "outside"]);
    expect(probe('import { compare } from "../shared/compare.ts";', "compiler/model/x.ts")).toEqual([
      "inside",
    ]);
    expect(findProblems("test/docs/fixtures/stray-references.md")).toEqual([
      {
        where: "test/docs/fixtures/stray-references.md:3",
        problem: "mentions SPEC (users have docs/contract.md)",
      },
      {
        where: "test/docs/fixtures/stray-references.md:3",
        problem: "`../../../../shared/SPEC.md` points outside the repository",
      },
      {
        where: "test/docs/fixtures/stray-references.md:4",
        problem: "`missing.md` does not exist (test/docs/fixtures/missing.md)",
      },
    ]);
  });
});
