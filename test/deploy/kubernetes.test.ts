// The template's Kubernetes manifests, validated offline against the Kubernetes OpenAPI schemas
// (kubernetes-models validates with the schemas of the official API), the base and each overlay as
// kustomize renders it (`kubectl kustomize`, kustomize built into kubectl), then what the gateway
// needs of them: probes on the admin port, the variables, the Secret volume layout, the security
// context, a grace period that covers the drain, selectors that match the pods.
// The schemas let unknown fields through (as the API server does by default, dropping them), so a
// misspelt `readinesProbe` would pass unnoticed: TypeScript's excess-property check against the
// same package's types of the Kubernetes API catches those.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadAll } from "js-yaml";
import { Deployment } from "kubernetes-models/apps/v1";
import { HorizontalPodAutoscaler } from "kubernetes-models/autoscaling/v2";
import { PodDisruptionBudget } from "kubernetes-models/policy/v1";
import { ConfigMap, Service } from "kubernetes-models/v1";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");
const KUBERNETES = join(ROOT, "templates", "api-repo", "deploy", "kubernetes");
const OVERLAYS = readdirSync(join(KUBERNETES, "overlays")).sort();

// biome-ignore lint/suspicious/noExplicitAny: rendered manifests are read as plain data.
type Manifest = any;

/** The resource kinds the manifests may contain, each with its model (which validates). */
const MODELS: Readonly<Record<string, new (data: Manifest) => { validate(): void }>> = {
  "apps/v1/Deployment": Deployment,
  "v1/Service": Service,
  "v1/ConfigMap": ConfigMap,
  "autoscaling/v2/HorizontalPodAutoscaler": HorizontalPodAutoscaler,
  "policy/v1/PodDisruptionBudget": PodDisruptionBudget,
};

function validate(manifest: Manifest): void {
  const Model = MODELS[`${manifest.apiVersion}/${manifest.kind}`];
  if (Model === undefined) throw new Error(`unexpected resource ${manifest.apiVersion} ${manifest.kind}`);
  new Model(manifest).validate();
}

