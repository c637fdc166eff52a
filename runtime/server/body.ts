// Bodies policies may read or replace (contract.ts ExchangeBody). Nothing is buffered until a policy
// asks: a proxy whose flows never touch the body keeps streaming it end to end.
//
// Every read is bounded: a body is held in memory only up to `limit` bytes (the API's
// SLUICE_EL_BODY_LIMIT, 10 MiB by default), whoever asks — an expression, a policy that reads the
// content (threat protection, validation, transformations…). Past it the read fails
// with BodyTooLarge, a GatewayError: 413 REQUEST_CONTENT_TOO_LARGE for a request body, 502
// RESPONSE_CONTENT_TOO_LARGE for a response body; the rest of the body is drained unread.
import type { Readable } from "node:stream";
import { type ExchangeBody, GatewayError, type GatewayRequest } from "../contract.ts";

/** What the gateway holds of one body when nothing else is configured (SLUICE_EL_BODY_LIMIT). */
export const DEFAULT_BODY_LIMIT = 10 * 1024 * 1024;

export class BufferedBody implements ExchangeBody {
  private source: Readable | undefined;
  private content: Promise<Buffer> | undefined;
  private textValue: string | undefined;
  private readonly side: "request" | "response";
  /** The most this body may hold in memory (the API sets its own when it takes the exchange). */
  limit = DEFAULT_BODY_LIMIT;

  constructor(source?: Readable, side: "request" | "response" = "request") {
    this.source = source;
    this.side = side;
  }

  get buffered(): boolean {
    return this.content !== undefined;
  }

  /** Whether a source is attached (for the response body: the endpoint has answered). */
  get attached(): boolean {
    return this.source !== undefined;
  }

  get text(): string | undefined {
    return this.textValue;
  }

  attach(source: Readable): void {
    this.source = source;
  }

  /**
   * The whole body, at most `limit` bytes (the body's own limit unless a smaller one is asked for): a
   * larger body rejects with BodyTooLarge instead of being held in memory.
   */
  read(limit = this.limit): Promise<Buffer> {
    limit = Math.min(limit, this.limit);
    const side = this.side;
    this.content ??= collect(this.source, limit, side).then((buffer) => {
      this.textValue = buffer.toString("utf8");
      return buffer;
    });
    return this.content.then((buffer) => {
      if (buffer.length > limit) throw new BodyTooLarge(limit, side);
      return buffer;
    });
  }

  replace(content: Buffer | string): void {
    const buffer = typeof content === "string" ? Buffer.from(content, "utf8") : content;
    this.textValue = buffer.toString("utf8");
    this.content = Promise.resolve(buffer);
  }
}

/** A body past the limit of what the gateway holds in memory: 413 for a request, 502 for a response. */
export class BodyTooLarge extends GatewayError {
  readonly limit: number;
  constructor(limit: number, side: "request" | "response") {
    super(side === "request" ? 413 : 502, side === "request" ? "Request content too large" : "Bad Gateway", {
      key: side === "request" ? "REQUEST_CONTENT_TOO_LARGE" : "RESPONSE_CONTENT_TOO_LARGE",
    });
    this.limit = limit;
  }
}

async function collect(
  source: Readable | undefined,
  limit: number,
  side: "request" | "response",
): Promise<Buffer> {
  if (!source || source.readableEnded) return Buffer.alloc(0);
  if (Number.isFinite(limit)) return collectWithin(source, limit, side);
  const chunks: Buffer[] = [];
  for await (const chunk of source) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

/** Whether the client sends a request body (HTTP/1.1 framing headers, or an open HTTP/2 stream). */
export function hasRequestBody(req: GatewayRequest): boolean {
  if ("stream" in req) return !req.stream.endAfterHeaders;
  const length = req.headers["content-length"];
  if (length !== undefined) return length !== "0";
  return req.headers["transfer-encoding"] !== undefined;
}

/**
 * Collects at most `limit` bytes. Past it, rejects at once and keeps draining the rest unread, so
 * the connection survives to carry the error response (destroying a request would close it).
 */
function collectWithin(source: Readable, limit: number, side: "request" | "response"): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      outcome();
    };
    source.on("data", (chunk: Buffer | string) => {
      if (settled) return;
      const buffer = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
      size += buffer.length;
      if (size > limit) {
        chunks.length = 0;
        settle(() => reject(new BodyTooLarge(limit, side)));
        return;
      }
      chunks.push(buffer);
    });
    source.once("end", () => settle(() => resolve(Buffer.concat(chunks))));
    source.once("error", (error) => settle(() => reject(error)));
    source.once("close", () => settle(() => reject(new Error("The body ended before it was complete."))));
  });
}
