// The `http-get` entrypoint: clients long-poll messages with GET (docs/contract.md §5). `?limit` (capped by
// messagesLimitCount) and `?cursor` (resume after that id); the request waits up to
// messagesLimitDurationMs for the messages; Accept picks JSON, XML or plain text by q-value (a
// browser navigation gets JSON); the page is never cached and is compressed when the client offers it.
// Security and request flows run first, then each message goes through the `subscribe` phase.
// https://documentation.gravitee.io/apim/create-apis/message-apis (HTTP GET entrypoint)
import type { Qos } from "../../contract.ts";
import { GatewayError } from "../../contract.ts";
import { defineEntrypoint } from "../../define.ts";
import { negotiateFormat, unsupportedAcceptMessage } from "../../message/accept.ts";
import { renderPage } from "../../message/formats.ts";
import { consumeMessages } from "../../message/message-flow.ts";
import { addVary, encodeBody } from "../../server/compression.ts";
import type { HttpGetEntrypointConfiguration } from "../../spec-types/api-v4-definition.ts";

/** Gravitee's defaults (gravitee-entrypoint-http-get), as in the JSON Schema. */
const DEFAULT_LIMIT_COUNT = 500;
const DEFAULT_LIMIT_DURATION_MS = 5_000;

/** A non-negative integer query value, else undefined (ignored, like an absent parameter). */
function parseLimit(value: string | null): number | undefined {
  if (value === null || !/^\s*-?\d+\s*$/.test(value)) return undefined;
  return Math.max(0, Number.parseInt(value, 10));
}

/** A request header's values, one per line received (Node joins repeated Accept lines with ", "). */
function headerValues(value: string | string[] | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value : [value];
}

export const connector = defineEntrypoint<HttpGetEntrypointConfiguration>({
  type: "http-get",
  // Matches every GET (Gravitee: one match criterion); sse and websocket match GETs more
  // specifically (Accept, Upgrade) and rank above it.
  priority: 1,
  create(config, qos: Qos) {
    const maxCount = config.messagesLimitCount ?? DEFAULT_LIMIT_COUNT;
    const durationMs = config.messagesLimitDurationMs ?? DEFAULT_LIMIT_DURATION_MS;
    const options = {
      headersInPayload: config.headersInPayload ?? false,
      metadataInPayload: config.metadataInPayload ?? false,
    };
    return {
      type: "http-get",
      matches: (request) => request.method === "GET",
      async handle(exchange, pipeline) {
        const request = exchange.request;
        const accept = headerValues(request.headers.accept);
        // Long-poll answers are consumed messages: a browser must never show one again from its
        // cache (nor a proxy hand it to another client).
        exchange.response.setHeader("cache-control", "no-store");
        const format = negotiateFormat(accept);
        if (!format) throw new GatewayError(400, unsupportedAcceptMessage(accept));
        const url = request.url ?? "/";
        const q = url.indexOf("?");
        const query = new URLSearchParams(q >= 0 ? url.slice(q + 1) : "");
        const limitParam = query.get("limit");
        const requested = parseLimit(limitParam);
        const cursor = query.get("cursor") || undefined;

        await pipeline.request(exchange);
        const consumed = await consumeMessages(pipeline, exchange, {
          qos,
          cursor,
          limit: requested === undefined ? maxCount : Math.min(maxCount, requested),
          durationMs,
        });
        const response = exchange.response;
        if (exchange.signal.aborted || response.destroyed) return; // the client left: nothing to ack
        await pipeline.response(exchange);
        const body = renderPage(
          format,
          { messages: consumed.messages, error: consumed.error },
          { ...options, limit: limitParam ?? undefined },
        );
        const encoded = await encodeBody(body, request.headers["accept-encoding"], response);
        addVary(response, "Accept");
        response.statusCode = 200;
        response.setHeader("content-type", format);
        response.setHeader("content-length", encoded.length);
        // AT_LEAST_ONCE (and AUTO): settle only once the response is written; a client that goes
        // away first gets the messages again.
        await new Promise<void>((resolve) => {
          response.once("close", resolve);
          response.end(encoded, (error?: unknown) => {
            if (error || !response.writableFinished) resolve();
            else consumed.ack().then(resolve, resolve);
          });
        });
      },
    };
  },
});
