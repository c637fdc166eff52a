// Generates a realistic API repository of N specs for the benchmarks: PROXY APIs with plans,
// flows, EL conditions and environment references, MESSAGE APIs on the mock endpoint, and v2 APIs.
import { mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";

export function specFor(i: number): string {
  const name = `api-${String(i).padStart(4, "0")}`;
  if (i % 10 === 9) {
    return `apiVersion: gravitee.io/v1alpha1
kind: ApiDefinition
metadata:
  name: ${name}
spec:
  name: ${name}
  version: "1.0"
  proxy:
    virtual_hosts:
      - path: /legacy/${name}
    groups:
      - name: default
        endpoints:
          - name: e1
            target: http://127.0.0.1:9/${name}
  plans:
    - name: Free
      security: KEY_LESS
`;
  }
  if (i % 5 === 3) {
    return `apiVersion: gravitee.io/v1alpha1
kind: ApiV4Definition
metadata:
  name: ${name}
spec:
  name: ${name}
  version: "1.0"
  type: MESSAGE
  listeners:
    - type: HTTP
      paths:
        - path: /events/${name}
      entrypoints:
        - type: http-get
          qos: AUTO
          configuration:
            messagesLimitCount: 10
        - type: http-post
          qos: AUTO
  endpointGroups:
    - name: mock-group
      type: mock
      endpoints:
        - name: mock
          type: mock
          configuration:
            messageInterval: 1000
            messageContent: '{"n": ${i}}'
  plans:
    free:
      name: Free
      security:
        type: KEY_LESS
`;
  }
  return `apiVersion: gravitee.io/v1alpha1
kind: ApiV4Definition
metadata:
  name: ${name}
spec:
  name: ${name}
  description: Generated API number ${i}
  version: "1.${i % 7}.0"
  type: PROXY
  listeners:
    - type: HTTP
      paths:
        - path: /svc/${name}
          ${i % 3 === 0 ? `host: ${name}.example.com` : ""}
      entrypoints:
        - type: http-proxy
  endpointGroups:
    - name: backend
      type: http-proxy
      loadBalancer:
        type: ROUND_ROBIN
      sharedConfiguration:
        http:
          readTimeout: \${READ_TIMEOUT_MS:-5000}
      endpoints:
        - name: primary
          type: http-proxy
          inheritConfiguration: true
          configuration:
            target: \${BACKEND_${i % 20}:-http://127.0.0.1:9}/${name}
        - name: secondary
          type: http-proxy
          inheritConfiguration: true
          secondary: true
          configuration:
            target: http://127.0.0.1:9/${name}-fallback
  flows:
    - name: by tenant
      selectors:
        - type: HTTP
          path: /items/:id
          pathOperator: STARTS_WITH
          methods: [GET, POST]
        - type: CONDITION
          condition: "{#request.headers['x-tenant'] != null && #request.headers['x-tenant'][0] == 't${i % 5}'}"
  plans:
    free:
      name: Free
      security:
        type: KEY_LESS
`;
}

export async function generateSpecs(dir: string, count: number): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const batch: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    const sub = join(dir, `team-${i % 10}`);
    if (i < 10) await mkdir(sub, { recursive: true });
    batch.push(writeFile(join(sub, `api-${String(i).padStart(4, "0")}.yaml`), specFor(i)));
  }
  await Promise.all(batch);
}
