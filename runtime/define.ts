// `define*` helpers: how connectors and policies are authored (typed) and how generated code binds
// them to configuration. A binding keeps its configuration unresolved — `${VAR}` references
// included — until the gateway starts and calls `create`, which resolves and type-checks them.
import type {
  ApiDefinition,
  ConnectorContext,
  EndpointBinding,
  EndpointConnector,
  EntrypointBinding,
  EntrypointConnector,
  HealthCheck,
  MessageEndpoint,
  PolicyConnector,
  ProxyEndpoint,
  Qos,
  SecurityConnector,
  SecurityContext,
  SecurityInstance,
  StepBinding,
} from "./contract.ts";
import type { ElContext } from "./el.ts";
import { type Resolvable, resolveEnv } from "./env.ts";

export function defineEntrypoint<C>(connector: EntrypointConnector<C>): EntrypointConnector<C> {
  return connector;
}

export function defineEndpoint<C, S, E extends ProxyEndpoint | MessageEndpoint>(
  connector: EndpointConnector<C, S, E>,
): EndpointConnector<C, S, E> {
  return connector;
}

export function definePolicy<C>(connector: PolicyConnector<C>): PolicyConnector<C> {
  return connector;
}

export function defineSecurity<C>(connector: SecurityConnector<C>): SecurityConnector<C> {
  return connector;
}

/** The identity function that gives generated API modules their type. */
export function defineApi(api: ApiDefinition): ApiDefinition {
  return api;
}

export function entrypoint<C>(
  connector: EntrypointConnector<C>,
  qos: Qos,
  configuration: NoInfer<Resolvable<C>>,
): EntrypointBinding {
  return {
    type: connector.type,
    priority: connector.priority,
    create: (ctx: ConnectorContext) => connector.create(resolveEnv<C>(configuration, ctx.env), qos, ctx),
  };
}

export function endpoint<C, S, E extends ProxyEndpoint | MessageEndpoint>(
  connector: EndpointConnector<C, S, E>,
  options: {
    name: string;
    group: string;
    weight: number;
    secondary: boolean;
    configuration: NoInfer<Resolvable<C>>;
    shared: NoInfer<Resolvable<S>>;
    healthCheck?: Resolvable<HealthCheck>;
  },
): EndpointBinding<E> {
  return {
    name: options.name,
    weight: options.weight,
    secondary: options.secondary,
    healthCheck: (ctx: ConnectorContext) =>
      options.healthCheck === undefined ? undefined : resolveEnv<HealthCheck>(options.healthCheck, ctx.env),
    create: (ctx: ConnectorContext) =>
      connector.create(
        resolveEnv<C>(options.configuration, ctx.env),
        resolveEnv<S>(options.shared, ctx.env),
        { name: options.name, group: options.group },
        ctx,
      ),
  };
}

export function step<C>(
  policy: PolicyConnector<C>,
  configuration: NoInfer<Resolvable<C>>,
  options: {
    name?: string;
    condition?: (el: ElContext) => boolean;
    messageCondition?: (el: ElContext) => boolean;
  } = {},
): StepBinding {
  return {
    policy: policy.id,
    ...options,
    create: (ctx: ConnectorContext) => policy.create(resolveEnv<C>(configuration, ctx.env), ctx),
  };
}

export function security<C>(
  connector: SecurityConnector<C>,
  configuration: NoInfer<Resolvable<C>>,
): { create(ctx: SecurityContext): SecurityInstance } {
  return { create: (ctx) => connector.create(resolveEnv<C>(configuration, ctx.env), ctx) };
}
