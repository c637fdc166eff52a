// Bodies policies may read or replace (contract.ts ExchangeBody). Nothing is buffered until a policy
// asks: a proxy whose flows never touch the body keeps streaming it end to end.
import type { Readable } from "node:stream";
import type { ExchangeBody, GatewayRequest } from "../contract.ts";

export class BufferedBody implements ExchangeBody {
  private source: Readable | undefined;
  private content: Promise<Buffer> | undefined;
  private textValue: string | undefined;

  constructor(source?: Readable) {
    this.source = source;
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
   * The whole body. With a `limit` (bodies buffered for expressions), a body larger than that many
   * bytes rejects with BodyTooLarge instead of being held in memory.
   */
  read(limit = Number.POSITIVE_INFINITY): Promise<Buffer> {
    this.content ??= collect(this.source, limit).then((buffer) => {
      this.textValue = buffer.toString("utf8");
      return buffer;
    });
    return this.content.then((buffer) => {
      if (buffer.length > limit) throw new BodyTooLarge(limit);
      return buffer;
    });
  }

  replace(content: Buffer | string): void {
    const buffer = typeof content === "string" ? Buffer.from(content, "utf8") : content;
    this.textValue = buffer.toString("utf8");
    this.content = Promise.resolve(buffer);
  }
}

/** A body past the limit of what the gateway buffers for expressions. */
export class BodyTooLarge extends Error {
  readonly limit: number;
  constructor(limit: number) {
    super(`The body is larger than ${limit} bytes.`);
    this.limit = limit;
  }
}

async function collect(source: Readable | undefined, limit: number): Promise<Buffer> {
  if (!source || source.readableEnded) return Buffer.alloc(0);
  if (Number.isFinite(limit)) return collectWithin(source, limit);
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
function collectWithin(source: Readable, limit: number): Promise<Buffer> {
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
        settle(() => reject(new BodyTooLarge(limit)));
        return;
      }
      chunks.push(buffer);
    });
    source.once("end", () => settle(() => resolve(Buffer.concat(chunks))));
    source.once("error", (error) => settle(() => reject(error)));
    source.once("close", () => settle(() => reject(new Error("The body ended before it was complete."))));
  });
}
