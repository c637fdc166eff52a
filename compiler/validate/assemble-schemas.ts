// Builds the spec schemas of the API kinds (schemas/api-v4-definition.schema.json and
// schemas/api-definition.schema.json) and of SharedPolicyGroup, whose steps are v4 flow steps
// (schemas/shared-policy-group.schema.json), from their sources — `npm run gen:schemas`:
//   schemas/src/<kind>.base.json       the parts that belong to no connector (spec, listeners, flows, plans…);
//   schemas/src/shared-definitions.json definitions several parts use (HttpHeader, SslOptions…), written
//                                       once: a schema carries those it references;
//   runtime/<kind>/<id>/               each connector's schema.json (its configuration; `$ref`s to shared
//                                       definitions by name) and its manifest, from which the wrappers are
//                                       generated — `<Title>Step`, `<Title>Entrypoint`, `<Title>EndpointGroup`,
//                                       `<Title>Endpoint`, `<Title>PlanSecurity` — and the `oneOf` lists
//                                       (`FlowStep`, `Entrypoint`, `EndpointGroup`, `Endpoint`, `PlanSecurity`).
// It also writes runtime/connector-manifests.ts, the built-in manifests as data for the runtime and
// the checker. The outputs are committed; test/validate/assembled-fresh.test.ts fails when stale.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { apiTypesOf, type ConnectorManifest } from "../../runtime/manifest.ts";
import { type ConnectorFolder, RUNTIME_DIR, readConnectorFolders } from "../connectors/folders.ts";
import { SCHEMAS_DIR } from "./schemas.ts";

type Json = Record<string, unknown>;
type Definitions = Record<string, Json>;

const SRC_DIR = join(SCHEMAS_DIR, "src");
export const MANIFESTS_MODULE = join(RUNTIME_DIR, "connector-manifests.ts");

const ref = (name: string) => ({ $ref: `#/definitions/${name}` });
const ids = (list: readonly ConnectorManifest[]) => list.map((m) => `\`${m.id}\``).join(", ");

/** A connector's own definitions: its configuration (the schema's root) and the schema's `definitions`. */
function ownDefinitions(folder: ConnectorFolder, configuration: string): Definitions {
  const { definitions, $schema: _schema, ...root } = folder.schema as Json & { definitions?: Definitions };
  return { [configuration]: root, ...(definitions ?? {}) };
}

/** Adds a connector's definitions; a name defined twice is an error naming the folder. */
function add(out: Definitions, definitions: Definitions, folder: ConnectorFolder): void {
  for (const [name, definition] of Object.entries(definitions)) {
    if (name in out)
      throw new Error(`schema assembly: ${folder.dir}/schema.json defines ${name}, already defined`);
    out[name] = definition;
  }
}

/** `policy: {const: id}`, or with aliases `policy: {enum: [id, ...aliases]}`. */
function policyId(m: ConnectorManifest): Json {
  if (m.aliases.length === 0) return { const: m.id, description: `Policy id: \`${m.id}\`.` };
  const quoted = m.aliases.map((a) => `\`${a}\``).join(", ");
  const plural = m.aliases.length > 1;
  return {
    enum: [m.id, ...m.aliases],
    description: `Policy id: \`${m.id}\`; ${quoted} (Gravitee's plugin id${plural ? "s" : ""}) ${plural ? "are" : "is"} accepted as ${plural ? "aliases" : "an alias"}.`,
  };
}

function stepWrapper(m: ConnectorManifest, own: Definitions, v2: boolean): Json {
  const configuration = `${m.title}PolicyConfiguration`;
  return {
    title: `${v2 ? "V2" : ""}${m.title}Step`,
    type: "object",
    description: `A flow step running the \`${m.id}\` policy.`,
    additionalProperties: false,
    properties: {
      name: { type: "string", description: "Step name (shown in logs)." },
      description: { type: "string", description: "Step description." },
      enabled: { type: "boolean", description: "Whether the step runs.", default: true },
      policy: policyId(m),
      configuration: ref(configuration),
      condition: { type: "string", description: "EL condition; the step runs only when it is true." },
      ...(v2
        ? {}
        : {
            messageCondition: {
              type: "string",
              description: "EL condition evaluated per message (message phases only).",
            },
          }),
    },
    required: ["policy", ...(requiresConfiguration(own, configuration) ? ["configuration"] : [])],
  };
}

function oneOfList(title: string, description: string, property: string, refs: readonly string[]): Json {
  return {
    title,
    description,
    type: "object",
    required: [property],
    discriminator: { propertyName: property },
    oneOf: refs.map(ref),
  };
}

