// `retry`: an invoker around the endpoint (Gravitee's RetryInvoker) that calls it again while
// `condition` holds for the attempt's response, or when the attempt fails or outlasts `timeout`:
// 1 + `maxRetries` attempts, `delay` ms apart; then 502 without a body (Gravitee's endpoint
// failure), or with `lastResponse` the last attempt's response. The request body is buffered once
// so that every attempt sends it.
// https://documentation.gravitee.io/apim/policies/retry
import { setTimeout as sleep } from "node:timers/promises";
import { GatewayError, NO_ERROR_BODY, type UpstreamResponse } from "../../contract.ts";
import { definePolicy } from "../../define.ts";
import { type ElContext, elMultiMap } from "../../el.ts";
import type { RetryPolicyConfiguration } from "../../spec-types/api-v4-definition.ts";

export type RetryConfig = Omit<RetryPolicyConfiguration, "condition"> & {
  condition: string | ((el: ElContext) => boolean);
};

const TIMED_OUT = Symbol("timed out");

/** Drops a response that is not sent; its stream may still fail (the exchange ending aborts it). */
function discard(response: UpstreamResponse): void {
  response.body.on("error", () => undefined);
  response.body.destroy();
}

export const connector = definePolicy<RetryConfig>({
  id: "retry",
  create(config, ctx) {
    const attempts = 1 + (config.maxRetries || 1);
    const timeout = config.timeout || 1000;
    const condition = config.condition;
    return {
      async onRequest(exchange) {
        const { headers } = exchange.request;
        if (headers["content-length"] !== undefined || headers["transfer-encoding"] !== undefined)
          await exchange.requestBody.read();
        const previous = exchange.invoker;
        exchange.invoker = async (current, endpoint): Promise<UpstreamResponse> => {
          const once = () => (previous ? previous(current, endpoint) : endpoint());
          for (let attempt = 1; ; attempt++) {
            const last = attempt === attempts;
            let timer: NodeJS.Timeout | undefined;
            const pending = once();
            const outcome = await Promise.race([
              pending,
              new Promise<typeof TIMED_OUT>((resolve) => {
                timer = setTimeout(() => resolve(TIMED_OUT), timeout);
              }),
            ]).catch((error: unknown) => error);
            clearTimeout(timer);
            if (outcome === TIMED_OUT) {
              // The late response, if it comes, is not read.
              pending.then((r) => discard(r)).catch(() => undefined);
            } else if (
              outcome !== null &&
              typeof outcome === "object" &&
              "status" in outcome &&
              "body" in outcome
            ) {
              const response = outcome as UpstreamResponse;
              const el: ElContext = {
                ...current.el(),
                response: { status: response.status, headers: elMultiMap(response.headers, true) },
              };
              const retry = typeof condition === "function" ? condition(el) : false;
              if (!retry || (last && config.lastResponse === true)) return response;
              discard(response);
            }
            if (last) {
              ctx.log.info("retry: no valid response", { attempts, requestId: current.requestId });
              throw new GatewayError(502, "Bad Gateway", { body: NO_ERROR_BODY });
            }
            if (config.delay)
              await sleep(config.delay, undefined, { signal: current.signal }).catch(() => undefined);
          }
        };
      },
    };
  },
});
