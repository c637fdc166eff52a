// Static linking through the manifests: a connector is found by its id or an alias among the
// built-in manifests (runtime/connector-manifests.ts) and the API repository's own policies
// (policies/<id>/, compiler/connectors/local-policies.ts); its module is the folder's index.ts,
// exporting `connector`. A generated API imports exactly the modules of the connectors it uses, so
// the bundle contains nothing else.
import { MANIFESTS } from "../../runtime/connector-manifests.ts";
import { answersTo, type ConnectorManifest, folderName, KIND_DIRS } from "../../runtime/manifest.ts";

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
  /** Path below runtime/, e.g. `endpoints/kafka/index.ts`; for a repository's own policy, its absolute path. */
  module: string;
  /** Whether `module` is an absolute path (a policy of the API repository) rather than below runtime/. */
  local?: boolean;
  /** The local name it is imported as, e.g. `kafkaEndpoint`. */
  name: string;
}

/** A connector the linker knows besides the built-in ones: a policy of the API repository. */
export interface LocalConnector {
  manifest: ConnectorManifest;
  /** Absolute path of its index.ts. */
  module: string;
}

const camel = (name: string) => name.replace(/-([a-z0-9])/g, (_m, c: string) => c.toUpperCase());

export class ConnectorResolver {
  private readonly local: readonly LocalConnector[];

  constructor(local: readonly LocalConnector[] = []) {
    this.local = local;
  }

  resolve(kind: ConnectorKind, id: string): ConnectorModule | undefined {
    const own = this.local.find((c) => KIND_DIRS[c.manifest.kind] === kind && answersTo(c.manifest, id));
    if (own) {
      const name = `local${camel(`-${folderName(own.manifest)}`)}${SUFFIX[kind]}`;
      return { kind, id: own.manifest.id, module: own.module, local: true, name };
    }
    const manifest = MANIFESTS.find((m) => KIND_DIRS[m.kind] === kind && answersTo(m, id));
    if (!manifest) return undefined;
    const folder = folderName(manifest);
    return {
      kind,
      id: manifest.id,
      module: `${kind}/${folder}/index.ts`,
      name: `${camel(folder)}${SUFFIX[kind]}`,
    };
  }
}
