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

  read(): Promise<Buffer> {
    this.content ??= collect(this.source).then((buffer) => {
      this.textValue = buffer.toString("utf8");
      return buffer;
    });
    return this.content;
  }

  replace(content: Buffer | string): void {
    const buffer = typeof content === "string" ? Buffer.from(content, "utf8") : content;
    this.textValue = buffer.toString("utf8");
    this.content = Promise.resolve(buffer);
  }
}

async function collect(source: Readable | undefined): Promise<Buffer> {
  if (!source || source.readableEnded) return Buffer.alloc(0);
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
