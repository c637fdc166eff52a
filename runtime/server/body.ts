// Bodies policies may read or replace (contract.ts ExchangeBody). Nothing is buffered until a policy
// asks: a proxy whose flows never touch the body keeps streaming it end to end.
import type { Readable } from "node:stream";
import type { ExchangeBody } from "../contract.ts";

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
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of source) {
    const buffer: Buffer = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    size += buffer.length;
    if (size > limit) {
      source.destroy();
      throw new BodyTooLarge(limit);
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}
