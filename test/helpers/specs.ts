// Spec builders shared by tests.

/** A minimal PROXY API: one HTTP listener, one http-proxy endpoint, a keyless plan. */
export const proxyApi = (
  name: string,
  path: string,
  target: string,
  extra = "",
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
    free:
      name: Free
      security:
        type: KEY_LESS
${extra}`;
