// The `webhook` entrypoint (PUSH plans; docs/contract.md §5 and §6): no client calls the gateway — for each
// webhook subscription of the API, the gateway consumes the endpoint itself and POSTs every
// message to the subscription's callback URL (webhook/consumer.ts; the call itself,
// webhook/callback.ts; retries, webhook/retry.ts). It takes no HTTP request. The gateway starts it
// once the API's endpoints are connected and stops it when draining; each subscription's delivery
// state is on the admin port (/subscriptions) and in /metrics.
// https://documentation.gravitee.io/apim/4.10/create-and-configure-apis/configure-v4-apis/entrypoints/webhook
import { IncomingMessage, ServerResponse } from "node:http";
import { Socket } from "node:net";
import type { ConnectorContext, Exchange, Pipeline, Qos, RuntimeApi } from "../../contract.ts";
import { GatewayError } from "../../contract.ts";
import { defineEntrypoint } from "../../define.ts";
import { GatewayExchange } from "../../server/exchange.ts";
import { displayUrl } from "./callback.ts";
import { WebhookConsumer } from "./consumer.ts";
import type { WebhookEntrypointInput, WebhookSubscription } from "./types.ts";

export type { WebhookEntrypointInput, WebhookSubscription } from "./types.ts";

/** The environment variable holding the gateway-wide signing secret. */
export const SIGNING_SECRET_VARIABLE = "SLUICE_WEBHOOK_SIGNING_SECRET";

/** The exchange a subscription's messages run through: no request, the subscription's identity. */
function subscriptionExchange(api: RuntimeApi, subscription: WebhookSubscription): Exchange {
  const contextPath = api.definition.paths[0]?.path ?? "/";
  const channel = subscription.channel ? `/${subscription.channel.replace(/^\/+/, "")}` : "";
  const request = new IncomingMessage(new Socket());
  request.method = "GET";
  request.url = `${contextPath.replace(/\/$/, "")}${channel}` || "/";
  const exchange = new GatewayExchange(api, request, new ServerResponse(request), contextPath, channel);
  exchange.entrypoint = "webhook";
  exchange.clientIdentifier = subscription.id;
  exchange.subscription = {
    id: subscription.id,
    plan: subscription.plan,
    application: subscription.application ?? { id: subscription.id, name: subscription.id },
  };
  return exchange;
}

export const connector = defineEntrypoint<WebhookEntrypointInput>({
  type: "webhook",
  // Takes no HTTP request.
  priority: 0,
  create(input, qos: Qos, ctx: ConnectorContext) {
    const consumers: WebhookConsumer[] = [];
    return {
      type: "webhook",
      matches: () => false,
      async handle() {
        throw new GatewayError(404, "No context-path matches the request URI.");
      },
      start(pipeline: Pipeline) {
        if (consumers.length > 0) return;
        const dlqName = input.dlq?.endpoint;
        const dlq = dlqName ? pipeline.messageEndpoint?.(dlqName) : undefined;
        if (dlqName && !dlq) ctx.log.error("webhook dlq names no endpoint of the API", { dlq: dlqName });
        for (const subscription of input.subscriptions ?? []) {
          const exchange = subscriptionExchange(pipeline.api, subscription);
          const consumer = new WebhookConsumer(pipeline, exchange, subscription, {
            qos,
            settings: input,
            dlq,
            signingSecret: ctx.env[SIGNING_SECRET_VARIABLE] || undefined,
            readSecret: ctx.readSecret,
            log: ctx.log,
          });
          consumers.push(consumer);
          try {
            pipeline.prepareSubscription?.(exchange, subscription.plan);
          } catch (error) {
            consumer.fail(`no plan ${subscription.plan}: ${(error as Error).message}`);
            continue;
          }
          consumer.start();
        }
      },
      // Before start (the API's endpoints still connecting), each subscription shows as starting.
      deliveries: () =>
        consumers.length > 0
          ? consumers.map((c) => c.state())
          : (input.subscriptions ?? []).map((sub) => ({
              api: ctx.api.id,
              subscription: sub.id,
              plan: sub.plan,
              callback: displayUrl(sub.configuration.callbackUrl),
              state: "starting" as const,
              delivered: 0,
              failedAttempts: 0,
              deadLettered: 0,
              dropped: 0,
              detail: "waiting for the API's endpoints to connect",
            })),
      async close() {
        await Promise.all(consumers.map((c) => c.stop()));
      },
    };
  },
});
