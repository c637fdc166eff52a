// Spec builders for the security tests: a PROXY API whose plans are given as YAML.

/** A PROXY API on `path` proxying to `target`, with `plans` (YAML under `spec.plans`, 4 spaces in). */
export const securedApi = (
  name: string,
  path: string,
  target: string,
  plans: string,
) => `apiVersion: gravitee.io/v1alpha1
kind: ApiV4Definition
metadata:
  name: ${name}
spec:
  name: ${name}
  version: "1"
  type: PROXY
  listeners:
    - type: HTTP
      paths:
        - path: ${path}
      entrypoints:
        - type: http-proxy
  endpointGroups:
    - name: backend
      type: http-proxy
      endpoints:
        - name: primary
          type: http-proxy
          configuration:
            target: ${target}
  plans:
${plans}`;

/** A JWT plan named `id` with `configuration` lines (8 spaces in) and optional plan flows. */
export const jwtPlan = (id: string, configuration: string, flows = "") => `    ${id}:
      name: ${id}
      security:
        type: JWT
        configuration:
${configuration}
${flows}`;

export const keylessPlan = (id: string) => `    ${id}:
      name: ${id}
      security:
        type: KEY_LESS
`;
