// `cloud-events` (Gravitee's gravitee-policy-cloud-events): each message becomes a CloudEvents 1.0
// event in the JSON event format (structured mode, `application/cloudevents+json`), as Gravitee's
// policy does with the Java SDK's JsonFormat (data inline when JSON, else `data_base64`). Attributes are EL templates (compiled by the compiler),
// each defaulting to the message's `ce_*` header; `datacontenttype` is the message's content type.
// A missing required attribute fails the message with CLOUD_EVENTS_TRANSFORMATION_ERROR (500).
// https://github.com/cloudevents/spec/blob/v1.0.2/cloudevents/formats/json-format.md
import type { Message } from "../../contract.ts";
import { GatewayError } from "../../contract.ts";
import { definePolicy } from "../../define.ts";
import type { CloudEventsPolicyConfiguration } from "../../spec-types/api-v4-definition.ts";
import { messageEl, messageHeaderNames, render, type Templated } from "../lib/el.ts";

export type CloudEventsConfig = {
  [K in "id" | "type" | "source" | "subject"]?: Templated;
} & { extensions?: Record<string, Templated> } & Omit<
    CloudEventsPolicyConfiguration,
    "id" | "type" | "source" | "subject" | "extensions"
  >;

export const CLOUD_EVENTS_CONTENT_TYPE = "application/cloudevents+json";
export const CLOUD_EVENTS_ERROR = "Unable to create cloud-events object";

function header(message: Message, name: string): string | undefined {
  for (const key of messageHeaderNames(message, name)) {
    const value = message.headers[key]?.[0];
    if (value !== undefined) return value;
  }
  return undefined;
}

/**
 * Content the Java SDK's JSON format writes inline as `data` (JsonFormat.dataIsJsonContentType): no
 * content type, or `application/json`, `text/json`, `…/…+json`.
 */
const JSON_CONTENT = /^(application|text)\/([a-zA-Z]+\+)?json(;.*)*$/;

/** The event's `data` member, as the Java SDK writes it: JSON inline, anything else as `data_base64`. */
function dataMember(content: Buffer, contentType: string | undefined): Record<string, unknown> {
  if (content.length === 0) return {};
  if (contentType !== undefined && !JSON_CONTENT.test(contentType))
    return { data_base64: content.toString("base64") };
  try {
    return { data: JSON.parse(content.toString("utf8")) };
  } catch {
    // The SDK would write the bytes as a raw JSON value, making the event invalid JSON.
    throw new Error("the message content is not the JSON its content type says");
  }
}

export const connector = definePolicy<CloudEventsConfig>({
  id: "cloud-events",
  create(config, ctx) {
    const extensions = Object.entries(config.extensions ?? {});
    return {
      onMessage(message, exchange) {
        const el = messageEl(exchange, message);
        const attribute = (value: Templated | undefined, name: string): string | undefined => {
          const v = value === undefined ? header(message, `ce_${name}`) : render(value, el);
          return v === undefined || v === "" ? undefined : v;
        };
        try {
          const id = attribute(config.id, "id");
          const source = attribute(config.source, "source");
          const type = attribute(config.type, "type");
          const missing = [
            ["id", id],
            ["source", source],
            ["type", type],
          ].filter(([, v]) => v === undefined);
          if (missing.length > 0)
            throw new Error(`required attribute(s) ${missing.map(([n]) => n).join(", ")} are empty`);
          const subject = attribute(config.subject, "subject");
          const contentType = header(message, "content-type");
          const event: Record<string, unknown> = { specversion: "1.0", id, source, type };
          if (contentType !== undefined) event.datacontenttype = contentType;
          if (subject !== undefined) event.subject = subject;
          for (const [name, value] of extensions) {
            const v = render(value, el);
            if (v !== "") event[name] = v;
          }
          Object.assign(event, dataMember(message.content, contentType));
          message.content = Buffer.from(JSON.stringify(event), "utf8");
        } catch (error) {
          ctx.log.warn(CLOUD_EVENTS_ERROR, { error: error instanceof Error ? error.message : String(error) });
          throw new GatewayError(500, CLOUD_EVENTS_ERROR, { key: "CLOUD_EVENTS_TRANSFORMATION_ERROR" });
        }
        for (const name of messageHeaderNames(message, "content-type")) delete message.headers[name];
        message.headers["content-type"] = [CLOUD_EVENTS_CONTENT_TYPE];
        return message;
      },
    };
  },
});
