// Response compression for bodies the gateway writes itself (http-get pages): brotli or gzip when
// the client offers them in Accept-Encoding (RFC 9110 §12.5.3), `identity` otherwise. Small bodies
// are sent as they are: below MIN_BYTES the encoding costs more than it saves. Streams (sse) only
// when configured, through gzip flushed after every event (streamWriter); websocket has its own
// permessage-deflate.
import { promisify } from "node:util";
import { brotliCompress, constants, createGzip, gzip } from "node:zlib";
import type { GatewayResponse } from "../contract.ts";

export const MIN_BYTES = 512;

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

export type ContentCoding = "br" | "gzip";

/** The coding to use for `accept-encoding`: br before gzip; `q=0` refuses; `*` offers both. */
export function chooseCoding(acceptEncoding: string | string[] | undefined): ContentCoding | undefined {
  if (acceptsCoding(acceptEncoding, "br")) return "br";
  if (acceptsCoding(acceptEncoding, "gzip")) return "gzip";
  return undefined;
}

/** Whether `accept-encoding` offers `coding` (by name or `*`, with q > 0). */
export function acceptsCoding(acceptEncoding: string | string[] | undefined, coding: string): boolean {
  if (!acceptEncoding) return false;
  const offered = new Map<string, number>();
  for (const part of String(acceptEncoding).split(",")) {
    const [name = "", ...params] = part.split(";").map((s) => s.trim().toLowerCase());
    if (!name) continue;
    const q = params.find((p) => p.startsWith("q="));
    offered.set(name, q ? Number(q.slice(2)) || 0 : 1);
  }
  return (offered.get(coding) ?? offered.get("*") ?? 0) > 0;
}

/** A stream's writer: each chunk goes out at once (through gzip, flushed per chunk, when compressed). */
export interface StreamWriter {
  /** Resolves once the chunk is handed to the socket; false when it could not be. */
  write(chunk: string): Promise<boolean>;
  /**
   * Queues the chunk without waiting for the socket: true at once while the response buffers less
   * than its high-water mark (chunks written in one tick leave in one system call), else a promise
   * that resolves once it drained (false: the response closed first). Backpressure without a round
   * trip through the event loop per chunk.
   */
  queue(chunk: string): true | Promise<boolean>;
  end(): void;
}

/**
 * Writes a stream to `response`, gzip-compressed when `compress` and the client offers gzip (then
 * with `content-encoding` and `vary` set): every chunk is flushed (Z_SYNC_FLUSH), so an event is
 * never held back in the compressor. gzip rather than br: every browser decodes it on a stream.
 */
export function streamWriter(
  response: GatewayResponse,
  acceptEncoding: string | string[] | undefined,
  compress: boolean,
): StreamWriter {
  if (compress) addVary(response, "Accept-Encoding");
  // Uncompressed: one object with its methods on the prototype (an open stream keeps no closures).
  if (!compress || !acceptsCoding(acceptEncoding, "gzip")) return new PlainWriter(response);
  const direct = (chunk: string | Buffer): Promise<boolean> => writeThrough(response, chunk);
  response.setHeader("content-encoding", "gzip");
  const gz = createGzip({ level: 6 });
  let last: Promise<boolean> = Promise.resolve(true);
  gz.on("data", (data: Buffer) => {
    last = direct(data);
  });
  gz.on("error", () => response.destroy?.());
  const write = (chunk: string): Promise<boolean> =>
    new Promise((resolve) => {
      if (response.destroyed || response.writableEnded) {
        resolve(false);
        return;
      }
      gz.write(chunk);
      gz.flush(constants.Z_SYNC_FLUSH, () => {
        last.then(resolve, () => resolve(false));
      });
    });
  return {
    write,
    // Every chunk is flushed through gzip on its own: queueing is writing.
    queue: write,
    end: () => {
      gz.end(() => {
        if (!response.writableEnded) response.end();
      });
    },
  };
}

/** Writes `chunk`; resolves once it is handed to the socket (false: it could not be). */
function writeThrough(response: GatewayResponse, chunk: string | Buffer): Promise<boolean> {
  return new Promise((resolve) => {
    if (response.destroyed || response.writableEnded) {
      resolve(false);
      return;
    }
    // The two response types' write() overloads do not unify; both take (chunk, callback).
    (response as import("node:http").ServerResponse).write(chunk, (error) => resolve(!error));
  });
}

/** The uncompressed StreamWriter. */
class PlainWriter implements StreamWriter {
  private readonly response: GatewayResponse;

  constructor(response: GatewayResponse) {
    this.response = response;
  }

  write(chunk: string): Promise<boolean> {
    return writeThrough(this.response, chunk);
  }

  queue(chunk: string): true | Promise<boolean> {
    const response = this.response as import("node:http").ServerResponse;
    if (response.destroyed || response.writableEnded) return Promise.resolve(false);
    if (response.write(chunk)) return true;
    return drained(response);
  }

  end(): void {
    this.response.end();
  }
}

/** Resolves once `response` drained (true) or closed (false). */
function drained(response: import("node:http").ServerResponse): Promise<boolean> {
  return new Promise((resolve) => {
    const done = (ok: boolean) => () => {
      response.off("drain", onDrain);
      response.off("close", onClose);
      resolve(ok);
    };
    const onDrain = done(true);
    const onClose = done(false);
    response.once("drain", onDrain);
    response.once("close", onClose);
  });
}

/** Adds a field name to Vary, keeping what earlier stages (CORS: `Origin`) put there. */
export function addVary(response: GatewayResponse, field: string): void {
  const current = response.getHeader("vary");
  const names =
    current === undefined
      ? []
      : String(current)
          .split(",")
          .map((s) => s.trim());
  if (!names.some((n) => n.toLowerCase() === field.toLowerCase())) names.push(field);
  response.setHeader("vary", names.filter((n) => n !== "").join(", "));
}

/**
 * The body to send, compressed when the client offers a coding and the body is worth it; sets
 * `content-encoding` and `vary`. The caller sets `content-length` from the returned buffer.
 */
export async function encodeBody(
  body: string | Buffer,
  acceptEncoding: string | string[] | undefined,
  response: GatewayResponse,
): Promise<Buffer> {
  const raw = typeof body === "string" ? Buffer.from(body, "utf8") : body;
  addVary(response, "Accept-Encoding");
  const coding = raw.length >= MIN_BYTES ? chooseCoding(acceptEncoding) : undefined;
  if (!coding) return raw;
  response.setHeader("content-encoding", coding);
  return coding === "br"
    ? brotli(raw, {
        params: {
          // Quality 4: most of brotli's gain at a fraction of the default 11's cost per request.
          [constants.BROTLI_PARAM_QUALITY]: 4,
          [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
        },
      })
    : gzipAsync(raw, { level: 6 });
}
