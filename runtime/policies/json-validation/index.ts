// `json-validation`: validates the request body, the response body or a message's content against a
// JSON Schema. The schema is compiled at build time into a standalone validator (the compiler's
// model/json-schema-validator.ts, ajv's code generator) linked into the API's bundle: the gateway
// never imports ajv. Statuses, messages and error keys are Gravitee's (including its response keys,
// which name an invalid payload `…_FORMAT` and unparseable JSON `…_PAYLOAD`).
// https://documentation.gravitee.io/apim/policies/json-validation
import { type Exchange, GatewayError } from "../../contract.ts";
import { definePolicy } from "../../define.ts";
import type { JsonValidationPolicyConfiguration } from "../../spec-types/api-v4-definition.ts";
import { render, type Templated } from "../lib/el.ts";

/** A validator compiled from a JSON Schema (ajv standalone code), as the API module links it. */
export interface JsonSchemaValidator {
  (data: unknown): boolean;
  errors?: ReadonlyArray<{ readonly instancePath: string; readonly message?: string }> | null;
}

export type JsonValidationConfig = Omit<
  JsonValidationPolicyConfiguration,
  "schema" | "schemaSource" | "errorMessage"
> & {
  schema?: JsonSchemaValidator;
  schemaSource?: Omit<NonNullable<JsonValidationPolicyConfiguration["schemaSource"]>, "staticSchema"> & {
    staticSchema?: JsonSchemaValidator;
  };
  errorMessage?: Templated;
};

/** Where the content comes from: its status and keys (payload invalid, JSON unparseable). */
const SOURCES = {
  request: { status: 400, payload: "JSON_INVALID_PAYLOAD", format: "JSON_INVALID_FORMAT" },
  response: { status: 500, payload: "JSON_INVALID_RESPONSE_FORMAT", format: "JSON_INVALID_RESPONSE_PAYLOAD" },
  publish: {
    status: 400,
    payload: "JSON_INVALID_MESSAGE_REQUEST_PAYLOAD",
    format: "JSON_INVALID_MESSAGE_REQUEST_FORMAT",
  },
  subscribe: {
    status: 400,
    payload: "JSON_INVALID_MESSAGE_RESPONSE_PAYLOAD",
    format: "JSON_INVALID_MESSAGE_RESPONSE_FORMAT",
  },
} as const;

export const connector = definePolicy<JsonValidationConfig>({
  id: "json-validation",
  create(config, ctx) {
    const validate = config.schema ?? config.schemaSource?.staticSchema;
    if (!validate) throw new Error("json-validation: no schema (the compiler links one)");
    const straight = config.straightRespondMode === true;
    const fail = (exchange: Exchange, source: keyof typeof SOURCES, key: string): GatewayError => {
      const { status } = SOURCES[source];
      const message =
        config.errorMessage !== undefined && config.errorMessage !== ""
          ? render(config.errorMessage, exchange.el())
          : status === 400
            ? "Bad request"
            : "Internal Error";
      return new GatewayError(status, message, { key });
    };
    /** undefined when valid; else the key of the failure (`payload` or `format`). */
    const check = (content: Buffer): "payload" | "format" | undefined => {
      let data: unknown;
      try {
        data = JSON.parse(content.toString("utf8"));
      } catch {
        return "format";
      }
      return validate(data) ? undefined : "payload";
    };
    return {
      async onRequest(exchange) {
        const failure = check(await exchange.requestBody.read());
        if (failure) throw fail(exchange, "request", SOURCES.request[failure]);
      },
      async onResponse(exchange) {
        const failure = check(await exchange.responseBody.read());
        // Straight respond mode lets an invalid payload through, never unparseable JSON (as Gravitee).
        if (failure === "payload" && straight) {
          ctx.log.warn("json-validation: invalid response sent in straight respond mode");
          return;
        }
        if (failure) throw fail(exchange, "response", SOURCES.response[failure]);
      },
      onMessage(message, exchange, phase = "publish") {
        const failure = check(message.content);
        if (failure) throw fail(exchange, phase, SOURCES[phase][failure]);
        return message;
      },
    };
  },
});
