// `sluice init`: the template lands complete and personalised, an existing file stops it before it
// writes anything, and the template's Dockerfile is the one docs/deploy.md describes (linted by
// dockerfile-utils, the linter of the VS Code Docker extension; no container engine runs here).
import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { validate as lintDockerfile } from "dockerfile-utils";
import { afterAll, describe, expect, it } from "vitest";
import { packageName, TEMPLATE_DIR } from "../../compiler/cli/init-command.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const SLUICE = join(ROOT, "bin", "sluice.js");
const work = mkdtempSync(join(tmpdir(), "sluice-init-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function sluice(cwd: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [SLUICE, ...args], { cwd, encoding: "utf8" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function tree(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

describe("sluice init", () => {
  it("creates the API repository from the template and prints the next steps", () => {
    const result = sluice(work, "init", "Team APIs");
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const dir = join(work, "Team APIs");
    const expected = tree(TEMPLATE_DIR)
      .map((f) => (f === "gitignore" ? ".gitignore" : f))
      .sort();
    expect(tree(dir)).toEqual(expected);
    expect(tree(dir)).toEqual(
      expect.arrayContaining([
        ".github/workflows/gateway.yml",
        ".gitignore",
        "Dockerfile",
        "README.md",
        "apis/events.yaml",
        "apis/orders.yaml",
        "deploy/kubernetes/base/kustomization.yaml",
        "package.json",
      ]),
    );
    expect(result.stdout).toContain('cd "Team APIs"');
    expect(result.stdout).toContain("npm install");
    expect(result.stdout).toContain("npx sluice compile apis");
    const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    const own = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
    expect(pkg.name).toBe("team-apis");
    expect(pkg.devDependencies).toEqual({ [own.name]: `^${own.version}` });
    expect(readFileSync(join(dir, "apis", "orders.yaml"), "utf8")).toBe(
      readFileSync(join(TEMPLATE_DIR, "apis", "orders.yaml"), "utf8"),
    );
  });

  it("the created repository's specs pass `sluice check`", () => {
    const result = sluice(join(work, "Team APIs"), "check", "apis");
    expect(result.stderr).toContain("2 APIs checked, no errors");
    expect(result.code).toBe(0);
  });

  it("writes nothing when one of its files exists, and names it", () => {
    const dir = join(work, "existing");
    mkdirSync(join(dir, "apis"), { recursive: true });
    writeFileSync(join(dir, "apis", "orders.yaml"), "# ours\n");
    const result = sluice(dir, "init");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("init writes nothing: this file exists\n  apis/orders.yaml\n");
    expect(tree(dir)).toEqual(["apis/orders.yaml"]);
    expect(readFileSync(join(dir, "apis", "orders.yaml"), "utf8")).toBe("# ours\n");
  });

  it("runs again in the same place without touching the first run's files", () => {
    const dir = join(work, "Team APIs");
    writeFileSync(join(dir, "apis", "events.yaml"), "# edited\n");
    const result = sluice(work, "init", "Team APIs");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("these files exist");
    expect(readFileSync(join(dir, "apis", "events.yaml"), "utf8")).toBe("# edited\n");
  });

  it("refuses a file as DIR", () => {
    writeFileSync(join(work, "notes.txt"), "");
    const result = sluice(work, "init", "notes.txt");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("sluice: notes.txt is a file, not a directory");
  });

  it("the npm package carries the whole template (npm leaves .gitignore files out: it is `gitignore`)", () => {
    const pack = spawnSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(pack.status, pack.stderr).toBe(0);
    const packed =
      (JSON.parse(pack.stdout) as { files: { path: string }[] }[])[0]?.files.map((f) => f.path) ?? [];
    const template = relative(ROOT, TEMPLATE_DIR);
    expect(packed.filter((path) => path.startsWith(`${template}/`)).sort()).toEqual(
      tree(TEMPLATE_DIR).map((file) => `${template}/${file}`),
    );
  });

  it("makes a valid npm name of any directory name", () => {
    expect(packageName("/x/My APIs (prod)")).toBe("my-apis-prod");
    expect(packageName("/x/___")).toBe("apis");
    expect(packageName("/x/payments.v2")).toBe("payments.v2");
  });

  it("every spec's $schema line points at the schema in the installed package", () => {
    for (const file of readdirSync(join(TEMPLATE_DIR, "apis"))) {
      const first = readFileSync(join(TEMPLATE_DIR, "apis", file), "utf8").split("\n")[0] ?? "";
      const match = /^# yaml-language-server: \$schema=\.\.\/node_modules\/sluice\/(.+)$/.exec(first);
      expect(match, `${file}: ${first}`).not.toBeNull();
      // node_modules/sluice/<path> is this repository's <path> once installed.
      expect(existsSync(join(ROOT, match?.[1] ?? "")), match?.[1]).toBe(true);
    }
  });
});

describe("the template's Dockerfile", () => {
  const dockerfile = readFileSync(join(TEMPLATE_DIR, "Dockerfile"), "utf8");
  const instructions = dockerfile
    .replace(/\\\n\s*/g, "")
    .split("\n")
    .filter((line) => line.trim() !== "" && !line.startsWith("#"));
  const instruction = (name: string) => instructions.filter((line) => line.startsWith(`${name} `));

  it("has no problem dockerfile-utils reports", () => {
    expect(lintDockerfile(dockerfile).map((d) => `${d.range.start.line + 1}: ${d.message}`)).toEqual([]);
    expect(lintDockerfile("FROM node:24-slim\nEXPOS 8082\n").length).toBeGreaterThan(0);
  });

  it("is Node.js 24 slim with only the bundle, as a non-root user", () => {
    expect(instruction("FROM")).toEqual(["FROM node:24-slim"]);
    expect(instruction("COPY")).toEqual(["COPY generated/dist/ ./dist/"]);
    expect(instruction("ADD")).toEqual([]);
    expect(instruction("RUN")).toEqual([]);
    expect(instruction("USER")).toEqual(["USER 1000:1000"]);
    expect(readFileSync(join(TEMPLATE_DIR, ".dockerignore"), "utf8")).toMatch(/^\*\n!generated\/dist\/\n$/m);
  });

  it("runs the gateway as PID 1 (exec form, no npm, no shell) and exposes both ports", () => {
    expect(instruction("ENTRYPOINT")).toEqual(['ENTRYPOINT ["node", "dist/gateway.mjs"]']);
    expect(instruction("CMD")).toEqual([]);
    expect(instruction("STOPSIGNAL")).toEqual(["STOPSIGNAL SIGTERM"]);
    expect(instruction("EXPOSE")).toEqual(["EXPOSE 8082 18082"]);
  });

  it("checks /health/live on the admin port", () => {
    const [healthcheck = ""] = instruction("HEALTHCHECK");
    expect(healthcheck).toMatch(/^HEALTHCHECK .*CMD \["node", "-e", ".*\/health\/live/);
    expect(healthcheck).toContain("${process.env.SLUICE_ADMIN_PORT}");
    const env = instruction("ENV").join(" ");
    for (const pair of ["SLUICE_HTTP_PORT=8082", "SLUICE_ADMIN_PORT=18082", "SLUICE_ADMIN_HOST=0.0.0.0"])
      expect(env).toContain(pair);
  });
});