/** A wrapper requires `configuration` when the configuration requires something. */
function requiresConfiguration(definitions: Definitions, name: string): boolean {
  const required = definitions[name]?.required;
  return Array.isArray(required) && required.length > 0;
}

function flowStep(title: string, policies: readonly ConnectorManifest[], v2: boolean): Json {
  return oneOfList(
    title,
    `A flow step: one policy and its configuration. Known policies: ${ids(policies)}; any other id is an error.`,
    "policy",
    policies.map((m) => `${v2 ? "V2" : ""}${m.title}Step`),
  );
}

/** The definitions of the connectors of a v4 API, with their wrappers and lists. */
function v4Connectors(folders: readonly ConnectorFolder[]): Definitions {
  const out: Definitions = {};
  const of = (kind: ConnectorManifest["kind"]) =>
    folders.filter((f) => f.manifest.kind === kind && apiTypesOf(f.manifest).some((t) => t !== "V2"));
  const entrypoints = of("entrypoint");
  for (const f of entrypoints) {
    const m = f.manifest;
    const own = ownDefinitions(f, `${m.title}EntrypointConfiguration`);
    out[`${m.title}Entrypoint`] = {
      title: `${m.title}Entrypoint`,
      type: "object",
      description: m.summary,
      additionalProperties: false,
      properties: {
        type: { const: m.id, description: `Entrypoint connector id: \`${m.id}\`.` },
        qos: {
          type: "string",
          enum: ["NONE", "AUTO", "AT_MOST_ONCE", "AT_LEAST_ONCE"],
          description:
            "Quality of service of the entrypoint; it must be supported by the entrypoint and by every endpoint group (docs/contract.md §2 rule 5).",
          default: "AUTO",
        },
        dlq: ref("DeadLetterQueue"),
        configuration: ref(`${m.title}EntrypointConfiguration`),
      },
      required: [
        "type",
        ...(requiresConfiguration(own, `${m.title}EntrypointConfiguration`) ? ["configuration"] : []),
      ],
    };
    add(out, own, f);
  }
  out.Entrypoint = oneOfList(
    "Entrypoint",
    `An entrypoint: how clients consume or produce (connector ids: ${ids(entrypoints.map((f) => f.manifest))}).`,
    "type",
    entrypoints.map((f) => `${f.manifest.title}Entrypoint`),
  );
  const endpoints = of("endpoint");
  for (const f of endpoints) {
    const m = f.manifest;
    const own = ownDefinitions(f, `${m.title}EndpointConfiguration`);
    const type = { const: m.id, description: `Endpoint connector id: \`${m.id}\`.` };
    out[`${m.title}EndpointGroup`] = {
      title: `${m.title}EndpointGroup`,
      type: "object",
      description: m.groupSummary,
      additionalProperties: false,
      properties: {
        name: { type: "string", description: "Group name: unique within the API, without `:`." },
        type,
        loadBalancer: ref("LoadBalancer"),
        sharedConfiguration: ref(`${m.title}SharedConfiguration`),
        services: ref("EndpointGroupServices"),
        endpoints: {
          type: "array",
          description: "The group's endpoints; each endpoint's `type` must equal the group's.",
          items: ref("Endpoint"),
        },
      },
      required: ["name", "type"],
    };
    out[`${m.title}Endpoint`] = {
      title: `${m.title}Endpoint`,
      type: "object",
      description: m.summary,
      additionalProperties: false,
      properties: {
        name: { type: "string", description: "Endpoint name: unique within the API, without `:`." },
        type,
        weight: {
          type: "integer",
          description: "Weight for the weighted load balancers.",
          minimum: 0,
          default: 1,
        },
        inheritConfiguration: {
          type: "boolean",
          description:
            "Use the group's `sharedConfiguration` (true) or this endpoint's `sharedConfigurationOverride` (false).",
          default: false,
        },
        configuration: ref(`${m.title}EndpointConfiguration`),
        sharedConfigurationOverride: ref(`${m.title}SharedConfiguration`),
        services: ref("EndpointServices"),
        secondary: {
          type: "boolean",
          description: "A secondary endpoint only receives traffic when every primary endpoint is down.",
          default: false,
        },
        tenants: { type: "array", description: "Tenants this endpoint serves.", items: { type: "string" } },
      },
      required: [
        "name",
        "type",
        ...(requiresConfiguration(own, `${m.title}EndpointConfiguration`) ? ["configuration"] : []),
      ],
    };
    if (!own[`${m.title}SharedConfiguration`])
      throw new Error(
        `${f.dir}/schema.json: an endpoint defines ${m.title}SharedConfiguration in its definitions`,
      );
    add(out, own, f);
  }
  const endpointIds = ids(endpoints.map((f) => f.manifest));
  out.EndpointGroup = oneOfList(
    "EndpointGroup",
    `An endpoint group (connector ids: ${endpointIds}).`,
    "type",
    endpoints.map((f) => `${f.manifest.title}EndpointGroup`),
  );
  out.Endpoint = oneOfList(
    "Endpoint",
    `An endpoint (connector ids: ${endpointIds}); its configuration is checked against its own type.`,
    "type",
    endpoints.map((f) => `${f.manifest.title}Endpoint`),
  );
  const security = of("security");
  for (const f of security) {
    const m = f.manifest;
    const own = ownDefinitions(f, `${m.title}SecurityConfiguration`);
    out[`${m.title}PlanSecurity`] = {
      title: `${m.title}PlanSecurity`,
      type: "object",
      description: m.summary,
      additionalProperties: false,
      properties: {
        type: { const: m.id, description: "Security type." },
        configuration: ref(`${m.title}SecurityConfiguration`),
      },
      required: [
        "type",
        ...(requiresConfiguration(own, `${m.title}SecurityConfiguration`) ? ["configuration"] : []),
      ],
    };
    add(out, own, f);
  }
  out.PlanSecurity = oneOfList(
    "PlanSecurity",
    "Plan security: how a request is authenticated.",
    "type",
    security.map((f) => `${f.manifest.title}PlanSecurity`),
  );
  const policies = of("policy");
  for (const f of policies) {
    const own = ownDefinitions(f, `${f.manifest.title}PolicyConfiguration`);
    add(out, own, f);
    out[`${f.manifest.title}Step`] = stepWrapper(f.manifest, own, false);
  }
  out.FlowStep = flowStep(
    "FlowStep",
    policies.map((f) => f.manifest),
    false,
  );
  // An API's flows also take Gravitee's spelling of a shared policy group reference (a policy step
  // `shared-policy-group-policy`, the base's SharedPolicyGroupPolicyStep); a group's own steps do not.
  const step = out.FlowStep as { oneOf: Json[] };
  out.ApiFlowStep = {
    ...out.FlowStep,
    title: "ApiFlowStep",
    description:
      "A policy step of an API's flow: one policy and its configuration, or Gravitee's `shared-policy-group-policy` step naming a SharedPolicyGroup.",
    oneOf: [...step.oneOf, ref("SharedPolicyGroupPolicyStep")],
  };
  return out;
}

