// Spec builders for the MESSAGE API tests: one API on a mock endpoint (or the endpoint groups
// given), entrypoints and flows given as YAML fragments (indented for their place under `spec`).
import type { MockMessageEndpoint } from "../../runtime/endpoints/mock/index.ts";
import type { TestGateway } from "../helpers/gateway.ts";

export interface MessageApiOptions {
  name: string;
  path: string;
  /** YAML list items under `entrypoints:` (6 spaces of indentation). */
  entrypoints: string;
  /** YAML under the mock endpoint's `configuration:` (12 spaces). */
  mock?: string;
  /** `spec.endpointGroups` in full (2 spaces), instead of the mock group: e.g. `brokerGroup(…)`. */
  endpointGroups?: string;
  /** YAML under `spec:` before the listeners (2 spaces), e.g. `analytics`. */
  head?: string;
  /** Extra YAML under `spec:` (2 spaces), e.g. flows. */
  extra?: string;
}

const mockGroup = (configuration: string) => `  endpointGroups:
    - name: mock-group
      type: mock
      endpoints:
        - name: mock
          type: mock
          configuration:
${configuration}
`;

export const messageApi = (o: MessageApiOptions): string => `apiVersion: gravitee.io/v1alpha1
kind: ApiV4Definition
metadata:
  name: ${o.name}
spec:
  name: ${o.name}
  version: "1"
  type: MESSAGE
${o.head ?? ""}  listeners:
    - type: HTTP
      paths:
        - path: ${o.path}
      entrypoints:
${o.entrypoints}
${o.endpointGroups ?? mockGroup(o.mock ?? "")}  plans:
    free:
      name: Free
      security:
        type: KEY_LESS
${o.extra ?? ""}`;

/** The mock endpoint instance of an API of a running test gateway. */
export function mockOf(gateway: TestGateway, api: string): MockMessageEndpoint {
  const runtime = gateway.apis.find((a) => a.definition.id === api);
  const endpoint = runtime?.groups[0]?.endpoints[0];
  if (!endpoint) throw new Error(`no endpoint for API ${api}`);
  return endpoint as MockMessageEndpoint;
}

/** Waits until the gateway reports every API ready (message endpoints connect asynchronously). */
export async function waitReady(gateway: TestGateway): Promise<void> {
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline) {
    if ((await fetch(`${gateway.adminUrl}/health/ready`)).status === 200) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error("gateway not ready");
}
