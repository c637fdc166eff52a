// What the content conversions of binary message formats (avro-json, protobuf-json) share: one
// function turns the bytes of a body or a message into other bytes and a content type; a failure is
// Gravitee's 500 with the policy's error key (the parser's detail goes to the log, not the client).
import type { ExchangeBody, Logger, Message, PolicyInstance } from "../../contract.ts";
import { GatewayError } from "../../contract.ts";
import { messageHeaderNames } from "./el.ts";

export interface Converter {
  /** Converts the content; throws when it cannot. */
  convert(content: Buffer): Buffer;
  /** The content type of what `convert` returns. */
  readonly contentType: string;
}

/** The policy instance running `converter` on bodies (request, response) and messages. */
export function conversionPolicy(
  converter: Converter,
  failure: { key: string; message: string },
  log: Logger,
): PolicyInstance {
  const convert = (content: Buffer): Buffer => {
    try {
      return converter.convert(content);
    } catch (error) {
      log.warn(failure.message, { error: error instanceof Error ? error.message : String(error) });
      throw new GatewayError(500, failure.message, { key: failure.key });
    }
  };
  // An empty body is left alone (nothing to convert), as the body conversions of Gravitee skip it.
  const convertBody = async (body: ExchangeBody): Promise<boolean> => {
    const content = await body.read();
    if (content.length === 0) return false;
    body.replace(convert(content));
    return true;
  };
  return {
    async onRequest(exchange) {
      if (await convertBody(exchange.requestBody))
        exchange.upstreamHeaders["content-type"] = converter.contentType;
    },
    async onResponse(exchange) {
      if (await convertBody(exchange.responseBody))
        exchange.response.setHeader("content-type", converter.contentType);
    },
    onMessage(message: Message) {
      message.content = convert(message.content);
      for (const name of messageHeaderNames(message, "content-type")) delete message.headers[name];
      message.headers["content-type"] = [converter.contentType];
      return message;
    },
  };
}
