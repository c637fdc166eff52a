// `sluice check` as a user runs it: exit codes, the three output formats, every diagnostic in one
// run (several errors in one file, errors in a second YAML document, a YAML syntax error), stdin.
import { execFile } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_DIR } from "../../compiler/compile.ts";
import { runCli as run } from "../helpers/cli.ts";

const valid = `apiVersion: gravitee.io/v1alpha1
kind: ApiV4Definition
metadata:
  name: pets
spec:
  name: Pets
  version: "1"
  type: PROXY
  listeners:
    - type: HTTP
      paths:
        - path: /pets
      entrypoints:
        - type: http-proxy
  endpointGroups:
    - name: pets
      type: http-proxy
      endpoints:
        - name: pets-1
          type: http-proxy
          configuration:
            target: http://pets.internal
  plans:
    free:
      name: Free
      security:
        type: KEY_LESS
`;

async function repo(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "sluice-cli-"));
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return dir;
}

describe("sluice check", () => {
  it("exits 0 on a valid repository", async () => {
    const dir = await repo({ "pets.yaml": valid });
    const r = await run(["check", dir, "--format", "json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual([]);
  });

  it("reports every error of a file, and errors in a second document, with exact positions", async () => {
    const broken = valid
      .replace("type: PROXY", "type: PROXI")
      .replace("      paths:", "      pathz:")
      .replace("          configuration:\n", "          configuration:\n            timeout: 5\n");
    const second = `${valid.replace("name: pets\n", "name: pets-two\n").replace("/pets", "/pets2")}`.replace(
      "type: KEY_LESS",
      "type: KEYLESS",
    );
    const dir = await repo({ "pets.yaml": `${broken}---\n${second}` });
    const r = await run(["check", dir, "--format", "json"], dir);
    expect(r.code).toBe(1);
    const found = (
      JSON.parse(r.out) as Array<{
        file: string;
        line: number;
        column: number;
        code: string;
        message: string;
        hint?: string;
      }>
    ).map((d) => `${d.file}:${d.line}:${d.column} ${d.code} ${d.hint ?? ""}`);
    expect(found).toEqual([
      "pets.yaml:8:9 schema/enum did you mean `PROXY`?",
      "pets.yaml:11:7 schema/unknown-property did you mean `paths`?",
      "pets.yaml:22:13 schema/unknown-property known properties here: `target`",
      "pets.yaml:56:15 schema/enum did you mean `KEY_LESS`?",
    ]);
  });

  it("reports a YAML syntax error at its line, and still checks the other files", async () => {
    const dir = await repo({
      "a.yaml": "apiVersion: gravitee.io/v1alpha1\nkind: [unclosed\n",
      "b.yaml": valid.replace("type: http-proxy\n  endpointGroups", "type: sse\n  endpointGroups"),
    });
    const r = await run(["check", dir, "--format", "json"], dir);
    expect(r.code).toBe(1);
    const found = JSON.parse(r.out) as Array<{ file: string; line: number; code: string }>;
    expect(found.map((d) => `${d.file}:${d.line} ${d.code}`)).toEqual([
      "a.yaml:3 load/yaml-syntax",
      "b.yaml:14 exposure/entrypoint-api-type",
    ]);
  });

  it("prints a code frame and hint in the human format, GitHub annotations in the github format", async () => {
    const dir = await repo({ "pets.yaml": valid.replace("type: PROXY", "type: proxy") });
    const human = await run(["check", "pets.yaml"], dir);
    expect(human.code).toBe(1);
    expect(human.out).toContain("pets.yaml:8:9: error schema/enum: `proxy` is not a valid value for `type`");
    expect(human.out).toContain("  8 |   type: proxy\n    |         ^");
    expect(human.out).toContain("hint: did you mean `PROXY`?");
    const gh = await run(["check", "pets.yaml", "--format", "github"], dir);
    expect(gh.out.trim()).toBe(
      "::error file=pets.yaml,line=8,col=9,title=schema/enum::`proxy` is not a valid value for `type`%0Adid you mean `PROXY`?",
    );
  });

  it("exits 2 without a stack trace on usage errors", async () => {
    const r1 = await run(["check", "--format", "xml"]);
    expect(r1.code).toBe(2);
    expect(r1.err).toContain("--format must be one of human, json, github");
    const r2 = await run(["check", "/no/such/dir"]);
    expect(r2.code).toBe(2);
    expect(r2.err).toBe("sluice: no such file or directory: /no/such/dir\n");
    const r3 = await run(["frobnicate"]);
    expect(r3.code).toBe(2);
    expect(r3.err).not.toContain("    at ");
  });

  it("reads a multi-document stream from standard input with `-` (the real bin)", async () => {
    const bin = join(PROJECT_DIR, "bin", "sluice.js");
    const node = join(PROJECT_DIR, "node_modules", ".bin", "node");
    const result = await new Promise<{ code: number | null; stdout: string }>((resolve) => {
      const child = execFile(node, [bin, "check", "-", "--format", "json"], (error, stdout) =>
        resolve({ code: error ? (error.code as number) : 0, stdout }),
      );
      child.stdin?.end(`${valid}---\n${valid}`);
    });
    expect(result.code).toBe(1);
    const found = JSON.parse(result.stdout) as Array<{ file: string; line: number; code: string }>;
    expect(found.map((d) => `${d.file}:${d.line} ${d.code}`)).toEqual([
      "<stdin>:32 repo/duplicate-name",
      "<stdin>:40 path/duplicate",
    ]);
  });
});
