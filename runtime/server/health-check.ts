// Gravitee's `http-health-check` endpoint service: on its cron schedule, each endpoint with the
// service enabled is called (method, target path, headers, body) with the endpoint's own client,
// and the assertion (compiled EL, default `{#response.status == 200}`) judges the response.
// `failureThreshold` consecutive failures take the endpoint out of its group's rotation
// (LoadBalancer.markDown, reported by /health/ready); `successThreshold` consecutive successes put
// it back. https://documentation.gravitee.io/apim/configure-apis/configure-v4-apis/health-checks
import type { ConnectorContext, HealthCheck, Logger, ProbeResult, ProxyEndpoint } from "../contract.ts";
import type { ElContext } from "../el.ts";
import type { ApiRuntime } from "./api-runtime.ts";
import { parseCron } from "./cron.ts";
import type { LoadBalancer } from "./load-balancer.ts";

/** Gravitee's defaults for the service. */
const DEFAULTS = { schedule: "*/10 * * * * *", successThreshold: 2, failureThreshold: 2, timeoutMs: 5000 };

export interface HealthChecks {
  stop(): void;
}

export function startHealthChecks(
  apis: readonly ApiRuntime[],
  env: Readonly<Record<string, string | undefined>>,
): HealthChecks {
  const stops: Array<() => void> = [];
  for (const api of apis) {
    const ctx: ConnectorContext = { api: api.info, log: api.log, env };
    api.definition.endpointGroups.forEach((group, gi) => {
      const runtime = api.groups[gi];
      if (!runtime) return;
      group.endpoints.forEach((binding, ei) => {
        const endpoint = runtime.endpoints[ei] as ProxyEndpoint | undefined;
        const check = binding.healthCheck(ctx);
        if (!endpoint?.probe || !check || check.enabled === false) return;
        stops.push(
          schedule(
            check,
            endpoint,
            runtime.balancer as LoadBalancer<ProxyEndpoint>,
            api,
            `${group.name}:${binding.name}`,
            ctx.log,
          ),
        );
      });
    });
  }
  return {
    stop: () => {
      for (const s of stops) s();
    },
  };
}

function schedule(
  check: HealthCheck,
  endpoint: ProxyEndpoint,
  balancer: LoadBalancer<ProxyEndpoint>,
  api: ApiRuntime,
  name: string,
  log: Logger,
): () => void {
  const c = check.configuration ?? {};
  const cron = parseCron(c.schedule || DEFAULTS.schedule);
  const successThreshold = Math.max(1, c.successThreshold ?? DEFAULTS.successThreshold);
  const failureThreshold = Math.max(1, c.failureThreshold ?? DEFAULTS.failureThreshold);
  const assertion = c.assertion ?? ((el: ElContext) => el.response?.status === 200);
  const headers: Record<string, string> = {};
  for (const h of c.headers ?? []) if (h.name) headers[h.name.toLowerCase()] = String(h.value ?? "");
  let successes = 0;
  let failures = 0;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  const run = async (): Promise<void> => {
    let ok = false;
    let detail = "";
    try {
      const result = await endpoint.probe!({
        method: c.method ?? "GET",
        target: c.target ?? "/",
        fromRoot: c.overrideEndpointPath === true,
        headers,
        ...(c.body ? { body: c.body } : {}),
        timeoutMs: DEFAULTS.timeoutMs,
      });
      ok = assertion(probeContext(result, api));
      if (!ok) detail = `health check assertion failed (status ${result.status})`;
    } catch (error) {
      detail = `health check failed: ${error instanceof Error ? error.message || error.name : String(error)}`;
    }
    if (stopped) return;
    if (ok) {
      failures = 0;
      successes++;
      if (balancer.downReason(endpoint) !== undefined && successes >= successThreshold) {
        balancer.markUp(endpoint);
        log.info("endpoint back in rotation", { endpoint: name });
      }
    } else {
      successes = 0;
      failures++;
      if (balancer.downReason(endpoint) === undefined && failures >= failureThreshold) {
        balancer.markDown(endpoint, detail);
        log.warn("endpoint removed from rotation", { endpoint: name, detail });
      } else if (balancer.downReason(endpoint) !== undefined) {
        balancer.markDown(endpoint, detail);
      }
    }
  };

  const arm = (): void => {
    if (stopped) return;
    const at = cron.next(Date.now());
    if (at === undefined) return;
    timer = setTimeout(() => {
      // One check at a time per endpoint: a slow check delays the next, never overlaps it.
      run().finally(arm);
    }, at - Date.now());
    timer.unref();
  };
  arm();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}

function probeContext(result: ProbeResult, api: ApiRuntime): ElContext {
  const none = () => undefined;
  return {
    request: {
      id: "",
      transactionId: "",
      method: "GET",
      scheme: "http",
      host: "",
      path: "",
      pathInfo: "",
      contextPath: "",
      uri: "",
      remoteAddress: "",
      headers: none,
      params: none,
      pathParams: none,
    },
    response: {
      status: result.status,
      headers: (name) => {
        const v = result.headers[name];
        return v === undefined ? undefined : Array.isArray(v) ? v : [v];
      },
      content: result.body,
    },
    context: { attributes: {} },
    properties: api.info.properties,
    ...(api.info.dictionaries === undefined ? {} : { dictionaries: api.info.dictionaries }),
  };
}