const kubectl = (() => {
  try {
    execFileSync("kubectl", ["version", "--client"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

function render(dir: string): Manifest[] {
  const yaml = execFileSync("kubectl", ["kustomize", join(KUBERNETES, dir)], { encoding: "utf8" });
  return loadAll(yaml) as Manifest[];
}

/** The kubernetes-models interface of each kind, for the excess-property check. */
const TYPES: Readonly<Record<string, [module: string, type: string]>> = {
  "apps/v1/Deployment": ["kubernetes-models/apps/v1", "IDeployment"],
  "v1/Service": ["kubernetes-models/v1", "IService"],
  "v1/ConfigMap": ["kubernetes-models/v1", "IConfigMap"],
  "autoscaling/v2/HorizontalPodAutoscaler": ["kubernetes-models/autoscaling/v2", "IHorizontalPodAutoscaler"],
  "policy/v1/PodDisruptionBudget": ["kubernetes-models/policy/v1", "IPodDisruptionBudget"],
};

/**
 * Fields that the Kubernetes API does not know, as tsc reports them: each manifest becomes an
 * object literal typed with its kind's interface (a literal is checked for excess properties at
 * every depth). Returns tsc's messages, empty when every field is known.
 */
function unknownFields(manifests: Manifest[]): string {
  const dir = join(
    ROOT,
    ".tmp",
    "tests",
    `kubernetes-fields-${process.pid}-${Math.random().toString(36).slice(2)}`,
  );
  mkdirSync(dir, { recursive: true });
  try {
    const lines = manifests.map((m, i) => {
      const [module, type] = TYPES[`${m.apiVersion}/${m.kind}`] ?? [];
      if (!module) throw new Error(`no type for ${m.apiVersion} ${m.kind}`);
      return `import type { ${type} as T${i} } from "${module}";\nexport const m${i}: T${i} = ${JSON.stringify(m, null, 2)};`;
    });
    writeFileSync(join(dir, "manifests.ts"), `${lines.join("\n")}\n`);
    const options = { strict: true, noEmit: true, skipLibCheck: true, module: "nodenext", types: [] };
    writeFileSync(
      join(dir, "tsconfig.json"),
      JSON.stringify({ compilerOptions: options, files: ["manifests.ts"] }),
    );
    const tsc = spawnSync(join(ROOT, "node_modules", ".bin", "tsc"), ["-p", dir], { encoding: "utf8" });
    return `${tsc.stdout}${tsc.stderr}`.trim();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const one = (manifests: Manifest[], kind: string): Manifest => {
  const found = manifests.filter((m) => m.kind === kind);
  expect(found, kind).toHaveLength(1);
  return found[0];
};

describe("the base's files validate against the Kubernetes schemas", () => {
  const base = readdirSync(join(KUBERNETES, "base")).filter((f) => f !== "kustomization.yaml");

  it.each(base)("%s", (file) => {
    const manifests = loadAll(readFileSync(join(KUBERNETES, "base", file), "utf8")) as Manifest[];
    expect(manifests.length).toBeGreaterThan(0);
    for (const manifest of manifests) validate(manifest);
  });

  it("every field is one the Kubernetes API knows", () => {
    const manifests = base.flatMap((file) => loadAll(readFileSync(join(KUBERNETES, "base", file), "utf8")));
    expect(unknownFields(manifests as Manifest[])).toBe("");
  });

  it("a misspelt field is reported", () => {
    const deployment = loadAll(
      readFileSync(join(KUBERNETES, "base", "deployment.yaml"), "utf8"),
    )[0] as Manifest;
    const container = deployment.spec.template.spec.containers[0];
    container.readinesProbe = container.readinessProbe;
    expect(unknownFields([deployment])).toMatch(/readinesProbe"' does not exist in type 'IContainer'/);
  });

  it("a mistake fails validation (the validator is not a no-op)", () => {
    const deployment = loadAll(
      readFileSync(join(KUBERNETES, "base", "deployment.yaml"), "utf8"),
    )[0] as Manifest;
    deployment.spec.template.spec.securityContext.runAsNonRoot = "yes";
    expect(() => validate(deployment)).toThrow(/runAsNonRoot must be boolean/);
    deployment.spec.template.spec.securityContext.runAsNonRoot = true;
    deployment.spec.template.spec.containers[0].readinessProbe.httpGet.port = { name: "admin" };
    expect(() => validate(deployment)).toThrow(/readinessProbe\/httpGet\/port/);
  });
});

describe.runIf(kubectl).each(["base", ...OVERLAYS.map((o) => `overlays/${o}`)])(
  "%s, rendered by kustomize",
  (dir) => {
    const manifests = render(dir);
    const deployment = one(manifests, "Deployment");
    const pod = deployment.spec.template;
    const container = pod.spec.containers[0];
    const config = one(manifests, "ConfigMap");

    it("validates against the Kubernetes schemas", () => {
      expect(manifests.map((m) => m.kind).sort()).toEqual([
        "ConfigMap",
        "Deployment",
        "HorizontalPodAutoscaler",
        "PodDisruptionBudget",
        "Service",
      ]);
      for (const manifest of manifests) validate(manifest);
      expect(unknownFields(manifests)).toBe("");
    });

    it("probes the admin port: readiness /health/ready, liveness and start-up /health/live", () => {
      const admin = container.ports.find((p: Manifest) => p.name === "admin");
      expect(admin.containerPort).toBe(Number(config.data.SLUICE_ADMIN_PORT));
      expect(container.readinessProbe.httpGet).toEqual({ path: "/health/ready", port: "admin" });
      expect(container.livenessProbe.httpGet).toEqual({ path: "/health/live", port: "admin" });
      expect(container.startupProbe.httpGet).toEqual({ path: "/health/live", port: "admin" });
      const http = container.ports.find((p: Manifest) => p.name === "http");
      expect(http.containerPort).toBe(Number(config.data.SLUICE_HTTP_PORT));
    });

    it("takes its variables from the generated ConfigMap and the optional Secret", () => {
      expect(container.envFrom).toEqual([
        { configMapRef: { name: config.metadata.name } },
        { secretRef: { name: "sluice-gateway-env", optional: true } },
      ]);
      expect(config.metadata.name).toMatch(/^sluice-gateway-config-[a-z0-9]{10}$/);
      // The probes come from outside the pod: the admin port must not stay on 127.0.0.1.
      expect(config.data.SLUICE_ADMIN_HOST).toBe("0.0.0.0");
    });

    it("mounts each Secret of subscription keys at $SLUICE_SECRETS_DIR/<its name>", () => {
      const dir = config.data.SLUICE_SECRETS_DIR;
      expect(dir).toMatch(/^\//);
      const secrets = pod.spec.volumes.filter((v: Manifest) => v.secret);
      expect(secrets.length).toBeGreaterThan(0);
      for (const volume of secrets) {
        const mount = container.volumeMounts.find((m: Manifest) => m.name === volume.name);
        expect(mount).toEqual({
          name: volume.name,
          mountPath: `${dir}/${volume.secret.secretName}`,
          readOnly: true,
        });
      }
    });

    it("runs as a non-root user on a read-only root filesystem without capabilities", () => {
      expect(pod.spec.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 1000 });
      expect(pod.spec.securityContext.runAsUser).toBeGreaterThan(0);
      expect(container.securityContext).toEqual({
        allowPrivilegeEscalation: false,
        readOnlyRootFilesystem: true,
        capabilities: { drop: ["ALL"] },
      });
      expect(pod.spec.automountServiceAccountToken).toBe(false);
      expect(container.resources.requests).toHaveProperty("memory");
      expect(container.resources.limits).toHaveProperty("memory");
    });

    it("gives the drain time to finish: preStop + SLUICE_DRAIN_TIMEOUT_MS < terminationGracePeriodSeconds", () => {
      const preStop = container.lifecycle.preStop.sleep.seconds;
      const drain = Number(config.data.SLUICE_DRAIN_TIMEOUT_MS) / 1000;
      expect(preStop).toBeGreaterThan(0);
      expect(drain).toBeGreaterThan(0);
      expect(preStop + drain).toBeLessThan(pod.spec.terminationGracePeriodSeconds);
    });

    it("the Service, autoscaler and disruption budget select the Deployment's pods", () => {
      const labels = pod.metadata.labels;
      const matches = (selector: Record<string, string>) =>
        Object.entries(selector).every(([key, value]) => labels[key] === value);
      const service = one(manifests, "Service");
      expect(matches(service.spec.selector)).toBe(true);
      expect(matches(deployment.spec.selector.matchLabels)).toBe(true);
      expect(matches(one(manifests, "PodDisruptionBudget").spec.selector.matchLabels)).toBe(true);
      expect(service.spec.ports.map((p: Manifest) => p.targetPort)).toEqual(["http"]);
      const hpa = one(manifests, "HorizontalPodAutoscaler");
      expect(hpa.spec.scaleTargetRef).toEqual({
        apiVersion: "apps/v1",
        kind: "Deployment",
        name: deployment.metadata.name,
      });
      expect(hpa.spec.minReplicas).toBeLessThanOrEqual(hpa.spec.maxReplicas);
      // The autoscaler owns the replica count; a fixed one would fight it on every apply.
      expect(deployment.spec.replicas).toBeUndefined();
    });

    it.runIf(dir.startsWith("overlays/"))("sets the namespace and an image from a registry", () => {
      for (const manifest of manifests) expect(manifest.metadata.namespace).toMatch(/^apis-/);
      expect(container.image).toMatch(/^ghcr\.io\/[^:]+:.+$/);
    });
  },
);

describe.runIf(kubectl)("the overlays differ where they should", () => {
  it("prod keeps more gateways than staging, and at least two during disruptions", () => {
    const staging = render("overlays/staging");
    const prod = render("overlays/prod");
    const min = (m: Manifest[]) => one(m, "HorizontalPodAutoscaler").spec.minReplicas;
    expect(min(prod)).toBeGreaterThan(min(staging));
    const pdb = one(prod, "PodDisruptionBudget").spec;
    expect(pdb).toEqual(expect.objectContaining({ minAvailable: 2 }));
    expect(pdb).not.toHaveProperty("maxUnavailable");
    expect(min(prod)).toBeGreaterThan(pdb.minAvailable);
  });
});
