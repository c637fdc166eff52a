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
export { runGateway } from "./server/gateway.ts";