/** v2 APIs: the policies whose manifest has v2 phases (plan security is a plain string there). */
function v2Connectors(folders: readonly ConnectorFolder[]): Definitions {
  const out: Definitions = {};
  const policies = folders.filter((f) => f.manifest.kind === "policy" && f.manifest.phases?.V2);
  for (const f of policies) {
    const own = ownDefinitions(f, `${f.manifest.title}PolicyConfiguration`);
    add(out, own, f);
    out[`V2${f.manifest.title}Step`] = stepWrapper(f.manifest, own, true);
  }
  out.V2FlowStep = flowStep(
    "V2FlowStep",
    policies.map((f) => f.manifest),
    true,
  );
  return out;
}

/**
 * v2 plans name their security type as a string: its enum is the security types with a V2 manifest
 * (the base leaves it out, with a description saying so).
 */
function v2PlanSecurity(base: Json, folders: readonly ConnectorFolder[]): Json {
  const definitions = base.definitions as Definitions;
  const plan = definitions.V2Plan as { properties: Record<string, Json> } | undefined;
  const security = plan?.properties.security;
  if (!plan || !security) throw new Error("schema assembly: the v2 base has no V2Plan.properties.security");
  const types = folders.filter((f) => f.manifest.kind === "security" && f.manifest.apiTypes?.includes("V2"));
  const { description: _d, ...rest } = security;
  const withEnum = {
    ...rest,
    enum: types.map((f) => f.manifest.id),
    description: "How a request is authenticated.",
  };
  return {
    ...base,
    definitions: {
      ...definitions,
      V2Plan: { ...plan, properties: { ...plan.properties, security: withEnum } },
    },
  };
}

