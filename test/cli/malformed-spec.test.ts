// A malformed spec is the user's mistake: `sluice check` and `sluice compile` report it at its line
// and exit 1, never "internal error" with exit 2 (the real bin, as a user runs it).
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_DIR } from "../../compiler/compile.ts";

const spec = `apiVersion: gravitee.io/v1alpha1
kind: ApiV4Definition
metadata:
  name: pets
spec:
  name: Pets
  version: "1"
  type: PROXY
  listeners: [null]
  endpointGroups:
    - name: pets
      type: http-proxy
      endpoints:
        - name: pets-1
          type: http-proxy
          configuration:
            target: http://pets.internal
  flows:
    - name: tag
      request:
        - policy: constructor
          configuration: {}
  plans:
    free:
      name: Free
      security:
        type: KEY_LESS
`;

function sluice(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const bin = join(PROJECT_DIR, "bin", "sluice.js");
  const node = join(PROJECT_DIR, "node_modules", ".bin", "node");
  return new Promise((resolve) => {
    execFile(node, [bin, ...args], { cwd }, (error, stdout, stderr) =>
      resolve({ code: error ? (error.code as number) : 0, stdout, stderr }),
    );
  });
}

describe("a malformed spec", () => {
  it("`listeners: [null]` and `policy: constructor`: check exits 1 with diagnostics at their lines", async () => {
    const dir = await mkdtemp(join(tmpdir(), "sluice-malformed-"));
    await writeFile(join(dir, "pets.yaml"), spec);
    const r = await sluice(["check", "pets.yaml", "--format", "json"], dir);
    expect(r.stderr).not.toContain("internal error");
    expect(r.code).toBe(1);
    const found = JSON.parse(r.stdout) as Array<{ file: string; line: number; column: number; code: string }>;
    expect(found.map((d) => `${d.file}:${d.line}:${d.column} ${d.code}`)).toEqual([
      "pets.yaml:9:15 schema/type",
      "pets.yaml:21:19 schema/enum",
    ]);
  });

  it("the human format points at the null item", async () => {
    const dir = await mkdtemp(join(tmpdir(), "sluice-malformed-"));
    await writeFile(join(dir, "pets.yaml"), spec.replace("policy: constructor", "policy: transform-headers"));
    const r = await sluice(["check", "pets.yaml"], dir);
    expect(r.stderr).not.toContain("internal error");
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      "pets.yaml:9:15: error schema/type: an item of `listeners` must be an object, not null",
    );
    expect(r.stdout).toContain("  9 |   listeners: [null]\n    |               ^");
  });

  it("compile exits 1 too, and writes nothing", async () => {
    const dir = await mkdtemp(join(tmpdir(), "sluice-malformed-"));
    await writeFile(join(dir, "pets.yaml"), spec);
    const r = await sluice(["compile", "pets.yaml", "--out", "out", "--format", "json"], dir);
    expect(r.stderr).not.toContain("internal error");
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toHaveLength(2);
    expect(existsSync(join(dir, "out"))).toBe(false);
  });
});
