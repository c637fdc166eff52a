// Spec builders for the proxy tests: GKO resources written as JSON (valid YAML), so each test
// states only what it varies. `${VAR}` references work as in any spec.

export interface EndpointSpec {
  name: string;
  target: string;
  weight?: number;
  secondary?: boolean;
  services?: Record<string, unknown>;
  sharedConfigurationOverride?: Record<string, unknown>;
}

export interface GroupSpec {
  name?: string;
  loadBalancer?: "ROUND_ROBIN" | "RANDOM" | "WEIGHTED_ROUND_ROBIN" | "WEIGHTED_RANDOM";
  sharedConfiguration?: Record<string, unknown>;
  services?: Record<string, unknown>;
  endpoints: EndpointSpec[];
}

export function group(spec: GroupSpec): Record<string, unknown> {
  const inherit = spec.sharedConfiguration !== undefined;
  return {
    name: spec.name ?? "backend",
    type: "http-proxy",
    ...(spec.loadBalancer ? { loadBalancer: { type: spec.loadBalancer } } : {}),
    ...(inherit ? { sharedConfiguration: spec.sharedConfiguration } : {}),
    ...(spec.services ? { services: spec.services } : {}),
    endpoints: spec.endpoints.map((e) => ({
      name: e.name,
      type: "http-proxy",
      ...(e.weight !== undefined ? { weight: e.weight } : {}),
      ...(e.secondary ? { secondary: true } : {}),
      ...(inherit && !e.sharedConfigurationOverride ? { inheritConfiguration: true } : {}),
      ...(e.sharedConfigurationOverride
        ? { sharedConfigurationOverride: e.sharedConfigurationOverride }
        : {}),
      ...(e.services ? { services: e.services } : {}),
      configuration: { target: e.target },
    })),
  };
}

/** A v4 PROXY API with a KEY_LESS plan (or the given plans) on `path`. */
export function v4Proxy(
  name: string,
  path: string,
  groups: Array<Record<string, unknown>>,
  more: Record<string, unknown> = {},
): string {
  return JSON.stringify(
    {
      apiVersion: "gravitee.io/v1alpha1",
      kind: "ApiV4Definition",
      metadata: { name },
      spec: {
        name,
        version: "1",
        type: "PROXY",
        listeners: [{ type: "HTTP", paths: [{ path }], entrypoints: [{ type: "http-proxy" }] }],
        endpointGroups: groups,
        plans: { free: { name: "Free", security: { type: "KEY_LESS" } } },
        ...more,
      },
    },
    null,
    2,
  );
}

/** A health check every second that removes/restores an endpoint after one failure/success. */
export const everySecondHealthCheck = (target = "/health") => ({
  healthCheck: {
    enabled: true,
    type: "http-health-check",
    configuration: {
      schedule: "* * * * * *",
      method: "GET",
      target,
      assertion: "{#response.status == 200}",
      successThreshold: 1,
      failureThreshold: 1,
    },
  },
});
