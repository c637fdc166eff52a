// Static linking by convention: the runtime module of a connector is found by its id —
// runtime/entrypoints/<type>.ts, runtime/endpoints/<type>.ts, runtime/policies/<policy>.ts,
// runtime/security/<type>.ts — each exporting `connector`. A generated API imports exactly the
// modules of the connectors it uses, so the bundle contains nothing else.
import { existsSync } from "node:fs";
import { join } from "node:path";

export type ConnectorKind = "entrypoints" | "endpoints" | "policies" | "security";

const SUFFIX: Record<ConnectorKind, string> = {
  entrypoints: "Entrypoint",
  endpoints: "Endpoint",
  policies: "Policy",
  security: "Security",
};

export interface ConnectorModule {
  kind: ConnectorKind;
  id: string;
  /** Path below runtime/, e.g. `endpoints/kafka/index.ts`. */
  module: string;
  /** The local name it is imported as, e.g. `kafkaEndpoint`. */
  local: string;
}

/** Security types are UPPER_SNAKE in specs and kebab-case as module names. */
export function moduleId(kind: ConnectorKind, id: string): string {
  return kind === "security" ? id.toLowerCase().replaceAll("_", "-") : id;
}

export class ConnectorResolver {
  private readonly runtimeDir: string;
  private readonly cache = new Map<string, boolean>();

  constructor(runtimeDir: string) {
    this.runtimeDir = runtimeDir;
  }

  resolve(kind: ConnectorKind, id: string): ConnectorModule | undefined {
    const name = moduleId(kind, id);
    if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) return undefined;
    const module = `${kind}/${name}/index.ts`;
    let exists = this.cache.get(module);
    if (exists === undefined) {
      exists = existsSync(join(this.runtimeDir, module));
      this.cache.set(module, exists);
    }
    if (!exists) return undefined;
    const camel = name.replace(/-([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
    return { kind, id, module, local: `${camel}${SUFFIX[kind]}` };
  }
}
