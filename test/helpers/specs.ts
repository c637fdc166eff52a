// Spec builders shared by tests: a PROXY API whose parts can be replaced, and the plans it takes.

export interface ProxyApiOptions {
  /** YAML under `spec.plans` (4 spaces in); one keyless plan `free` when not given. */
  plans?: string;
  /** YAML lines under `spec` (2 spaces in) placed before the listeners, e.g. `analytics`. */
  head?: string;
  /** The endpoint group's name (`backend`). */
  group?: string;
  /** The endpoint's name (`primary`). */
  endpoint?: string;
}

/** A keyless plan `id` (4 spaces in), called `name`. */
export const keylessPlan = (id: string, name = id) => `    ${id}:
      name: ${name}
      security:
        type: KEY_LESS
`;

/**
 * A minimal PROXY API: one HTTP listener on `path`, one http-proxy endpoint to `target`, a keyless
 * plan (or `options.plans`); `extra` is YAML appended to `spec` (2 spaces in).
 */
export const proxyApi = (
  name: string,
  path: string,
  target: string,
  extra = "",
  options: ProxyApiOptions = {},
) => `apiVersion: gravitee.io/v1alpha1
kind: ApiV4Definition
metadata:
  name: ${name}
spec:
  name: ${name}
  version: "1"
  type: PROXY
${options.head ?? ""}  listeners:
    - type: HTTP
      paths:
        - path: ${path}
      entrypoints:
        - type: http-proxy
  endpointGroups:
    - name: ${options.group ?? "backend"}
      type: http-proxy
      endpoints:
        - name: ${options.endpoint ?? "primary"}
          type: http-proxy
          configuration:
            target: ${target}
  plans:
${options.plans ?? keylessPlan("free", "Free")}${extra}`;

/** A PROXY API on `path` proxying to `target`, with `plans` (YAML under `spec.plans`, 4 spaces in). */
export const securedApi = (name: string, path: string, target: string, plans: string) =>
  proxyApi(name, path, target, "", { plans });

/** A JWT plan named `id` with `configuration` lines (8 spaces in) and optional plan flows. */
export const jwtPlan = (id: string, configuration: string, flows = "") => `    ${id}:
      name: ${id}
      security:
        type: JWT
        configuration:
${configuration}
${flows}`;