/** The shared definitions `definitions` references, transitively, that it does not define itself. */
function sharedNeeded(definitions: Definitions, shared: Definitions): Definitions {
  const out: Definitions = {};
  const pending = [JSON.stringify(definitions)];
  while (pending.length > 0) {
    for (const [, name] of (pending.pop() ?? "").matchAll(/"#\/definitions\/([^"]+)"/g)) {
      if (name === undefined || name in out || name in definitions) continue;
      const found = shared[name];
      if (!found) throw new Error(`schema assembly: #/definitions/${name} is defined nowhere`);
      out[name] = found;
      pending.push(JSON.stringify(found));
    }
  }
  // In the order of shared-definitions.json, so the output does not depend on discovery order.
  return Object.fromEntries(
    Object.keys(shared)
      .filter((k) => k in out)
      .map((k) => [k, out[k] as Json]),
  );
}

function assemble(base: Json, connectors: Definitions, shared: Definitions): Json {
  const own = { ...connectors, ...(base.definitions as Definitions) };
  for (const name of Object.keys(connectors))
    if (name in (base.definitions as Definitions) || name in shared)
      throw new Error(
        `schema assembly: ${name} is defined both by a connector and by the base or shared schemas`,
      );
  const rootRefs = { ...own, "#root": base.properties as Json };
  const needed = sharedNeeded(rootRefs, shared);
  return { ...base, definitions: { ...needed, ...(base.definitions as Definitions), ...connectors } };
}

const readJson = (file: string) => JSON.parse(readFileSync(file, "utf8")) as Json;

/**
 * A schema whose steps are v4 flow steps (SharedPolicyGroup): the base with the definitions it
 * reaches among the v4 connectors' and the shared ones, and no others.
 */
function assembleReachable(base: Json, connectors: Definitions, shared: Definitions): Json {
  const pool: Definitions = { ...shared, ...connectors, ...(base.definitions as Definitions) };
  const reached = new Set<string>();
  const pending = [JSON.stringify(base)];
  while (pending.length > 0) {
    for (const [, name] of (pending.pop() ?? "").matchAll(/"#\/definitions\/([^"]+)"/g)) {
      if (name === undefined || reached.has(name)) continue;
      const found = pool[name];
      if (!found) throw new Error(`schema assembly: #/definitions/${name} is defined nowhere`);
      reached.add(name);
      pending.push(JSON.stringify(found));
    }
  }
  const order = [
    ...Object.keys(shared),
    ...Object.keys(base.definitions as Definitions),
    ...Object.keys(connectors),
  ];
  return {
    ...base,
    definitions: Object.fromEntries(order.filter((k) => reached.has(k)).map((k) => [k, pool[k] as Json])),
  };
}

/** File name below schemas/ → assembled schema, for the API kinds. */
export function assembleSchemas(
  folders: readonly ConnectorFolder[] = readConnectorFolders(),
): Map<string, Json> {
  const shared = readJson(join(SRC_DIR, "shared-definitions.json")).definitions as Definitions;
  const v4 = v4Connectors(folders);
  return new Map([
    [
      "api-v4-definition.schema.json",
      assemble(readJson(join(SRC_DIR, "api-v4-definition.base.json")), v4, shared),
    ],
    [
      "shared-policy-group.schema.json",
      assembleReachable(readJson(join(SRC_DIR, "shared-policy-group.base.json")), v4, shared),
    ],
    [
      "api-definition.schema.json",
      assemble(
        v2PlanSecurity(readJson(join(SRC_DIR, "api-definition.base.json")), folders),
        v2Connectors(folders),
        shared,
      ),
    ],
  ]);
}

/** The text of an assembled schema file. */
export function schemaText(schema: Json): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}

/** runtime/connector-manifests.ts: the built-in manifests as data. */
export function manifestsModule(folders: readonly ConnectorFolder[] = readConnectorFolders()): string {
  const manifests = folders.map(({ manifest }) => {
    const { $schema: _schema, ...m } = manifest as ConnectorManifest & { $schema?: string };
    return m;
  });
  return [
    "// DO NOT EDIT: generated from runtime/<kind>/<id>/manifest.json by compiler/validate/assemble-schemas.ts",
    "// (`npm run gen:schemas`). The built-in connectors' manifests, as data for the checker and the runtime.",
    'import type { ConnectorManifest } from "./manifest.ts";',
    "",
    `export const MANIFESTS: readonly ConnectorManifest[] = ${JSON.stringify(manifests, null, 2)};`,
    "",
  ].join("\n");
}

function main(): void {
  const folders = readConnectorFolders();
  for (const [file, schema] of assembleSchemas(folders)) {
    writeFileSync(join(SCHEMAS_DIR, file), schemaText(schema));
    console.log(`wrote compiler/validate/schemas/${file}`);
  }
  writeFileSync(MANIFESTS_MODULE, manifestsModule(folders));
  console.log("wrote runtime/connector-manifests.ts");
}

if (import.meta.main) main();
