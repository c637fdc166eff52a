// The runtime's public entry: what generated code and connector authors import. Connectors,
// policies and security types are separate public modules under entrypoints/, endpoints/ and
// policies/, so that a generated API imports — and the bundle contains — only what it uses.
export type * from "./contract.ts";
export { GatewayError } from "./contract.ts";
export {
  defineApi,
  defineEndpoint,
  defineEntrypoint,
  definePolicy,
  defineSecurity,
  endpoint,
  entrypoint,
  security,
  step,
} from "./define.ts";
export type { EnvRef, EnvTemplate, Resolvable } from "./env.ts";
export { env, envTemplate } from "./env.ts";
// For policies written outside runtime/ (an API repository's policies/, docs/custom-policies.md):
// configuration strings with EL arrive compiled, as template functions.
export { render, type Templated } from "./policies/lib/el.ts";
export { runGateway } from "./server/gateway.ts";
