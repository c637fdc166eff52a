// docs/expression-language.md cannot drift from the compiler's whitelist: every variable the compiler
// reads (el-roots.ts ROOTS and their members) and every Gravitee name it refuses with a reason
// (NOT_COMPILED) appears in the reference, in backticks.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { NOT_COMPILED, ROOTS, type RootMember } from "../../compiler/expression/el-roots.ts";

const DOC = readFileSync(join(import.meta.dirname, "../../docs/expression-language.md"), "utf8");

/** Every backticked span of the document's text (fenced code blocks left out). */
const CODE = [...DOC.replace(/^```[\s\S]*?^```/gm, "").matchAll(/`([^`\n]+)`/g)].map((m) => m[1]!);

const mentioned = (name: string) => CODE.some((code) => code.includes(name));

function names(prefix: string, member: RootMember): string[] {
  if (member.kind !== "object") return [prefix];
  return [prefix, ...[...member.members].flatMap(([key, child]) => names(`${prefix}.${key}`, child))];
}

describe("docs/expression-language.md", () => {
  it("documents every variable root", () => {
    expect([...ROOTS.keys()].filter((root) => !mentioned(`#${root}`))).toEqual([]);
  });

  it("documents every member of the roots, by its last name", () => {
    const missing = [...ROOTS]
      .flatMap(([root, member]) => names(`#${root}`, member))
      // A certificate subject's first-value fields are one documented family (`cn`, `o`, `ou`, …).
      .filter((name) => !/\.ssl\.(client|server)\.(?!dn$|defined$|attributes$)/.test(name))
      .filter((name) => !mentioned(name.slice(name.lastIndexOf(".") + 1)));
    expect(missing).toEqual([]);
  });

  it("documents every refused Gravitee name", () => {
    expect([...NOT_COMPILED.keys()].filter((name) => !mentioned(name.replace(/^#request\./, "")))).toEqual(
      [],
    );
  });
});
